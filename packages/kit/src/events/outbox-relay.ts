import { LockMode } from '@mikro-orm/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Registry } from 'prom-client';
import { isMySql, type EntityManager, type Orm } from '../db/open-database.js';
import type { Logger } from '../logger.js';
import type { TraceHeaders } from '../tracing/trace-headers.js';
import { relayMetricsOn } from './event-metrics.js';
import { startSendSpan } from './event-spans.js';
import { OutboxEvent } from './outbox-event.entity.js';
import { recordedIds } from './recorded-events.js';
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
  /** Back-off ceiling while the transport keeps failing. */
  maxBackoffMs?: number;
}

/**
 * Publishes pending outbox rows in id order and marks them sent. When the transport fails the rows
 * stay pending (attempts and last error recorded) and the relay backs off and tries again, so an
 * unreachable broker delays events but never loses them.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /**
   * Rows this process committed that no batch has settled yet, by id. A batch settles every row
   * committed before it began: it sends it, or finds it sent (by another replica's relay).
   */
  private readonly awaiting = new Set<number>();
  /** A notify() without ids came since the current batch began: look for pending rows again. */
  private lookAgain = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly metrics: ReturnType<typeof relayMetricsOn>;

  constructor(private readonly options: OutboxRelayOptions) {
    this.metrics = relayMetricsOn(options.metricsRegistry);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    // Every commit on its database that recorded events wakes it: a service's own transactions,
    // its consumers' inbox transactions, a flush. One that recorded none costs no look at the table.
    options.orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: ({ em }) => {
        const ids = recordedIds(em);
        if (ids.length > 0) this.notify(ids);
      },
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Something was just committed: publish now rather than at the next poll. `ids`: the outbox rows
   * this process committed, known to be pending; without them the relay looks for pending rows.
   */
  notify(ids: readonly number[] = []): void {
    for (const id of ids) this.awaiting.add(id);
    if (ids.length === 0) this.lookAgain = true;
    this.wake?.();
  }

  /**
   * Stops after sending what is pending, so the events of work finished during shutdown go out
   * with this process, not a poll after its next start. If the transport fails they stay pending.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
    try {
      while ((await this.relayBatch()) === this.batchSize);
    } catch (error) {
      this.options.logger.warn(
        { error: (error as Error).message },
        'outbox relay stopped with rows pending; they go out after the next start',
      );
    }
  }

  /** Publishes one batch; returns how many rows were sent, or throws if the transport failed. */
  async relayBatch(): Promise<number> {
    return (await this.sendBatch({ knownPending: false })).length;
  }

  /** The ids sent, or throws if the transport failed. */
  private async sendBatch({ knownPending }: { knownPending: boolean }): Promise<number[]> {
    const result = await this.lockAndSend(knownPending);
    if ('failure' in result) throw result.failure;
    return result.sent;
  }

  private async lockAndSend(knownPending: boolean): Promise<SendResult> {
    const em = this.options.orm.em.fork();
    // MySQL: lock the batch so a second relay (another replica) waits instead of sending it twice;
    // read committed (every session's, see openDatabase) avoids gap locks that would block writers
    // adding new rows meanwhile. SQLite is one process with one relay, and a read transaction
    // there would go stale.
    if (isMySql(this.options.orm)) {
      // A poll usually finds nothing: one plain read settles that, instead of a transaction of
      // four statements. Rows this process committed are known to be there and skip the look.
      if (!knownPending) {
        const pending = await em
          .createQueryBuilder(OutboxEvent)
          .select('id')
          .where({ sentAt: null })
          .limit(1)
          .execute('get');
        if (!pending) return { sent: [] };
      }
      return em.transactional((tx) => this.sendPending(tx, LockMode.PESSIMISTIC_WRITE));
    }
    return this.sendPending(em, undefined);
  }

  /** Failures are returned, not thrown: the attempts recorded on the rows must be committed. */
  private async sendPending(
    em: EntityManager,
    lockMode: LockMode.PESSIMISTIC_WRITE | undefined,
  ): Promise<SendResult> {
    const rows = await em.find(
      OutboxEvent,
      { sentAt: null },
      { orderBy: { id: 'asc' }, limit: this.batchSize, lockMode },
    );
    if (rows.length === 0) return { sent: [] };
    const ids = rows.map((row) => row.id);
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
    } catch (error) {
      for (const send of sends) send.end(error);
      const message = error instanceof Error ? error.message : String(error);
      for (const row of rows) {
        row.attempts += 1;
        row.lastError = message.slice(0, 2000);
      }
      await em.flush();
      return { failure: new RelayPublishError(message, rows.length) };
    }
    await em.nativeUpdate(OutboxEvent, { id: { $in: ids } }, { sentAt: new Date() });
    this.metrics.published.inc({ service: this.options.service }, rows.length);
    return { sent: ids };
  }

  private async run(): Promise<void> {
    let backoffMs = 0;
    while (this.running) {
      try {
        this.lookAgain = false;
        const settling = [...this.awaiting];
        const sent = await this.sendBatch({ knownPending: settling.length > 0 });
        backoffMs = 0;
        // A row committed while the batch ran may have been in it: then it needs no other batch.
        for (const id of sent) this.awaiting.delete(id);
        if (sent.length === this.batchSize) continue;
        for (const id of settling) this.awaiting.delete(id);
        if (this.awaiting.size > 0 || this.lookAgain) continue;
        await this.idle(this.pollIntervalMs);
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

  private async idle(ms: number): Promise<void> {
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    await Promise.race([sleep(ms), woken]);
    this.wake = undefined;
  }
}

type SendResult = { sent: number[] } | { failure: RelayPublishError };

export class RelayPublishError extends Error {
  override readonly name = 'RelayPublishError';
  constructor(
    message: string,
    readonly pending: number,
  ) {
    super(`publishing ${pending} outbox rows failed: ${message}`);
  }
}
