// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124144236 } from './Migration20261124144236.js';
import { Migration20261124145545 } from './Migration20261124145545.js';
import { Migration20261124152600 } from './Migration20261124152600.js';
import { Migration20261203180000 } from './Migration20261203180000.js';
import { Migration20261204050000 } from './Migration20261204050000.js';
import { Migration20261204120000 } from './Migration20261204120000.js';
import { Migration20261205100746 } from './Migration20261205100746.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124144236', class: Migration20261124144236 },
  { name: 'Migration20261124145545', class: Migration20261124145545 },
  { name: 'Migration20261124152600', class: Migration20261124152600 },
  { name: 'Migration20261203180000', class: Migration20261203180000 },
  { name: 'Migration20261204050000', class: Migration20261204050000 },
  { name: 'Migration20261204120000', class: Migration20261204120000 },
  { name: 'Migration20261205100746', class: Migration20261205100746 },
];
