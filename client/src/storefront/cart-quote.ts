import { useQuery } from '@apollo/client/react';
import { CheckoutQuoteDocument } from '../graphql/generated';
import { useSession } from '../shared/session';
import type { CartLine } from './cart';

/**
 * The server's price of the cart as createOrder would charge it: shipping always, the coupon and
 * points once chosen. Only signed-in shoppers get a quote (the API's rule), so a guest's cart stays
 * unpriced.
 */
export function useCartQuote(
  lines: readonly CartLine[],
  { couponId = null, pointsToUse = 0 }: { couponId?: string | null; pointsToUse?: number } = {},
) {
  const signedIn = useSession();
  const quote = useQuery(CheckoutQuoteDocument, {
    variables: {
      lines: lines.map(({ skuId, quantity }) => ({ skuId, quantity })),
      couponId,
      pointsToUse,
    },
    skip: !signedIn || lines.length === 0,
  });
  // While a new choice is re-quoted the last figures stay on screen: a spinner in their place
  // would move the button below them under the shopper's finger.
  const answer = (quote.data ?? quote.previousData)?.checkoutQuote;
  return {
    quote: answer?.__typename === 'CheckoutQuote' ? answer : undefined,
    // Refused: too many points for the order (the checkout says so), or a fault in the cart's lines.
    refusal: answer && answer.__typename !== 'CheckoutQuote' ? answer : undefined,
    error: quote.error,
  };
}
