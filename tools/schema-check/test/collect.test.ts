import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { operationIdOf } from '@shop/contracts/operation-manifest';
import { collectOperations } from '../src/operations/collect.js';
import { graphqlTagsOf } from '../src/operations/graphql-tags.js';

const manifest = (name: string) => {
  const body = `query ${name} { products { id } }`;
  return JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: operationIdOf(body), name, type: 'query', body }],
  });
};

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function repoWith(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(path.join(tmpdir(), 'schema-check-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe('collecting operations', () => {
  it('finds client documents, gql tags and manifests, skipping installs, builds and settings', async () => {
    const found = await collectOperations(
      await repoWith({
        'client/src/catalog.graphql': 'query Home { products { ...Card } }',
        'client/src/card.tsx':
          'const card = gql`fragment Card on Product { id }`;\n// posts to `/graphql` here\n',
        'client/persisted-query-manifest.config.json': '{ "documents": [] }',
        'client/dist/persisted-query-manifest.json': manifest('Built'),
        'client/node_modules/x/persisted-query-manifest.json': manifest('Installed'),
        'partners/acme.manifest.json': manifest('AcmeProducts'),
        'apps/persisted-query-manifest.json': manifest('Elsewhere'),
      }),
    );
    expect(found.problems).toEqual([]);
    expect(found.clientFiles).toBe(2);
    expect(found.manifests).toBe(2);
    expect(found.operations.map(({ name, file }) => `${name} ${file}`)).toEqual([
      'Home client/src/catalog.graphql',
      'Elsewhere apps/persisted-query-manifest.json',
      'AcmeProducts partners/acme.manifest.json',
    ]);
    const [home] = found.operations;
    expect(home!.document.definitions.map((definition) => definition.kind)).toEqual([
      'OperationDefinition',
      'FragmentDefinition',
    ]);
  });

  it('finds none without a client or manifests, and reports documents it cannot parse', async () => {
    expect(await collectOperations(await repoWith({ 'README.md': '' }))).toEqual({
      operations: [],
      clientFiles: 0,
      manifests: 0,
      problems: [],
    });
    const broken = await collectOperations(
      await repoWith({
        'client/a.graphql': 'query {',
        'client/b.graphql': 'fragment A on B { id }',
      }),
    );
    expect(broken.problems).toEqual([
      'client/a.graphql: Syntax Error: Expected Name, found <EOF>.',
    ]);
  });

  it('reads gql and graphql tags, dropping interpolations, and nothing else', () => {
    expect(
      graphqlTagsOf('gql`query A { a }`; x = graphql`query B { ...F }\n${F}`; // see `/graphql`'),
    ).toEqual(['query A { a }', 'query B { ...F }\n']);
  });
});
