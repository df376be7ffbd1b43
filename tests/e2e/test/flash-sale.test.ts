import { afterAll, beforeAll, describe, it } from 'vitest';
import { probeInfra } from '@shop/testkit';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { firstComeSale } from '../src/first-come-sale.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);
const runs = [
  { name: 'embedded', env: {}, skip: false },
  { name: 'real services', env: { SHOP_INFRA: 'real' }, skip: !infra.ok },
];

describe.each(runs)('a first-come sale ($name)', ({ env, skip }) => {
  if (skip) {
    it.skip(`needs the real services: ${infra.reason}`, () => {});
    return;
  }
  let shop: ShopUnderTest;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    shop = await startShop({
      ...env,
      // Many buyers at once on two cores: the test is about who gets a unit, not about latency.
      SHOP_SUBGRAPH_TIMEOUT_MS: '60000',
      SHOP_INTERNAL_TIMEOUT_MS: '30000',
    });
    given = checkoutFixtures(shop);
  }, 180_000);

  afterAll(async () => {
    await shop?.stop();
  });

  it('sells each unit once; once they are gone the gate answers without an order row; a unit let go is sold again', async () => {
    await firstComeSale(shop, given);
  }, 240_000);
});
