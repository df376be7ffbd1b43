import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricSum } from '@shop/testkit';
import { SharedFetches } from '../src/shared-fetches.js';
import { startTestShop, type TestShop } from './support/test-shop.js';

const products = `query Products { products(first: 3) { id name price } }`;

describe('identical subgraph fetches in flight together', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
    shop.catalog.delay(300);
  });
  afterAll(async () => {
    await shop?.stop();
  });

  const sharedCount = async () =>
    metricSum(
      await (await fetch(shop.router.metricsUrl)).text(),
      'router_subgraph_fetches_shared_total',
      {
        subgraph: 'catalog',
      },
    );

  it('give every anonymous caller the whole answer, and are counted when shared', async () => {
    // Whether a request shares depends on when it arrived (SharedFetches' tests pin that down):
    // here every answer must be whole, and each request is either fetched or counted as shared.
    const seenBefore = shop.catalog.seen.length;
    const sharedBefore = await sharedCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => shop.call(products)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({
        products: ['p1', 'p2', 'p3'].map((id) => ({ id, name: `Product ${id}`, price: 1000 })),
      });
    }
    const fetched = shop.catalog.seen.length - seenBefore;
    expect(fetched + (await sharedCount()) - sharedBefore).toBe(10);
  });

  it('are made for every signed-in caller, and a mutation is never shared', async () => {
    const token = await shop.token('erin');
    const seenBefore = shop.catalog.seen.length;
    await Promise.all(Array.from({ length: 5 }, () => shop.call(products, { token })));
    expect(shop.catalog.seen.length - seenBefore).toBe(5);

    const attemptsBefore = shop.loginAttempts();
    const login = `mutation { login(email: "a@example.com", password: "x") }`;
    await Promise.all(Array.from({ length: 5 }, () => shop.call(login)));
    expect(shop.loginAttempts() - attemptsBefore).toBe(5);
  });
});

describe('SharedFetches', () => {
  it('fetches once per key in flight, giving each caller its own copy of the data', async () => {
    const shared = new SharedFetches<{ data: { n: number[] } }>();
    let fetches = 0;
    let sharedCount = 0;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const fetchOnce = async () => {
      fetches++;
      await answered;
      return { data: { n: [1, 2] } };
    };
    const onShared = () => sharedCount++;
    const requestStart = performance.now();
    const runs = Promise.all([
      shared.run('k', requestStart, fetchOnce, onShared),
      shared.run('k', requestStart, fetchOnce, onShared),
      shared.run('other', requestStart, fetchOnce, onShared),
    ]);
    // All three asked while the fetches were in flight; now they answer.
    answer();
    const [a, b, other] = await runs;
    expect({ fetches, sharedCount }).toEqual({ fetches: 2, sharedCount: 1 });
    expect(a).toEqual(b);
    expect(a.data).not.toBe(b.data);
    expect(other).toEqual(a);
    // Once answered, the key is free: the next fetch is a new one.
    await shared.run('k', performance.now(), fetchOnce, onShared);
    expect(fetches).toBe(3);
  });

  it('never hands a request a fetch that started before it did', async () => {
    let now = 0;
    const shared = new SharedFetches<{ data: { read: number } }>(() => now);
    let reads = 0;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const read = async () => {
      const value = ++reads;
      await answered;
      return { data: { read: value } };
    };
    let sharedCount = 0;
    const early = shared.run('k', now, read, () => sharedCount++);
    now += 5;
    // A request that began after the first fetch started (after a price change, say) reads anew…
    const lateStart = now;
    const late = shared.run('k', lateStart, read, () => sharedCount++);
    // …and one that began before that second fetch started may share it.
    const alongside = shared.run('k', lateStart, read, () => sharedCount++);
    answer();
    expect((await early).data.read).toBe(1);
    expect((await late).data.read).toBe(2);
    expect((await alongside).data.read).toBe(2);
    expect({ reads, sharedCount }).toEqual({ reads: 2, sharedCount: 1 });
  });
});
