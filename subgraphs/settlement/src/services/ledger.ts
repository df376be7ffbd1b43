import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { OrderPaid, PaymentCancelled } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { businessDateOf } from '../domain/business-date.js';
import { LedgerEntry, type LedgerKind } from '../domain/ledger-entry.entity.js';

interface Booking {
  source: string;
  kind: LedgerKind;
  orderId: string;
  amount: number;
  occurredAt: Date;
}

/** Books events into the ledger; each (source, kind) once. */
export class Ledger {
  /** OrderPaid: gross sales and what reduced them, which sum to what the PG charged. */
  async bookSale(tx: EntityManager, paid: OrderPaid): Promise<void> {
    const { amounts } = paid;
    const at = new Date(paid.paidAt);
    const source = `order-paid:${paid.orderId}`;
    const lines: [LedgerKind, number][] = [
      ['SALE', amounts.subtotal],
      ['PRODUCT_DISCOUNT', -amounts.productDiscount],
      ['COUPON_DISCOUNT', -amounts.couponDiscount],
      ['POINTS', -amounts.pointsUsed],
      ['SHIPPING', amounts.shippingFee],
    ];
    for (const [kind, amount] of lines)
      if (amount !== 0)
        await this.book(tx, { source, kind, orderId: paid.orderId, amount, occurredAt: at });
  }

  async bookRefund(tx: EntityManager, cancelled: PaymentCancelled): Promise<void> {
    await this.book(tx, {
      source: `payment-cancel:${cancelled.cancelId}`,
      kind: 'REFUND',
      orderId: cancelled.orderId,
      amount: -cancelled.amount,
      occurredAt: new Date(cancelled.cancelledAt),
    });
  }

  /** A PG fee from the PG's report; true if it was new. */
  bookFee(
    em: EntityManager,
    transactionKey: string,
    orderId: string,
    fee: number,
    businessDate: string,
  ): Promise<boolean> {
    return this.book(em, {
      source: `pg:${transactionKey}`,
      kind: 'PG_FEE',
      orderId,
      amount: -fee,
      occurredAt: new Date(`${businessDate}T12:00:00+09:00`),
    });
  }

  private async book(em: EntityManager, booking: Booking): Promise<boolean> {
    try {
      await em.insert(LedgerEntry, {
        ...booking,
        businessDate: businessDateOf(booking.occurredAt),
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }
}
