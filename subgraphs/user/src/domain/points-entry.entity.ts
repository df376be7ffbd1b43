import { defineEntity, p } from '@mikro-orm/core';

export const pointsReasons = [
  'ORDER_REWARD',
  /** A return's refund took back the reward of what was returned. */
  'REWARD_REVOKED',
  'ORDER_SPEND',
  'ORDER_REFUND',
  'ADMIN_ADJUSTMENT',
] as const;
export type PointsReason = (typeof pointsReasons)[number];

/**
 * The points ledger: every change of a balance, with what caused it. The unique key on
 * (user, reason, reference) makes a replayed cause (an order event seen twice) a no-op.
 */
export const PointsEntrySchema = defineEntity({
  name: 'PointsEntry',
  tableName: 'points_entry',
  uniques: [{ properties: ['userId', 'reason', 'reference'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    userId: p.string().length(36).index(),
    delta: p.integer(),
    balanceAfter: p.integer(),
    reason: p.enum(pointsReasons),
    reference: p.string().length(64),
    /** An administrator's adjustment says why in words (the reference is only a key). */
    note: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class PointsEntry extends PointsEntrySchema.class {}
PointsEntrySchema.setClass(PointsEntry);
