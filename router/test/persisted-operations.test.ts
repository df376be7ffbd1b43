import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIdOf } from '@shop/contracts/operation-manifest';
import { startTestShop, type TestShop } from './support/test-shop.js';

const listed = `query Listed { products(first: 2) { name } }`;
const notListed = `query NotListed { products(first: 1) { name } }`;

/** A manifest file as a first-party client's build writes it. */
function manifestFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'router-manifest-')), 'manifest.json');
  const operations = [{ id: operationIdOf(listed), name: 'Listed', type: 'query', body: listed }];
  writeFileSync(
    path,
    JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }),
  );
  return path;
}

interface Answer {
  status: number;
  data?: { products: { name: string }[] };
  errors?: { extensions?: { code?: string } }[];
}

async function post(shop: TestShop, body: unknown) {
  const response = await fetch(shop.router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

async function get(shop: TestShop, params: Record<string, string>) {
  const url = new URL(shop.router.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  // A custom header satisfies Apollo's CSRF prevention for GET, as first-party clients send.
  const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const byId = (body: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: operationIdOf(body) } },
});
const codeOf = (response: Answer) => response.errors?.[0]?.extensions?.code;

describe('first-party operations on a safelist, in production', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop({
      NODE_ENV: 'production',
      SHOP_OPERATION_MANIFESTS: manifestFile(),
    });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('runs a listed operation by id, or by its exact text', async () => {
    const viaId = await post(shop, byId(listed));
    expect(viaId.status).toBe(200);
    expect(viaId.data!.products).toHaveLength(2);
    const viaText = await post(shop, { query: listed });
    expect(viaText.data).toEqual(viaId.data);
    const viaGet = await get(shop, { extensions: JSON.stringify(byId(listed).extensions) });
    expect(viaGet.data).toEqual(viaId.data);
  });

  it('refuses any other query, by POST or GET, and unknown ids', async () => {
    const refused = {
      post: await post(shop, { query: notListed }),
      get: await get(shop, { query: notListed }),
      unknownId: await post(shop, byId(notListed)),
    };
    expect(Object.values(refused).map((response) => [response.status, codeOf(response)])).toEqual([
      [400, 'OPERATION_NOT_SAFELISTED'],
      [400, 'OPERATION_NOT_SAFELISTED'],
      [400, 'PERSISTED_QUERY_NOT_FOUND'],
    ]);
  });
});

describe('first-party operations in development', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop({ SHOP_OPERATION_MANIFESTS: manifestFile() });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('runs free-form queries and resolves listed ids', async () => {
    expect((await post(shop, { query: notListed })).data!.products).toHaveLength(1);
    expect((await post(shop, byId(listed))).data!.products).toHaveLength(2);
  });

  it('lets no client register a query under an id (no automatic persisted queries)', async () => {
    await post(shop, { query: notListed, ...byId(notListed) });
    const afterwards = await post(shop, byId(notListed));
    expect([afterwards.status, codeOf(afterwards)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
  });
});
