/**
 * A tiny event-driven ledger used by the event contract tests and the events benchmark: a source
 * writes numbered entries through the outbox, a consumer applies them into a table.
 */
import { defineEntity, p } from '@mikro-orm/core';
import type { EventEnvelope } from '@shop/contracts';
import { openDatabase, type DatabaseConfig, type Orm } from '@shop/kit/db';
import { idempotentHandler, type EventHandler, type Outbox } from '@shop/kit/events';
import type { Registry } from '@shop/kit/ops';

/**
 * The contract suite's consumer: every applied event adds a row. No unique key on purpose, so
 * applying an event twice shows up as an extra row instead of being hidden by the table.
 */
const AppliedEntrySchema = defineEntity({
  name: 'AppliedEntry',
  tableName: 'applied_entry',
  properties: {
    id: p.integer().primary().autoincrement(),
    eventId: p.string().length(36),
    sequence: p.integer(),
    amount: p.integer(),
  },
});
export class AppliedEntry extends AppliedEntrySchema.class {}
AppliedEntrySchema.setClass(AppliedEntry);

export interface LedgerEventData {
  sequence: number;
  amount: number;
  /** A poison event: the consumer always fails on it. */
  poison?: boolean;
}

export const ledgerEventType = 'ledger.entry-recorded';

export async function openLedgerDatabase(config: DatabaseConfig): Promise<Orm> {
  const orm = await openDatabase({ config, entities: [AppliedEntrySchema] });
  await orm.schema.update();
  return orm;
}

export function ledgerConsumer(
  orm: Orm,
  metricsRegistry: Registry,
  group: string,
  slowMs = 0,
): EventHandler {
  return idempotentHandler(orm, metricsRegistry, group, async (tx, event: EventEnvelope) => {
    const data = event.data as LedgerEventData;
    if (data.poison) throw new Error(`poison event ${data.sequence} cannot be applied`);
    if (slowMs) await new Promise((resolve) => setTimeout(resolve, slowMs));
    await tx.insert(AppliedEntry, {
      eventId: event.id,
      sequence: data.sequence,
      amount: data.amount,
    });
  });
}

/** A deterministic amount per sequence number, so the expected checksum is known up front. */
export function amountOf(sequence: number): number {
  return (sequence * 7919) % 10007;
}

/** Writes `count` events through the outbox, `perTransaction` at a time, across `keys` aggregates. */
export async function writeLedgerEvents(
  orm: Orm,
  outbox: Outbox,
  {
    from = 0,
    count,
    perTransaction = 100,
    keys = 50,
  }: { from?: number; count: number; perTransaction?: number; keys?: number },
): Promise<void> {
  for (let start = from; start < from + count; start += perTransaction) {
    await outbox.transaction(orm.em.fork(), async (tx) => {
      for (
        let sequence = start;
        sequence < Math.min(start + perTransaction, from + count);
        sequence++
      ) {
        outbox.record<LedgerEventData>(tx, {
          type: ledgerEventType,
          subject: `account-${sequence % keys}`,
          data: { sequence, amount: amountOf(sequence) },
        });
      }
    });
  }
}

export interface LedgerTotals {
  rows: number;
  distinctEvents: number;
  distinctSequences: number;
  amount: number;
}

export async function ledgerTotals(orm: Orm): Promise<LedgerTotals> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<
      { rows: number; distinct_events: number; distinct_sequences: number; amount: number | null }[]
    >(
      'select count(*) as `rows`, count(distinct event_id) as distinct_events, count(distinct sequence) as distinct_sequences, sum(amount) as amount from applied_entry',
    );
  return {
    rows: Number(row?.rows ?? 0),
    distinctEvents: Number(row?.distinct_events ?? 0),
    distinctSequences: Number(row?.distinct_sequences ?? 0),
    amount: Number(row?.amount ?? 0),
  };
}

export function expectedTotals(count: number, from = 0): LedgerTotals {
  let amount = 0;
  for (let sequence = from; sequence < from + count; sequence++) amount += amountOf(sequence);
  return { rows: count, distinctEvents: count, distinctSequences: count, amount };
}
