import { LockMode, raw, type FilterQuery } from '@mikro-orm/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Registry } from 'prom-client';
import { isMySql, type EntityManager, type Orm } from '../db/open-database.js';
import type { Logger } from '../logger.js';
import type { TraceHeaders } from '../tracing/trace-headers.js';
import { relayMetricsOn } from './event-metrics.js';
import { startSendSpan } from './event-spans.js';
import { OutboxEvent } from './outbox-event.entity.js';
import { recordedRows } from './recorded-events.js';
import type { EventTransport } from './transport.js';

export interface OutboxRelayOptions {
  orm: Orm;
  transport: EventTransport;
  logger: Logger;
  /** Label for metrics and logs, usually the subgraph name. */
  service: string;
  /** The process's registry, where the relay counts what it published and what failed. */
  metricsRegistry: Registry;
  batchSize?: number;
  /**
   * How often an idle relay looks for rows that no `notify()` announced: those a process wrote
   * and died before sending, or another process's (a script's).
   */
  pollIntervalMs?: number;
  /**
   * How old a pending row must be before a poll takes it. A younger one is its writer's to send,
   * from memory right after its commit; a poll taking it too would send it twice.
   */
  orphanedAfterMs?: number;
  /** Back-off ceiling while the transport keeps failing. */
  maxBackoffMs?: number;
}

