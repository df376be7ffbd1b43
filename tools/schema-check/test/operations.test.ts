import { describe, expect, it } from 'vitest';
import { operationIdOf } from '@shop/contracts/operation-manifest';
import type { CollectedOperations } from '../src/operations/collect.js';
import { manifestOperations } from '../src/operations/manifest.js';
import { checkOperations } from '../src/operations/validate.js';
import { baseSchema, clientOperations, fixture } from './support.js';

const manifestOf = (operations: { name: string; body: string }[]) =>
  JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: operations.map(({ name, body }) => ({
      id: operationIdOf(body),
      name,
      type: 'query',
      body,
    })),
  });

const collected = (file: string, text: string): CollectedOperations => {
  const { operations, problems } = manifestOperations(file, text);
  return { operations, problems, clientFiles: 0, manifests: 1 };
};

describe('operations', () => {
  it('passes valid client operations and manifests, with their figures', () => {
    const manifest = manifestOperations(
      'partners/acme.manifest.json',
      manifestOf([{ name: 'Names', body: 'query Names { products { name } }' }]),
    );
    expect(manifest.problems).toEqual([]);
    const result = checkOperations(baseSchema(), {
      operations: [...clientOperations(), ...manifest.operations],
      clientFiles: 1,
      manifests: 1,
      problems: [],
    });
    expect(result).toEqual({
      name: 'operations',
      ok: true,
      summary: '1 client file, 1 manifest, 3 operations valid',
      details: [],
    });
  });

  it('fails on an invalid operation in a manifest, naming the file and the operation', () => {
    const text = manifestOf([
      { name: 'Names', body: 'query Names { products { name } }' },
      { name: 'Prices', body: 'query Prices { products { price } }' },
    ]);
    const result = checkOperations(baseSchema(), collected('partners/acme.manifest.json', text));
    expect(result.ok).toBe(false);
    expect(result.summary).toContain('1 of 2 operations invalid');
    expect(result.details[0]).toBe(
      'partners/acme.manifest.json: operation Prices: Cannot query field "price" on type "Product". ' +
        'Did you mean "minPrice"?',
    );
  });

  it('rejects partner operations on fields no scope opens, but not first-party ones', () => {
    const operations = [
      { name: 'Names', body: 'query Names { products { name } }' },
      { name: 'Secret', body: 'query Secret { me { id } }' },
    ];
    expect(
      manifestOperations('partners/acme.manifest.json', manifestOf(operations)).problems,
    ).toEqual([
      'partners/acme.manifest.json: operation Secret: Query.me is not open to partners (no scope grants it)',
    ]);
    expect(
      manifestOperations('client/dist/persisted-query-manifest.json', manifestOf(operations))
        .problems,
    ).toEqual([]);
  });

  it('rejects a manifest whose id is not the SHA-256 of the body', () => {
    const { operations, problems } = manifestOperations(
      'partners/lying.manifest.json',
      fixture('lying.manifest.json'),
    );
    expect(operations).toEqual([]);
    expect(problems).toEqual([
      'partners/lying.manifest.json: operation PartnerProduct: id: id is not the SHA-256 of body',
    ]);
    const result = checkOperations(
      baseSchema(),
      collected('partners/lying.manifest.json', fixture('lying.manifest.json')),
    );
    expect(result.ok).toBe(false);
    expect(result.summary).toContain('1 document or manifest problem');
  });

  it('rejects a manifest entry whose name or type is not its body’s', () => {
    const renamed = manifestOperations(
      'm.json',
      manifestOf([{ name: 'Harmless', body: 'query Names { products { name } }' }]),
    );
    expect(renamed.problems).toEqual([
      'm.json: operation Harmless: the body must be one query named Harmless',
    ]);
    const body = 'mutation Names { products { name } }';
    const retyped = manifestOperations(
      'm.json',
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: operationIdOf(body), name: 'Names', type: 'query', body }],
      }),
    );
    expect(retyped.problems).toEqual([
      'm.json: operation Names: the body must be one query named Names',
    ]);
  });

  it('reports a manifest that is not JSON or not a manifest', () => {
    expect(manifestOperations('m.json', '{').problems[0]).toMatch(/^m\.json: not JSON/);
    expect(manifestOperations('m.json', '{"operations": []}').problems).toContain(
      'm.json: format: Invalid input: expected "apollo-persisted-query-manifest"',
    );
  });
});
