import { registerEnumType } from 'type-graphql';

/**
 * Every `ErrorResult.errorCode` of the supergraph, with what it means: the one list. Each subgraph
 * registers all of it, so every subgraph's `ErrorCode` enum is the same and composes as is; the
 * clients' types are generated from it, so their message tables fail to compile when it changes.
 * An outside code (the PG's) is mapped to one of these where it comes in.
 */
const errorCodeDescriptions = {
  INVALID_INPUT: 'The input was rejected; `InvalidInput.issues` names each field.',

  EMAIL_TAKEN: 'An account with this email exists already.',
  INVALID_CREDENTIALS: 'Wrong email or password.',
  TOO_MANY_ATTEMPTS: 'Too many failed logins; wait `retryAfterSeconds`.',
  INVALID_REFRESH_TOKEN: 'The refresh token cannot be used; log in again.',
  PARTNER_NOT_FOUND: 'No partner has this id.',
  ACCOUNT_NOT_FOUND: 'No account has this email.',
  OWN_ROLE: 'No one changes their own staff role (the last owner stays one).',
  PARTNER_NAME_TAKEN: 'Another partner has this name.',

  ADDRESS_NOT_FOUND: 'The address is not in your address book.',
  ADDRESS_LIMIT_REACHED: 'The address book is full.',

  NOT_FOUND: 'A product, SKU, category, brand or option group named by the input does not exist.',
  REINDEX_ALREADY_RUNNING: 'A search reindex is running already.',
  BELOW_RESERVED: 'Stock on hand cannot go below the units reserved for open orders.',
  IMAGE_TOO_LARGE: 'The picture is larger than the shop accepts.',
  IMAGE_TYPE_REFUSED: 'Only JPEG, PNG and WebP pictures are accepted (not SVG).',
  UPLOAD_EXPIRED: 'The upload slot was used or has expired; ask for a new one.',

  TEMPLATE_NOT_FOUND: 'No such coupon.',
  NOT_CLAIMABLE: 'The coupon is issued by the shop only.',
  NOT_STARTED: 'The coupon cannot be claimed before its start date.',
  EXPIRED: 'The coupon has expired.',
  SOLD_OUT: 'All of these coupons have been given out.',
  PER_CUSTOMER_LIMIT: 'You have as many of this coupon as one customer may.',

  OUT_OF_STOCK: 'Not enough stock for a line.',
  PRODUCT_UNAVAILABLE: 'A product is not on sale, or no longer exists.',
  COUPON_INVALID: 'The coupon cannot be used on this order; `reason` says why.',
  INSUFFICIENT_POINTS: 'Fewer points than requested.',
  ORDER_NOT_FOUND: 'No such order of yours.',
  ORDER_NOT_CANCELLABLE: 'The order is being prepared for shipping or shipped; request a return.',
  ORDER_NOT_DELIVERED: 'Only a delivered order can be confirmed.',
  RETURN_OPEN: 'A return of the order is under way.',

  ORDER_UNAVAILABLE: 'The order could not be checked just now; nothing was charged.',
  ORDER_NOT_PAYABLE: 'The order can no longer be paid (expired or cancelled).',
  AMOUNT_MISMATCH: "The amount is not the order's; nothing was kept.",
  IN_PROGRESS: 'The payment is still being confirmed.',
  PG_REJECT_CARD_PAYMENT: 'The card issuer declined the payment.',
  PG_NOT_ENOUGH_BALANCE: 'The card or account has too little balance.',
  PG_NOT_FOUND_PAYMENT_SESSION: 'The payment window timed out before the confirmation.',
  PG_NOT_CONFIRMED: 'The PG did not confirm the payment.',
  PG_REFUSED: 'The PG refused for another reason; `message` has its words.',

  SHIPMENT_NOT_READY: 'The shipment is past the step asked for.',
  SHIPMENT_NOT_FOUND: 'The order has no shipment (is it paid?).',

  RETURN_NOT_FOUND: 'No such return.',
  WRONG_STATUS: 'The return is not in the status this step needs.',
  NOT_RETURNABLE: 'The order cannot be returned now.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorCodeDescriptions;

const errorCodes = Object.keys(errorCodeDescriptions) as ErrorCode[];

/** type-graphql's enum: each code is its own value. */
export const ErrorCodeEnum = Object.fromEntries(errorCodes.map((code) => [code, code])) as {
  [Code in ErrorCode]: Code;
};
registerEnumType(ErrorCodeEnum, {
  name: 'ErrorCode',
  description: 'What an `ErrorResult` is about: stable, for clients to tell failures apart.',
  valuesConfig: Object.fromEntries(
    errorCodes.map((code) => [code, { description: errorCodeDescriptions[code] }]),
  ),
});

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodeDescriptions, value);
}
