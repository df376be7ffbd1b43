import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { OrderPaid, PaymentCancelled } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { businessDateOf } from '../domain/business-date.js';
import { LedgerEntry, type LedgerKind } from '../domain/ledger-entry.entity.js';

interface Booking {
  source: string;
  kind: LedgerKind;
  orderId: string;
  lineId?: string;
  brandId?: string | null;
  amount: number;
  occurredAt: Date;
}

/** Books events into the ledger; each (source, kind) once. */
export class Ledger {
  /**
   * OrderPaid: per line, its list price and what reduced it (which sum to what the line was
   * charged), then the order's shipping: together what the PG charged.
   */
  async bookSale(tx: EntityManager, paid: OrderPaid): Promise<void> {
    const occurredAt = new Date(paid.paidAt);
    const source = `order-paid:${paid.orderId}`;
    for (const line of paid.lines) {
      const gross = line.paidAmount + line.productDiscount + line.couponDiscount + line.pointsUsed;
      const amounts: [LedgerKind, number][] = [
        ['SALE', gross],
        ['PRODUCT_DISCOUNT', -line.productDiscount],
        ['COUPON_DISCOUNT', -line.couponDiscount],
        ['POINTS', -line.pointsUsed],
      ];
      for (const [kind, amount] of amounts)
        if (amount !== 0)
          await this.book(tx, {
            source: `${source}:${line.lineId}`,
            kind,
            orderId: paid.orderId,
            lineId: line.lineId,
            brandId: line.brandId,
            amount,
            occurredAt,
          });
    }
    if (paid.amounts.shippingFee !== 0)
      await this.book(tx, {
        source,
        kind: 'SHIPPING',
        orderId: paid.orderId,
        amount: paid.amounts.shippingFee,
        occurredAt,
      });
  }

  /**
   * PaymentCancelled: each line it gives back, against the line's brand; the rest of the amount is
   * the shop's — shipping given back, or (lines worth more than the refund) a return fee kept.
   *
   * A void gives back a charge no OrderPaid ever booked: the charge as an UNSOLD_CHARGE and its
   * void as a REFUND of the whole amount, both the shop's (no line, no brand: no brand sold
   * anything, whatever lines the event names), so the books hold the PG's PAYMENT and CANCEL. Both
   * are dated at the void, the only time the event carries.
   */
  async bookRefund(tx: EntityManager, cancelled: PaymentCancelled): Promise<void> {
    const source = `payment-cancel:${cancelled.cancelId}`;
    const occurredAt = new Date(cancelled.cancelledAt);
    const { orderId } = cancelled;
    if (cancelled.void) {
      await this.book(tx, {
        source: `payment-void:${cancelled.cancelId}`,
        kind: 'UNSOLD_CHARGE',
        orderId,
        amount: cancelled.amount,
        occurredAt,
      });
      await this.book(tx, {
        source,
        kind: 'REFUND',
        orderId,
        amount: -cancelled.amount,
        occurredAt,
      });
      return;
    }
    for (const line of cancelled.lines)
      if (line.amount > 0)
        await this.book(tx, {
          source: `${source}:${line.lineId}`,
          kind: 'REFUND',
          orderId,
          lineId: line.lineId,
          brandId: line.brandId,
          amount: -line.amount,
          occurredAt,
        });
    const rest = cancelled.amount - cancelled.lines.reduce((sum, line) => sum + line.amount, 0);
    if (rest !== 0)
      await this.book(tx, {
        source,
        kind: rest > 0 ? 'REFUND' : 'RETURN_FEE',
        orderId,
        amount: -rest,
        occurredAt,
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
