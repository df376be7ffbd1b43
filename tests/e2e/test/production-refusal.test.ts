import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, probeInfra } from '@shop/testkit';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);
const dataDir = mkdtempSync(path.join(tmpdir(), 'shop-production-'));

/** Production as an operator would start it, with none of the shop's settings made. */
async function productionEnv(): Promise<NodeJS.ProcessEnv> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('SHOP_')),
  );
  return {
    ...env,
    NODE_ENV: 'production',
    SHOP_INFRA: 'real',
    SHOP_DATA_DIR: dataDir,
    // Only `pnpm start` opens these; not the defaults, so another suite's shop keeps its own.
    SHOP_PORT_PG: String(await freePort()),
    SHOP_PORT_CARRIER: String(await freePort()),
    SHOP_PORT_CLIENT: String(await freePort()),
  };
}

/** Runs a pnpm script to its end: how it ended and what it wrote. */
async function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn('pnpm', ['-s', ...args], {
    env: { ...(await productionEnv()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

/** The settings a refusal names, in its order. */
const named = (output: string) => [...output.matchAll(/^ {2}- (SHOP_[A-Z_]+):/gm)].map((m) => m[1]);

describe.concurrent('production refuses development defaults, naming each setting', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['payment', ['SHOP_PG_SECRET_KEY', 'SHOP_PG_URL']],
    ['delivery', ['SHOP_CARRIER_URL', 'SHOP_CARRIER_WEBHOOK_SECRET']],
    ['return', ['SHOP_CARRIER_URL']],
    ['router', ['SHOP_CORS_ORIGINS']],
  ])('`pnpm service %s` exits 1 naming %j, with no stack trace', async (service, settings) => {
    const { code, output } = await run(['service', service]);
    expect(code).toBe(1);
    expect(output).toContain(`${service}: the configuration is invalid`);
    expect(named(output)).toEqual(settings);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!infra.ok)(
    '`pnpm start` exits 1 before starting anything, naming the sandboxes, the demo catalogue and the CORS origins',
    async () => {
      const { code, output } = await run(['start']);
      expect(code).toBe(1);
      expect(named(output)).toEqual([
        'SHOP_PG_SECRET_KEY',
        'SHOP_PG_URL',
        'SHOP_CARRIER_URL',
        'SHOP_CARRIER_WEBHOOK_SECRET',
        'SHOP_CORS_ORIGINS',
        'SHOP_SEED_DEMO',
      ]);
      expect(output).not.toMatch(/\n\s+at /);
    },
  );

  it('`pnpm start` refuses a service’s own settings that contradict each other the same way', async () => {
    const { code, output } = await run(['start'], {
      NODE_ENV: 'development',
      SHOP_INFRA: 'embedded',
      SHOP_PG_TIMEOUT_MS: '60000',
    });
    expect(code).toBe(1);
    expect(output).toContain('payment: the configuration is invalid');
    expect(named(output)).toEqual(['SHOP_PAYMENT_RECOVER_AFTER_MS']);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
