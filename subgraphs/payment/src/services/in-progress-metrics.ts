import type { Orm } from '@shop/kit/db';
import { oldestAgeGauge } from '@shop/kit/ops';
import type { Registry } from 'prom-client';
import { PaymentCancel } from '../domain/payment-cancel.entity.js';
import { Payment } from '../domain/payment.entity.js';

/**
 * `payment_in_progress_oldest_age_seconds{kind}`: how long the oldest confirmation (READY) and the
 * oldest refund (REQUESTED) have waited on the PG, read at each scrape. The recovery sweep finishes
 * what a dead process left within minutes; an age that keeps growing means it cannot.
 */
export function measurePaymentsInProgress(registry: Registry, orm: Orm): void {
  oldestAgeGauge(registry, {
    name: 'payment_in_progress_oldest_age_seconds',
    help: 'Age of the oldest payment confirmation or refund still waiting on the PG (0 when none)',
    labelNames: ['kind'],
    async oldest() {
      const em = orm.em.fork();
      const [payment, refund] = await Promise.all([
        em.findOne(Payment, { status: 'READY' }, { orderBy: { updatedAt: 'asc' } }),
        em.findOne(PaymentCancel, { status: 'REQUESTED' }, { orderBy: { updatedAt: 'asc' } }),
      ]);
      return [
        [{ kind: 'payment' }, payment?.updatedAt],
        [{ kind: 'refund' }, refund?.updatedAt],
      ];
    },
  });
}
