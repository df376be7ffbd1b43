import { randomBytes, randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@shop/contracts';
import { probeInfra, waitFor } from '@shop/testkit';
import { KafkaTransport, type Subscription } from '../../src/events/index.js';
import { createLogger } from '../../src/logger.js';
import { readKafkaDeadLetters } from './fixtures/kafka-dead-letters.js';

const infra = await probeInfra(['kafka']);
const brokers = () => (process.env.SHOP_KAFKA_BROKERS ?? '').split(',');

describe.skipIf(!infra.ok)(
  `Kafka namespaces: two shops on one broker${infra.reason ? ` (${infra.reason})` : ''}`,
  () => {
    // One topic and one group name, as two shops of the same code would use them.
    const topic = `ns${randomBytes(3).toString('hex')}.events`;
    const group = 'ledger';
    const subscriptions: Subscription[] = [];
    const shops = ['a', 'b'].map((letter) => {
      const namespace = `${letter}${randomBytes(3).toString('hex')}`;
      const metricsRegistry = new Registry();
      const transport = new KafkaTransport({
        clientId: namespace,
        brokers: brokers(),
        logger: createLogger(namespace, { level: 'silent' }),
        metricsRegistry,
        namespace,
      });
      return {
        namespace,
        transport,
        metricsRegistry,
        seen: [] as { subject: string; topic: string }[],
      };
    });

    afterAll(async () => {
      for (const subscription of subscriptions) await subscription.stop();
      for (const shop of shops) await shop.transport.close();
    });

    const envelope = (subject: string): string =>
      JSON.stringify({
        id: randomUUID(),
        type: 'LedgerTest',
        version: 1,
        source: 'namespace-test',
        subject,
        time: new Date().toISOString(),
        data: {},
      } satisfies EventEnvelope);

    it('delivers each shop only its own events, under the contract names, and parks its poison on its own dead-letter topic', async () => {
      for (const shop of shops) {
        await shop.transport.ensureTopics([topic]);
        subscriptions.push(
          await shop.transport.subscribe({
            group,
            topics: [topic],
            maxAttempts: 2,
            retryDelayMs: 10,
            handler: async (event, context) => {
              if (event.subject.endsWith('poison')) throw new Error('cannot apply');
              shop.seen.push({ subject: event.subject, topic: context.topic });
            },
          }),
        );
      }
      const [a, b] = shops as [(typeof shops)[0], (typeof shops)[0]];
      const sent = (shop: typeof a, count: number) =>
        Array.from({ length: count }, (_, i) => `${shop.namespace}-${i}`);
      await a.transport.publish(
        [...sent(a, 5), `${a.namespace}-poison`].map((subject) => ({
          topic,
          key: subject,
          value: envelope(subject),
        })),
      );
      await b.transport.publish(
        sent(b, 3).map((subject) => ({ topic, key: subject, value: envelope(subject) })),
      );

      await waitFor(
        'both shops applied their events',
        () => a.seen.length >= 5 && b.seen.length >= 3,
      );
      const deadLetters = await waitFor('the poison event parked', async () => {
        const letters = await readKafkaDeadLetters(brokers(), `${a.namespace}.${topic}`);
        return letters.length > 0 ? letters : undefined;
      });

      // At least once: a rebalance may deliver an event again (handlers are idempotent).
      const subjects = (shop: typeof a) =>
        [...new Set(shop.seen.map((event) => event.subject))].sort();
      expect(subjects(a)).toEqual(sent(a, 5).sort());
      expect(subjects(b)).toEqual(sent(b, 3).sort());
      expect(new Set([...a.seen, ...b.seen].map((event) => event.topic))).toEqual(new Set([topic]));
      expect(deadLetters.map((letter) => letter.key)).toEqual([`${a.namespace}-poison`]);
      expect(await readKafkaDeadLetters(brokers(), `${b.namespace}.${topic}`)).toEqual([]);
      // Metrics keep the contract's names, so dashboards and alerts read every shop alike.
      const deadLettered = await a.metricsRegistry.getSingleMetricAsString(
        'events_dead_lettered_total',
      );
      expect(deadLettered).toContain(`group="${group}",topic="${topic}"`);
    });
  },
);
