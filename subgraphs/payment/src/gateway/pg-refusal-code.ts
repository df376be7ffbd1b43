import type { Logger } from '@shop/kit';
import type { ErrorCode } from '@shop/kit/server';

/**
 * The PG's refusal codes a shopper can act on, as the shop's own: the PG has hundreds, and a client
 * can only handle codes the schema names.
 */
const shopCodeOfPgCode = new Map<string, ErrorCode>([
  ['REJECT_CARD_PAYMENT', 'PG_REJECT_CARD_PAYMENT'],
  ['NOT_ENOUGH_BALANCE', 'PG_NOT_ENOUGH_BALANCE'],
  ['NOT_FOUND_PAYMENT_SESSION', 'PG_NOT_FOUND_PAYMENT_SESSION'],
  ['NOT_MATCHED_AMOUNT', 'AMOUNT_MISMATCH'],
]);

/** The shop's code for a PG refusal; any other is PG_REFUSED, logged so it can be given its own. */
export function errorCodeOfPgRefusal(
  pgCode: string,
  logger: Logger,
  context: { orderId: string },
): ErrorCode {
  const known = shopCodeOfPgCode.get(pgCode);
  if (known) return known;
  logger.warn({ ...context, pgCode }, 'the PG refused with a code the shop does not tell apart');
  return 'PG_REFUSED';
}
