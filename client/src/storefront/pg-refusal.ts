import type { ErrorCode } from '../graphql/generated';

/**
 * The PG's refusal codes its fail redirect can carry, as the shop's own, the way payment maps the
 * PG's refusals at confirmation (subgraphs/payment/src/gateway/pg-refusal-code.ts): the PG has
 * hundreds, the error-message table only the schema's.
 */
const shopCodeOfPgCode = new Map<string, ErrorCode>([
  ['REJECT_CARD_PAYMENT', 'PG_REJECT_CARD_PAYMENT'],
  ['NOT_ENOUGH_BALANCE', 'PG_NOT_ENOUGH_BALANCE'],
  ['NOT_FOUND_PAYMENT_SESSION', 'PG_NOT_FOUND_PAYMENT_SESSION'],
  ['NOT_MATCHED_AMOUNT', 'AMOUNT_MISMATCH'],
]);

/** The shop's code for a PG refusal; any other (a lost card, the shopper giving up) is PG_REFUSED. */
export function errorCodeOfPgRefusal(pgCode: string): ErrorCode {
  return shopCodeOfPgCode.get(pgCode) ?? 'PG_REFUSED';
}
