import { UniqueConstraintViolationException, type QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import { PointsEntry } from '../domain/points-entry.entity.js';
import { PointsHold, type PointsHoldStatus } from '../domain/points-hold.entity.js';
import { gradeForSpend } from '../domain/membership-grade.js';
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
   * An administrator's grant (compensation, promotion) or correction: once per reference, never
   * taking the balance below zero. Resolves false when the balance would go negative.
   */
  async adjust(
    em: EntityManager,
    userId: string,
    delta: number,
    reference: string,
  ): Promise<boolean> {
    try {
      return await em.fork().transactional(async (tx) => {
        if ((await this.move(tx, userId, delta)) !== 1) return false;
        await this.record(tx, userId, delta, 'ADMIN_ADJUSTMENT', reference);
        return true;
      });
    } catch (error) {
      // The same reference again: the first adjustment stands.
      if (error instanceof UniqueConstraintViolationException) return true;
      throw error;
    }
  }

  /**
   * A completed order earns points (1 % of what was paid, rounded down) and counts towards the
   * grade, inside the caller's transaction (the event inbox's): once per order by the ledger's
   * unique (user, ORDER_REWARD, order) key as well.
   */
  async reward(
    tx: EntityManager,
    userId: string,
    orderId: string,
    paidAmount: number,
  ): Promise<void> {
    const points = Math.floor(paidAmount / 100);
    const user = await tx.findOne(User, { id: userId });
    if (!user) return;
    user.lifetimeSpend += paidAmount;
    user.grade = gradeForSpend(user.lifetimeSpend);
    await tx.flush();
    if (points > 0) {
      await this.move(tx, userId, points);
      await this.record(tx, userId, points, 'ORDER_REWARD', orderId);
    }
  }

  /** The points share of returned lines, back to the customer; false if already credited. */
  async creditReturn(
    em: EntityManager,
    userId: string,
    amount: number,
    reference: string,
  ): Promise<boolean> {
    try {
      return await em.fork().transactional(async (tx) => {
        if ((await this.move(tx, userId, amount)) !== 1) return false;
        await this.record(tx, userId, amount, 'ORDER_REFUND', reference);
        return true;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
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
    reason: 'ORDER_SPEND' | 'ORDER_REFUND' | 'ORDER_REWARD' | 'ADMIN_ADJUSTMENT',
    reference: string,
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
      }),
    );
  }
}
