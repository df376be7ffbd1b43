import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import { MemoryStockGate, RedisStockGate, type StockGate } from '../src/services/stock-gate.js';

const infra = await probeInfra(['redis']);
const redis = infra.ok ? new Redis(process.env.SHOP_REDIS_URL!) : undefined;
afterAll(() => redis?.disconnect());

const gates: {
  name: string;
  make: (passLifetimeMs?: number) => StockGate;
  skip: string | false;
}[] = [
  {
    name: 'memory (embedded)',
    make: (passLifetimeMs) => new MemoryStockGate(passLifetimeMs),
    skip: false,
  },
  {
    name: 'Redis (real runs)',
    make: (passLifetimeMs) => new RedisStockGate(redis!, passLifetimeMs),
    skip: infra.ok ? false : (infra.reason ?? 'no Redis'),
  },
];

const one = (skuId: string, quantity = 1) => [{ skuId, quantity }];

describe.each(gates)('the stock gate, $name', ({ make, skip }) => {
  if (skip) {
    it.skip(`needs Redis: ${skip}`, () => {});
    return;
  }
  /** A product with one SKU that product last said had `available` units, at `revision`. */
  const known = async (gate: StockGate, available: number, revision = 1) => {
    const sku = randomUUID();
    const productId = randomUUID();
    await gate.apply({ productId, revision, skus: [{ id: sku, available }] });
    return { sku, productId };
  };

  it('lets orders through for as many units as it knows of, and turns the rest away', async () => {
    const gate = make();
    const { sku } = await known(gate, 3);
    expect(await gate.admit(randomUUID(), one(sku, 2))).toBeUndefined();
    expect(await gate.admit(randomUUID(), one(sku, 2))).toEqual({ skuId: sku, available: 1 });
    expect(await gate.admit(randomUUID(), one(sku))).toBeUndefined();
    // An order of two lines is turned away by the line that cannot be had, and takes no pass for
    // the other: that one's single unit stays free for the next buyer.
    const { sku: single } = await known(gate, 1);
    expect(await gate.admit(randomUUID(), [...one(single), ...one(sku)])).toEqual({
      skuId: sku,
      available: 0,
    });
    expect(await gate.admit(randomUUID(), one(single))).toBeUndefined();
  });

  it('lets everyone through for a SKU it knows nothing of: product decides', async () => {
    const gate = make();
    const sku = randomUUID();
    for (let buyer = 0; buyer < 5; buyer++)
      expect(await gate.admit(randomUUID(), one(sku, 1000))).toBeUndefined();
  });

  it('counts a pass until its order has heard back; the answer then says what is left', async () => {
    const gate = make();
    const { sku, productId } = await known(gate, 2);
    const [first, second] = [randomUUID(), randomUUID()];
    expect(await gate.admit(first, one(sku))).toBeUndefined();
    expect(await gate.admit(second, one(sku))).toBeUndefined();
    expect(await gate.admit(randomUUID(), one(sku))).toEqual({ skuId: sku, available: 0 });

    // The first reservation failed (product refused it): its pass goes, the unit is free again.
    await gate.leave(first, one(sku));
    const third = randomUUID();
    expect(await gate.admit(third, one(sku))).toBeUndefined();
    // The second reserved, leaving one; the third took that last one, which sold the product out.
    await gate.learn(second, one(sku), { left: [{ id: sku, available: 1 }], soldOut: [] });
    await gate.learn(third, one(sku), {
      left: [{ id: sku, available: 0 }],
      soldOut: [{ productId, revision: 2, skus: [{ id: sku, available: 0 }] }],
    });
    expect(await gate.admit(randomUUID(), one(sku))).toEqual({ skuId: sku, available: 0 });
    // A unit comes back (a lapsed order): product's next revision opens the gate again.
    await gate.apply({ productId, revision: 3, skus: [{ id: sku, available: 1 }] });
    expect(await gate.admit(randomUUID(), one(sku))).toBeUndefined();
  });

  it('the answer that took the last unit closes it in the step its pass goes: nobody slips through between', async () => {
    const gate = make();
    const { sku, productId } = await known(gate, 3);
    const [first, second, last] = [randomUUID(), randomUUID(), randomUUID()];
    for (const order of [first, second, last])
      expect(await gate.admit(order, one(sku))).toBeUndefined();
    await gate.learn(first, one(sku), { left: [{ id: sku, available: 2 }], soldOut: [] });
    // The last reservation's answer comes before the second's: a buyer asking while it is being
    // learnt (the next command on the same connection) finds the SKU sold out, not a pass gone.
    const learning = gate.learn(last, one(sku), {
      left: [{ id: sku, available: 0 }],
      soldOut: [{ productId, revision: 2, skus: [{ id: sku, available: 0 }] }],
    });
    const meanwhile = gate.admit(randomUUID(), one(sku));
    await learning;
    expect(await meanwhile).toEqual({ skuId: sku, available: 0 });
    await gate.learn(second, one(sku), { left: [{ id: sku, available: 1 }], soldOut: [] });
    expect(await gate.admit(randomUUID(), one(sku))).toEqual({ skuId: sku, available: 0 });
  });

  it('counts a reserved unit once: the answer that lowers what is left takes its pass away', async () => {
    const gate = make();
    const { sku } = await known(gate, 3);
    const [first, second] = [randomUUID(), randomUUID()];
    expect(await gate.admit(first, one(sku))).toBeUndefined();
    expect(await gate.admit(second, one(sku))).toBeUndefined();
    // The first reserved: two are left, one of them passing to the second; one is still free.
    await gate.learn(first, one(sku), { left: [{ id: sku, available: 2 }], soldOut: [] });
    expect(await gate.admit(randomUUID(), one(sku))).toBeUndefined();
    expect(await gate.admit(randomUUID(), one(sku))).toEqual({ skuId: sku, available: 0 });
  });

  it('applies only newer revisions: a late or repeated event cannot close it again', async () => {
    const gate = make();
    const { sku, productId } = await known(gate, 0, 5);
    const backInStock = { productId, revision: 6, skus: [{ id: sku, available: 2 }] };
    await gate.apply(backInStock);
    // The sold-out event delivered again (a redelivery after a crash): the unit stays on sale.
    await gate.apply({ productId, revision: 5, skus: [{ id: sku, available: 0 }] });
    await gate.apply(backInStock);
    expect(await gate.admit(randomUUID(), one(sku, 2))).toBeUndefined();
    await gate.apply({ productId, revision: 7, skus: [{ id: sku, available: 0 }] });
    expect(await gate.admit(randomUUID(), one(sku))).toEqual({ skuId: sku, available: 0 });
  });

  it('answers only ever lower what it holds, and only a revision can say sold out', async () => {
    const gate = make();
    const { sku } = await known(gate, 5);
    const answered = (available: number) =>
      gate.learn(randomUUID(), one(sku), { left: [{ id: sku, available }], soldOut: [] });
    await answered(2);
    // An earlier reservation's answer, arriving late, does not raise it.
    await answered(4);
    // A bare 0 could be older than the event that reopened the SKU: it is not taken.
    await answered(0);
    expect(await gate.admit(randomUUID(), one(sku, 3))).toEqual({ skuId: sku, available: 2 });
    expect(await gate.admit(randomUUID(), one(sku, 2))).toBeUndefined();
  });

  it('a pass its order never gave back (the process died) lapses', async () => {
    const gate = make(300);
    const { sku } = await known(gate, 1);
    expect(await gate.admit(randomUUID(), one(sku))).toBeUndefined();
    expect(await gate.admit(randomUUID(), one(sku))).toEqual({ skuId: sku, available: 0 });
    await waitFor('the dead order’s pass to lapse', async () =>
      (await gate.admit(randomUUID(), one(sku))) === undefined ? true : null,
    );
  });

  it('many buyers at once for a few units: exactly as many passes as units', async () => {
    const gate = make();
    const { sku } = await known(gate, 7);
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => gate.admit(randomUUID(), one(sku))),
    );
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(7);
  });
});

describe.skipIf(!infra.ok)('the Redis gate, shared by order replicas', () => {
  it('two replicas at once never let through more orders than units', async () => {
    const secondConnection = redis!.duplicate();
    onTestFinished(() => secondConnection.disconnect());
    const replicas = [new RedisStockGate(redis!), new RedisStockGate(secondConnection)];
    const sku = randomUUID();
    await replicas[0]!.apply({
      productId: randomUUID(),
      revision: 1,
      skus: [{ id: sku, available: 10 }],
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, buyer) => replicas[buyer % 2]!.admit(randomUUID(), one(sku))),
    );
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(10);
  });
});
