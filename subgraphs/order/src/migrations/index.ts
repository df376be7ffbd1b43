// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124153741 } from './Migration20261124153741.js';
import { Migration20261124160322 } from './Migration20261124160322.js';
import { Migration20261124193000 } from './Migration20261124193000.js';
import { Migration20261203151000 } from './Migration20261203151000.js';
import { Migration20261203181000 } from './Migration20261203181000.js';
import { Migration20261203223318 } from './Migration20261203223318.js';
import { Migration20261204050000 } from './Migration20261204050000.js';
import { Migration20261204110000 } from './Migration20261204110000.js';
import { Migration20261204120000 } from './Migration20261204120000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124153741', class: Migration20261124153741 },
  { name: 'Migration20261124160322', class: Migration20261124160322 },
  { name: 'Migration20261124193000', class: Migration20261124193000 },
  { name: 'Migration20261203151000', class: Migration20261203151000 },
  { name: 'Migration20261203181000', class: Migration20261203181000 },
  { name: 'Migration20261203223318', class: Migration20261203223318 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
  { name: 'Migration20261204110000', class: Migration20261204110000 },
  { name: 'Migration20261204120000', class: Migration20261204120000 },
];
