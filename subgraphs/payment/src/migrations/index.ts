// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124153743 } from './Migration20261124153743.js';
import { Migration20261203150000 } from './Migration20261203150000.js';
import { Migration20261204050000 } from './Migration20261204050000.js';
import { Migration20261206120000 } from './Migration20261206120000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124153743', class: Migration20261124153743 },
  { name: 'Migration20261203150000', class: Migration20261203150000 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
  { name: 'Migration20261206120000', class: Migration20261206120000 },
];
