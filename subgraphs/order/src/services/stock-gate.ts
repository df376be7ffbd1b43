import type { ProductStock } from '@shop/contracts';
import type { Runtime } from '@shop/kit/service';

type Redis = NonNullable<Runtime['redis']>;

/**
 * The first-come sale's gate: the SKUs product last said had no units left, so a buyer who cannot
 * get one is told so at once, without a quote, an order row or a reservation attempt. It only
 * answers "sold out" early; product's reservation stays what decides (no oversell whatever the
 * gate says). Kept by product's ProductChanged events, which product publishes whenever a SKU's
 * availability reaches zero or leaves it (and, sooner, by the reservation that took the last unit,
 * which answers what that event will say): a unit released by a lapsed order opens the gate again
 * as soon as its event arrives, so no unit stays unsold while buyers wait. Applied only when newer
 * than what it holds, so duplicates and replays change nothing.
 */
export interface StockGate {
  /** The first of these SKUs known to be sold out, if any. */
  firstSoldOut(skuIds: string[]): Promise<string | undefined>;
  apply(change: ProductStock): Promise<void>;
}

const revisionKey = (productId: string) => `stock-gate:revision:${productId}`;
const soldOutKey = (skuId: string) => `stock-gate:sold-out:${skuId}`;

// KEYS: the product's revision, then one sold-out key per SKU; ARGV: the revision, then 1 (sold
// out) or 0 per SKU. Atomic, so two order replicas applying events cannot interleave.
const applyScript = `
local held = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) <= held then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
for i = 2, #KEYS do
  if ARGV[i] == '1' then redis.call('SET', KEYS[i], '1') else redis.call('DEL', KEYS[i]) end
end
return 1`;

/** Shared by every order instance of a real run. */
export class RedisStockGate implements StockGate {
  constructor(private readonly redis: Redis) {}

  async firstSoldOut(skuIds: string[]): Promise<string | undefined> {
    if (skuIds.length === 0) return undefined;
    const marks = await this.redis.mget(skuIds.map(soldOutKey));
    return skuIds.find((_, index) => marks[index] !== null);
  }

  async apply({ productId, revision, skus }: ProductStock): Promise<void> {
    await this.redis.eval(
      applyScript,
      1 + skus.length,
      revisionKey(productId),
      ...skus.map((sku) => soldOutKey(sku.id)),
      String(revision),
      ...skus.map((sku) => (sku.available === 0 ? '1' : '0')),
    );
  }
}

/** The embedded run's: one process, one map. */
export class MemoryStockGate implements StockGate {
  private readonly revisions = new Map<string, number>();
  private readonly soldOut = new Set<string>();

  firstSoldOut(skuIds: string[]): Promise<string | undefined> {
    return Promise.resolve(skuIds.find((id) => this.soldOut.has(id)));
  }

  apply({ productId, revision, skus }: ProductStock): Promise<void> {
    if (revision > (this.revisions.get(productId) ?? 0)) {
      this.revisions.set(productId, revision);
      for (const sku of skus)
        if (sku.available === 0) this.soldOut.add(sku.id);
        else this.soldOut.delete(sku.id);
    }
    return Promise.resolve();
  }
}
