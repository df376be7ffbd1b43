import type { ServerResponse } from 'node:http';
import { sendJson } from './http-response.js';

/** Resolves when the dependency is usable; throws (with the reason) when it is not. */
export type ReadinessCheck = () => Promise<void>;

export interface ReadinessReport {
  ready: boolean;
  /** `ok`, or why the check failed. */
  checks: Record<string, string>;
}

/** A hung dependency must not hang the probe: the orchestrator would see a timeout, not a reason. */
const checkTimeoutMs = 2_000;

async function runCheck(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${checkTimeoutMs} ms`)),
      checkTimeoutMs,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** The named checks `/ready` runs; a process is ready only when all of them pass. */
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  add(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  async run(): Promise<ReadinessReport> {
    const entries = [...this.checks];
    const outcomes = await Promise.all(entries.map(([, check]) => runCheck(check)));
    const checks = Object.fromEntries(entries.map(([name], index) => [name, outcomes[index]!]));
    return { ready: outcomes.every((outcome) => outcome === 'ok'), checks };
  }
}

/** `/health`: liveness. The process answers, so it is alive; dependencies are `/ready`'s job. */
export function serveLiveness(res: ServerResponse): void {
  sendJson(res, 200, { status: 'alive' });
}

/** `/ready`: 200 when every check passes, else 503 naming the checks that failed. */
export async function serveReadiness(res: ServerResponse, checks: ReadinessChecks): Promise<void> {
  const report = await checks.run();
  sendJson(res, report.ready ? 200 : 503, {
    status: report.ready ? 'ready' : 'not ready',
    ...report,
  });
}
