import { afterAll, beforeAll, it } from 'vitest';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { firstComeSale } from '../src/first-come-sale.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

describeOnEachShop('a first-come sale', ({ env }) => {
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

  it('sells each unit once; only as many buyers as units reach product, the others are answered at the gate without an order row; a unit let go is sold again', async () => {
    await firstComeSale(shop, given);
  }, 240_000);
});
