import type { Orm } from '@shop/kit/db';
import { idempotentConsumer } from '@shop/kit/events';
import type { Ledger } from '../services/ledger.js';
import type { Payables } from '../services/payables.js';
import { orderCompletedHandler } from './order-completed.handler.js';
import { orderPaidHandler } from './order-paid.handler.js';
import { paymentCancelledHandler } from './payment-cancelled.handler.js';

export interface Books {
  ledger: Ledger;
  payables: Payables;
}

/**
 * OrderPaid and PaymentCancelled → the ledger; OrderCompleted, and refunds of lines already
 * confirmed → what is payable to brands. Once per event (inbox) and per source (unique keys).
 */
export function booksConsumer(orm: Orm, { ledger, payables }: Books) {
  return idempotentConsumer(
    orm,
    orderPaidHandler(ledger),
    orderCompletedHandler(payables),
    paymentCancelledHandler(ledger, payables),
  );
}
