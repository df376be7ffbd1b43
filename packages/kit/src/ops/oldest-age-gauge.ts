import { Gauge, type Registry } from 'prom-client';

/** The oldest waiting row's timestamp for one label set; none when nothing waits. */
export type OldestRow<L extends string> = [labels: Record<L, string>, since: Date | undefined];

export interface OldestAgeGaugeOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  /** Read at each scrape: the label sets to report, with their oldest waiting row's timestamp. */
  oldest: () => Promise<OldestRow<L>[]>;
}

/**
 * A gauge of how long the oldest waiting row has waited, in seconds (0 when none waits), read from
 * the database at each scrape: work that stopped moving shows as an age that keeps growing.
 */
export function oldestAgeGauge<L extends string>(
  registry: Registry,
  options: OldestAgeGaugeOptions<L>,
): Gauge<L> {
  const { name, help, labelNames, oldest } = options;
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      const rows = await oldest();
      const now = Date.now();
      // Only the label sets read now: one no longer reported leaves no stale value.
      this.reset();
      for (const [labels, since] of rows)
        this.set(labels, since ? Math.max(0, (now - since.getTime()) / 1000) : 0);
    },
  });
}
