import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { probeInfra } from '@shop/testkit';
import { MemoryStockGate, RedisStockGate, type StockGate } from '../src/services/stock-gate.js';

const infra = await probeInfra(['redis']);
const redis = infra.ok ? new Redis(process.env.SHOP_REDIS_URL!) : undefined;
afterAll(() => redis?.disconnect());

const gates: { name: string; make: () => StockGate; skip: string | false }[] = [
  { name: 'memory (embedded)', make: () => new MemoryStockGate(), skip: false },
  {
    name: 'Redis (real runs)',
    make: () => new RedisStockGate(redis!),
    skip: infra.ok ? false : (infra.reason ?? 'no Redis'),
  },
];

describe.each(gates)('the stock gate, $name', ({ make, skip }) => {
  if (skip) {
    it.skip(`needs Redis: ${skip}`, () => {});
    return;
  }
  const productId = randomUUID();
  const [black, white] = [randomUUID(), randomUUID()];

  it('knows the SKUs product last said were sold out, and no others', async () => {
    const gate = make();
    expect(await gate.firstSoldOut([black, white])).toBeUndefined();
    await gate.apply({
      productId,
      revision: 3,
      skus: [
        { id: black, available: 0 },
        { id: white, available: 4 },
      ],
    });
    expect(await gate.firstSoldOut([white, black])).toBe(black);
    expect(await gate.firstSoldOut([white])).toBeUndefined();
    expect(await gate.firstSoldOut([])).toBeUndefined();
  });

  it('applies only newer revisions: a late or repeated event cannot close it again', async () => {
    const gate = make();
    const sku = randomUUID();
    const product = randomUUID();
    const soldOut = { productId: product, revision: 5, skus: [{ id: sku, available: 0 }] };
    const backInStock = { productId: product, revision: 6, skus: [{ id: sku, available: 2 }] };
    await gate.apply(soldOut);
    await gate.apply(backInStock);
    // The sold-out event delivered again (a redelivery after a crash): the unit stays on sale.
    await gate.apply(soldOut);
    await gate.apply(backInStock);
    expect(await gate.firstSoldOut([sku])).toBeUndefined();
    await gate.apply({ ...soldOut, revision: 7 });
    expect(await gate.firstSoldOut([sku])).toBe(sku);
  });
});
