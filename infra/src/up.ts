import { loadOrCreateCredentials } from './credentials.js';
import { writeShopEnv } from './env-file.js';
import { startKafka } from './kafka.js';
import { domains, provisionMysql } from './mysql.js';
import { startOpenSearch } from './opensearch.js';
import { endpoints, kafkaBrokers, opensearchUrl, prometheusUrl, zipkinUrl } from './ports.js';
import { startPrometheus } from './prometheus.js';
import { ensureRedis } from './redis.js';
import { startZipkin } from './zipkin.js';

async function step(name: string, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  console.log(`${name}: starting…`);
  await work();
  console.log(`${name}: up (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** Brings every real service up (what is up already is left alone) and writes shop.env. */
export async function infraUp(): Promise<void> {
  const credentials = loadOrCreateCredentials([
    ...domains.map((domain) => `SHOP_DB_PASSWORD_${domain.toUpperCase()}`),
    'SHOP_DB_PASSWORD_TEST',
    'SHOP_INTERNAL_SECRET',
  ]);
  const passwords = Object.fromEntries(
    [...domains, 'test'].map((name) => [
      name,
      credentials[`SHOP_DB_PASSWORD_${name.toUpperCase()}`]!,
    ]),
  );
  await step('mysql', () => provisionMysql(passwords));
  await step('redis', ensureRedis);
  // The JVMs start side by side; each waits for its own health.
  await Promise.all([
    step('kafka', startKafka),
    step('opensearch', startOpenSearch),
    step('zipkin', startZipkin),
    step('prometheus', startPrometheus),
  ]);
  writeShopEnv({
    SHOP_MYSQL_HOST: endpoints.mysql.host,
    SHOP_MYSQL_PORT: String(endpoints.mysql.port),
    ...Object.fromEntries(
      [...domains, 'test'].map((name) => [`SHOP_DB_USER_${name.toUpperCase()}`, `shop_${name}`]),
    ),
    ...Object.fromEntries(
      [...domains, 'test'].map((name) => [
        `SHOP_DB_PASSWORD_${name.toUpperCase()}`,
        passwords[name]!,
      ]),
    ),
    SHOP_INTERNAL_SECRET: credentials.SHOP_INTERNAL_SECRET!,
    SHOP_REDIS_URL: endpoints.redisUrl,
    SHOP_KAFKA_BROKERS: kafkaBrokers,
    SHOP_OPENSEARCH_URL: opensearchUrl,
    // Where traces go when a run turns tracing on (SHOP_TRACING=zipkin); off unless asked.
    SHOP_ZIPKIN_URL: zipkinUrl,
    // Where the alert tests and the dashboard read metrics.
    SHOP_PROMETHEUS_URL: prometheusUrl,
  });
}
