import { orderPaidEvent, paymentCancelledEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { idempotentHandler, type EventHandler } from '@shop/kit/events';
import type { Ledger } from '../services/ledger.js';

/** OrderPaid and PaymentCancelled → the ledger, once per event (inbox) and per source (unique key). */
export function booksHandler(orm: Orm, consumer: string, ledger: Ledger): EventHandler {
  return idempotentHandler(orm, consumer, async (tx, event) => {
    if (event.type === orderPaidEvent.type)
      await ledger.bookSale(tx, orderPaidEvent.data.parse(event.data));
    else if (event.type === paymentCancelledEvent.type)
      await ledger.bookRefund(tx, paymentCancelledEvent.data.parse(event.data));
  });
}
