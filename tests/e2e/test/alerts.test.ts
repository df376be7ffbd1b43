import { randomUUID } from 'node:crypto';
import { productChangedEvent, userRegisteredEvent } from '@shop/contracts';
import { probeInfra, waitFor } from '@shop/testkit';
import { ConfigResourceTypes, ConfigSource, Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../src/checkout-operations.js';
import { alertIn, prometheusQuery } from '../src/prometheus-api.js';
import { startShopProcesses, type ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch', 'prometheus']);

/**
 * The broker refuses every write to the topic (its messages exceed the topic's new size limit), as
 * it does to an event that outgrew the limit: the relay that publishes there is stopped. Returns
 * the undoing: the topic's own settings as they were.
 */
async function refuseWritesTo(admin: Admin, topic: string): Promise<() => Promise<void>> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
  });
  // AlterConfigs replaces the topic's whole set of overrides: write back exactly the ones it had.
  const overrides = described.resources[0]!.configEntries.filter(
    (entry) => entry.configSource === ConfigSource.TOPIC_CONFIG,
  ).map((entry) => ({ name: entry.configName, value: entry.configValue }));
  const setTopic = (configEntries: { name: string; value: string }[]) =>
    admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries }],
    });
  await setTopic([
    ...overrides.filter((entry) => entry.name !== 'max.message.bytes'),
    { name: 'max.message.bytes', value: '64' },
  ]);
  return () => setTopic(overrides);
}

describe.skipIf(!infra.ok)('alerts in Prometheus (services in their own processes)', () => {
  const prometheusUrl = process.env.SHOP_PROMETHEUS_URL ?? 'http://127.0.0.1:19090';
  let shop: ShopProcesses;
  let launcher: string;
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    shop = await startShopProcesses();
    launcher = `test-${shop.runId}`;
    kafka = new Kafka({
      clientId: 'alerts-test',
      brokers: process.env.SHOP_KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    });
    admin = kafka.admin();
    await admin.connect();
    // Every instance this shop listed is scraped before anything is asked of the alerts.
    await waitFor(
      'Prometheus scraping every instance of the shop',
      async () => {
        const up = await prometheusQuery(prometheusUrl, `up{launcher="${launcher}"} == 1`);
        return up.length === shop.supervisor.instances.length;
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
  }, 180_000);
  afterAll(async () => {
    await admin?.disconnect();
    await shop?.stop();
  });

  it('a poison event on a topic fires the dead-letter alert for the group that gave up on it', async () => {
    const group = 'catalog.product-changed';
    const labels = { launcher, group, topic: productChangedEvent.topic, reason: 'unparseable' };
    // The count exists at zero before the poison, so `increase()` sees the step.
    await waitFor(
      'the dead-letter count at zero in Prometheus',
      async () =>
        (
          await prometheusQuery(
            prometheusUrl,
            `events_dead_lettered_total{launcher="${launcher}",group="${group}"}`,
          )
        ).length > 0,
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    expect(await alertIn(prometheusUrl, 'EventsDeadLettered', labels, 'firing')).toBeUndefined();

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: productChangedEvent.topic,
      messages: [{ key: randomUUID(), value: '{"not": "an event envelope"' }],
    });
    await producer.disconnect();

    const alert = await waitFor(
      'EventsDeadLettered firing',
      () => alertIn(prometheusUrl, 'EventsDeadLettered', labels, 'firing'),
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect(alert.labels.severity).toBe('ticket');
    expect(alert.annotations.summary).toContain(group);
    // The operators' console lists it with the shop it fired for.
    const console = await (await fetch(new URL('/consoles/shop.html', prometheusUrl))).text();
    expect(console).toMatch(
      new RegExp(`<td>EventsDeadLettered</td><td>${launcher}</td><td>ticket</td><td>firing</td>`),
    );
  }, 90_000);

  it('the relay stopped for 60 s fires the outbox-age alert; it clears once the event goes out', async () => {
    const labels = { launcher, service: 'auth' };
    const restore = await refuseWritesTo(admin, userRegisteredEvent.topic);
    let registeredAt: number;
    try {
      // A sign-up records UserRegistered in auth's outbox, which the relay now cannot publish.
      const email = `stuck.${shop.runId}@example.com`;
      const result = await shop.call(signUp, {
        input: { email, password: 'correct horse battery staple', name: '대기자' },
      });
      expect(result.errors).toBeUndefined();
      registeredAt = Date.now();
      const alert = await waitFor(
        'OutboxEventsStuck firing for auth',
        () => alertIn(prometheusUrl, 'OutboxEventsStuck', labels, 'firing'),
        { timeoutMs: 120_000, intervalMs: 1000 },
      );
      // It fires for an event a minute old, not before.
      expect(Date.now() - registeredAt).toBeGreaterThanOrEqual(60_000);
      expect(alert.annotations.summary).toMatch(/^auth: an event has waited/);
      expect(alert.labels.severity).toBe('page');
    } finally {
      await restore();
    }
    // Once the broker takes writes again the relay sends the row and the alert resolves.
    await waitFor(
      'the auth outbox empty again',
      async () => {
        const [age] = await prometheusQuery(
          prometheusUrl,
          `shop:outbox_oldest_unsent_age_seconds:max{launcher="${launcher}",service="auth"}`,
        );
        return age?.value === 0;
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    await waitFor(
      'OutboxEventsStuck resolved',
      async () => !(await alertIn(prometheusUrl, 'OutboxEventsStuck', labels, 'firing')),
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
  }, 240_000);
});
