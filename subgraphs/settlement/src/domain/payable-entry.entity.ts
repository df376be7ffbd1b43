import { defineEntity, p } from '@mikro-orm/core';

export const payableKinds = [
  /** The buyer confirmed the order (구매확정): what the PG kept for the line becomes payable. */
  'CONFIRMED',
  /** A refund of a confirmed line, netted on the payout of the period it is dated in. */
  'REFUND_AFTER_CONFIRMATION',
] as const;
export type PayableKind = (typeof payableKinds)[number];

/**
 * What the shop owes a brand for one order line, in won, signed: a confirmation is positive, a
 * later refund negative, and a line's entries never sum below zero (nothing is payable beyond what
 * the PG kept for it). (source, lineId) is unique — the event that caused it and the line — so a
 * replayed event books nothing twice. Lines without a brand are the shop's own products: booked
 * alike (so every confirmed line is accounted for), with no commission and no payout.
 */
export const PayableEntrySchema = defineEntity({
  name: 'PayableEntry',
  tableName: 'payable_entry',
  uniques: [{ properties: ['source', 'lineId'] }],
  indexes: [{ properties: ['businessDate', 'brandId'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    source: p.string().length(100),
    kind: p.enum(payableKinds),
    orderId: p.string().length(36).index(),
    lineId: p.string().length(36),
    brandId: p.string().length(36).nullable(),
    amount: p.integer(),
    /**
     * The brand's rate when the line was confirmed, kept with every entry of the line: a later
     * change of the rate applies to later confirmations only, and a refund gives back commission
     * at the rate it was taken.
     */
    rateBasisPoints: p.integer(),
    /** The shop's commission on `amount`, signed like it. */
    commission: p.integer(),
    /** The day in Korea (YYYY-MM-DD) the entry counts on: it decides the payout period. */
    businessDate: p.string().length(10),
    occurredAt: p.datetime(),
  },
});

export class PayableEntry extends PayableEntrySchema.class {}
PayableEntrySchema.setClass(PayableEntry);
