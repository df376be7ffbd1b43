/** A price as the shop states it: the list price and what it sells for now. */
export interface Priced {
  price: number;
  salePrice: number;
}

/** Whole percent off, rounded down so a sale never claims more than it gives. */
export const percentOff = ({ price, salePrice }: Priced): number =>
  price > 0 ? Math.floor(((price - salePrice) * 100) / price) : 0;

/**
 * What a product is advertised at before options are picked: its cheapest SKU on sale (any SKU if
 * none is), and whether some others cost more, so the price reads "from".
 */
export function cheapestOnSale<Sku extends Priced & { enabled: boolean }>(
  skus: readonly Sku[],
): { cheapest: Sku; varies: boolean } | undefined {
  const onSale = skus.filter((sku) => sku.enabled);
  const candidates = onSale.length > 0 ? onSale : skus;
  const cheapest = candidates.reduce<Sku | undefined>(
    (best, sku) => (!best || sku.salePrice < best.salePrice ? sku : best),
    undefined,
  );
  if (!cheapest) return undefined;
  return {
    cheapest,
    varies: candidates.some((sku) => sku.salePrice !== cheapest.salePrice),
  };
}
