import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { oldestAgeGauge, type OldestRow } from '../../src/ops/oldest-age-gauge.js';

describe('oldestAgeGauge', () => {
  it('ages the oldest row of each label set at each scrape, 0 when none waits', async () => {
    const registry = new Registry();
    let rows: OldestRow<'kind'>[] = [
      [{ kind: 'payment' }, new Date(Date.now() - 90_000)],
      [{ kind: 'refund' }, undefined],
    ];
    oldestAgeGauge(registry, {
      name: 'test_oldest_age_seconds',
      help: 'Age of the oldest test row',
      labelNames: ['kind'],
      oldest: async () => rows,
    });
    const samples = async () =>
      Object.fromEntries(
        (await registry.getSingleMetric('test_oldest_age_seconds')!.get()).values.map((sample) => [
          sample.labels.kind,
          sample.value,
        ]),
      );

    const first = await samples();
    expect(first.payment).toBeGreaterThanOrEqual(90);
    expect(first.refund).toBe(0);

    // A label set no longer reported leaves no stale value; a clock ahead of the row's is 0.
    rows = [[{ kind: 'payment' }, new Date(Date.now() + 5_000)]];
    expect(await samples()).toEqual({ payment: 0 });
  });
});
