import { spawn, execFile } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number | undefined): pid is number {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a long-running program detached from this CLI, output to a log file, pid in a file. */
export function startDetached(
  command: string,
  args: string[],
  options: { pidFile: string; logFile: string; cwd?: string; env?: NodeJS.ProcessEnv },
): number {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  if (!child.pid) throw new Error(`could not start ${command}`);
  writeFileSync(options.pidFile, String(child.pid));
  return child.pid;
}

/** SIGTERM, then SIGKILL if the process is still there after the grace period. */
export async function stopProcess(pidFile: string, graceMs = 20_000): Promise<boolean> {
  const pid = readPid(pidFile);
  if (!isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
  rmSync(pidFile, { force: true });
  return true;
}

export async function killProcess(pidFile: string): Promise<void> {
  const pid = readPid(pidFile);
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);
  rmSync(pidFile, { force: true });
}

/** Polls `check` until it resolves true; fails with `what` and the log to read after the timeout. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs, logFile }: { timeoutMs: number; logFile?: string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(500);
  }
  throw new Error(
    `${what} did not become healthy within ${timeoutMs / 1000} s${logFile ? `; see ${logFile}` : ''}`,
  );
}

/** The pid of the process listening on a local TCP port, if `ss` can tell. */
export async function pidListeningOn(port: number): Promise<number | undefined> {
  const { stdout } = await run('ss', ['-ltnpH', `sport = :${port}`]).catch(() => ({ stdout: '' }));
  const pid = Number(/pid=(\d+)/.exec(stdout)?.[1]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A service on our port that this checkout did not start (another clone's `infra:up`): stop it,
 * so this checkout runs its own, with its own data, and `down` and fault injection act on it.
 */
export async function freePortFromForeignProcess(port: number, label: string): Promise<void> {
  const pid = await pidListeningOn(port);
  if (!pid) return;
  console.log(`${label}: stopping the instance another checkout left on port ${port} (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
}
