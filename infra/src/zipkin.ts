import { readdirSync } from 'node:fs';
import path from 'node:path';
import { findJava } from './java.js';
import { resolveJars } from './maven.js';
import { infraDir, stateOf } from './paths.js';
import { endpoints, zipkinUrl } from './ports.js';
import {
  freePortFromForeignProcess,
  isAlive,
  readPid,
  startDetached,
  stopProcess,
  waitUntil,
} from './processes.js';
import type { ServiceStatus } from './status.js';

const libs = stateOf('zipkin', 'libs');
const pidFile = stateOf('zipkin', 'zipkin.pid');
const logFile = stateOf('zipkin', 'logs', 'stdout.log');

/** The exec jar `resolveJars` copied, whichever version the pom names. */
function serverJar(): string {
  const jar = readdirSync(libs).find((file) => /^zipkin-server-.+-exec\.jar$/.test(file));
  if (!jar) throw new Error(`zipkin: no zipkin-server exec jar in ${libs}`);
  return path.join(libs, jar);
}

async function version(): Promise<string | undefined> {
  const response = await fetch(`${zipkinUrl}/info`, { signal: AbortSignal.timeout(1500) });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { zipkin?: { version?: string } };
  return body.zipkin?.version;
}

async function healthy(): Promise<boolean> {
  const response = await fetch(`${zipkinUrl}/health`, { signal: AbortSignal.timeout(1500) });
  return response.ok;
}

/**
 * Zipkin's server from its executable jar on Maven Central (`zipkin/pom.xml`), keeping traces in
 * memory: a restart forgets them, which is all a developer's machine needs. Zipkin 3 needs Java 17+.
 */
export async function startZipkin(): Promise<void> {
  const ours = isAlive(readPid(pidFile));
  if (ours && (await healthy().catch(() => false))) return;
  if (!ours) await freePortFromForeignProcess(endpoints.zipkin.port, 'zipkin');
  await resolveJars(path.join(infraDir, 'zipkin', 'pom.xml'), libs, 'zipkin');
  const java = await findJava(17);
  if (!isAlive(readPid(pidFile))) {
    const { port } = endpoints.zipkin;
    startDetached(
      java,
      [
        '-Xms64m',
        '-Xmx512m',
        '-jar',
        serverJar(),
        // Loopback only, like the other services; Spring replaces the whole list, so all of it.
        `--armeria.ports[0].ip=127.0.0.1`,
        `--armeria.ports[0].port=${port}`,
        '--armeria.ports[0].protocols[0]=http',
      ],
      { pidFile, logFile },
    );
  }
  await waitUntil('zipkin', healthy, { timeoutMs: 90_000, logFile });
}

export async function stopZipkin(): Promise<boolean> {
  return stopProcess(pidFile);
}

export async function zipkinStatus(): Promise<ServiceStatus> {
  const number = await version().catch(() => undefined);
  return { service: 'Zipkin', up: number !== undefined, version: number, endpoint: zipkinUrl };
}
