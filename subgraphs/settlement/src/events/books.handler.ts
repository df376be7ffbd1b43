import { orderCompletedEvent, orderPaidEvent, paymentCancelledEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { idempotentHandler, type EventHandler } from '@shop/kit/events';
import type { Ledger } from '../services/ledger.js';
import type { Payables } from '../services/payables.js';

export interface Books {
  ledger: Ledger;
  payables: Payables;
}

/**
 * OrderPaid and PaymentCancelled → the ledger; OrderCompleted, and refunds of lines already
 * confirmed → what is payable to brands. Once per event (inbox) and per source (unique keys).
 */
export function booksHandler(
  orm: Orm,
  consumer: string,
  { ledger, payables }: Books,
): EventHandler {
  return idempotentHandler(orm, consumer, async (tx, event) => {
    if (event.type === orderPaidEvent.type)
      await ledger.bookSale(tx, orderPaidEvent.data.parse(event.data));
    else if (event.type === orderCompletedEvent.type)
      await payables.confirmOrder(tx, orderCompletedEvent.data.parse(event.data));
    else if (event.type === paymentCancelledEvent.type) {
      const cancelled = paymentCancelledEvent.data.parse(event.data);
      // Before anything is read, so a confirmation booked meanwhile is seen (a void has no lines).
      if (!cancelled.void) await payables.lockOrder(tx, cancelled.orderId);
      await ledger.bookRefund(tx, cancelled);
      await payables.netRefund(tx, cancelled);
    }
  });
}
