import type { Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import { InProcessTransport } from './in-process-transport.js';
import { KafkaTransport } from './kafka-transport.js';
import type { EventTransport } from './transport.js';

export type TransportConfig =
  { kind: 'in-process' } | { kind: 'kafka'; brokers: string[]; namespace?: string };

/** Picks the transport for the run: Kafka for real services, the in-process bus embedded. */
export function createTransport(
  config: TransportConfig,
  clientId: string,
  logger: Logger,
  metricsRegistry: Registry,
): EventTransport {
  return config.kind === 'kafka'
    ? new KafkaTransport({
        clientId,
        brokers: config.brokers,
        namespace: config.namespace,
        logger,
        metricsRegistry,
      })
    : new InProcessTransport(metricsRegistry, logger);
}
