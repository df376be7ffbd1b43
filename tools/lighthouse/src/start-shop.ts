import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { defaultPorts } from '@shop/kit/service';

export interface RunningShop {
  /** The storefront's origin and path, `http://127.0.0.1:<port>/`. */
  storefront: string;
  /** The router's `/graphql`. */
  router: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `pnpm start` as README has it (embedded, the demo catalogue), on free ports and a data folder
 * of its own so that it neither meets another shop on this machine nor finds an earlier one's data.
 */
export async function startShop(): Promise<RunningShop> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shop-lighthouse-'));
  const ports: Record<string, string> = {};
  for (const name of [...Object.keys(defaultPorts), 'pg', 'carrier', 'client'])
    ports[`SHOP_PORT_${name.toUpperCase()}`] = String(await freePort());
  // Its own process group: pnpm, tsx and node stop together.
  const shop = spawn('pnpm', ['start'], {
    env: { ...process.env, ...ports, SHOP_DATA_DIR: dataDir, SHOP_LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => shop.once('exit', resolve));
  const stop = async () => {
    if (shop.exitCode === null && shop.signalCode === null) process.kill(-shop.pid!, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const addresses = await new Promise<{ storefront: string; router: string }>(
      (resolve, reject) => {
        shop.once('exit', (code) => reject(new Error(`pnpm start exited ${code}`)));
        // The log's JSON lines (among pnpm's own); the start's last one names the addresses.
        createInterface({ input: shop.stdout! }).on('line', (line) => {
          if (!line.startsWith('{')) return;
          const entry = JSON.parse(line) as { msg?: string; storefront: string; router: string };
          if (entry.msg === 'shop running') resolve(entry);
        });
      },
    );
    return { ...addresses, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
