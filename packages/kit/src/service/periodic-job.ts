import type { Registry } from 'prom-client';
import { counterOn } from '../ops/metrics.js';
import { withNamedLock } from '../db/named-lock.js';
import type { Orm } from '../db/open-database.js';
import type { Logger } from '../logger.js';

/** What one run changed, by action (`expired: 3`): counted in `shop_job_items_total`. */
export type JobCounts = Record<string, number>;

/** How a tick ended: the work ran, another replica held the lease, or the run threw. */
export type JobOutcome = 'ran' | 'skipped' | 'failed';

export interface PeriodicJobOptions {
  /** Unique within the service: names the lease, the metrics' `job` label and the log lines. */
  name: string;
  intervalMs: number;
  logger: Logger;
  /** One run; returns how many items it changed, by action. */
  run: () => Promise<JobCounts>;
  /** The message logged for a run that changed something (with its counts). */
  logMessage?: string;
  /**
   * The service's database, whose replicas share the job: each run takes the lease
   * `<database>:<job>` first, and a tick that finds it held elsewhere is skipped. Without it (or
   * on the embedded SQLite database, one process) every tick runs.
   */
  orm?: Orm;
  metrics?: JobMetrics;
}

/**
 * Background work run every `intervalMs` (sweepers, retries), one run at a time: a tick that comes
 * while a run is still going is dropped rather than queued. A failed run is logged and the next
 * tick tries again; `stop` waits for the run in progress.
 *
 * Every replica of a service runs the same jobs. The lease keeps them from doing the same work at
 * the same moment; it is not what makes the work correct: each item changes through a conditional
 * update (a status transition wins once), so two runs that overlapped anyway — a lease lost with
 * its connection — would still change each item once, and count it once.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<JobOutcome> | undefined;

  constructor(private readonly options: PeriodicJobOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.current ??= this.runOnce().finally(() => {
        this.current = undefined;
      });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.current;
  }

  /** One tick; never throws. */
  async runOnce(): Promise<JobOutcome> {
    const { name, logger, run, orm, metrics } = this.options;
    try {
      const result = orm
        ? await withNamedLock(orm, `${orm.config.get('dbName')}:${name}`, { waitSeconds: 0 }, run)
        : { acquired: true as const, value: await run() };
      if (!result.acquired) {
        metrics?.run('skipped');
        logger.debug({ job: name }, 'background job skipped: another replica is running it');
        return 'skipped';
      }
      metrics?.run('ran');
      metrics?.items(result.value);
      if (Object.values(result.value).some((count) => count > 0)) {
        logger.info({ job: name, ...result.value }, this.options.logMessage ?? `${name} run`);
      }
      return 'ran';
    } catch (error) {
      metrics?.run('failed');
      logger.error({ err: error, job: name }, 'background job failed; will retry');
      return 'failed';
    }
  }
}

export interface JobMetrics {
  run(outcome: JobOutcome): void;
  items(counts: JobCounts): void;
}

/**
 * The job's metrics on `registry`, labelled by service and job: `shop_job_runs_total{outcome}` and
 * `shop_job_items_total{action}`. Every job of the process shares the two metrics, so the first
 * one registers them and the others reuse them.
 */
export function createJobMetrics(registry: Registry, service: string, job: string): JobMetrics {
  const runs = counterOn(
    registry,
    'shop_job_runs_total',
    'Background job ticks, by outcome (ran, skipped: the lease was held by another replica, failed)',
    ['service', 'job', 'outcome'],
  );
  const items = counterOn(
    registry,
    'shop_job_items_total',
    'Items a background job run changed, by action (expired, settled, …)',
    ['service', 'job', 'action'],
  );
  for (const outcome of ['ran', 'skipped', 'failed'] as const)
    runs.inc({ service, job, outcome }, 0);

  return {
    run(outcome) {
      runs.inc({ service, job, outcome });
    },
    items(counts) {
      for (const [action, count] of Object.entries(counts)) {
        items.inc({ service, job, action }, count);
      }
    },
  };
}
