import type { CheckoutQuoteQuery, PlacedOrderFragment } from '../graphql/generated';
import type { CartLine } from './cart';

export type CheckoutQuote = Extract<
  CheckoutQuoteQuery['checkoutQuote'],
  { __typename: 'CheckoutQuote' }
>;

/** What one line costs: list and sale price per unit, its discounts, and what it comes to. */
export interface LinePrice {
  unitPrice: number;
  salePrice: number;
  productDiscount: number;
  couponDiscount: number;
  /** After the product discount and the coupon; points are the order's, not a line's. */
  lineTotal: number;
}

/** A line as the cart and checkout show it; no price until quoted, or if no longer sold. */
export interface LineView {
  skuId: string;
  productId: string;
  productName: string;
  thumbnail: string | null;
  optionsLabel: string;
  quantity: number;
  price?: LinePrice;
  unavailable: boolean;
}

export const optionsLabel = (options: readonly { name: string; value: string }[]) =>
  options.map((option) => `${option.name} ${option.value}`).join(' · ');

/** The cart's lines priced by the server's quote (unpriced until it answers). */
export function quotedLines(
  lines: readonly CartLine[],
  quote: CheckoutQuote | undefined,
): LineView[] {
  return lines.map((line) => {
    const quoted = quote?.lines.find((candidate) => candidate.skuId === line.skuId);
    return {
      ...line,
      // Carts saved before thumbnails were kept have none.
      thumbnail: line.thumbnail ?? null,
      productName: quoted?.productName ?? line.productName,
      price: quoted,
      unavailable: quote?.unavailableSkuIds.includes(line.skuId) ?? false,
    };
  });
}

/** A placed order's lines, priced as the order recorded them. */
export function orderedLines(order: PlacedOrderFragment): LineView[] {
  return order.lines.map((line) => ({
    skuId: line.sku.id,
    productId: line.product.id,
    productName: line.productName,
    thumbnail: line.product.thumbnail ?? null,
    optionsLabel: optionsLabel(line.options),
    quantity: line.quantity,
    price: { ...line, lineTotal: line.paidAmount + line.pointsUsed },
    unavailable: false,
  }));
}
