import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { infraDir, stateOf } from './paths.js';
import { endpoints, prometheusUrl } from './ports.js';
import {
  freePortFromForeignProcess,
  isAlive,
  readPid,
  startDetached,
  stopProcess,
  waitUntil,
} from './processes.js';
import { scrapeTargetsDir } from './scrape-targets.js';
import type { ServiceStatus } from './status.js';

const pidFile = stateOf('prometheus', 'prometheus.pid');
const logFile = stateOf('prometheus', 'logs', 'stdout.log');
const configDir = path.join(infraDir, 'prometheus');

async function healthy(): Promise<boolean> {
  const response = await fetch(`${prometheusUrl}/-/ready`, { signal: AbortSignal.timeout(1500) });
  return response.ok;
}

async function version(): Promise<string | undefined> {
  const response = await fetch(`${prometheusUrl}/api/v1/status/buildinfo`, {
    signal: AbortSignal.timeout(1500),
  });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { data?: { version?: string } };
  return body.data?.version;
}

/** Debian's `prometheus` (scripts/install-system-packages.sh puts it there). */
function prometheusBinary(): string {
  try {
    execFileSync('prometheus', ['--version'], { stdio: 'ignore' });
    return 'prometheus';
  } catch {
    throw new Error(
      'prometheus: not installed; run `bash scripts/install-system-packages.sh` as root ' +
        '(Debian package `prometheus`)',
    );
  }
}

/**
 * Prometheus with the shop's scrape config, rules and console (`infra/prometheus`), its data in
 * `.data/infra/prometheus`; it scrapes whatever the running shops listed in the targets folder.
 */
export async function startPrometheus(): Promise<void> {
  const ours = isAlive(readPid(pidFile));
  if (ours && (await healthy().catch(() => false))) {
    // Running already: it takes up this checkout's config and rules, which may have changed.
    const reload = await fetch(`${prometheusUrl}/-/reload`, { method: 'POST' });
    if (!reload.ok) throw new Error(`prometheus: reload failed: ${await reload.text()}`);
    return;
  }
  if (!ours) await freePortFromForeignProcess(endpoints.prometheus.port, 'prometheus');
  const binary = prometheusBinary();
  mkdirSync(scrapeTargetsDir, { recursive: true });
  if (!isAlive(readPid(pidFile))) {
    startDetached(
      binary,
      [
        `--config.file=${path.join(configDir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${stateOf('prometheus', 'data')}`,
        '--storage.tsdb.retention.time=7d',
        `--web.listen-address=127.0.0.1:${endpoints.prometheus.port}`,
        `--web.console.templates=${path.join(configDir, 'consoles')}`,
        `--web.console.libraries=${path.join(configDir, 'consoles')}`,
        // `POST /-/reload` after editing the rules, without a restart.
        '--web.enable-lifecycle',
      ],
      { pidFile, logFile },
    );
  }
  await waitUntil('prometheus', healthy, { timeoutMs: 60_000, logFile });
}

export async function stopPrometheus(): Promise<boolean> {
  return stopProcess(pidFile);
}

export async function prometheusStatus(): Promise<ServiceStatus> {
  const number = await version().catch(() => undefined);
  return {
    service: 'Prometheus',
    up: number !== undefined,
    version: number,
    endpoint: prometheusUrl,
  };
}
