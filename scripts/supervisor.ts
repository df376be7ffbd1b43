import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ScrapeTarget } from '@shop/infra';
import { defaultPorts, type ServiceName } from '@shop/kit/service';

/** How many processes of each service; one unless said otherwise. */
export type Replicas = Partial<Record<ServiceName, number>>;

export interface Instance {
  /** `order-2` */
  id: string;
  service: ServiceName;
  port: number;
  url: string;
  /** The running process, replaced when it is restarted. */
  child: ChildProcess | undefined;
  restarts: number;
  /** From its (latest) launch until it first answered `/ready`, once `ready()` saw it. */
  startMs: number | undefined;
}

export interface SupervisorOptions {
  replicas?: Replicas;
  /** Every child's environment (the instance's port and every service's instances are added). */
  env: NodeJS.ProcessEnv;
  host: string;
  /** Where each line a child prints goes, prefixed by its id. */
  output?: (line: string) => void;
  /** How long a stopping child may take before it is killed. */
  stopTimeoutMs?: number;
  /** Where replica `n` (from 1) of a service listens; default `portOf`. */
  portOf?: (service: ServiceName, replica: number) => number;
}

export interface Supervisor {
  instances: Instance[];
  /** Resolves once every instance answers `/ready`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends a signal to one instance (chaos, tests); the supervisor restarts it if it dies. */
  kill(id: string, signal?: NodeJS.Signals): void;
  /**
   * SIGTERM to the routers, then (once they exited) to the rest; SIGKILL to any still running after
   * the timeout; no more restarts.
   */
  stop(): Promise<void>;
}

const serviceScript = fileURLToPath(new URL('./service.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

/** Replica `n` (from 1) listens `100 × (n − 1)` above the service's port: order 4105, 4205, … */
export function portOf(service: ServiceName, replica: number, env: NodeJS.ProcessEnv): number {
  const base = Number(env[`SHOP_PORT_${service.toUpperCase()}`] ?? defaultPorts[service]);
  return base + 100 * (replica - 1);
}

/** `order=2,payment=2` → `{ order: 2, payment: 2 }`, refusing unknown names and counts. */
export function parseReplicas(text: string | undefined): Replicas {
  const replicas: Replicas = {};
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [name = '', count = ''] = part.split('=');
    if (!(name in defaultPorts)) throw new Error(`--replicas: no service ${name}`);
    if (name === 'router')
      throw new Error('--replicas: one router (put a load balancer in front for more)');
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 9) throw new Error(`--replicas: ${part}: 1 to 9`);
    replicas[name as ServiceName] = n;
  }
  return replicas;
}

/**
 * Runs every service of the shop as its own child process (`pnpm service <name>`), with replicas
 * on ports of their own; every process is told every service's instances through
 * `SHOP_SERVICE_URL_<NAME>` (a list), so callers balance over them. A child that dies is started
 * again (after 1 s, doubling to 30 s while it keeps dying); its lines are prefixed by its id.
 */
export function startSupervisor(options: SupervisorOptions): Supervisor {
  const { host, replicas = {} } = options;
  const output = options.output ?? ((line) => process.stdout.write(`${line}\n`));
  const instances: Instance[] = [];
  for (const service of Object.keys(defaultPorts) as ServiceName[]) {
    const count = replicas[service] ?? 1;
    for (let replica = 1; replica <= count; replica++) {
      const port = options.portOf?.(service, replica) ?? portOf(service, replica, options.env);
      instances.push({
        id: count > 1 ? `${service}-${replica}` : service,
        service,
        port,
        url: `http://${host}:${port}`,
        child: undefined,
        restarts: 0,
        startMs: undefined,
      });
    }
  }
  const addresses: NodeJS.ProcessEnv = {};
  for (const service of Object.keys(defaultPorts)) {
    addresses[`SHOP_SERVICE_URL_${service.toUpperCase()}`] = instances
      .filter((instance) => instance.service === service)
      .map((instance) => instance.url)
      .join(',');
  }

  let stopping = false;
  const exited = new Map<string, Promise<void>>();
  const launchedAt = new Map<string, number>();

  function launch(instance: Instance): void {
    const startedAt = Date.now();
    launchedAt.set(instance.id, startedAt);
    instance.startMs = undefined;
    const child = spawn(process.execPath, ['--import', tsx, serviceScript, instance.service], {
      env: {
        ...options.env,
        ...addresses,
        [`SHOP_PORT_${instance.service.toUpperCase()}`]: String(instance.port),
        SHOP_INSTANCE: instance.id,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    instance.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => output(`[${instance.id}] ${line}`));
    }
    exited.set(
      instance.id,
      new Promise((resolve) =>
        child.once('exit', (code, signal) => {
          resolve();
          if (stopping) return;
          // A child that lived a minute starts again at once; one that keeps dying waits longer.
          const delay =
            Date.now() - startedAt > 60_000
              ? 1000
              : Math.min(30_000, 1000 * 2 ** instance.restarts);
          instance.restarts++;
          output(
            `[supervisor] ${instance.id} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`,
          );
          setTimeout(() => stopping || launch(instance), delay).unref();
        }),
      ),
    );
  }

  for (const instance of instances) launch(instance);
  // Children do not outlive the supervisor, however it ends (a test runner that gave up on it
  // too): orphans would keep their ports and their places in the event consumer groups.
  const killAll = () => {
    for (const instance of instances) instance.child?.kill('SIGKILL');
  };
  process.once('exit', killAll);

  return {
    instances,
    async ready(timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      await Promise.all(
        instances.map(async (instance) => {
          while (!(await answersReady(instance.url))) {
            if (Date.now() > deadline)
              throw new Error(`${instance.id} not ready after ${timeoutMs} ms`);
            await sleep(100);
          }
          instance.startMs ??= Date.now() - (launchedAt.get(instance.id) ?? Date.now());
        }),
      );
    },
    kill(id, signal = 'SIGKILL') {
      const instance = instances.find((candidate) => candidate.id === id);
      if (!instance?.child) throw new Error(`no running instance ${id}`);
      instance.child.kill(signal);
    },
    async stop() {
      stopping = true;
      const timeoutMs = options.stopTimeoutMs ?? 35_000;
      const running = instances.filter(
        (instance) => instance.child?.exitCode === null && instance.child.signalCode === null,
      );
      const killer = setTimeout(() => {
        for (const instance of running) instance.child?.kill('SIGKILL');
      }, timeoutMs);
      const terminate = async (group: Instance[]) => {
        for (const instance of group) instance.child?.kill('SIGTERM');
        await Promise.all(group.map((instance) => exited.get(instance.id)));
      };
      // The routers first, as the embedded start does: the requests they drain still need the
      // subgraphs. One deadline for both steps.
      await terminate(running.filter((instance) => instance.service === 'router'));
      await terminate(running.filter((instance) => instance.service !== 'router'));
      clearTimeout(killer);
      process.off('exit', killAll);
    },
  };
}

async function answersReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * What Prometheus scrapes of the instances: each subgraph's `/metrics` on its port, the router's on
 * its metrics port (never the public one).
 */
export function scrapeTargetsOf(instances: Instance[], routerMetricsPort: number): ScrapeTarget[] {
  return instances.map((instance) => {
    const { hostname, port } = new URL(instance.url);
    const metricsPort = instance.service === 'router' ? routerMetricsPort : Number(port);
    return { address: `${hostname}:${metricsPort}`, instance: instance.id };
  });
}
