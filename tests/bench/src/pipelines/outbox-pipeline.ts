import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Outbox, OutboxRelay, type EventTransport } from '@shop/kit/events';
import { createLogger } from '@shop/kit';
import { Registry } from '@shop/kit/ops';
import {
  createTestDatabase,
  ledgerConsumer,
  ledgerTotals,
  openLedgerDatabase,
  waitFor,
  writeLedgerEvents,
} from '@shop/testkit';
import { progress } from '../progress.js';
import { quantile } from '../percentiles.js';

export interface LoadShape {
  burstEvents: number;
  pacedRate: number;
  pacedSeconds: number;
}

export interface PipelineResult {
  name: string;
  throughput: number;
  lagP50: number;
  lagP99: number;
}

/** Ticks per second of the paced phase: each tick writes rate/ticks events in one transaction. */
const pacedTicksPerSecond = 50;

/**
 * The real path of an event: a transaction writes it to the outbox, the relay publishes it, the
 * transport carries it, an idempotent consumer applies it in its own transaction.
 */
export async function runOutboxPipeline(
  options: LoadShape & {
    name: string;
    database: 'mysql' | 'sqlite';
    transport: (clientId: string, metricsRegistry: Registry) => EventTransport;
  },
): Promise<PipelineResult> {
  const logger = createLogger('bench', { level: 'error' });
  const source = `bench${randomBytes(3).toString('hex')}`;
  const sourceDb = await createTestDatabase(options.database, `${source}_source`);
  const sinkDb = await createTestDatabase(options.database, `${source}_sink`);
  const sourceOrm = await openLedgerDatabase(sourceDb.config);
  const sinkOrm = await openLedgerDatabase(sinkDb.config);
  const metricsRegistry = new Registry();
  const transport = options.transport(source, metricsRegistry);
  const outbox = new Outbox(source);
  const relay = new OutboxRelay({
    orm: sourceOrm,
    transport,
    logger,
    service: source,
    metricsRegistry,
  });
  const lags: number[] = [];
  const applyLedger = ledgerConsumer(sinkOrm, metricsRegistry, `${source}-ledger`);
  await transport.ensureTopics([outbox.topic]);
  const subscription = await transport.subscribe({
    group: `${source}-ledger`,
    topics: [outbox.topic],
    handler: async (event, context) => {
      await applyLedger(event, context);
      if ((event.data as { sequence: number }).sequence >= options.burstEvents) {
        lags.push(Date.now() - Date.parse(event.time));
      }
    },
  });
  relay.start();
  try {
    const started = performance.now();
    const writing = writeLedgerEvents(sourceOrm, outbox, { count: options.burstEvents });
    await waitFor(
      'burst applied',
      async () => {
        const { rows } = await ledgerTotals(sinkOrm);
        progress(options.name, rows, options.burstEvents);
        return rows >= options.burstEvents;
      },
      { timeoutMs: 600_000, intervalMs: 250 },
    );
    await writing;
    const throughput = options.burstEvents / ((performance.now() - started) / 1000);

    const perTick = Math.max(1, Math.round(options.pacedRate / pacedTicksPerSecond));
    const ticks = options.pacedSeconds * pacedTicksPerSecond;
    for (let tick = 0; tick < ticks; tick++) {
      const tickStarted = performance.now();
      await writeLedgerEvents(sourceOrm, outbox, {
        from: options.burstEvents + tick * perTick,
        count: perTick,
        perTransaction: perTick,
      });
      await sleep(Math.max(0, 1000 / pacedTicksPerSecond - (performance.now() - tickStarted)));
    }
    const pacedTotal = options.burstEvents + ticks * perTick;
    await waitFor(
      'paced events applied',
      async () => (await ledgerTotals(sinkOrm)).rows >= pacedTotal,
      {
        timeoutMs: 120_000,
      },
    );
    return {
      name: options.name,
      throughput,
      lagP50: quantile(lags, 0.5),
      lagP99: quantile(lags, 0.99),
    };
  } finally {
    await relay.stop();
    await subscription.stop();
    await transport.close();
    await sourceOrm.close();
    await sinkOrm.close();
    await sourceDb.drop();
    await sinkDb.drop();
  }
}
