import { paymentApprovedEvent, paymentCancelledEvent } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import type { PaymentCancel } from '../domain/payment-cancel.entity.js';
import type { Payment } from '../domain/payment.entity.js';

/** Payment's events, recorded in the transaction that changes the payment. */
export class PaymentEvents {
  constructor(private readonly outbox: Outbox) {}

  approved(tx: EntityManager, payment: Payment): void {
    this.outbox.record(tx, {
      type: paymentApprovedEvent.type,
      subject: payment.orderId,
      data: {
        paymentId: payment.id,
        orderId: payment.orderId,
        userId: payment.userId,
        paymentKey: payment.paymentKey,
        amount: payment.amount,
        approvedAt: (payment.approvedAt ?? new Date()).toISOString(),
      },
    });
  }

  cancelled(
    tx: EntityManager,
    payment: Payment,
    cancel: PaymentCancel,
    { refundableAmount }: { refundableAmount: number },
  ): void {
    this.outbox.record(tx, {
      type: paymentCancelledEvent.type,
      subject: payment.orderId,
      data: {
        paymentId: payment.id,
        orderId: payment.orderId,
        cancelId: cancel.id,
        amount: cancel.amount,
        refundableAmount,
        reason: cancel.reason,
        lines: cancel.lines,
        void: cancel.void,
        cancelledAt: new Date().toISOString(),
      },
    });
  }
}
