// Completed purchases per second end to end — createOrder, the PG's hosted payment (sandbox),
// confirmPayment — through the router, at 1, 8 and 32 concurrent buyers, then an oversell check:
// 300 buyers for 50 units must make exactly 50 PAID orders and leave the stock at zero.
//   pnpm bench:checkout [--seconds 10] [--infra real|embedded]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { bootstrapAdmin } from '@shop/auth/admin';
import { applyInfraEnv } from '@shop/infra';
import { graphqlRequest } from '@shop/testkit';
import { formatMs, quantile } from './percentiles.js';
import { startShopProcess, type ShopProcess } from './shop-process.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    infra: { type: 'string', default: 'real' },
  },
});
const seconds = Number(values.seconds);
const real = values.infra === 'real';
if (real && !applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

const ops = {
  signUp: `mutation($input: SignUpInput!) { signUp(input: $input) { ... on AuthSession { userId accessToken } } }`,
  login: `mutation($input: LoginInput!) { login(input: $input) { ... on AuthSession { accessToken } } }`,
  category: `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { ... on Category { id } } }`,
  product: `mutation($input: CreateProductInput!) { createProduct(input: $input) { ... on Product { skus { id } } } }`,
  order: `mutation($input: CreateOrderInput!) { createOrder(input: $input) { __typename ... on Order { id totalAmount } } }`,
  confirm: `mutation($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { __typename ... on PaymentFailed { errorCode } } }`,
  stock: `query($id: ID!) { sku(id: $id) { onHand reserved stockMovements(first: 100) { quantity } } }`,
};
const address = {
  recipient: '벤치',
  phone: '010-0000-0000',
  postalCode: '04524',
  line1: '서울 중구 세종대로 110',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads known shapes
type Data = Record<string, any>;

async function gql(
  shop: ShopProcess,
  query: string,
  variables: object,
  token?: string,
): Promise<Data> {
  const result = await graphqlRequest<Data>(shop.routerUrl, query, {
    variables: variables as Record<string, unknown>,
    token,
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors[0]));
  return result.data!;
}

/** One purchase as a shopper makes it; resolves with PAID or why not. */
async function purchase(shop: ShopProcess, token: string, skuId: string): Promise<string> {
  const input = {
    lines: [{ skuId, quantity: 1 }],
    shippingAddress: address,
    idempotencyKey: randomUUID(),
  };
  const placed = (await gql(shop, ops.order, { input }, token)).createOrder;
  if (placed.__typename !== 'Order') return placed.__typename;
  const pg = await fetch(`${shop.pgUrl}/v1/sandbox/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      orderId: placed.id,
      orderName: '벤치 주문',
      amount: placed.totalAmount,
      card: 'NORMAL',
    }),
  });
  const { paymentKey } = (await pg.json()) as { paymentKey: string };
  const confirmed = (
    await gql(
      shop,
      ops.confirm,
      { input: { orderId: placed.id, paymentKey, amount: placed.totalAmount } },
      token,
    )
  ).confirmPayment;
  return confirmed.__typename === 'Payment' ? 'PAID' : confirmed.errorCode;
}

async function newSku(shop: ShopProcess, admin: string, stock: number): Promise<string> {
  const category = (
    await gql(
      shop,
      ops.category,
      { input: { name: '벤치', slug: `bench-${randomUUID().slice(0, 8)}` } },
      admin,
    )
  ).createCategory.id;
  const product = await gql(
    shop,
    ops.product,
    {
      input: {
        name: '벤치 상품',
        categoryId: category,
        status: 'ACTIVE',
        basePrice: 12_900,
        initialStock: stock,
      },
    },
    admin,
  );
  return product.createProduct.skus[0].id;
}

console.error(`starting the shop (${real ? 'real services' : 'embedded'})…`);
const shop = await startShopProcess(
  { SHOP_INFRA: real ? 'real' : 'embedded', SHOP_SEED_DEMO: 'false' },
  0,
);
try {
  const adminEmail = `bench.admin.${randomUUID().slice(0, 8)}@example.com`;
  await bootstrapAdmin(shop.env, {
    email: adminEmail,
    password: 'bench admin password',
    name: 'Bench',
  });
  const admin = (
    await gql(shop, ops.login, { input: { email: adminEmail, password: 'bench admin password' } })
  ).login.accessToken as string;
  console.error('signing up 32 shoppers…');
  const shoppers: string[] = [];
  for (let i = 0; i < 32; i++) {
    const session = (
      await gql(shop, ops.signUp, {
        input: {
          email: `bench.${randomUUID().slice(0, 8)}@example.com`,
          password: 'bench shopper password',
          name: '벤치',
        },
      })
    ).signUp;
    shoppers.push(session.accessToken);
  }

  const rows: { buyers: number; rate: number; p50: number; p99: number; failed: number }[] = [];
  for (const buyers of [1, 8, 32]) {
    const skuId = await newSku(shop, admin, 1_000_000);
    const latencies: number[] = [];
    let failed = 0;
    // Warm-up: plans, JIT, pools.
    await Promise.all(shoppers.slice(0, buyers).map((token) => purchase(shop, token, skuId)));
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      shoppers.slice(0, buyers).map(async (token) => {
        while (performance.now() < deadline) {
          const begun = performance.now();
          const outcome = await purchase(shop, token, skuId).catch((error: Error) => error.message);
          if (outcome === 'PAID') latencies.push(performance.now() - begun);
          else failed++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    rows.push({
      buyers,
      rate: latencies.length / elapsed,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      failed,
    });
    console.error(`  ${buyers} buyers: ${latencies.length} purchases in ${elapsed.toFixed(1)} s`);
  }

  console.error('oversell check: 300 buyers, 50 units…');
  const scarce = await newSku(shop, admin, 50);
  const outcomes = await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      purchase(shop, shoppers[i % shoppers.length]!, scarce).catch((e: Error) => e.message),
    ),
  );
  const sku = (await gql(shop, ops.stock, { id: scarce }, admin)).sku;
  const movements = (sku.stockMovements as { quantity: number }[]).reduce(
    (sum, m) => sum + m.quantity,
    0,
  );
  const paid = outcomes.filter((outcome) => outcome === 'PAID').length;
  const outOfStock = outcomes.filter((outcome) => outcome === 'OutOfStock').length;

  console.log(
    `\n${real ? 'Real services' : 'Embedded'}; each buyer purchases back to back for ${seconds} s after a warm-up.\n`,
  );
  console.log(
    '| concurrent buyers | purchases/s | vs 1 buyer | p50 purchase | p99 purchase | failed |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const row of rows)
    console.log(
      `| ${row.buyers} | ${row.rate.toFixed(1)} | ${(row.rate / rows[0]!.rate).toFixed(2)}× | ${formatMs(row.p50)} | ${formatMs(row.p99)} | ${row.failed} |`,
    );
  const conserved = paid === 50 && sku.onHand === 0 && sku.reserved === 0 && movements === 0;
  console.log(
    `\nOversell check (300 buyers, 50 units): ${paid} PAID, ${outOfStock} OutOfStock, ${300 - paid - outOfStock} other; ` +
      `stock onHand ${sku.onHand}, reserved ${sku.reserved}, Σ movements ${movements} → ${conserved ? 'OK' : 'VIOLATED'}`,
  );
  if (!conserved) process.exitCode = 1;
} finally {
  await shop.stop();
}
