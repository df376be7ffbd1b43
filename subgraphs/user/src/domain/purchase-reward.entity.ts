import { defineEntity, p } from '@mikro-orm/core';

/**
 * What one order has earned its customer: the points credited and the spend counted towards the
 * grade, both for what the customer kept — the charge less the refunds of its returns. Kept per
 * order so that a completion and the refunds of returns, in whichever order their events arrive,
 * each move the balance and the spend by what changed.
 */
export const PurchaseRewardSchema = defineEntity({
  name: 'PurchaseReward',
  tableName: 'purchase_reward',
  properties: {
    orderId: p.string().length(36).primary(),
    userId: p.string().length(36).index(),
    /** What the PG charged; null until the purchase is confirmed (nothing is earned before). */
    charged: p.integer().nullable(),
    /** The refunds the order had netted when it completed. */
    refundedAtCompletion: p.integer().default(0),
    /** The refunds of returns seen here, before or after the completion. */
    returnRefunds: p.integer().default(0),
    points: p.integer().default(0),
    spend: p.integer().default(0),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class PurchaseReward extends PurchaseRewardSchema.class {}
PurchaseRewardSchema.setClass(PurchaseReward);
