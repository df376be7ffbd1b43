import { UniqueConstraintViolationException, type QueryResult } from '@mikro-orm/core';
import type { OrderCompleted, ReturnRefunded } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { PointsEntry, type PointsReason } from '../domain/points-entry.entity.js';
import { PointsHold, type PointsHoldStatus } from '../domain/points-hold.entity.js';
import { gradeForSpend } from '../domain/membership-grade.js';
import { PurchaseReward } from '../domain/purchase-reward.entity.js';
import { User } from '../domain/user.entity.js';

export type HoldOutcome =
  { kind: 'held' } | { kind: 'insufficient'; balance: number } | { kind: 'not-found' };

class Insufficient extends Error {}

/**
 * Points spent on orders. Every balance change is one conditional UPDATE (never below zero) and
 * one ledger entry keyed by (user, reason, order), in one transaction; every step moves the
 * order's hold from one status to the next only once, so retries and races are harmless.
 */
export class PointsWallet {
  async hold(
    em: EntityManager,
    hold: { orderId: string; userId: string; amount: number },
  ): Promise<HoldOutcome> {
    const existing = await em.fork().findOne(PointsHold, { orderId: hold.orderId });
    if (existing) return existing.userId === hold.userId ? { kind: 'held' } : { kind: 'not-found' };
    try {
      await em.fork().transactional(async (tx) => {
        await tx.insert(PointsHold, { ...hold, status: 'HELD', createdAt: new Date() });
        if ((await this.move(tx, hold.userId, -hold.amount)) !== 1) throw new Insufficient();
        await this.record(tx, hold.userId, -hold.amount, 'ORDER_SPEND', hold.orderId);
      });
      return { kind: 'held' };
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return this.hold(em, hold);
      if (!(error instanceof Insufficient)) throw error;
      const user = await em.fork().findOne(User, { id: hold.userId });
      return user ? { kind: 'insufficient', balance: user.pointsBalance } : { kind: 'not-found' };
    }
  }

  /**
   * An administrator's grant (compensation, promotion) or correction, with the reason they gave:
   * once per reference, never taking the balance below zero. Resolves false when the balance
   * would go negative.
   */
  async adjust(
    em: EntityManager,
    adjustment: { userId: string; delta: number; reference: string; note: string },
  ): Promise<boolean> {
    const { userId, delta, reference, note } = adjustment;
    try {
      return await em.fork().transactional(async (tx) => {
        if ((await this.move(tx, userId, delta)) !== 1) return false;
        await this.record(tx, userId, delta, 'ADMIN_ADJUSTMENT', reference, note);
        return true;
      });
    } catch (error) {
      // The same reference again: the first adjustment stands.
      if (error instanceof UniqueConstraintViolationException) return true;
      throw error;
    }
  }

  /**
   * A completed order earns 1 % (rounded down) of what the customer kept and counts it towards the
   * grade, inside the caller's transaction (the event inbox's).
   */
  async orderCompleted(tx: EntityManager, completed: OrderCompleted): Promise<void> {
    const reward = await this.rewardOf(tx, completed.orderId, completed.userId);
    if (reward.charged != null) return;
    reward.charged = completed.paidAmount + completed.refundedAmount;
    reward.refundedAtCompletion = completed.refundedAmount;
    await this.revise(tx, reward, completed.orderId);
  }

  /**
   * A return was refunded: the points its lines were paid with come back, and the order's reward
   * and spend shrink to what the customer kept (if the order completed already; otherwise the
   * completion counts only what was kept). Inside the caller's transaction (the event inbox's).
   */
  async returnRefunded(tx: EntityManager, refunded: ReturnRefunded): Promise<void> {
    if (refunded.pointsReturned > 0) {
      await this.move(tx, refunded.userId, refunded.pointsReturned);
      await this.record(
        tx,
        refunded.userId,
        refunded.pointsReturned,
        'ORDER_REFUND',
        `return-${refunded.returnId}`,
      );
    }
    const reward = await this.rewardOf(tx, refunded.orderId, refunded.userId);
    reward.returnRefunds += refunded.refundedAmount;
    await this.revise(tx, reward, refunded.returnId);
  }

