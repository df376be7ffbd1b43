import { useQuery } from '@apollo/client/react';
import { QuoteDocument } from '../graphql/generated';
import { useSession } from '../shared/session';
import type { CartLine } from './cart';

/**
 * The server's price of the cart, with the coupon if one is given. Only signed-in shoppers get a
 * quote (the API's rule), so a guest's cart stays unpriced.
 */
export function useCartQuote(lines: readonly CartLine[], couponId: string | null = null) {
  const signedIn = useSession();
  const quote = useQuery(QuoteDocument, {
    variables: { lines: lines.map(({ skuId, quantity }) => ({ skuId, quantity })), couponId },
    skip: !signedIn || lines.length === 0,
  });
  const answer = quote.data?.quote;
  return {
    quote: answer?.__typename === 'CartQuote' ? answer : undefined,
    // The cart's lines are the shop's own, so a refused quote is a fault to show, not to fix.
    refusal: answer && answer.__typename !== 'CartQuote' ? answer : undefined,
    error: quote.error,
  };
}
