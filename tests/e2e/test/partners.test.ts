import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '@shop/testkit';
import { createCategory, createProduct } from '../src/catalog-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import {
  createPartner,
  issuePartnerKey,
  manifestOf,
  partnerRequest,
  persisted,
  type PartnerResponse,
  registerPartnerManifest,
  revokePartnerKey,
} from '../src/partner-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

const productById = `query PartnerProduct($id: ID!) { product(id: $id) { id name minPrice } }`;
const brandList = `query PartnerBrands { brands { id name } }`;
const unlisted = `query PartnerCategories { categories { id name } }`;
const cacheTtlMs = 300;

describeOnEachShop('partners on persisted operations through the router', ({ env }) => {
  let shop: ShopUnderTest;
  let productId: string;
  const admin = (query: string, variables: Record<string, unknown>) =>
    shop.call(query, variables, shop.adminToken);

  /** A partner with a registered manifest and one key. */
  async function partner(name: string, rateLimitPerMinute: number) {
    const created = (
      await admin(createPartner, { input: { name: `${name} ${shop.runId}`, rateLimitPerMinute } })
    ).data!.createPartner;
    expect(created.__typename).toBe('Partner');
    const registered = (
      await admin(registerPartnerManifest, {
        partnerId: created.id,
        manifest: manifestOf({ PartnerProduct: productById, PartnerBrands: brandList }),
      })
    ).data!.registerPartnerManifest;
    expect(registered.operations).toHaveLength(2);
    const issued = (
      await admin(issuePartnerKey, {
        input: { partnerId: created.id, label: 'production', scopes: ['CATALOG_READ'] },
      })
    ).data!.issuePartnerKey;
    expect(issued.key).toMatch(/^shop_pk_/);
    expect(issued.partnerKey.prefix).toBe(issued.key.slice(0, 14));
    return { id: created.id as string, key: issued.key as string, keyId: issued.partnerKey.id };
  }

  beforeAll(async () => {
    shop = await startShop({ ...env, SHOP_PARTNER_CACHE_TTL_MS: String(cacheTtlMs) });
    const category = await shop.call(
      createCategory,
      { input: { name: '파트너', slug: `partner-${shop.runId}` } },
      shop.adminToken,
    );
    const product = await shop.call(
      createProduct,
      {
        input: {
          name: `파트너 상품 ${shop.runId}`,
          categoryId: category.data!.createCategory.id,
          status: 'ACTIVE',
          basePrice: 12_000,
          initialStock: 3,
        },
      },
      shop.adminToken,
    );
    productId = product.data!.createProduct.id;
  });

  afterAll(async () => {
    await shop?.stop();
  });

  it('answers a listed operation by id with the key, and refuses everything else clearly', async () => {
    const { key } = await partner('알파', 1000);
    const listed = await partnerRequest(
      shop.router.url,
      key,
      persisted(productById, { id: productId }),
    );
    expect(listed.status).toBe(200);
    expect(listed.data).toEqual({
      product: { id: productId, name: `파트너 상품 ${shop.runId}`, minPrice: 12_000 },
    });

    const refusals = {
      unlisted: await partnerRequest(shop.router.url, key, persisted(unlisted)),
      freeForm: await partnerRequest(shop.router.url, key, { query: brandList }),
      freeFormWithId: await partnerRequest(shop.router.url, key, {
        ...persisted(brandList),
        query: unlisted,
      }),
      wrongKey: await partnerRequest(shop.router.url, `${key}x`, persisted(brandList)),
      withToken: await partnerRequest(shop.router.url, key, persisted(brandList), {
        authorization: `Bearer ${shop.adminToken}`,
      }),
    };
    const codes = Object.fromEntries(
      Object.entries(refusals).map(([name, response]) => [
        name,
        [response.status, response.errors?.[0]?.extensions?.code],
      ]),
    );
    expect(codes).toEqual({
      unlisted: [400, 'PERSISTED_QUERY_NOT_LISTED'],
      freeForm: [400, 'PERSISTED_QUERY_REQUIRED'],
      freeFormWithId: [400, 'PERSISTED_QUERY_REQUIRED'],
      wrongKey: [401, 'PARTNER_KEY_INVALID'],
      withToken: [400, 'BAD_REQUEST'],
    });
    expect(refusals.unlisted.errors![0]!.message).toMatch(/not in your registered manifest/);
    expect(refusals.unlisted.data).toBeUndefined();
  });

  it('stops a revoked key within the cache time', async () => {
    const { key, keyId } = await partner('브라보', 1000);
    expect((await partnerRequest(shop.router.url, key, persisted(brandList))).status).toBe(200);
    const revoked = (await admin(revokePartnerKey, { id: keyId })).data!.revokePartnerKey;
    expect(revoked.revokedAt).not.toBeNull();
    const refused = await waitFor(
      'the revocation to reach the router',
      async () => {
        const response = await partnerRequest(shop.router.url, key, persisted(brandList));
        return response.status === 401 && response;
      },
      { timeoutMs: cacheTtlMs * 10, intervalMs: 50 },
    );
    expect((refused as PartnerResponse).errors![0]!.extensions).toMatchObject({
      code: 'PARTNER_KEY_INVALID',
      reason: 'REVOKED',
    });
  });

  it('limits each partner on its own budget: one exhausted, another unaffected', async () => {
    const small = await partner('찰리', 5);
    const large = await partner('델타', 1000);
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await partnerRequest(shop.router.url, small.key, persisted(brandList))).status,
      );
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await partnerRequest(shop.router.url, small.key, persisted(brandList));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const others = await Promise.all(
      Array.from({ length: 10 }, () =>
        partnerRequest(shop.router.url, large.key, persisted(brandList)),
      ),
    );
    expect(others.map((response) => response.status)).toEqual(Array(10).fill(200));
    // Usage per partner, on the router's metrics.
    const metrics = await (await fetch(shop.router.metricsUrl)).text();
    expect(metrics).toMatch(
      new RegExp(
        `router_partner_requests_total\\{partner="델타 ${shop.runId}",outcome="success"\\} 10`,
      ),
    );
    expect(metrics).toMatch(
      new RegExp(
        `router_partner_requests_total\\{partner="찰리 ${shop.runId}",outcome="rate_limited"\\} 3`,
      ),
    );
  });

  it('registers only operations open to partners, with ids that are their bodies’ hashes', async () => {
    const { id } = await partner('에코', 1000);
    const private_ = (
      await admin(registerPartnerManifest, {
        partnerId: id,
        manifest: manifestOf({ Me: `query Me { me { id } }`, PartnerBrands: brandList }),
      })
    ).data!.registerPartnerManifest;
    expect(private_.issues).toEqual([
      { field: 'operations.0.body', message: 'Query.me is not open to partners' },
    ]);
    const lying = JSON.parse(manifestOf({ PartnerBrands: brandList }));
    lying.operations[0].body = unlisted;
    const mismatched = (
      await admin(registerPartnerManifest, { partnerId: id, manifest: JSON.stringify(lying) })
    ).data!.registerPartnerManifest;
    expect(mismatched.issues).toEqual([
      { field: 'operations.0.id', message: 'id is not the SHA-256 of body' },
    ]);
    const customer = await checkoutFixtures(shop).customer();
    const asCustomer = await shop.call(
      registerPartnerManifest,
      { partnerId: id, manifest: manifestOf({ PartnerBrands: brandList }) },
      customer.token,
    );
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
