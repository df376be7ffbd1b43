import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incompleteAnswerCode } from '../src/value-completion-errors.js';
import { startTestShop, type TestShop } from './support/test-shop.js';

describe('an answer the subgraphs left incomplete', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('comes with an error at the path that could not be completed, not a bare null', async () => {
    const token = await shop.token('erin');
    const answer = await shop.call(`query Wishlist { me { name wishlist { id name } } }`, {
      token,
    });
    // The removed product's name is missing: its non-null list nulls the account.
    expect(answer.data).toEqual({ me: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Product.name'),
        path: ['me', 'wishlist', 1, 'name'],
        extensions: { code: incompleteAnswerCode },
      }),
    ]);
    // The whole body as sent: the reason is an error now, not an extension.
    expect(answer).not.toHaveProperty('extensions.valueCompletion');
  });

  it('leaves a complete answer as it is', async () => {
    const token = await shop.token('erin');
    const answer = await shop.call(`query Favorites { me { name favorites { id name } } }`, {
      token,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      me: {
        name: 'Account erin',
        favorites: [
          { id: 'p1', name: 'Product p1' },
          { id: 'p2', name: 'Product p2' },
        ],
      },
    });
  });
});
