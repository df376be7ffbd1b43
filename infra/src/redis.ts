import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { stateOf } from './paths.js';
import { endpoints } from './ports.js';
import { run, waitUntil } from './processes.js';
import type { ServiceStatus } from './status.js';

function client(): Redis {
  return new Redis(endpoints.redisUrl, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
}

async function serverVersion(): Promise<string> {
  const redis = client();
  try {
    await redis.connect();
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

/** Uses the machine's Redis; starts a local redis-server (no persistence) if none answers. */
export async function ensureRedis(): Promise<void> {
  if (
    await serverVersion().then(
      () => true,
      () => false,
    )
  )
    return;
  const url = new URL(endpoints.redisUrl);
  const dir = stateOf('redis');
  mkdirSync(dir, { recursive: true });
  console.log('redis: starting a local redis-server…');
  await run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    url.hostname,
    '--port',
    url.port || '6379',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--logfile',
    `${dir}/redis.log`,
  ]).catch(() => {
    throw new Error(
      `Redis is not reachable at ${endpoints.redisUrl} and redis-server could not be started`,
    );
  });
  await waitUntil('redis', () => serverVersion().then(() => true), { timeoutMs: 20_000 });
}

export async function redisStatus(): Promise<ServiceStatus> {
  const version = await serverVersion().catch(() => undefined);
  return { service: 'Redis', up: version !== undefined, version, endpoint: endpoints.redisUrl };
}
