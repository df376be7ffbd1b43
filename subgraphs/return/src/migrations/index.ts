// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124162215 } from './Migration20261124162215.js';
import { Migration20261124164313 } from './Migration20261124164313.js';
import { Migration20261124193000 } from './Migration20261124193000.js';
import { Migration20261203183000 } from './Migration20261203183000.js';
import { Migration20261204050000 } from './Migration20261204050000.js';
import { Migration20261204120000 } from './Migration20261204120000.js';
import { Migration20261206120000 } from './Migration20261206120000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124162215', class: Migration20261124162215 },
  { name: 'Migration20261124164313', class: Migration20261124164313 },
  { name: 'Migration20261124193000', class: Migration20261124193000 },
  { name: 'Migration20261203183000', class: Migration20261203183000 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
  { name: 'Migration20261204120000', class: Migration20261204120000 },
  { name: 'Migration20261206120000', class: Migration20261206120000 },
];
