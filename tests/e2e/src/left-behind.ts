import { randomUUID } from 'node:crypto';
import { waitFor } from '@shop/testkit';
import { subgraphs } from '../../../scripts/subgraphs.js';
import type { ShopUnderTest } from './shop-under-test.js';

/**
 * What a process that died, or a service out of reach, leaves behind, written the way it would
 * have been, so an in-process test can watch the owner of each state finish it.
 */

/** A subgraph's table, to write what a dead process left in it. */
export const entityOf = (subgraph: string, className: string) =>
  subgraphs
    .find((definition) => definition.name === subgraph)!
    .entities.find((entity) => entity.meta.className === className)!;

/**
 * What payment leaves when it dies right after the PG charged: the PG confirmed under the
 * payment's id, and the payment row is still READY, last touched a minute ago.
 */
export async function chargedThenDied(
  shop: ShopUnderTest,
  buyer: { userId: string },
  order: { id: string; totalAmount: number },
  paymentKey: string,
): Promise<void> {
  const paymentId = randomUUID();
  const confirmed = await fetch(`${shop.pg.url}/v1/payments/confirm`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('test_sk_sandbox:').toString('base64')}`,
      'content-type': 'application/json',
      'idempotency-key': paymentId,
    },
    body: JSON.stringify({ paymentKey, orderId: order.id, amount: order.totalAmount }),
  });
  if (confirmed.status !== 200) throw new Error(`the PG refused to charge: ${confirmed.status}`);
  const leftAt = new Date(Date.now() - 60_000);
  await shop.shop.services.get('payment')!.orm.em.fork().insert(entityOf('payment', 'Payment'), {
    id: paymentId,
    orderId: order.id,
    userId: buyer.userId,
    paymentKey,
    amount: order.totalAmount,
    status: 'READY',
    createdAt: leftAt,
    updatedAt: leftAt,
  });
}

/**
 * What product's sweeper does on its own clock while order cannot reach it: the order's
 * reservation lapses although the order is still payable.
 */
export async function reservationLapses(shop: ShopUnderTest, orderId: string): Promise<void> {
  const reservations = shop.shop.services.get('product')!.orm.em.fork();
  const Reservation = entityOf('product', 'Reservation');
  await reservations.nativeUpdate(Reservation, { orderId }, { expiresAt: new Date(0) });
  await waitFor('product to expire the reservation', async () => {
    const active = await shop.shop.services
      .get('product')!
      .orm.em.fork()
      .count(Reservation, { orderId, status: 'ACTIVE' });
    return active === 0;
  });
}
