import { z } from 'zod';
import type { EntityManager } from '@shop/kit/db';
import { LedgerEntry } from '../domain/ledger-entry.entity.js';
import type { Ledger } from './ledger.js';

const reportSchema = z.array(
  z.object({
    orderId: z.string(),
    transactionKey: z.string(),
    type: z.enum(['PAYMENT', 'CANCEL']),
    amount: z.number().int(),
    fee: z.number().int(),
    soldDate: z.string(),
  }),
);

export interface Difference {
  orderId: string;
  kind: 'PAYMENT' | 'REFUND';
  ours: number;
  pg: number;
}

export interface Reconciliation {
  date: string;
  ourPayments: number;
  pgPayments: number;
  ourRefunds: number;
  pgRefunds: number;
  pgFees: number;
  differences: Difference[];
}

/** What the PG charged: orders paid, and charges that paid none (voided, so also refunded). */
export const paymentKinds = [
  'SALE',
  'PRODUCT_DISCOUNT',
  'COUPON_DISCOUNT',
  'POINTS',
  'SHIPPING',
  'UNSOLD_CHARGE',
] as const;
/** A refund's lines less the return fee it kept: together what the PG gave back. */
export const refundKinds = ['REFUND', 'RETURN_FEE'] as const;

function addTo(map: Map<string, number>, key: string, amount: number) {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/**
 * Compares a day of the books with the PG's settlement report, order by order: what we think was
 * charged and refunded against what the PG says. Any difference is listed; the PG's fees are
 * booked (once per PG transaction).
 */
export class Reconciler {
  constructor(private readonly deps: { ledger: Ledger; pgUrl: string; secretKey: string }) {}

  async reconcile(em: EntityManager, date: string): Promise<Reconciliation> {
    const response = await fetch(
      new URL(`/v1/settlements?startDate=${date}&endDate=${date}`, this.deps.pgUrl),
      {
        headers: {
          authorization: `Basic ${Buffer.from(`${this.deps.secretKey}:`).toString('base64')}`,
        },
        signal: AbortSignal.timeout(10_000),
      },
    );
    if (!response.ok) throw new Error(`the PG's settlement report answered ${response.status}`);
    const report = reportSchema.parse(await response.json());

    const ours = { PAYMENT: new Map<string, number>(), REFUND: new Map<string, number>() };
    const entries = await em.find(LedgerEntry, {
      businessDate: date,
      kind: { $in: [...paymentKinds, ...refundKinds] },
    });
    for (const entry of entries)
      if ((refundKinds as readonly string[]).includes(entry.kind))
        addTo(ours.REFUND, entry.orderId, -entry.amount);
      else addTo(ours.PAYMENT, entry.orderId, entry.amount);
    const pg = { PAYMENT: new Map<string, number>(), REFUND: new Map<string, number>() };
    let pgFees = 0;
    for (const row of report) {
      if (row.type === 'PAYMENT') addTo(pg.PAYMENT, row.orderId, row.amount);
      else addTo(pg.REFUND, row.orderId, -row.amount);
      pgFees += row.fee;
      await this.deps.ledger.bookFee(em, row.transactionKey, row.orderId, row.fee, date);
    }

    const differences: Difference[] = [];
    for (const kind of ['PAYMENT', 'REFUND'] as const)
      for (const orderId of new Set([...ours[kind].keys(), ...pg[kind].keys()])) {
        const mine = ours[kind].get(orderId) ?? 0;
        const theirs = pg[kind].get(orderId) ?? 0;
        if (mine !== theirs) differences.push({ orderId, kind, ours: mine, pg: theirs });
      }
    const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
    return {
      date,
      ourPayments: total(ours.PAYMENT),
      pgPayments: total(pg.PAYMENT),
      ourRefunds: total(ours.REFUND),
      pgRefunds: total(pg.REFUND),
      pgFees,
      differences,
    };
  }
}
