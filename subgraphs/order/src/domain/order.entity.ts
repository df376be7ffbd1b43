import { defineEntity, p, type EntityData, type ObjectQuery } from '@mikro-orm/core';
import { orderStatuses, type OrderStatus } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { OrderStatusChange } from './order-status-change.entity.js';
import {
  canTransition,
  initialOrderStatus,
  OrderTransitionRefused,
  sourcesOf,
  type OrderCause,
} from './order-transitions.js';

export interface ShippingAddress {
  recipient: string;
  phone: string;
  postalCode: string;
  line1: string;
  line2: string | null;
}

/** OUT_OF_STOCK: paid, but its reservation lapsed before it was committed and the units were sold. */
export const cancelReasons = ['CUSTOMER', 'ADMIN', 'EXPIRED', 'OUT_OF_STOCK'] as const;
export type CancelReason = (typeof cancelReasons)[number];

/**
 * A customer's order, priced on the server when it was placed. Its status follows the order
 * process (order-transitions.ts) and moves only through the methods of `Order`; `holdsSettled` is
 * false while the stock, coupon and points it holds still have to be committed (paid) or given
 * back (failed, cancelled): the sweeper retries until they are, so a service that was down during
 * a step cannot leave stock or points stranded.
 */
export const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'shop_order',
  uniques: [{ properties: ['userId', 'idempotencyKey'] }],
  indexes: [
    { properties: ['status', 'expiresAt'] },
    { properties: ['status', 'createdAt'] },
    { properties: ['holdsSettled', 'status'] },
    { properties: ['userId', 'createdAt'] },
    { properties: ['status', 'deliveredAt'] },
    { properties: ['createdAt'] },
  ],
  properties: {
    id: p.string().length(36).primary(),
    userId: p.string().length(36),
    status: p.enum(orderStatuses).default(initialOrderStatus),
    /** e.g. "남성 반팔 티셔츠 외 2건": what the PG shows the customer. */
    orderName: p.string().length(200),
    subtotal: p.integer(),
    productDiscount: p.integer(),
    couponDiscount: p.integer(),
    pointsUsed: p.integer(),
    shippingFee: p.integer(),
    /** What the PG charges: subtotal − discounts − points + shipping. */
    totalAmount: p.integer(),
    couponId: p.string().length(36).nullable(),
    shippingAddress: p.json<ShippingAddress>(),
    idempotencyKey: p.string().length(64),
    holdsSettled: p.boolean().default(false),
    paymentId: p.string().length(36).nullable(),
    failureReason: p.string().length(200).nullable(),
    cancelReason: p.enum(cancelReasons).nullable(),
    /** Everything the PG gave back: a cancellation's refund and the returns' refunds. */
    refundedAmount: p.integer().default(0),
    /** Returns asked for and not yet closed: the purchase is not confirmed while one is open. */
    openReturns: p.integer().default(0),
    expiresAt: p.datetime(),
    paidAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/**
 * Every status change is one conditional UPDATE, never a read-modify-write of the row: of two
 * racing changes (a payment arriving as the order expires) one wins, the other learns it lost
 * (false), and neither overwrites the other.
 */
export class Order extends OrderSchema.class {
  /**
   * A move decided on this order as it was read: refused (OrderTransitionRefused) before anything
   * is written unless the order process allows it; the row moves only if it is still in the status
   * read, and `where` still holds; this order then shows the move and `changes`.
   */
  async transitionTo(
    tx: EntityManager,
    next: OrderStatus,
    cause: OrderCause,
    changes: EntityData<Order> = {},
    where: ObjectQuery<Order> = {},
  ): Promise<boolean> {
    if (!canTransition(this.status, next, cause))
      throw new OrderTransitionRefused(this.status, next, cause);
    const changed = await recorded(tx, this.id, next, cause, (inTx) =>
      inTx.nativeUpdate(
        Order,
        { ...where, id: this.id, status: this.status },
        { ...changes, status: next },
      ),
    );
    if (!changed) return false;
    Object.assign(this, changes, { status: next });
    return true;
  }

  /**
   * A move that does not depend on where the order was (a delivery, a confirmation, a return's
   * refund): from any status the order process lets `cause` start it from, checked by the database
   * as it writes. From anywhere else (a replay, a late event) the order stays put: false.
   */
  static async transitionWhereverAllowed(
    tx: EntityManager,
    orderId: string,
    next: OrderStatus,
    cause: OrderCause,
    changes: EntityData<Order> = {},
    where: ObjectQuery<Order> = {},
  ): Promise<boolean> {
    return recorded(tx, orderId, next, cause, (inTx) =>
      inTx.nativeUpdate(
        Order,
        { ...where, id: orderId, status: { $in: sourcesOf(next, cause) } },
        { ...changes, status: next },
      ),
    );
  }

  /**
   * The order a customer's createOrder with this key placed before, if any. Every buyer of a
   * first-come sale asks, the losers too, so it is one plain query: MikroORM's findOne spends four
   * times its CPU building the same statement.
   */
  static async placedWith(
    em: EntityManager,
    userId: string,
    idempotencyKey: string,
  ): Promise<Order | null> {
    const earlier = await em
      .getConnection()
      .execute<EntityData<Order>>(
        'select id from shop_order where user_id = ? and idempotency_key = ?',
        [userId, idempotencyKey],
        'get',
      );
    return earlier?.id ? em.fork().findOneOrFail(Order, { id: earlier.id }) : null;
  }
}

/**
 * Runs a status change and, if it moved the row, writes its history row in the same transaction
 * (the caller's, or one opened here).
 */
async function recorded(
  tx: EntityManager,
  orderId: string,
  next: OrderStatus,
  cause: OrderCause,
  update: (inTx: EntityManager) => Promise<number>,
): Promise<boolean> {
  const write = async (inTx: EntityManager) => {
    if ((await update(inTx)) !== 1) return false;
    await inTx.insert(OrderStatusChange, {
      orderId,
      status: next,
      cause,
      createdAt: new Date(),
    });
    return true;
  };
  return tx.isInTransaction() ? write(tx) : tx.transactional(write);
}

OrderSchema.setClass(Order);