/**
 * Publishes outbox rows and marks them sent. The rows a commit of this process recorded are sent
 * from memory right after it, in id order, and marked sent by one update: no transaction, no
 * read. Every other pending row goes in locked batches (a second relay, another replica, waits
 * instead of sending it twice), in id order: at start, after a send failed (then before any newer
 * row of this process), and when polled for rows whose writer died before sending them. When the
 * transport fails the rows stay pending (attempts and last error recorded) and the relay backs off
 * and tries again, so an unreachable broker delays events but never loses them.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Rows this process committed that are not sent yet, by id. */
  private readonly awaiting = new Map<number, OutboxEvent>();
  /** Pending rows may be anywhere in the table: send them all, in locked batches, first. */
  private lookAgain = false;
  /** A send failed: its rows wait in the table, and nothing newer goes from memory before them. */
  private degraded = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly orphanedAfterMs: number;
  private readonly maxBackoffMs: number;
  private readonly metrics: ReturnType<typeof relayMetricsOn>;

  constructor(private readonly options: OutboxRelayOptions) {
    this.metrics = relayMetricsOn(options.metricsRegistry);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.orphanedAfterMs = options.orphanedAfterMs ?? 5000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    // Every commit on its database that recorded events wakes it: a service's own transactions,
    // its consumers' inbox transactions, a flush. One that recorded none costs no look at the table.
    options.orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: ({ em }) => {
        const rows = recordedRows(em);
        if (rows.length > 0) this.notify(rows);
      },
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Rows an earlier run of this process left pending go first, whatever their age.
    this.lookAgain = true;
    this.loop = this.run();
  }

  /**
   * Something was just committed: publish now rather than at the next poll. `rows`: the outbox
   * rows this process committed; without them the relay sends every pending row.
   */
  notify(rows: readonly OutboxEvent[] = []): void {
    for (const row of rows) this.awaiting.set(row.id, row);
    if (rows.length === 0) this.lookAgain = true;
    this.wake?.();
  }

  /**
   * Stops after sending what is pending, so the events of work finished during shutdown go out
   * with this process, not a poll after its next start. If the transport fails they stay pending.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    try {
      while (this.awaiting.size > 0 && !this.degraded) await this.sendOwn();
      while ((await this.relayBatch()) === this.batchSize);
    } catch (error) {
      this.options.logger.warn(
        { error: (error as Error).message },
        'outbox relay stopped with rows pending; they go out after the next start',
      );
    }
  }

  /** Publishes one locked batch of pending rows; returns how many were sent, or throws. */
  async relayBatch(): Promise<number> {
    return (await this.sendBatch({ knownPending: false })).length;
  }

  private async run(): Promise<void> {
    let backoffMs = 0;
    while (this.running) {
      try {
        if (this.awaiting.size > 0 && !this.degraded) await this.sendOwn();
        else if (this.lookAgain || this.degraded) await this.sendAllPending();
        else if (!(await this.idle(this.pollIntervalMs))) await this.sendOrphans();
        backoffMs = 0;
      } catch (error) {
        this.metrics.failures.inc({ service: this.options.service });
        backoffMs = Math.min(this.maxBackoffMs, Math.max(100, backoffMs * 2));
        this.options.logger.warn(
          { error: (error as Error).message, retryInMs: backoffMs },
          'outbox relay could not publish; rows stay pending',
        );
        await this.idle(backoffMs);
      }
    }
  }

  /** This process's committed rows, from memory; if the send fails they wait in the table. */
  private async sendOwn(): Promise<void> {
    const rows = [...this.awaiting.values()].sort((a, b) => a.id - b.id).slice(0, this.batchSize);
    for (const row of rows) this.awaiting.delete(row.id);
    const em = this.options.orm.em.fork();
    const ids = rows.map((row) => row.id);
    const failure = await this.publish(rows);
    if (failure) {
      this.degraded = true;
      await this.recordAttempt(em, ids, failure);
      throw failure;
    }
    await this.markSent(em, ids);
  }

  /** Every pending row, in locked batches, until a batch finds fewer than it could take. */
  private async sendAllPending(): Promise<void> {
    this.lookAgain = false;
    const settling = [...this.awaiting.keys()];
    const sent = await this.sendBatch({ knownPending: settling.length > 0 || this.degraded });
    // A row committed while the batch ran may have been in it: then it needs no other send.
    for (const id of sent) this.awaiting.delete(id);
    if (sent.length === this.batchSize) {
      this.lookAgain = true;
      return;
    }
    // Every row committed before the batch began is settled: it sent it, or found it sent.
    for (const id of settling) this.awaiting.delete(id);
    this.degraded = false;
  }

  /** Rows still pending well after their commit: their writer died before sending them. */
  private async sendOrphans(): Promise<void> {
    const writtenBefore = new Date(Date.now() - this.orphanedAfterMs);
    while (
      (await this.sendBatch({ knownPending: false, writtenBefore })).length === this.batchSize
    );
  }

  /** The ids sent, or throws if the transport failed. */
  private async sendBatch(options: {
    knownPending: boolean;
    writtenBefore?: Date;
  }): Promise<number[]> {
    const result = await this.lockAndSend(options);
    if ('failure' in result) throw result.failure;
    return result.sent;
  }

  private async lockAndSend({
    knownPending,
    writtenBefore,
  }: {
    knownPending: boolean;
    writtenBefore?: Date;
  }): Promise<SendResult> {
    const em = this.options.orm.em.fork();
    const pending = writtenBefore
      ? { sentAt: null, createdAt: { $lt: writtenBefore } }
      : { sentAt: null };
    // MySQL: lock the batch so a second relay (another replica) waits instead of sending it twice;
    // read committed (every session's, see openDatabase) avoids gap locks that would block writers
    // adding new rows meanwhile. SQLite is one process with one relay, and a read transaction
    // there would go stale.
    if (isMySql(this.options.orm)) {
      // A poll usually finds nothing: one plain read settles that, instead of a transaction of
      // four statements. Rows known to be pending skip the look.
      if (!knownPending) {
        const found = await em
          .createQueryBuilder(OutboxEvent)
          .select('id')
          .where(pending)
          .limit(1)
          .execute('get');
        if (!found) return { sent: [] };
      }
      return em.transactional((tx) => this.sendPending(tx, pending, LockMode.PESSIMISTIC_WRITE));
    }
    return this.sendPending(em, pending, undefined);
  }

  /** Failures are returned, not thrown: the attempts recorded on the rows must be committed. */
  private async sendPending(
    em: EntityManager,
    pending: FilterQuery<OutboxEvent>,
    lockMode: LockMode.PESSIMISTIC_WRITE | undefined,
  ): Promise<SendResult> {
    const rows = await em.find(OutboxEvent, pending, {
      orderBy: { id: 'asc' },
      limit: this.batchSize,
      lockMode,
    });
    if (rows.length === 0) return { sent: [] };
    const ids = rows.map((row) => row.id);
    const failure = await this.publish(rows);
    if (failure) {
      await this.recordAttempt(em, ids, failure);
      return { failure };
    }
    await this.markSent(em, ids);
    return { sent: ids };
  }

  /** Publishes the rows in one call, each in a span of its own; the failure, if there was one. */
  private async publish(rows: readonly OutboxEvent[]): Promise<RelayPublishError | undefined> {
    const { transport, service } = this.options;
    const sends = rows.map((row) =>
      startSendSpan(service, transport.kind, {
        topic: row.topic,
        key: row.key,
        eventId: row.eventId,
        headers: row.headers ? (JSON.parse(row.headers) as TraceHeaders) : undefined,
      }),
    );
    try {
      await transport.publish(
        rows.map((row, index) => ({
          topic: row.topic,
          key: row.key,
          value: row.envelope,
          headers: sends[index]!.headers,
        })),
      );
      for (const send of sends) send.end();
      return undefined;
    } catch (error) {
      for (const send of sends) send.end(error);
      const message = error instanceof Error ? error.message : String(error);
      return new RelayPublishError(message, rows.length);
    }
  }

  /** The rows stay pending, one more failed attempt and its error recorded on each. */
  private async recordAttempt(
    em: EntityManager,
    ids: number[],
    failure: RelayPublishError,
  ): Promise<void> {
    await em.nativeUpdate(
      OutboxEvent,
      { id: { $in: ids } },
      { attempts: raw('attempts + 1'), lastError: failure.lastError },
    );
  }

  private async markSent(em: EntityManager, ids: number[]): Promise<void> {
    await em.nativeUpdate(OutboxEvent, { id: { $in: ids } }, { sentAt: new Date() });
    this.metrics.published.inc({ service: this.options.service }, ids.length);
  }

  /** Resolves true when woken by `notify()`, false when `ms` passed. */
  private async idle(ms: number): Promise<boolean> {
    const woken = new Promise<boolean>((resolve) => (this.wake = () => resolve(true)));
    const waited = await Promise.race([sleep(ms).then(() => false), woken]);
    this.wake = undefined;
    return waited;
  }
}

type SendResult = { sent: number[] } | { failure: RelayPublishError };

export class RelayPublishError extends Error {
  override readonly name = 'RelayPublishError';
  /** The transport's message as the rows record it. */
  readonly lastError: string;
  constructor(
    message: string,
    readonly pending: number,
  ) {
    super(`publishing ${pending} outbox rows failed: ${message}`);
    this.lastError = message.slice(0, 2000);
  }
}
