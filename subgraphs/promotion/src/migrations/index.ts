// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124153739 } from './Migration20261124153739.js';
import { Migration20261204050000 } from './Migration20261204050000.js';
import { Migration20261204140000 } from './Migration20261204140000.js';
import { Migration20261204160000 } from './Migration20261204160000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124153739', class: Migration20261124153739 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
  { name: 'Migration20261204140000', class: Migration20261204140000 },
  { name: 'Migration20261204160000', class: Migration20261204160000 },
];