  private async rewardOf(tx: EntityManager, orderId: string, userId: string) {
    const existing = await tx.findOne(PurchaseReward, { orderId });
    if (existing) return existing;
    const created = tx.create(PurchaseReward, { orderId, userId, charged: null });
    tx.persist(created);
    return created;
  }

  /**
   * Brings the order's reward and counted spend to what its customer kept: a refund taken after
   * the points were spent takes back what the balance still holds (never below zero).
   */
  private async revise(tx: EntityManager, reward: PurchaseReward, reference: string) {
    const refunds = Math.max(reward.returnRefunds, reward.refundedAtCompletion);
    const kept = reward.charged == null ? 0 : Math.max(reward.charged - refunds, 0);
    const user = await tx.findOne(User, { id: reward.userId });
    if (!user) return;
    user.lifetimeSpend += kept - reward.spend;
    user.grade = gradeForSpend(user.lifetimeSpend);
    reward.spend = kept;
    const delta = Math.max(Math.floor(kept / 100) - reward.points, -user.pointsBalance);
    await tx.flush();
    if (delta === 0) return;
    await this.move(tx, reward.userId, delta);
    await this.record(
      tx,
      reward.userId,
      delta,
      delta > 0 ? 'ORDER_REWARD' : 'REWARD_REVOKED',
      reference,
    );
    reward.points += delta;
    await tx.flush();
  }

  /** The order was paid: the held points are spent for good. */
  use(em: EntityManager, orderId: string): Promise<boolean> {
    return this.settle(em, orderId, 'HELD', 'USED', false);
  }

  /** The order failed or expired before payment: the points go back. */
  release(em: EntityManager, orderId: string): Promise<boolean> {
    return this.settle(em, orderId, 'HELD', 'RELEASED', true);
  }

  /** A paid order was cancelled: the points it spent go back. */
  restore(em: EntityManager, orderId: string): Promise<boolean> {
    return this.settle(em, orderId, 'USED', 'RESTORED', true);
  }

  private async settle(
    em: EntityManager,
    orderId: string,
    from: PointsHoldStatus,
    to: PointsHoldStatus,
    refund: boolean,
  ): Promise<boolean> {
    return em.fork().transactional(async (tx) => {
      const changed = await tx.nativeUpdate(
        PointsHold,
        { orderId, status: from },
        { status: to, settledAt: new Date() },
      );
      if (changed !== 1) return false;
      if (refund) {
        const hold = await tx.findOneOrFail(PointsHold, { orderId });
        await this.move(tx, hold.userId, hold.amount);
        await this.record(tx, hold.userId, hold.amount, 'ORDER_REFUND', orderId);
      }
      return true;
    });
  }

  /** Adds `delta` to the balance unless that would take it below zero; returns rows changed. */
  private async move(tx: EntityManager, userId: string, delta: number): Promise<number> {
    const result = await tx
      .getConnection()
      .execute<QueryResult>(
        'update user_profile set points_balance = points_balance + ? where id = ? and points_balance + ? >= 0',
        [delta, userId, delta],
        'run',
        tx.getTransactionContext(),
      );
    return result.affectedRows;
  }

  private async record(
    tx: EntityManager,
    userId: string,
    delta: number,
    reason: PointsReason,
    reference: string,
    note: string | null = null,
  ): Promise<void> {
    const [row] = await tx
      .getConnection()
      .execute<{ points_balance: number }[]>(
        'select points_balance from user_profile where id = ?',
        [userId],
        'all',
        tx.getTransactionContext(),
      );
    tx.persist(
      tx.create(PointsEntry, {
        userId,
        delta,
        balanceAfter: Number(row?.points_balance ?? 0),
        reason,
        reference,
        note,
      }),
    );
  }
}
