import type { EntityManager } from '@shop/kit/db';
import { LedgerEntry, type LedgerKind } from '../domain/ledger-entry.entity.js';
import { PayableEntry } from '../domain/payable-entry.entity.js';
import { PayableOrder } from '../domain/payable-order.entity.js';
import { payoutPeriodOf } from './payout-periods.js';
import { paymentKinds, refundKinds } from './reconciliation.js';

/** What the shop pays one brand for one period, in won. */
export interface BrandPayout {
  periodStart: string;
  periodEnd: string;
  brandId: string;
  /** Lines confirmed in the period: what the PG kept for them. */
  confirmedSales: number;
  /** Refunds in the period of lines confirmed before, as a positive amount. */
  refundsAfterConfirmation: number;
  /** The shop's commission on both (given back on the refunds). */
  commission: number;
  /** confirmedSales − refundsAfterConfirmation − commission. */
  payout: number;
}

/**
 * The orders the PG charged from `from` to `to`, followed to today: what the PG kept of them
 * (payments − refunds) split into who it belongs to, so that
 *
 *   payouts + commission + ownProducts + notYetConfirmed + shopOwn = pgPayments − pgRefunds.
 */
export interface PayoutSummary {
  from: string;
  to: string;
  orders: number;
  /** What the PG charged these orders (and charges later voided, with the voids in refunds). */
  pgPayments: number;
  /** What the PG gave back for them, so far. */
  pgRefunds: number;
  /** Owed to brands for their confirmed lines, net of refunds after confirmation and commission. */
  payouts: number;
  /** The shop's commission on those lines. */
  commission: number;
  /** Confirmed lines of products without a brand: the shop's own, nothing to pay out. */
  ownProducts: number;
  /** What the PG kept for the lines of orders not yet confirmed (구매확정). */
  notYetConfirmed: number;
  /** No line's: shipping less shipping refunded, return fees, unsold charges less their voids. */
  shopOwn: number;
}

const chunkSize = 500;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += chunkSize) result.push(items.slice(i, i + chunkSize));
  return result;
}

const isKind = (kinds: readonly LedgerKind[], kind: LedgerKind) => kinds.includes(kind);

/** Payouts per brand and period; periods are `periodDays` long (see payout-periods.ts). */
export class Payouts {
  constructor(readonly periodDays: number) {}

  /**
   * One payout per brand with anything in a period that overlaps `from`–`to` (whole periods).
   * Lines without a brand are the shop's own and not paid out.
   */
  async brandPayouts(em: EntityManager, from: string, to: string): Promise<BrandPayout[]> {
    if (from > to) return [];
    const first = payoutPeriodOf(from, this.periodDays).start;
    const last = payoutPeriodOf(to, this.periodDays).end;
    const entries = await em.find(PayableEntry, {
      businessDate: { $gte: first, $lte: last },
      brandId: { $ne: null },
    });
    const payouts = new Map<string, BrandPayout>();
    for (const entry of entries) {
      const period = payoutPeriodOf(entry.businessDate, this.periodDays);
      const key = `${period.start} ${entry.brandId}`;
      const payout = payouts.get(key) ?? {
        periodStart: period.start,
        periodEnd: period.end,
        brandId: entry.brandId!,
        confirmedSales: 0,
        refundsAfterConfirmation: 0,
        commission: 0,
        payout: 0,
      };
      if (entry.kind === 'CONFIRMED') payout.confirmedSales += entry.amount;
      else payout.refundsAfterConfirmation -= entry.amount;
      payout.commission += entry.commission;
      payout.payout += entry.amount - entry.commission;
      payouts.set(key, payout);
    }
    return [...payouts.values()].sort(
      (a, b) => a.periodStart.localeCompare(b.periodStart) || a.brandId.localeCompare(b.brandId),
    );
  }

  async summary(em: EntityManager, from: string, to: string): Promise<PayoutSummary> {
    const summary: PayoutSummary = {
      from,
      to,
      orders: 0,
      pgPayments: 0,
      pgRefunds: 0,
      payouts: 0,
      commission: 0,
      ownProducts: 0,
      notYetConfirmed: 0,
      shopOwn: 0,
    };
    if (from > to) return summary;
    const charged = await em.find(
      LedgerEntry,
      { businessDate: { $gte: from, $lte: to }, kind: { $in: [...paymentKinds] } },
      // Only the order ids, kept out of the identity map so the full entries are loaded below.
      { fields: ['orderId'], disableIdentityMap: true },
    );
    const orderIds = [...new Set(charged.map((entry) => entry.orderId))];
    summary.orders = orderIds.length;
    for (const orderIdsChunk of chunks(orderIds)) {
      const orderId = { $in: orderIdsChunk };
      // A confirmed order's lines are counted through their payable entries, which sum to what
      // the ledger holds for them; a line left out of the confirmation had nothing left in it.
      const confirmed = new Set(
        (await em.find(PayableOrder, { orderId, confirmedAt: { $ne: null } })).map(
          (order) => order.orderId,
        ),
      );
      const payables = await em.find(PayableEntry, { orderId });
      for (const entry of payables)
        if (entry.brandId) {
          summary.payouts += entry.amount - entry.commission;
          summary.commission += entry.commission;
        } else summary.ownProducts += entry.amount;
      const ledger = await em.find(LedgerEntry, {
        orderId,
        kind: { $in: [...paymentKinds, ...refundKinds] },
      });
      for (const entry of ledger) {
        if (isKind(paymentKinds, entry.kind)) summary.pgPayments += entry.amount;
        else summary.pgRefunds -= entry.amount;
        if (!entry.lineId) summary.shopOwn += entry.amount;
        else if (!confirmed.has(entry.orderId)) summary.notYetConfirmed += entry.amount;
      }
    }
    return summary;
  }
}

const csvColumns = [
  'period_start',
  'period_end',
  'brand_id',
  'confirmed_sales',
  'refunds_after_confirmation',
  'commission',
  'payout',
] as const;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row, then one row per payout; CRLF after every row (RFC 4180). */
export function payoutsCsv(payouts: BrandPayout[]): string {
  const rows = [
    [...csvColumns],
    ...payouts.map((p) => [
      p.periodStart,
      p.periodEnd,
      p.brandId,
      p.confirmedSales,
      p.refundsAfterConfirmation,
      p.commission,
      p.payout,
    ]),
  ];
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
