import type { Orm } from '@shop/kit/db';
import { Gauge, type Registry } from 'prom-client';
import { PaymentCancel } from '../domain/payment-cancel.entity.js';
import { Payment } from '../domain/payment.entity.js';

/**
 * `payment_in_progress_oldest_age_seconds{kind}`: how long the oldest confirmation (READY) and the
 * oldest refund (REQUESTED) have waited on the PG, read at each scrape. The recovery sweep finishes
 * what a dead process left within minutes; an age that keeps growing means it cannot.
 */
export function measurePaymentsInProgress(registry: Registry, orm: Orm): void {
  new Gauge({
    name: 'payment_in_progress_oldest_age_seconds',
    help: 'Age of the oldest payment confirmation or refund still waiting on the PG (0 when none)',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const em = orm.em.fork();
      const now = Date.now();
      const [payment, refund] = await Promise.all([
        em.findOne(Payment, { status: 'READY' }, { orderBy: { updatedAt: 'asc' } }),
        em.findOne(PaymentCancel, { status: 'REQUESTED' }, { orderBy: { updatedAt: 'asc' } }),
      ]);
      const age = (row: { updatedAt: Date } | null) =>
        row ? Math.max(0, (now - row.updatedAt.getTime()) / 1000) : 0;
      this.set({ kind: 'payment' }, age(payment));
      this.set({ kind: 'refund' }, age(refund));
    },
  });
}
