// `pnpm compose`: composes the subgraphs' SDL into router/supergraph.graphql.
// `pnpm compose --check`: fails if composition fails or the committed file is stale (CI runs it).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildSubgraphSchema } from '@shop/kit/server';
import { defaultPorts } from '@shop/kit/service';
import { subgraphs } from './subgraphs.js';

const supergraphFile = fileURLToPath(new URL('../router/supergraph.graphql', import.meta.url));
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
const supergraph = `${result.supergraphSdl.trim()}\n`;
if (check) {
  const committed = await readFile(supergraphFile, 'utf8').catch(() => '');
  if (committed !== supergraph) {
    console.error('router/supergraph.graphql is stale: run `pnpm compose` and commit the result.');
    process.exit(1);
  }
  console.log(`supergraph up to date (${services.length} subgraphs)`);
} else {
  await writeFile(supergraphFile, supergraph);
  console.log(`composed ${services.length} subgraphs into router/supergraph.graphql`);
}
for (const hint of result.hints ?? []) console.log(`hint: ${hint.toString()}`);
