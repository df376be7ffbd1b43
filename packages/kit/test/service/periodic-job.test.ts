import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, probeInfra, waitFor, type TestDatabase } from '@shop/testkit';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Orm } from '../../src/db/open-database.js';
import { createLogger } from '../../src/logger.js';
import {
  createJobMetrics,
  PeriodicJob,
  type JobCounts,
  type PeriodicJobOptions,
} from '../../src/service/periodic-job.js';

const infra = await probeInfra(['mysql']);
const logger = createLogger('periodic-job-test', { level: 'silent' });

/** One replica of a service: its own pool on the shared database and its own metrics registry. */
interface Replica {
  orm: Orm;
  registry: Registry;
}

function jobOn(
  replica: Replica,
  run: () => Promise<JobCounts>,
  options: Partial<PeriodicJobOptions> = {},
): PeriodicJob {
  const name = options.name ?? 'sweeper';
  return new PeriodicJob({
    name,
    intervalMs: 5,
    logger,
    run,
    orm: replica.orm,
    metrics: createJobMetrics(replica.registry, 'test', name),
    ...options,
  });
}

/** A counter's value for the labels given, summed over the replicas' registries. */
async function total(
  replicas: Replica[],
  metric: 'shop_job_runs_total' | 'shop_job_items_total',
  labels: Record<string, string>,
): Promise<number> {
  let sum = 0;
  for (const { registry } of replicas) {
    const values = (await registry.getSingleMetric(metric)?.get())?.values ?? [];
    for (const value of values) {
      if (Object.entries(labels).every(([key, label]) => value.labels[key] === label)) {
        sum += value.value;
      }
    }
  }
  return sum;
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe.skipIf(!infra.ok)(
  `a periodic job on replicas sharing MySQL${infra.ok ? '' : ` (${infra.reason})`}`,
  () => {
    let database: TestDatabase;
    let replicas: Replica[];

    beforeAll(async () => {
      database = await createTestDatabase('mysql', 'periodic_job');
      replicas = await Promise.all(
        [1, 2].map(async () => ({
          orm: await openDatabase({ config: database.config, entities: [] }),
          registry: new Registry(),
        })),
      );
    });

    afterAll(async () => {
      for (const { orm } of replicas ?? []) await orm.close();
      await database?.drop();
    });

    it('skips a tick while another replica holds the lease, and counts both', async () => {
      const [a, b] = replicas as [Replica, Replica];
      const running = gate();
      const finish = gate();
      const first = jobOn(a, async () => {
        running.open();
        await finish.opened;
        return { expired: 2 };
      });
      const second = jobOn(b, async () => ({ expired: 1 }));

      const firstRun = first.runOnce();
      await running.opened;
      await expect(second.runOnce()).resolves.toBe('skipped');
      finish.open();
      await expect(firstRun).resolves.toBe('ran');
      await expect(second.runOnce()).resolves.toBe('ran');

      expect(await total([a], 'shop_job_runs_total', { outcome: 'ran' })).toBe(1);
      expect(await total([b], 'shop_job_runs_total', { outcome: 'ran' })).toBe(1);
      expect(await total([b], 'shop_job_runs_total', { outcome: 'skipped' })).toBe(1);
      expect(await total(replicas, 'shop_job_runs_total', { outcome: 'failed' })).toBe(0);
      expect(
        await total(replicas, 'shop_job_items_total', { job: 'sweeper', action: 'expired' }),
      ).toBe(3);
    });

    it('never runs the work on two replicas at once over many ticks', async () => {
      const fresh = replicas.map((replica) => ({ ...replica, registry: new Registry() }));
      let concurrent = 0;
      let maxConcurrent = 0;
      let runs = 0;
      const work = async (): Promise<JobCounts> => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await sleep(10);
        concurrent--;
        runs++;
        return { touched: 1 };
      };
      const jobs = fresh.map((replica) => jobOn(replica, work, { name: 'busy-sweeper' }));
      for (const job of jobs) job.start();
      await waitFor(
        'both replicas to have run and skipped',
        async () =>
          runs >= 40 &&
          (await total(fresh, 'shop_job_runs_total', { outcome: 'skipped' })) >= 5 &&
          (await total(fresh.slice(0, 1), 'shop_job_runs_total', { outcome: 'ran' })) > 0 &&
          (await total(fresh.slice(1), 'shop_job_runs_total', { outcome: 'ran' })) > 0,
        { timeoutMs: 20_000, intervalMs: 50 },
      );
      await Promise.all(jobs.map((job) => job.stop()));

      expect(maxConcurrent).toBe(1);
      // Every run the work made was counted once, on the replica that made it.
      expect(await total(fresh, 'shop_job_runs_total', { outcome: 'ran' })).toBe(runs);
      expect(await total(fresh, 'shop_job_items_total', { action: 'touched' })).toBe(runs);
      expect(await total(fresh, 'shop_job_runs_total', { outcome: 'failed' })).toBe(0);
    });
  },
);

describe('a periodic job on the embedded database', () => {
  let database: TestDatabase;
  let replica: Replica;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', 'periodic_job');
    replica = {
      orm: await openDatabase({ config: database.config, entities: [] }),
      registry: new Registry(),
    };
  });

  afterAll(async () => {
    await replica?.orm.close();
    await database?.drop();
  });

  it('runs every tick (one process, no lease) and counts what each run changed', async () => {
    let runs = 0;
    const job = jobOn(replica, async () => ({ expired: ++runs % 2, settled: 0 }), {
      name: 'embedded',
    });
    for (let i = 0; i < 4; i++) await expect(job.runOnce()).resolves.toBe('ran');
    const embedded = { job: 'embedded' };
    expect(await total([replica], 'shop_job_runs_total', { ...embedded, outcome: 'ran' })).toBe(4);
    expect(await total([replica], 'shop_job_items_total', { ...embedded, action: 'expired' })).toBe(
      2,
    );
    expect(await total([replica], 'shop_job_items_total', { ...embedded, action: 'settled' })).toBe(
      0,
    );
  });

  it('counts a failed run, logs it, and runs again at the next tick', async () => {
    const errors: unknown[] = [];
    const watched = createLogger('periodic-job-test', { level: 'error' });
    watched.error = ((object: unknown) => void errors.push(object)) as typeof watched.error;
    let calls = 0;
    const job = jobOn(
      replica,
      async () => {
        calls++;
        if (calls === 1) throw new Error('the database is away');
        return { expired: 1 };
      },
      {
        name: 'flaky',
        logger: watched,
        intervalMs: 10,
      },
    );
    job.start();
    await waitFor('a run after the failed one', () => calls >= 2);
    await job.stop();
    const flaky = { job: 'flaky' };
    expect(await total([replica], 'shop_job_runs_total', { ...flaky, outcome: 'failed' })).toBe(1);
    expect(
      await total([replica], 'shop_job_runs_total', { ...flaky, outcome: 'ran' }),
    ).toBeGreaterThanOrEqual(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ job: 'flaky' });
  });

  it('drops ticks that come while a run is still going instead of queueing them', async () => {
    // The job's own clock, advanced by hand: the ticks are counted, not waited for.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let runs = 0;
      let finish = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const job = jobOn(
        replica,
        async () => {
          runs++;
          await finished;
          return {};
        },
        { name: 'slow', intervalMs: 5, metrics: undefined, orm: undefined },
      );
      job.start();
      vi.advanceTimersByTime(250);
      // About fifty ticks came while the first run was going; none of them started another.
      expect(runs).toBe(1);
      finish();
      await job.stop();
      expect(runs).toBeLessThanOrEqual(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
