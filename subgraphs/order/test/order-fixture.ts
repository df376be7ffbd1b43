import { randomUUID } from 'node:crypto';
import type { OrderStatus } from '@shop/contracts';
import { openDatabase, type DatabaseConfig, type Orm } from '@shop/kit/db';
import { OutboxEvent } from '@shop/kit/events';
import { createTestDatabase } from '@shop/testkit';
import { orderEntities } from '../src/domain/entities.js';
import { OrderLine } from '../src/domain/order-line.entity.js';
import { Order } from '../src/domain/order.entity.js';

export interface OrderDatabase {
  orm: Orm;
  close(): Promise<void>;
}

/** A fresh order database, its schema synced to the entities. */
export async function openOrderDatabase(
  kind: DatabaseConfig['kind'],
  label: string,
): Promise<OrderDatabase> {
  const database = await createTestDatabase(kind, label);
  const orm = await openDatabase({ config: database.config, entities: orderEntities });
  await orm.schema.update();
  return {
    orm,
    close: async () => {
      await orm.close();
      await database.drop();
    },
  };
}

/** Two units at 10,000 plus 3,000 shipping: what the PG charged for the orders written here. */
export const orderTotal = 23_000;

/**
 * An order of one line (two units) written straight in `status`, as earlier steps would have
 * left it: paid ones have a payment, delivered ones a delivery date. Unpaid ones expire in an
 * hour unless `fields` says otherwise.
 */
export async function insertOrder(
  orm: Orm,
  status: OrderStatus,
  fields: Partial<
    Pick<Order, 'expiresAt' | 'createdAt' | 'deliveredAt' | 'openReturns' | 'refundedAmount'>
  > = {},
): Promise<{ order: Order; line: { id: string; skuId: string; brandId: string } }> {
  const em = orm.em.fork();
  const orderId = randomUUID();
  const line = { id: randomUUID(), skuId: randomUUID(), brandId: randomUUID() };
  const paid = !['PLACING', 'PENDING', 'FAILED'].includes(status);
  const delivered = ['DELIVERED', 'PARTIALLY_RETURNED', 'COMPLETED', 'RETURNED'].includes(status);
  const order = em.create(Order, {
    id: orderId,
    userId: randomUUID(),
    status,
    orderName: '남성 반팔 티셔츠',
    subtotal: 20_000,
    productDiscount: 0,
    couponDiscount: 0,
    pointsUsed: 0,
    shippingFee: 3_000,
    totalAmount: orderTotal,
    couponId: null,
    shippingAddress: {
      recipient: '홍길동',
      phone: '010-1234-5678',
      postalCode: '06236',
      line1: '서울특별시 강남구 테헤란로 123',
      line2: null,
    },
    idempotencyKey: `checkout-${orderId}`,
    holdsSettled: true,
    paymentId: paid ? randomUUID() : null,
    paidAt: paid ? new Date('2026-12-01T10:00:00Z') : null,
    deliveredAt: delivered ? new Date('2026-12-03T10:00:00Z') : null,
    expiresAt: new Date(Date.now() + 3_600_000),
    ...fields,
  });
  em.persist(order);
  em.persist(
    em.create(OrderLine, {
      id: line.id,
      orderId,
      position: 0,
      skuId: line.skuId,
      productId: randomUUID(),
      productName: '남성 반팔 티셔츠',
      brandId: line.brandId,
      options: { 색상: '블랙', 사이즈: 'M' },
      quantity: 2,
      unitPrice: 10_000,
      salePrice: 10_000,
      lineSubtotal: 20_000,
      productDiscount: 0,
      couponDiscount: 0,
      pointsUsed: 0,
      paidAmount: 20_000,
    }),
  );
  await em.flush();
  return { order: await stored(orm, orderId), line };
}

/** The order as stored now. */
export const stored = (orm: Orm, orderId: string) =>
  orm.em.fork().findOneOrFail(Order, { id: orderId });

/** The events recorded for the order, oldest first. */
export async function eventsOf(orm: Orm, orderId: string) {
  const rows = await orm.em.fork().find(OutboxEvent, { key: orderId }, { orderBy: { id: 'asc' } });
  return rows.map((row) => {
    const { type, data } = JSON.parse(row.envelope) as {
      type: string;
      data: Record<string, unknown>;
    };
    return { type, data };
  });
}
