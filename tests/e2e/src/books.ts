import {
  orderCompletedEvent,
  orderPaidEvent,
  paymentCancelledEvent,
  type EventEnvelope,
} from '@shop/contracts';
import { OutboxEvent, ProcessedEvent } from '@shop/kit/events';
import { idempotentConsumerGroup } from '@shop/kit/service';
import { waitFor, type StartedServices } from '@shop/testkit';
import type { ShopClient } from './shop-under-test.js';

const reconcile = `mutation Reconcile($date: String!) {
  reconcileSettlement(date: $date) { differences { orderId kind ours pg } }
}`;

/** The Korean business day the books are kept by. */
export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

/**
 * Waits until the day's books net to the PG for these orders: `reconcileSettlement` lists no
 * difference for any of them, once settlement has heard every event.
 */
export async function expectBooksNet(shop: ShopClient, orderIds: Iterable<string>): Promise<void> {
  const ids = new Set(orderIds);
  await waitFor(
    'the day to reconcile with the PG for these orders',
    async () => {
      const result = await shop.call(reconcile, { date: today() }, shop.adminToken);
      const differences = result.data?.reconcileSettlement.differences as
        { orderId: string }[] | undefined;
      return differences?.every((difference) => !ids.has(difference.orderId));
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

/** The events settlement books, all recorded by order and payment. */
const bookedTypes = new Set<string>(
  [orderPaidEvent, orderCompletedEvent, paymentCancelledEvent].map((e) => e.type),
);

/**
 * Waits until settlement has booked every sale and refund recorded after `marks` (`outboxMarks`
 * of order and payment): each such event in their outboxes has its row in settlement's inbox.
 */
export async function booksCaughtUp(
  shop: StartedServices,
  marks: Record<string, number>,
): Promise<void> {
  const eventIds: string[] = [];
  for (const [name, mark] of Object.entries(marks)) {
    const em = shop.services.get(name)!.orm.em.fork();
    const rows = await em.find(OutboxEvent, { id: { $gt: mark } });
    for (const row of rows)
      if (bookedTypes.has((JSON.parse(row.envelope) as EventEnvelope).type))
        eventIds.push(row.eventId);
  }
  const settlement = shop.services.get('settlement')!.orm;
  const consumer = idempotentConsumerGroup('settlement', 'books');
  await waitFor(
    `settlement to book ${eventIds.length} events`,
    async () =>
      (await settlement.em
        .fork()
        .count(ProcessedEvent, { consumer, eventId: { $in: eventIds } })) === eventIds.length,
  );
}
