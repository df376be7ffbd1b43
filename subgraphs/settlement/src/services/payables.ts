import type { OrderCompleted, PaymentCancelled } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { businessDateOf } from '../domain/business-date.js';
import { LedgerEntry } from '../domain/ledger-entry.entity.js';
import { PayableEntry, type PayableKind } from '../domain/payable-entry.entity.js';
import { PayableOrder } from '../domain/payable-order.entity.js';
import { commissionOf, type Commissions } from './commissions.js';

interface LineKept {
  brandId: string | null;
  /** What the PG kept for the line: its sale less discounts, points and refunds booked so far. */
  kept: number;
}

const sum = (entries: { amount: number }[]) => entries.reduce((total, e) => total + e.amount, 0);
const commissionSum = (entries: PayableEntry[]) =>
  entries.reduce((total, entry) => total + entry.commission, 0);

/**
 * Turns what the ledger holds for an order's lines into what is payable to their brands: all of
 * a line once the order is confirmed, less any refund of the line settlement learns of later.
 * Whatever the order in which OrderCompleted and a refund arrive, a confirmed line's entries sum
 * to what the PG kept for it (never below zero), and its commission to that sum's commission.
 */
export class Payables {
  constructor(private readonly commissions: Commissions) {}

  /**
   * Takes the order's lock (its PayableOrder row, written so that MySQL locks it exclusively) for
   * the rest of the transaction. Call it before the transaction reads anything: on MySQL a
   * transaction reads what was committed before its first read, and the lock makes sure that
   * includes what another event of the order has booked.
   */
  async lockOrder(tx: EntityManager, orderId: string): Promise<PayableOrder> {
    await tx
      .createQueryBuilder(PayableOrder)
      .insert({ orderId })
      .onConflict('orderId')
      .merge(['orderId'])
      .execute();
    return tx.findOneOrFail(PayableOrder, { orderId });
  }

  /**
   * OrderCompleted: each line of the order in the ledger becomes payable, as much as the PG kept
   * for it (a refund already booked is already out of it); a line with nothing kept is skipped.
   */
  async confirmOrder(tx: EntityManager, completed: OrderCompleted): Promise<void> {
    const { orderId } = completed;
    const order = await this.lockOrder(tx, orderId);
    if (order.confirmedAt) return;
    const occurredAt = new Date(completed.completedAt);
    await tx.nativeUpdate(PayableOrder, { orderId }, { confirmedAt: occurredAt });
    for (const [lineId, line] of await this.linesKept(tx, orderId)) {
      if (line.kept <= 0) continue;
      const rateBasisPoints = await this.commissions.rateOf(tx, line.brandId);
      await this.book(tx, {
        source: `order-completed:${orderId}`,
        kind: 'CONFIRMED',
        orderId,
        lineId,
        brandId: line.brandId,
        amount: line.kept,
        rateBasisPoints,
        commission: commissionOf(line.kept, rateBasisPoints),
        occurredAt,
      });
    }
  }

  /**
   * PaymentCancelled, once the ledger has booked it (the order locked before that, lockOrder):
   * each refunded line already confirmed gives back what it no longer keeps, and the commission
   * on it. Dated at the refund, or at the confirmation if the refund was earlier but reached
   * settlement after it, so it is netted in the period the line was paid out in or a later one,
   * never an earlier one.
   */
  async netRefund(tx: EntityManager, cancelled: PaymentCancelled): Promise<void> {
    // A void gives back a charge that sold nothing; it names no line of a brand.
    if (cancelled.void) return;
    const refunded = new Set(cancelled.lines.filter((l) => l.amount > 0).map((l) => l.lineId));
    if (refunded.size === 0) return;
    const { orderId } = cancelled;
    const payables = await tx.find(PayableEntry, { orderId }, { orderBy: { id: 'asc' } });
    if (payables.length === 0) return;
    const lines = await this.linesKept(tx, orderId);
    for (const lineId of refunded) {
      const entries = payables.filter((entry) => entry.lineId === lineId);
      const confirmation = entries.find((entry) => entry.kind === 'CONFIRMED');
      if (!confirmation) continue;
      const payable = Math.max(0, lines.get(lineId)?.kept ?? 0);
      const change = payable - sum(entries);
      if (change >= 0) continue;
      const { rateBasisPoints } = confirmation;
      const refundedAt = new Date(cancelled.cancelledAt);
      await this.book(tx, {
        source: `payment-cancel:${cancelled.cancelId}`,
        kind: 'REFUND_AFTER_CONFIRMATION',
        orderId,
        lineId,
        brandId: confirmation.brandId ?? null,
        amount: change,
        rateBasisPoints,
        // The line's commission is always that of what stays payable, so partial refunds add up
        // to the whole commission given back, without a won lost to rounding.
        commission: commissionOf(payable, rateBasisPoints) - commissionSum(entries),
        occurredAt: refundedAt < confirmation.occurredAt ? confirmation.occurredAt : refundedAt,
      });
    }
  }

  /** The order's lines in the ledger (sales, their reductions and refunds), by line. */
  private async linesKept(tx: EntityManager, orderId: string): Promise<Map<string, LineKept>> {
    const entries = await tx.find(LedgerEntry, { orderId, lineId: { $ne: null } });
    const lines = new Map<string, LineKept>();
    for (const entry of entries) {
      const line = lines.get(entry.lineId!) ?? { brandId: null, kept: 0 };
      line.kept += entry.amount;
      line.brandId ??= entry.brandId ?? null;
      lines.set(entry.lineId!, line);
    }
    return lines;
  }

  private async book(
    tx: EntityManager,
    entry: {
      source: string;
      kind: PayableKind;
      orderId: string;
      lineId: string;
      brandId: string | null;
      amount: number;
      rateBasisPoints: number;
      commission: number;
      occurredAt: Date;
    },
  ): Promise<void> {
    await tx.insert(PayableEntry, { ...entry, businessDate: businessDateOf(entry.occurredAt) });
  }
}
