import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OrderStatus, ReturnRefunded } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { OrderLine } from '../src/domain/order-line.entity.js';
import { OrderReturns } from '../src/services/order-returns.js';
import { insertOrder, openOrderDatabase, stored, type OrderDatabase } from './order-fixture.js';
import { describeOnEachDatabase } from '@shop/testkit/each-database';

const returns = new OrderReturns();

describeOnEachDatabase("the order's side of its returns on $name", (kind) => {
  let database: OrderDatabase;

  beforeAll(async () => {
    database = await openOrderDatabase(kind, 'order_returns');
  });
  afterAll(async () => {
    await database.close();
  });

  /** An order of two units in `status`, and what return's events would say of it. */
  async function orderWithReturns(status: OrderStatus) {
    const { order, line } = await insertOrder(database.orm, status);
    const ref = () => ({ returnId: randomUUID(), orderId: order.id, userId: order.userId });
    // As the event inbox runs them: each in a transaction of its own.
    const inTx = (work: (tx: EntityManager) => Promise<void>) =>
      database.orm.em.fork().transactional(work);
    return {
      order,
      /** A return of `quantity` units asked for; its id. */
      request: async (quantity: number) => {
        const requested = {
          ...ref(),
          type: 'RETURN' as const,
          reason: 'CHANGED_MIND' as const,
          lines: [{ orderLineId: line.id, skuId: line.skuId, quantity }],
          requestedAt: new Date().toISOString(),
        };
        await inTx((tx) => returns.opened(tx, requested));
        return requested.returnId;
      },
      reject: (returnId: string) =>
        inTx((tx) => returns.closed(tx, { returnId, orderId: order.id }, 'REJECTED')),
      /** The return `returnId` refunded, 10,000 a unit. */
      refund: (returnId: string, quantity: number) => {
        const refunded: ReturnRefunded = {
          returnId,
          orderId: order.id,
          userId: order.userId,
          refundedAmount: 10_000 * quantity,
          pointsReturned: 0,
          returnFee: 0,
          lines: [
            {
              orderLineId: line.id,
              brandId: line.brandId,
              quantity,
              refundAmount: 10_000 * quantity,
              pointsAmount: 0,
            },
          ],
          refundedAt: new Date().toISOString(),
        };
        return inTx((tx) => returns.refunded(tx, refunded));
      },
      line: () => database.orm.em.fork().findOneOrFail(OrderLine, { id: line.id }),
    };
  }

  it('DELIVERED → PARTIALLY_RETURNED when some units come back, counting them once', async () => {
    const subject = await orderWithReturns('DELIVERED');
    const returnId = await subject.request(1);
    expect(await stored(database.orm, subject.order.id)).toMatchObject({
      status: 'DELIVERED',
      openReturns: 1,
    });
    await subject.refund(returnId, 1);
    await subject.refund(returnId, 1);
    expect(await stored(database.orm, subject.order.id)).toMatchObject({
      status: 'PARTIALLY_RETURNED',
      openReturns: 0,
      refundedAmount: 10_000,
    });
    expect(await subject.line()).toMatchObject({
      returnPendingQuantity: 0,
      returnedQuantity: 1,
      refundedAmount: 10_000,
    });
  });

  it('PARTIALLY_RETURNED → RETURNED when the last unit comes back', async () => {
    const subject = await orderWithReturns('DELIVERED');
    await subject.refund(await subject.request(1), 1);
    await subject.refund(await subject.request(1), 1);
    expect(await stored(database.orm, subject.order.id)).toMatchObject({
      status: 'RETURNED',
      refundedAmount: 20_000,
    });
  });

  it('DELIVERED → RETURNED when every unit comes back at once', async () => {
    const subject = await orderWithReturns('DELIVERED');
    await subject.refund(await subject.request(2), 2);
    expect((await stored(database.orm, subject.order.id)).status).toBe('RETURNED');
  });

  it('a confirmed order stays COMPLETED with units kept, and becomes RETURNED with none', async () => {
    const kept = await orderWithReturns('COMPLETED');
    await kept.refund(await kept.request(1), 1);
    expect(await stored(database.orm, kept.order.id)).toMatchObject({
      status: 'COMPLETED',
      refundedAmount: 10_000,
    });
    await kept.refund(await kept.request(1), 1);
    expect((await stored(database.orm, kept.order.id)).status).toBe('RETURNED');
  });

  it('a rejected return releases its units and the confirmation, and moves no status', async () => {
    const subject = await orderWithReturns('DELIVERED');
    const returnId = await subject.request(2);
    expect((await subject.line()).returnPendingQuantity).toBe(2);
    await subject.reject(returnId);
    expect(await stored(database.orm, subject.order.id)).toMatchObject({
      status: 'DELIVERED',
      openReturns: 0,
    });
    expect(await subject.line()).toMatchObject({ returnPendingQuantity: 0, returnedQuantity: 0 });
  });

  it('a refund of a return never seen open still counts, and only once', async () => {
    const subject = await orderWithReturns('DELIVERED');
    const returnId = randomUUID();
    await subject.refund(returnId, 1);
    await subject.refund(returnId, 1);
    expect(await stored(database.orm, subject.order.id)).toMatchObject({
      status: 'PARTIALLY_RETURNED',
      openReturns: 0,
      refundedAmount: 10_000,
    });
  });
});
