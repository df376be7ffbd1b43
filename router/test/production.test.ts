import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestShop, type TestShop } from './support/test-shop.js';

describe.each([
  { mode: 'production', introspection: false, suggestions: false },
  { mode: 'development', introspection: true, suggestions: true },
])('schema exposure in $mode', ({ mode, introspection, suggestions }) => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop({ NODE_ENV: mode });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it(introspection ? 'answers introspection' : 'refuses introspection', async () => {
    const schema = await shop.call(`{ __schema { queryType { name } } }`);
    const type = await shop.call(`{ __type(name: "Product") { fields { name } } }`);
    if (introspection) {
      expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect(type.errors).toBeUndefined();
    } else {
      expect(schema.status).toBe(400);
      expect(schema.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      expect(type.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      expect(schema.data).toBeUndefined();
    }
  });

  it(suggestions ? 'suggests field names' : 'does not suggest field names', async () => {
    const typo = await shop.call(`{ prodcts(first: 1) { nam } }`);
    expect(typo.status).toBe(400);
    expect(typo.errors?.[0]?.message).toMatch(/Cannot query field "prodcts" on type "Query"/);
    const messages = (typo.errors ?? []).map((error) => error.message).join('\n');
    if (suggestions) expect(messages).toMatch(/Did you mean "products"/);
    else expect(messages).not.toMatch(/Did you mean/);
    const argument = await shop.call(`{ products(frist: 1) { name } }`);
    const argumentMessages = (argument.errors ?? []).map((error) => error.message).join('\n');
    expect(argumentMessages).toMatch(/Unknown argument "frist"/);
    if (!suggestions) expect(argumentMessages).not.toMatch(/Did you mean/);
  });

  it('still answers __typename', async () => {
    expect((await shop.call(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
  });
});
