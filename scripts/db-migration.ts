// `pnpm db:migration <subgraph>`: writes the subgraph's next MySQL migration — the difference
// between its entities and the schema its existing migrations build — and lists it in
// src/migrations/index.ts. Needs the real MySQL (`pnpm infra:up`).
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyInfraEnv } from '@shop/infra';
import { openDatabase } from '@shop/kit/db';
import { createTestDatabase } from '@shop/testkit';
import { subgraphs } from './subgraphs.js';

const name = process.argv[2];
const definition = subgraphs.find((candidate) => candidate.name === name);
if (!definition) {
  console.error(`usage: pnpm db:migration <${subgraphs.map((s) => s.name).join('|')}>`);
  process.exit(2);
}
if (!applyInfraEnv()) {
  console.error('MySQL settings missing: run `pnpm infra:up` first.');
  process.exit(1);
}

const scratch = await createTestDatabase('mysql', `migration_${name}`);
try {
  const orm = await openDatabase({
    config: scratch.config,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await orm.migrator.up();
  const result = await orm.migrator.create(definition.migrations.folder);
  await orm.close();
  if (!result.fileName) {
    console.log(`${name}: the schema matches the entities; no migration written`);
  } else {
    writeIndex(definition.migrations.folder);
    console.log(`${name}: wrote ${path.join(definition.migrations.folder, result.fileName)}`);
  }
} finally {
  await scratch.drop();
}

function writeIndex(folder: string): void {
  const names = readdirSync(folder)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  writeFileSync(
    path.join(folder, 'index.ts'),
    [
      "// Written by `pnpm db:migration`: this subgraph's MySQL migrations, oldest first.",
      "import type { MigrationObject } from '@mikro-orm/core';",
      ...names.map((migration) => `import { ${migration} } from './${migration}.js';`),
      '',
      'export const migrationsList: MigrationObject[] = [',
      ...names.map((migration) => `  { name: '${migration}', class: ${migration} },`),
      '];',
      '',
    ].join('\n'),
  );
}
