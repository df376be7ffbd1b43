import { kafkaStatus } from './kafka.js';
import { mysqlStatus } from './mysql.js';
import { opensearchStatus } from './opensearch.js';
import { redisStatus } from './redis.js';
import type { ServiceStatus } from './status.js';
import { prometheusStatus } from './prometheus.js';
import { zipkinStatus } from './zipkin.js';

export { applyInfraEnv, loadInfraEnv } from './env-file.js';
export { domains } from './mysql.js';
export { endpoints, prometheusUrl } from './ports.js';
export { publishScrapeTargets, type ScrapeTarget } from './scrape-targets.js';
export { killKafka, restartKafka, startKafka, stopKafka } from './kafka.js';
export type { ServiceStatus } from './status.js';

export function infraStatus(): Promise<ServiceStatus[]> {
  return Promise.all([
    mysqlStatus(),
    redisStatus(),
    kafkaStatus(),
    opensearchStatus(),
    zipkinStatus(),
    prometheusStatus(),
  ]);
}
