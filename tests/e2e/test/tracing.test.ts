import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import { localZipkinUrl } from '@shop/kit/tracing';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { serviceOf, zipkinTrace, type ZipkinSpan } from '../src/zipkin-traces.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch', 'zipkin']);

/** Every service a paid purchase passes through, as Zipkin names them. */
const purchaseServices = ['router', 'order', 'promotion', 'product', 'user', 'payment'];

describe('one trace per purchase, in Zipkin (real services)', () => {
  if (!infra.ok) {
    it.skip(`needs the real services and Zipkin: ${infra.reason}`, () => {});
    return;
  }
  let shop: ShopUnderTest;
  let zipkinUrl: string;

  beforeAll(async () => {
    shop = await startShop({
      SHOP_INFRA: 'real',
      SHOP_TRACING: 'zipkin',
      SHOP_TRACE_SAMPLE_RATIO: '1',
    });
    zipkinUrl = shop.shop.runtime.config.SHOP_ZIPKIN_URL ?? localZipkinUrl;
  });

  afterAll(async () => {
    await shop?.stop();
  });

  it('follows a purchase from the router through the services, the PG and Kafka to settlement', async () => {
    const given = checkoutFixtures(shop);
    const skuId = await given.skuOnSale(25_000, 5);
    const buyer = await given.customer(1_000);
    const couponId = await given.coupon(buyer.token, { kind: 'FIXED', value: 2_000 });

    // The customer's side of the purchase in one span, as a traced storefront would send it: the
    // router continues its traceparent, so the purchase's trace id is known here.
    const traceId = await trace
      .getTracer('e2e')
      .startActiveSpan('purchase', { attributes: { 'service.name': 'e2e' } }, async (span) => {
        const order = (
          await given.order(buyer.token, {
            lines: [{ skuId, quantity: 1 }],
            couponId,
            pointsToUse: 500,
          })
        ).data!.createOrder;
        expect(order.__typename).toBe('Order');
        const paymentKey = await given.authorize(order.id, order.totalAmount);
        const paid = (await given.confirm(buyer.token, order.id, paymentKey, order.totalAmount))
          .data!.confirmPayment;
        expect(paid).toMatchObject({ __typename: 'Payment', status: 'APPROVED' });
        span.end();
        return span.spanContext().traceId;
      });

    // Spans reach Zipkin in batches, in the order they end: once the purchase's own span (ended
    // after every request's) and settlement's (whenever Kafka delivered) are there, all are.
    const settledBy = (spans: ZipkinSpan[]) =>
      spans.find((span) => span.kind === 'CONSUMER' && serviceOf(span) === 'settlement');
    const spans = await waitFor(
      'the purchase trace, up to settlement, in Zipkin',
      async () => {
        const found = await zipkinTrace(zipkinUrl, traceId);
        const purchased = found.some((span) => span.name === 'purchase');
        return purchased && settledBy(found) ? found : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    const services = new Set(spans.map(serviceOf));
    for (const service of purchaseServices) expect(services).toContain(service);

    const byId = new Map(spans.map((span) => [span.id, span]));
    const parentOf = (span: ZipkinSpan) => (span.parentId ? byId.get(span.parentId) : undefined);

    // The gateway's fetch carried traceparent: each subgraph's request is a child of a router span.
    const orderRequest = spans.find(
      (span) => span.kind === 'SERVER' && serviceOf(span) === 'order',
    );
    expect(serviceOf(parentOf(orderRequest!)!)).toBe('router');

    // Payment's call to the PG sandbox, answered there.
    const pgCall = spans.find(
      (span) =>
        span.kind === 'CLIENT' &&
        serviceOf(span) === 'payment' &&
        span.tags?.['url.full']?.startsWith(`${shop.pg.url}/v1/payments/confirm`),
    );
    expect(pgCall).toBeDefined();

    // OrderPaid: sent to Kafka by order's relay, in the trace of the request that paid the order,
    // and handled by settlement as a child of that send.
    const consumed = settledBy(spans)!;
    expect(consumed.tags).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'order.events',
    });
    const sent = parentOf(consumed)!;
    expect(sent).toMatchObject({
      kind: 'PRODUCER',
      localEndpoint: { serviceName: 'order' },
      tags: { 'messaging.system': 'kafka', 'messaging.destination.name': 'order.events' },
    });
    expect(serviceOf(parentOf(sent)!)).toBe('order');
  });
});
