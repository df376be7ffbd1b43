import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPorts } from '@shop/kit/service';
import { freePort, graphqlRequest, waitFor } from '@shop/testkit';
import { waitForQuietCore } from './quiet-core.js';

/** Enough of the demo catalogue's 2,000 products (about 4 % are drafts or hidden) to call it listed. */
export const demoCatalogueListed = 1900;

export interface ShopProcess {
  routerUrl: string;
  /** The router's `/metrics`, on its metrics port. */
  routerMetricsUrl: string;
  /** Each subgraph's GraphQL URL, by name. */
  subgraphUrls: Record<string, string>;
  pid: number;
  /** The PG sandbox the shop started. */
  pgUrl: string;
  /** The environment the shop runs with: enough to open its databases (e.g. to make an admin). */
  env: Record<string, string | undefined>;
  /** The checkout it runs from: this one, or a baseline commit's worktree. */
  root: string;
  stop(): Promise<void>;
}

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const pinned = existsSync('/usr/bin/taskset');
/** The core the shop runs on, apart from the load generator's. */
const shopCore = 1;

/**
 * The command pinned to the second core when `taskset` is there, so the load generator (pinned to
 * the first by `pnpm bench`) and what it measures do not take turns on one core.
 */
export function onOtherCore(command: string, args: string[]): [string, string[]] {
  return pinned
    ? ['/usr/bin/taskset', ['-c', String(shopCore), command, ...args]]
    : [command, args];
}

export interface StartOptions {
  /** A folder for the shop's data to keep; by default a new one, removed on stop. */
  dataDir?: string;
  /** The checkout to start: this one by default. */
  root?: string;
  /** `pnpm start`'s arguments, e.g. `--processes`. */
  args?: string[];
  /**
   * Whether to resolve only once the shop is done with its start-up work (default); off where
   * the time to ready is the figure.
   */
  waitUntilQuiet?: boolean;
}

/**
 * `pnpm start` in a child process on free ports, so the load generator and the shop do not share
 * an event loop. Resolves once the router answers and the catalog lists at least `minProducts`.
 */
export async function startShopProcess(
  env: Record<string, string>,
  minProducts: number,
  { dataDir: keptDataDir, root = repoRoot, args = [], waitUntilQuiet = true }: StartOptions = {},
): Promise<ShopProcess> {
  const ports: Record<string, string> = {};
  for (const name of [...Object.keys(defaultPorts), 'pg', 'carrier', 'client'])
    ports[`SHOP_PORT_${name.toUpperCase()}`] = String(await freePort());
  ports.SHOP_METRICS_PORT = String(await freePort());
  const dataDir = keptDataDir ?? mkdtempSync(path.join(tmpdir(), 'shop-bench-'));
  const childEnv = {
    ...process.env,
    SHOP_DATA_DIR: dataDir,
    SHOP_LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // Production mode, on the PG and carrier sandboxes on purpose, with the catalogue
    // `seededRealShopEnv` put there (production refuses to seed it).
    SHOP_SANDBOXES: 'true',
    SHOP_SEED_DEMO: 'false',
    SHOP_CORS_ORIGINS: 'https://bench.invalid',
    SHOP_RATE_LIMIT_USER_PER_MINUTE: '10000000',
    SHOP_RATE_LIMIT_IP_PER_MINUTE: '10000000',
    SHOP_LOGIN_ATTEMPTS_PER_IP: '10000000',
    // Benchmarks send their own queries, not the storefront's persisted ones.
    SHOP_OPERATION_MANIFESTS: '',
    ...ports,
    ...env,
  };
  const child: ChildProcess = spawn(
    ...onOtherCore(process.execPath, [
      '--import',
      'tsx',
      path.join(root, 'scripts/start.ts'),
      ...args,
    ]),
    {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const routerUrl = `http://127.0.0.1:${ports.SHOP_PORT_ROUTER}/graphql`;
  await waitFor(
    `the catalog to list ${minProducts} products`,
    async () => {
      if (child.exitCode !== null) throw new Error(`the shop exited with ${child.exitCode}`);
      const result = await graphqlRequest<{ products: { totalCount: number } }>(
        routerUrl,
        '{ products(first: 1) { totalCount } }',
      ).catch(() => undefined);
      const listed = result?.data?.products.totalCount;
      return listed !== undefined && listed >= minProducts;
    },
    // Often enough that the time to ready is measured to a tenth of a second.
    { timeoutMs: 300_000, intervalMs: 100 },
  );
  if (pinned && waitUntilQuiet) await waitForQuietCore(shopCore);
  const subgraphUrls = Object.fromEntries(
    Object.keys(defaultPorts)
      .filter((name) => name !== 'router')
      .map((name) => [
        name,
        `http://127.0.0.1:${ports[`SHOP_PORT_${name.toUpperCase()}`]}/graphql`,
      ]),
  );
  return {
    routerUrl,
    routerMetricsUrl: `http://127.0.0.1:${ports.SHOP_METRICS_PORT}/metrics`,
    subgraphUrls,
    pid: child.pid!,
    pgUrl: `http://127.0.0.1:${ports.SHOP_PORT_PG}`,
    env: childEnv,
    root,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A shop on the real services: its catalogue in an index of the benchmarks' own, its events on
 * topics of their own (a baseline commit's shop, which cannot be told a namespace, has the plain
 * ones), so no other shop's consumers take part in what is measured.
 */
/** The settings that make each of the shop's processes write its CPU profile into `dir`, if given. */
export const cpuProfileEnv = (dir: string | undefined): Record<string, string> =>
  dir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` } : {};

export const benchEventsEnv = { SHOP_KAFKA_NAMESPACE: 'bench' };
const realShopEnv = {
  SHOP_INFRA: 'real',
  SHOP_CATALOG_INDEX_ALIAS: 'bench-catalog',
  ...benchEventsEnv,
};

/**
 * The environment of a shop on the real services (`env` over the benchmarks' own), once the demo
 * catalogue is in their databases and index: put there by a development start (a production one
 * refuses to seed), nothing to do when it is there already.
 */
export async function seededRealShopEnv({
  env = realShopEnv,
  root,
}: { env?: Record<string, string>; root?: string } = {}): Promise<Record<string, string>> {
  console.error('the demo catalogue…');
  const seeding = await startShopProcess(
    { ...env, NODE_ENV: 'development', SHOP_SEED_DEMO: 'true' },
    demoCatalogueListed,
    // Stopped at once: nothing is measured on it.
    { root, waitUntilQuiet: false },
  );
  await seeding.stop();
  return env;
}

/** A /proc file of a process or thread, or '' once it has exited (between listing and reading). */
function readIfAlive(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** A process's children, from /proc (every thread's list). */
function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((thread) =>
    readIfAlive(`/proc/${pid}/task/${thread}/children`).split(' ').filter(Boolean).map(Number),
  );
}

/**
 * The CPU time a process and its descendants (a shop of many processes) have used so far, user
 * and system, all threads, in ms, from /proc: unlike latency on a saturated core, it does not
 * swing with what else the machine is doing.
 */
export function cpuMsOf(pid: number): number {
  const stat = readIfAlive(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.split(') ')[1]!.split(' ');
  // utime and stime (fields 14 and 15 of proc(5), counted from the state) in ticks of 10 ms.
  const own = (Number(fields[11]) + Number(fields[12])) * 10;
  return childrenOf(pid).reduce((sum, child) => sum + cpuMsOf(child), own);
}

/** A process's resident memory in MB, from /proc. */
export const rssMb = (pid: number): number =>
  Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
  );
