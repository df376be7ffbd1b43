import { fileURLToPath } from 'node:url';
import { describeMigrations } from '@shop/testkit/migrations-suite';
import { returnEntities } from '../src/domain/entities.js';
import { migrationsList } from '../src/migrations/index.js';

describeMigrations('return', {
  entities: returnEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('../src/migrations', import.meta.url)),
  },
  downTo: 0,
});
