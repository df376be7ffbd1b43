import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@shop/testkit';
import { quantile } from '../percentiles.js';
import { progress } from '../progress.js';
import type { LoadShape, PipelineResult } from './outbox-pipeline.js';

const name = 'bare kafkajs produce → consume (baseline)';

/** The floor the outbox pipeline is compared with: the same messages with no database at all. */
export async function runBareKafka(
  options: LoadShape & { brokers: string[] },
): Promise<PipelineResult> {
  const kafka = new Kafka({
    clientId: 'bench-bare',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  });
  const topic = `bench-bare-${randomBytes(3).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  const producer = kafka.producer({ maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let received = 0;
  const lags: number[] = [];
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      received++;
      const sentAt = Number(message.value?.toString());
      if (received > options.burstEvents) lags.push(Date.now() - sentAt);
    },
  });
  const send = (count: number) =>
    producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: count }, (_, i) => ({
        key: `k${i % 50}`,
        value: String(Date.now()),
      })),
    });
  try {
    const started = performance.now();
    for (let sent = 0; sent < options.burstEvents; sent += 100)
      await send(Math.min(100, options.burstEvents - sent));
    await waitFor(
      'burst consumed',
      () => {
        progress(name, received, options.burstEvents);
        return received >= options.burstEvents;
      },
      { timeoutMs: 600_000, intervalMs: 100 },
    );
    const throughput = options.burstEvents / ((performance.now() - started) / 1000);
    const perTick = Math.max(1, Math.round(options.pacedRate / 50));
    for (let tick = 0; tick < options.pacedSeconds * 50; tick++) {
      const tickStarted = performance.now();
      await send(perTick);
      await sleep(Math.max(0, 20 - (performance.now() - tickStarted)));
    }
    const total = options.burstEvents + options.pacedSeconds * 50 * perTick;
    await waitFor('paced consumed', () => received >= total, { timeoutMs: 120_000 });
    return { name, throughput, lagP50: quantile(lags, 0.5), lagP99: quantile(lags, 0.99) };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  }
}
