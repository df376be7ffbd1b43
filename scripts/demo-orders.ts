// The demo catalogue's first start also gets a demo shopper with a few paid orders, so the admin's
// dashboard has orders to ship and a day's sales to show. Through the router and the PG sandbox,
// as a shopper's browser does: nothing is written behind the services' backs.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@shop/kit';
import { authorizeInSandbox } from '@shop/pg-sandbox';

export const demoShopper = {
  email: 'demo.shopper@example.com',
  password: 'demo shopper password',
  name: '데모 고객',
};

const address = {
  recipient: '데모 고객',
  phone: '010-1234-5678',
  postalCode: '04524',
  line1: '서울 중구 세종대로 110',
};

const orders = 3;

interface Answer {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: { message: string }[];
}

/** The router, as the demo shopper's browser calls it; every call ends when `signal` aborts. */
type Call = (
  query: string,
  variables?: object,
  token?: string,
) => Promise<NonNullable<Answer['data']>>;

function callerOf(routerUrl: string, signal?: AbortSignal): Call {
  return async (query, variables = {}, token) => {
    const response = await fetch(routerUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const answer = (await response.json()) as Answer;
    if (answer.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
    return answer.data!;
  };
}

type Shopper = typeof demoShopper;

async function sessionOf(call: Call, shopper: Shopper): Promise<string> {
  const signedUp = await call(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { __typename ... on AuthSession { accessToken } } }`,
    { input: shopper },
  );
  if (signedUp.signUp!.__typename === 'AuthSession') return signedUp.signUp!.accessToken as string;
  const { email, password } = shopper;
  const login = await call(
    `mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthSession { accessToken } } }`,
    { input: { email, password } },
  );
  if (login.login!.__typename !== 'AuthSession')
    throw new Error(`the demo shopper cannot sign in: ${String(login.login!.__typename)}`);
  return login.login!.accessToken as string;
}

/** The first SKU in stock of the first products listed, once the catalogue is searchable. */
async function skusOnSale(
  call: Call,
  count: number,
  waitMs: number,
  signal?: AbortSignal,
): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    // In stock only: the best sellers come first, and where they are sold out (a busy shop, or
    // the databases the real-service tests share) the first page would offer nothing to order.
    const listed = await call(
      `query ($first: Int) {
        products(first: $first, search: { inStockOnly: true }) { nodes { skus { id available } } }
      }`,
      { first: count * 3 },
    );
    const nodes = listed.products!.nodes as { skus: { id: string; available: number }[] }[];
    const skus = nodes.flatMap((node) => node.skus.find((sku) => sku.available > 0)?.id ?? []);
    if (skus.length >= count) return skus.slice(0, count);
    if (Date.now() > deadline) throw new Error('no demo products to order from');
    await sleep(2_000, undefined, { signal });
  }
}

/**
 * Places and pays the demo shopper's orders. Idempotent: each order has a fixed key, so a start
 * interrupted halfway (`signal`: the shop is stopping) finishes them next time, and a shop that
 * has them changes nothing.
 */
export async function seedDemoOrders(
  deps: { routerUrl: string; pgUrl: string; logger: Logger; signal?: AbortSignal },
  { shopper = demoShopper, catalogueWaitMs = 15 * 60_000 } = {},
): Promise<void> {
  const { pgUrl, logger, signal } = deps;
  const call = callerOf(deps.routerUrl, signal);
  const token = await sessionOf(call, shopper);
  const skus = await skusOnSale(call, orders, catalogueWaitMs, signal);
  let paid = 0;
  for (const [index, skuId] of skus.entries()) {
    const placed = await call(
      `mutation ($input: CreateOrderInput!) { createOrder(input: $input) {
        __typename ... on Order { id status orderName totalAmount } ... on ErrorResult { message } } }`,
      {
        input: {
          lines: [{ skuId, quantity: 1 + (index % 2) }],
          shippingAddress: address,
          idempotencyKey: `demo-order-${index + 1}`,
        },
      },
      token,
    );
    const order = placed.createOrder as {
      __typename: string;
      id: string;
      status: string;
      orderName: string;
      totalAmount: number;
      message?: string;
    };
    if (order.__typename !== 'Order') throw new Error(`demo order refused: ${order.message}`);
    if (order.status !== 'PENDING') continue;
    // The sandbox's hosted page, as the shopper's browser would have it approve the card.
    signal?.throwIfAborted();
    const paymentKey = await authorizeInSandbox(pgUrl, {
      orderId: order.id,
      orderName: order.orderName,
      amount: order.totalAmount,
    });
    const confirmed = await call(
      `mutation ($input: ConfirmPaymentInput!) { confirmPayment(input: $input) {
        __typename ... on ErrorResult { message } } }`,
      { input: { orderId: order.id, paymentKey, amount: order.totalAmount } },
      token,
    );
    if (confirmed.confirmPayment!.__typename !== 'Payment')
      throw new Error(`demo payment refused: ${String(confirmed.confirmPayment!.message)}`);
    paid++;
  }
  if (paid > 0) logger.info({ paid, shopper: shopper.email }, 'demo orders placed and paid');
}
