// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124161051 } from './Migration20261124161051.js';
import { Migration20261124193000 } from './Migration20261124193000.js';
import { Migration20261203145425 } from './Migration20261203145425.js';
import { Migration20261203223500 } from './Migration20261203223500.js';
import { Migration20261204050000 } from './Migration20261204050000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124161051', class: Migration20261124161051 },
  { name: 'Migration20261124193000', class: Migration20261124193000 },
  { name: 'Migration20261203145425', class: Migration20261203145425 },
  { name: 'Migration20261203223500', class: Migration20261203223500 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
];
