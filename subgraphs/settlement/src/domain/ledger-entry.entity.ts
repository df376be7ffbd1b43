import { defineEntity, p } from '@mikro-orm/core';

export const ledgerKinds = [
  'SALE',
  'PRODUCT_DISCOUNT',
  'COUPON_DISCOUNT',
  'POINTS',
  'SHIPPING',
  'REFUND',
  /** What a return kept of the refunded lines' value for the return trip (the shop's). */
  'RETURN_FEE',
  'PG_FEE',
  /** A charge the PG took that never paid an order (voided since): the shop's, never a brand's. */
  'UNSOLD_CHARGE',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/**
 * One line of the shop's books, in won, signed: sales, shipping, return fees and unsold charges are
 * positive; discounts, points, refunds and PG fees negative. (source, kind) is unique — the event or
 * PG transaction that caused it, and the order line — so a replayed event or a second
 * reconciliation books nothing twice. Sales and the refunds of lines carry the line and its brand;
 * shipping, the return fees, unsold charges (and their voids) and PG fees are the shop's (no line,
 * no brand).
 */
export const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  uniques: [{ properties: ['source', 'kind'] }],
  indexes: [{ properties: ['businessDate', 'kind'] }, { properties: ['businessDate', 'brandId'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    source: p.string().length(100),
    kind: p.enum(ledgerKinds),
    orderId: p.string().length(36).index(),
    lineId: p.string().length(36).nullable(),
    brandId: p.string().length(36).nullable(),
    amount: p.integer(),
    /** The day in Korea (YYYY-MM-DD) the money moved: statements are per Korean business day. */
    businessDate: p.string().length(10),
    occurredAt: p.datetime(),
  },
});

export class LedgerEntry extends LedgerEntrySchema.class {}
LedgerEntrySchema.setClass(LedgerEntry);
