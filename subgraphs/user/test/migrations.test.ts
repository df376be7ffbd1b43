import { fileURLToPath } from 'node:url';
import { describeMigrations } from '@shop/testkit/migrations-suite';
import { userEntities } from '../src/domain/entities.js';
import { migrationsList } from '../src/migrations/index.js';

// Down as far as the migrations go: the enum widening of 20261203223323 has no way back.
describeMigrations('user', {
  entities: userEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('../src/migrations', import.meta.url)),
  },
  downTo: 'Migration20261203223323',
});
