import { IsolationLevel, LockMode } from '@mikro-orm/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Registry } from 'prom-client';
import { isMySql, type EntityManager, type Orm } from '../db/open-database.js';
import type { Logger } from '../logger.js';
import type { TraceHeaders } from '../tracing/trace-headers.js';
import { relayMetricsOn } from './event-metrics.js';
import { startSendSpan } from './event-spans.js';
import { OutboxEvent } from './outbox-event.entity.js';
import { recordedEvents } from './recorded-events.js';
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
  /** A notify() came since the current batch began: its rows may have missed that batch. */
  private notified = false;
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
        if (recordedEvents(em)) this.notify();
      },
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Something was just committed: publish now rather than at the next poll. */
  notify(): void {
    this.notified = true;
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
    const result = await this.lockAndSend();
    if ('failure' in result) throw result.failure;
    return result.sent;
  }

  private async lockAndSend(): Promise<SendResult> {
    const em = this.options.orm.em.fork();
    // MySQL: lock the batch so a second relay (another replica) waits instead of sending it twice;
    // read committed avoids gap locks that would block writers adding new rows meanwhile.
    // SQLite is one process with one relay, and a read transaction there would go stale.
    if (isMySql(this.options.orm)) {
      // Half the polls of a busy shop find nothing (a notify often names rows the batch under way
      // took already), and every poll of an idle one: one plain read settles those, instead of a
      // transaction of four statements. A row committed just after it comes with its own notify,
      // or the next poll finds it.
      const pending = await em
        .createQueryBuilder(OutboxEvent)
        .select('id')
        .where({ sentAt: null })
        .limit(1)
        .execute('get');
      if (!pending) return { sent: 0 };
      return em.transactional((tx) => this.sendPending(tx, LockMode.PESSIMISTIC_WRITE), {
        isolationLevel: IsolationLevel.READ_COMMITTED,
      });
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
    if (rows.length === 0) return { sent: 0 };
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
    return { sent: rows.length };
  }

  private async run(): Promise<void> {
    let backoffMs = 0;
    while (this.running) {
      try {
        this.notified = false;
        const sent = await this.relayBatch();
        backoffMs = 0;
        if (sent === this.batchSize || this.notified) continue;
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

type SendResult = { sent: number } | { failure: RelayPublishError };

export class RelayPublishError extends Error {
  override readonly name = 'RelayPublishError';
  constructor(
    message: string,
    readonly pending: number,
  ) {
    super(`publishing ${pending} outbox rows failed: ${message}`);
  }
}
