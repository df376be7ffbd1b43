import type { OrderStatus } from '@shop/contracts';

/**
 * What moves an order on: a GraphQL mutation, a call or an event from another service, or the
 * order sweeper.
 * - createOrder: every hold taken (PENDING), or one refused or a service down (FAILED)
 * - placementTimedOut: the sweeper, for an order still PLACING after its process died midway
 * - PaymentApproved: payment's call POST /internal/orders/:id/paid, or its event
 * - paymentFailed: payment's call POST /internal/orders/:id/payment-failed (declined, mismatch)
 * - cancelOrder: the customer or an admin; a paid order is claimed (CANCELLING), refunded, then
 *   closed, by the request or, if its process died, by the sweeper
 * - cancellationRefunded: the claimed cancellation's refund made, by its request or the sweeper
 * - shipmentClaimed: delivery's call POST /internal/orders/:id/preparing, before the carrier
 * - expired: the sweeper, for an unpaid order past its expiry
 * - stockShort: a paid order whose stock product could not commit, refunded in full (claimed and
 *   closed as a cancellation is)
 * - PaymentCancelled: payment's event, the payment refunded in full (a cancellation's refund that
 *   finished late, or one made at payment)
 * - ShipmentShipped, ShipmentDelivered: delivery's events
 * - ReturnRefunded: return's event; every unit back (RETURNED) or not yet (PARTIALLY_RETURNED)
 * - confirmPurchase: the buyer's 구매확정, or the sweeper once the confirmation delay ran out;
 *   never while a return is open
 */
export type OrderCause =
  | 'createOrder'
  | 'placementTimedOut'
  | 'PaymentApproved'
  | 'paymentFailed'
  | 'cancelOrder'
  | 'cancellationRefunded'
  | 'shipmentClaimed'
  | 'expired'
  | 'stockShort'
  | 'PaymentCancelled'
  | 'ShipmentShipped'
  | 'ShipmentDelivered'
  | 'ReturnRefunded'
  | 'confirmPurchase';

type OrderProcess = {
  readonly [from in OrderStatus]: { readonly [to in OrderStatus]?: readonly OrderCause[] };
};

/** Every order starts here: the row is the record of what is being held. */
export const initialOrderStatus = 'PLACING' satisfies OrderStatus;

/**
 * The order process (docs/architecture.md#order), declared once: from each status, the statuses it
 * may move to and what moves it there. Anything not listed is refused. FAILED, CANCELLED and
 * RETURNED are final.
 */
export const orderTransitions: OrderProcess = {
  PLACING: { PENDING: ['createOrder'], FAILED: ['createOrder', 'placementTimedOut'] },
  PENDING: {
    PAID: ['PaymentApproved'],
    FAILED: ['paymentFailed'],
    CANCELLED: ['cancelOrder', 'expired'],
  },
  // A paid order is either shipped or cancelled, never both: delivery and a cancellation each
  // claim it first, and the second claim finds it moved on.
  PAID: {
    PREPARING: ['shipmentClaimed'],
    CANCELLING: ['cancelOrder', 'stockShort'],
    CANCELLED: ['PaymentCancelled'],
  },
  PREPARING: {
    SHIPPED: ['ShipmentShipped'],
    // The carrier's delivery can be the first news of the parcel order hears.
    DELIVERED: ['ShipmentDelivered'],
  },
  // Only a refund closes a claimed cancellation: asking to cancel again changes nothing.
  CANCELLING: { CANCELLED: ['cancellationRefunded', 'PaymentCancelled'] },
  SHIPPED: { DELIVERED: ['ShipmentDelivered'] },
  DELIVERED: {
    COMPLETED: ['confirmPurchase'],
    PARTIALLY_RETURNED: ['ReturnRefunded'],
    RETURNED: ['ReturnRefunded'],
  },
  PARTIALLY_RETURNED: { COMPLETED: ['confirmPurchase'], RETURNED: ['ReturnRefunded'] },
  // Confirmed orders may still be returned: the last units back make the order RETURNED.
  COMPLETED: { RETURNED: ['ReturnRefunded'] },
  RETURNED: {},
  FAILED: {},
  CANCELLED: {},
};

export function canTransition(from: OrderStatus, to: OrderStatus, cause: OrderCause): boolean {
  return orderTransitions[from][to]?.includes(cause) ?? false;
}

/** The statuses `cause` may move an order to `to` from. */
export function sourcesOf(to: OrderStatus, cause: OrderCause): OrderStatus[] {
  return (Object.keys(orderTransitions) as OrderStatus[]).filter((from) =>
    canTransition(from, to, cause),
  );
}

/** A move the order process does not allow: a bug in the caller, never a customer's mistake. */
export class OrderTransitionRefused extends Error {
  readonly code = 'ORDER_TRANSITION_REFUSED';

  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
    /** What asked for the move (not `cause`: Error has its own). */
    readonly by: OrderCause,
  ) {
    super(`${by} cannot move an order from ${from} to ${to}`);
    this.name = 'OrderTransitionRefused';
  }
}
