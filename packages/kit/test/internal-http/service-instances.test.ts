import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceInstances } from '../../src/internal-http/index.js';
import { createLogger } from '../../src/logger.js';
import { waitFor } from '@shop/testkit';
import { testClient } from './fixtures/test-client.js';

interface Instance {
  name: string;
  origin: string;
  port: number;
  hits: number;
  server: Server;
}

/** An instance that answers `/ready` and, on any other path, its own name. */
async function startInstance(name: string, port = 0): Promise<Instance> {
  const instance = { name, hits: 0 } as Instance;
  instance.server = createServer((request, response) => {
    if (request.url !== '/ready') instance.hits++;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ instance: name }));
  });
  await new Promise<void>((resolve) => instance.server.listen(port, '127.0.0.1', resolve));
  instance.port = (instance.server.address() as AddressInfo).port;
  instance.origin = `http://127.0.0.1:${instance.port}`;
  return instance;
}

/** Like SIGKILL for the callers: the port refuses and open connections break. */
async function kill(instance: Instance): Promise<void> {
  instance.server.closeAllConnections();
  await new Promise((resolve) => instance.server.close(resolve));
}

const logger = createLogger('test', { level: 'silent' });
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const closable of running.splice(0)) await closable.close();
});

describe('service instances', () => {
  it('balances calls over every instance', async () => {
    const [a, b] = [await startInstance('a'), await startInstance('b')];
    running.push({ close: () => Promise.all([kill(a), kill(b)]).then(() => undefined) });
    const instances = new ServiceInstances({
      target: 'product',
      urls: [a.origin, b.origin],
      logger,
    });
    running.push(instances);
    const client = testClient(a.origin, { instances });

    for (let i = 0; i < 20; i++) await client.get('/anything');
    expect(a.hits + b.hits).toBe(20);
    expect(a.hits).toBeGreaterThanOrEqual(5);
    expect(b.hits).toBeGreaterThanOrEqual(5);
  });

  it('routes around a dead instance, even for a call that must not be repeated, and takes it back', async () => {
    const [a, b] = [await startInstance('a'), await startInstance('b')];
    const instances = new ServiceInstances({
      target: 'product',
      urls: [a.origin, b.origin],
      logger,
      probeIntervalMs: 200,
    });
    running.push(instances);
    const client = testClient(a.origin, { instances, retries: 2 });

    await kill(a);
    // A POST without an idempotency key is sent once, but a refused connection sent nothing.
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push((await client.post<{ instance: string }>('/orders', { i })).instance);
    }
    expect(answers).toEqual(Array(10).fill('b'));
    expect(instances.available).toEqual([b.origin]);

    const back = await startInstance('a', a.port);
    running.push({ close: () => Promise.all([kill(back), kill(b)]).then(() => undefined) });
    await waitFor('the instance back in rotation', () => instances.available.length === 2, {
      timeoutMs: 5000,
    });
    for (let i = 0; i < 20; i++) await client.get('/anything');
    expect(back.hits).toBeGreaterThan(0);
  });

  it('goes on to another instance when an answer breaks off while read, for a call it may repeat only', async () => {
    const b = await startInstance('b');
    let brokenHits = 0;
    // Sends its headers and half a body, then the connection breaks: a process dying mid-answer.
    const broken = createServer((request, response) => {
      if (request.url === '/ready') return response.end();
      brokenHits++;
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"instance":');
      setImmediate(() => response.destroy());
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const brokenOrigin = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    running.push({
      close: async () => {
        broken.closeAllConnections();
        await new Promise((resolve) => broken.close(resolve));
        await kill(b);
      },
    });
    const instances = new ServiceInstances({
      target: 'product',
      urls: [brokenOrigin, b.origin],
      logger,
    });
    running.push(instances);
    // No retries by the call's policy: what goes on to another instance is the pool's doing.
    const client = testClient(b.origin, { instances, retries: 0 });

    for (let i = 0; i < 6; i++)
      expect((await client.get<{ instance: string }>('/anything')).instance).toBe('b');
    expect(brokenHits).toBeGreaterThan(0);

    // A POST without an idempotency key may have been applied: it fails instead of going on.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => client.post('/orders', { i })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')[0]).toMatchObject({
      reason: { name: 'ServiceUnavailableError', reason: 'unreachable' },
    });
  });

  it('keeps the last instance, so a call fails with its own error rather than "no upstream"', async () => {
    const a = await startInstance('a');
    const b = await startInstance('b');
    const instances = new ServiceInstances({
      target: 'product',
      urls: [a.origin, b.origin],
      logger,
      probeIntervalMs: 100,
    });
    running.push(instances);
    await kill(a);
    await kill(b);
    await instances.suspect();
    expect(instances.available).toHaveLength(1);
    await expect(testClient(a.origin, { instances }).get('/anything')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      reason: 'refused',
    });
  });
});
