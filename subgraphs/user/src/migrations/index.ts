// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124131333 } from './Migration20261124131333.js';
import { Migration20261124151953 } from './Migration20261124151953.js';
import { Migration20261203223323 } from './Migration20261203223323.js';
import { Migration20261204050000 } from './Migration20261204050000.js';
import { Migration20261210090000 } from './Migration20261210090000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124131333', class: Migration20261124131333 },
  { name: 'Migration20261124151953', class: Migration20261124151953 },
  { name: 'Migration20261203223323', class: Migration20261203223323 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
  { name: 'Migration20261210090000', class: Migration20261210090000 },
];
