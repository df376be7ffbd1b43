// `pnpm compose`: composes the subgraphs' SDL into router/supergraph.graphql, and writes the API
// schema clients see (router/api-schema.graphql: no federation directives; codegen reads it).
// `pnpm compose --check`: fails if composition fails or a committed file is stale (CI runs it).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { buildSubgraphSchema } from '@shop/kit/server';
import { defaultPorts } from '@shop/kit/service';
import { subgraphs } from './subgraphs.js';

const supergraphFile = fileURLToPath(new URL('../router/supergraph.graphql', import.meta.url));
const apiSchemaFile = fileURLToPath(new URL('../router/api-schema.graphql', import.meta.url));
const check = process.argv.includes('--check');

const services = await Promise.all(
  subgraphs.map(async (definition) => ({
    name: definition.name,
    // The default address; the router overrides it per environment (SHOP_SUBGRAPH_URL_<NAME>).
    url: `http://127.0.0.1:${defaultPorts[definition.name]}/graphql`,
    typeDefs: parse((await buildSubgraphSchema(definition.graphql)).sdl),
  })),
);
const result = composeServices(services);
if (result.errors) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}
const outputs = [
  { file: supergraphFile, text: `${result.supergraphSdl.trim()}\n` },
  {
    file: apiSchemaFile,
    text: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`,
  },
];
if (check) {
  for (const { file, text } of outputs) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error(
        `${file.slice(file.indexOf('router/'))} is stale: run \`pnpm compose\` and commit the result.`,
      );
      process.exit(1);
    }
  }
  console.log(`supergraph and API schema up to date (${services.length} subgraphs)`);
} else {
  for (const { file, text } of outputs) await writeFile(file, text);
  console.log(
    `composed ${services.length} subgraphs into router/supergraph.graphql and router/api-schema.graphql`,
  );
}
for (const hint of result.hints ?? []) console.log(`hint: ${hint.toString()}`);
