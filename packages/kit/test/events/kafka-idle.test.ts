import { createHook } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import { KafkaTransport, type Subscription } from '../../src/events/index.js';
import { createLogger } from '../../src/logger.js';

const infra = await probeInfra(['kafka']);

/** Timers created while `ms` pass: each is a wake-up of the event loop it runs on. */
async function timersCreatedDuring(ms: number): Promise<number> {
  let created = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'Timeout') created += 1;
    },
  }).enable();
  try {
    await sleep(ms);
  } finally {
    hook.disable();
  }
  return created - 1; // the sleep's own
}

describe.skipIf(!infra.ok)(
  `An idle Kafka transport${infra.reason ? ` (${infra.reason})` : ''}`,
  () => {
    const topic = `idle${randomBytes(3).toString('hex')}.events`;
    let transport: KafkaTransport;
    let subscription: Subscription;
    const received: string[] = [];

    beforeAll(async () => {
      transport = new KafkaTransport({
        clientId: 'kafka-idle',
        brokers: (process.env.SHOP_KAFKA_BROKERS ?? '').split(','),
        logger: createLogger('kafka-idle', { level: 'error' }),
        metricsRegistry: new Registry(),
      });
      await transport.ensureTopics([topic]);
      subscription = await transport.subscribe({
        group: `${topic}.test`,
        topics: [topic],
        handler: async (event) => {
          received.push(event.id);
        },
      });
      const envelope = {
        id: randomUUID(),
        type: 'Idle',
        version: 1,
        source: 'idle',
        subject: 's',
        time: new Date().toISOString(),
        data: {},
      };
      await transport.publish([{ topic, key: 's', value: JSON.stringify(envelope) }]);
      // Producer, consumer and admin connections all made and used once.
      await waitFor('the first event', () => received.includes(envelope.id));
    });

    afterAll(async () => {
      await subscription?.stop();
      await transport?.close();
    });

    // kafkajs 2.2.4 re-arms a 1 ms timer from every pending-request check on every connection, for
    // ever (kafkajs #1556): about a thousand wake-ups a second per connection, 7 % of an idle
    // one-process shop's core and twice the CPU per purchase with every service in its own process.
    // Our patch stops the check re-arming itself once nothing waits to be sent.
    it('does not keep waking the event loop while nothing is sent', async () => {
      // Measured: none with the patch, over 5,000 without; the bound leaves room for a retry's or a
      // rejoin's timers, not for a loop.
      expect(await timersCreatedDuring(2000)).toBeLessThan(200);
    });
  },
);
