import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyInfraEnv, publishScrapeTargets } from '@shop/infra';
import { defaultPorts, type ServiceName } from '@shop/kit/service';
import { freePort, graphqlRequest } from '@shop/testkit';
import {
  scrapeTargetsOf,
  startSupervisor,
  type Instance,
  type Replicas,
  type Supervisor,
} from '../../../scripts/supervisor.js';
import {
  dropSearchIndexes,
  signInAdmin,
  startSandboxes,
  type ShopClient,
} from './shop-under-test.js';

export interface ShopProcesses extends ShopClient {
  supervisor: Supervisor;
  /** Every line the services printed, prefixed by instance. */
  logFile: string;
  instancesOf(service: ServiceName): Instance[];
  /** One instance's `/metrics`, as text. */
  metricsOf(instance: Instance): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The shop as production runs it: every service a process of its own (`pnpm service <name>`,
 * through the same supervisor as `pnpm start --processes`), replicas where asked, on the real
 * services, on free ports; the PG and carrier sandboxes in this process.
 */
export async function startShopProcesses(
  options: {
    replicas?: Replicas;
    env?: Record<string, string>;
    /** How late the PG sandbox answers a TIMEOUT card's confirmation (3 s unless given). */
    pgAnswerDelayMs?: number;
  } = {},
): Promise<ShopProcesses> {
  if (!applyInfraEnv()) throw new Error('no .data/infra/shop.env: run `pnpm infra:up` first');
  const runId = Math.random().toString(36).slice(2, 10);
  const alias = `test-catalog-${runId}`;
  const { pg, carrier, env: testEnv } = await startSandboxes(options);
  const ports = new Map<string, number>();
  for (const service of Object.keys(defaultPorts) as ServiceName[]) {
    for (let replica = 1; replica <= (options.replicas?.[service] ?? 1); replica++)
      ports.set(`${service}-${replica}`, await freePort());
  }
  const portOf = (service: ServiceName, replica: number) => ports.get(`${service}-${replica}`)!;
  // The router serves its metrics on a port of its own.
  const routerMetricsPort = await freePort();
  const logDir = mkdtempSync(path.join(tmpdir(), 'shop-processes-'));
  const logFile = path.join(logDir, 'services.log');
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SHOP_INFRA: 'real',
    SHOP_LOG_LEVEL: process.env.SHOP_LOG_LEVEL ?? 'warn',
    SHOP_SEED_DEMO: 'false',
    ...testEnv,
    SHOP_CATALOG_INDEX_ALIAS: alias,
    SHOP_METRICS_PORT: String(routerMetricsPort),
    ...options.env,
  };
  const supervisor = startSupervisor({
    replicas: options.replicas,
    env,
    host: '127.0.0.1',
    portOf,
    output: (line) => log.write(`${line}\n`),
  });
  const instancesOf = (service: ServiceName) =>
    supervisor.instances.filter((instance) => instance.service === service);
  // Prometheus (pnpm infra:up) scrapes this shop while it runs.
  const withdrawTargets = publishScrapeTargets(
    `test-${runId}`,
    scrapeTargetsOf(supervisor.instances, routerMetricsPort),
  );
  const stop = async () => {
    withdrawTargets();
    await supervisor.stop();
    await pg.stop();
    await carrier.stop();
    await dropSearchIndexes(env.SHOP_OPENSEARCH_URL, alias);
    log.end();
  };
  try {
    await supervisor.ready();
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; the services' output is in ${logFile}`, {
      cause: error,
    });
  }
  const routerUrl = `${instancesOf('router')[0]!.url}/graphql`;
  const call: ShopClient['call'] = (query, variables, token) =>
    graphqlRequest(routerUrl, query, { variables, token });
  const { adminToken } = await signInAdmin(call, env, runId);

  return {
    supervisor,
    logFile,
    instancesOf,
    metricsOf: async (instance) =>
      (
        await fetch(
          instance.service === 'router'
            ? `http://127.0.0.1:${routerMetricsPort}/metrics`
            : `${instance.url}/metrics`,
        )
      ).text(),
    pg,
    call,
    adminToken,
    runId,
    stop,
  };
}
