// Outbox → consumer throughput and end-to-end lag, on Kafka + MySQL, against two baselines measured
// in the same run: bare kafkajs (no outbox, no database) and the embedded in-process bus on SQLite.
//   pnpm bench:events [--events 20000] [--rate 500] [--seconds 10]
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { InProcessTransport, KafkaTransport, type EventTransport } from '@shop/kit/events';
import { createLogger } from '@shop/kit';
import type { Registry } from '@shop/kit/ops';
import { formatMs } from './percentiles.js';
import { runBareKafka } from './pipelines/bare-kafka.js';
import { runOutboxPipeline, type PipelineResult } from './pipelines/outbox-pipeline.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
  },
});
const load = {
  burstEvents: Number(values.events),
  pacedRate: Number(values.rate),
  pacedSeconds: Number(values.seconds),
};

if (!applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}
const brokers = (process.env.SHOP_KAFKA_BROKERS ?? '').split(',');
const logger = createLogger('bench-events', { level: 'error' });
const kafka = (clientId: string, metricsRegistry: Registry): EventTransport =>
  new KafkaTransport({ clientId, brokers, logger, metricsRegistry });

console.log(
  `Burst: ${load.burstEvents.toLocaleString('en')} events as fast as they can be written; ` +
    `lag: ${load.pacedRate} events/s for ${load.pacedSeconds} s.\n`,
);
const results: PipelineResult[] = [];
results.push(await runBareKafka({ brokers, ...load }));
results.push(
  await runOutboxPipeline({
    name: 'outbox → Kafka → MySQL consumer',
    database: 'mysql',
    transport: kafka,
    ...load,
  }),
);
results.push(
  await runOutboxPipeline({
    name: 'outbox → in-process → SQLite consumer (embedded)',
    database: 'sqlite',
    transport: (_clientId, metricsRegistry) => new InProcessTransport(metricsRegistry),
    ...load,
  }),
);

const baseline = results[0]!;
console.log('| pipeline | events/s (burst) | vs bare Kafka | lag p50 | lag p99 |');
console.log('|---|---:|---:|---:|---:|');
for (const result of results) {
  console.log(
    `| ${result.name} | ${Math.round(result.throughput).toLocaleString('en')} | ` +
      `${(result.throughput / baseline.throughput).toFixed(2)}× | ${formatMs(result.lagP50)} | ${formatMs(result.lagP99)} |`,
  );
}
process.exit(0);
