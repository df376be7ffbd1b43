// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124131332 } from './Migration20261124131332.js';
import { Migration20261124192308 } from './Migration20261124192308.js';
import { Migration20261204050000 } from './Migration20261204050000.js';
import { Migration20261204150000 } from './Migration20261204150000.js';
import { Migration20261204180000 } from './Migration20261204180000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124131332', class: Migration20261124131332 },
  { name: 'Migration20261124192308', class: Migration20261124192308 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
  { name: 'Migration20261204150000', class: Migration20261204150000 },
  { name: 'Migration20261204180000', class: Migration20261204180000 },
];
