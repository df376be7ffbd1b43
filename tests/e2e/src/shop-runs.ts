import { describe, it } from 'vitest';
import { probeInfra } from '@shop/testkit';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

/** One of the two shops every system test runs against. */
export interface ShopRun {
  name: string;
  /** What starts the shop this way (`startShop(env)`). */
  env: Record<string, string>;
}

/** Each run with why it cannot run here, if it cannot (probeInfra throws instead under CI). */
export const shopRuns: (ShopRun & { skip: string | undefined })[] = [
  { name: 'embedded', env: {}, skip: undefined },
  {
    name: 'real services',
    env: { SHOP_INFRA: 'real' },
    skip: infra.ok ? undefined : `the real services: ${infra.reason}`,
  },
];

/** A suite run twice, on the embedded shop and on the real services: `title (embedded)`, … */
export function describeOnEachShop(
  title: string,
  suite: (run: ShopRun) => void,
  runs: (ShopRun & { skip: string | undefined })[] = shopRuns,
): void {
  describe.each(runs)(`${title} ($name)`, ({ name, env, skip }) => {
    if (skip) {
      it.skip(`needs ${skip}`, () => {});
      return;
    }
    suite({ name, env });
  });
}
