import net from 'node:net';

export type RealService = 'mysql' | 'kafka' | 'redis' | 'opensearch' | 'zipkin' | 'prometheus';

export interface InfraProbe {
  ok: boolean;
  /** Why the real-service suites are skipped, for the skip message. */
  reason?: string;
}

/** CI sets SHOP_TEST_INFRA=required: a missing service then fails the run instead of skipping. */
export const infraRequired = process.env.SHOP_TEST_INFRA === 'required';

function endpointOf(service: RealService): { host: string; port: number } {
  const env = process.env;
  switch (service) {
    case 'mysql':
      return {
        host: env.SHOP_MYSQL_HOST ?? '127.0.0.1',
        port: Number(env.SHOP_MYSQL_PORT ?? 3306),
      };
    case 'redis': {
      const url = new URL(env.SHOP_REDIS_URL ?? 'redis://127.0.0.1:6379');
      return { host: url.hostname, port: Number(url.port || 6379) };
    }
    case 'kafka': {
      const [host = '127.0.0.1', port = '19092'] = (env.SHOP_KAFKA_BROKERS ?? '127.0.0.1:19092')
        .split(',')[0]!
        .split(':');
      return { host, port: Number(port) };
    }
    case 'opensearch': {
      const url = new URL(env.SHOP_OPENSEARCH_URL ?? 'http://127.0.0.1:19200');
      return { host: url.hostname, port: Number(url.port || 9200) };
    }
    case 'zipkin': {
      const url = new URL(env.SHOP_ZIPKIN_URL ?? 'http://127.0.0.1:19411');
      return { host: url.hostname, port: Number(url.port || 9411) };
    }
    case 'prometheus': {
      const url = new URL(env.SHOP_PROMETHEUS_URL ?? 'http://127.0.0.1:19090');
      return { host: url.hostname, port: Number(url.port || 9090) };
    }
  }
}

function canConnect({ host, port }: { host: string; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Loads the connection settings `pnpm infra:up` wrote and checks the services a suite needs.
 * Use with top-level await: `const infra = await probeInfra(['mysql', 'kafka'])` then
 * `describe.skipIf(!infra.ok)`. When the run requires real services and one is missing, it throws,
 * which fails the test file with the reason.
 */
export async function probeInfra(services: RealService[]): Promise<InfraProbe> {
  // Loaded on demand: suites on the embedded adapters never need the infra package.
  const { applyInfraEnv } = await import('@shop/infra');
  const settings = applyInfraEnv();
  const missing: string[] = [];
  if (!settings) missing.push('connection settings (.data/infra/shop.env)');
  for (const service of services) {
    if (!(await canConnect(endpointOf(service)))) missing.push(service);
  }
  if (missing.length === 0) return { ok: true };
  const reason = `real services not reachable: ${missing.join(', ')}. Run \`pnpm infra:up\` first.`;
  if (infraRequired) throw new Error(`SHOP_TEST_INFRA=required and ${reason}`);
  return { ok: false, reason };
}
