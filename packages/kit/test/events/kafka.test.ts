import { describe } from 'vitest';
import { probeInfra } from '@shop/testkit';
import { KafkaTransport } from '../../src/events/index.js';
import { createLogger } from '../../src/logger.js';
import { describeEventDeliveryContract } from './event-delivery.contract.js';
import { readKafkaDeadLetters } from './fixtures/kafka-dead-letters.js';

const infra = await probeInfra(['mysql', 'kafka']);
const brokers = () => (process.env.SHOP_KAFKA_BROKERS ?? '').split(',');

describe.skipIf(!infra.ok)(`Kafka transport${infra.reason ? ` (${infra.reason})` : ''}`, () => {
  describeEventDeliveryContract({
    name: 'Kafka (MySQL)',
    database: 'mysql',
    createTransport: (clientId, metricsRegistry) =>
      new KafkaTransport({
        clientId,
        brokers: brokers(),
        logger: createLogger(clientId, { level: 'error' }),
        metricsRegistry,
      }),
    readDeadLetters: (_transport, topic) => readKafkaDeadLetters(brokers(), topic),
  });
});
