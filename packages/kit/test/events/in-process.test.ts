import { InProcessTransport } from '../../src/events/index.js';
import { describeEventDeliveryContract } from './event-delivery.contract.js';

describeEventDeliveryContract({
  name: 'the in-process bus (embedded, SQLite)',
  database: 'sqlite',
  createTransport: (_clientId, metricsRegistry) => new InProcessTransport(metricsRegistry),
  readDeadLetters: async (transport, topic) =>
    (transport as InProcessTransport).deadLetters
      .filter((letter) => letter.message.topic === topic)
      .map((letter) => ({ key: letter.message.key, error: letter.error })),
});
