// Completed purchases per second end to end — createOrder, the PG's hosted payment (sandbox),
// confirmPayment — through the router at several numbers of concurrent buyers, then an oversell
// check: 300 buyers for 50 units must make exactly 50 PAID orders and leave the stock at zero.
// First, one buyer's purchases one after another give the SQL statements a purchase costs.
import { randomUUID } from 'node:crypto';
import { authorizeInSandbox } from '@shop/pg-sandbox';
import { graphqlRequest } from '@shop/testkit';
import { formatMs, quantile, timesOf } from '../percentiles.js';
import { freshDatabaseEnv } from '../baseline/baseline-databases.js';
import { benchEventsEnv, cpuMsOf, startShopProcess, type ShopProcess } from '../shop-process.js';
import {
  formatStatements,
  statementsPerPurchase,
  type StatementCounts,
} from '../statements-per-purchase.js';
import { stockLedgerSum } from '../stock-ledger.js';

/**
 * The shop's settings for this section: 300 buyers at once on one core queue for many seconds, so
 * timeouts are generous and the oversell check sees every purchase through (as the e2e test does).
 */
export const checkoutShopEnv = {
  SHOP_SUBGRAPH_TIMEOUT_MS: '120000',
  SHOP_INTERNAL_TIMEOUT_MS: '60000',
  SHOP_PG_TIMEOUT_MS: '60000',
  // More than twice the PG's timeout, as payment requires.
  SHOP_PAYMENT_RECOVER_AFTER_MS: '150000',
};

/**
 * A shop for this section, on fresh databases named after `label` (no catalogue: the section makes
 * its own products), started from `root` (this checkout unless given).
 */
export async function startCheckoutShop(
  label: string,
  {
    root,
    args = [],
    env = {},
  }: { root?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<ShopProcess> {
  return startShopProcess(
    {
      SHOP_INFRA: 'real',
      SHOP_SEED_DEMO: 'false',
      ...benchEventsEnv,
      ...checkoutShopEnv,
      ...(await freshDatabaseEnv(label)),
      ...env,
    },
    0,
    { root, args },
  );
}

export interface CheckoutRow {
  buyers: number;
  purchasesPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /**
   * The shop's CPU time (every process, user and system) over the timed purchases, per purchase:
   * what a purchase costs the core, which swings far less between runs than purchases/s does on a
   * machine whose other core runs MariaDB, Kafka and OpenSearch.
   */
  cpuMsPerPurchase: number;
}
export interface OversellCheck {
  buyers: number;
  units: number;
  paid: number;
  outOfStock: number;
  /** Any other outcome, by what the buyer was told. */
  others: Record<string, number>;
  onHand: number;
  reserved: number;
  movements: number;
  conserved: boolean;
}
export interface CheckoutFigures {
  seconds: number;
  statements: StatementCounts;
  rows: CheckoutRow[];
  oversell: OversellCheck;
}

export const ops = {
  signUp: `mutation($input: SignUpInput!) { signUp(input: $input) { ... on AuthSession { userId accessToken } } }`,
  category: `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { ... on Category { id } } }`,
  product: `mutation($input: CreateProductInput!) { createProduct(input: $input) { ... on Product { id skus { id } } } }`,
  order: `mutation($input: CreateOrderInput!) { createOrder(input: $input) { __typename ... on Order { id totalAmount } } }`,
  confirm: `mutation($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { __typename ... on PaymentFailed { errorCode } } }`,
  stock: `query($id: ID!) { sku(id: $id) { onHand reserved } }`,
};
const address = {
  recipient: '벤치',
  phone: '010-0000-0000',
  postalCode: '04524',
  line1: '서울 중구 세종대로 110',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads known shapes
type Data = Record<string, any>;

export async function gql(
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

/** createOrder's input for one unit of a SKU, under a new idempotency key. */
export const oneUnitOrder = (skuId: string) => ({
  lines: [{ skuId, quantity: 1 }],
  shippingAddress: address,
  idempotencyKey: randomUUID(),
});

/** One purchase as a shopper makes it; resolves with PAID or why not. */
export async function purchase(shop: ShopProcess, token: string, skuId: string): Promise<string> {
  const placed = (await gql(shop, ops.order, { input: oneUnitOrder(skuId) }, token)).createOrder;
  if (placed.__typename !== 'Order') return placed.__typename;
  const paymentKey = await authorizeInSandbox(shop.pgUrl, {
    orderId: placed.id,
    orderName: '벤치 주문',
    amount: placed.totalAmount,
  });
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

export async function newSku(shop: ShopProcess, admin: string, stock: number): Promise<string> {
  return (await newProduct(shop, admin, stock)).skuId;
}

export const benchProductPrice = 12_900;

/** A new active product of one SKU at `benchProductPrice`, in a category of its own. */
export async function newProduct(
  shop: ShopProcess,
  admin: string,
  stock: number,
  name = '벤치 상품',
): Promise<{ productId: string; skuId: string }> {
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
        name,
        categoryId: category,
        status: 'ACTIVE',
        basePrice: benchProductPrice,
        initialStock: stock,
      },
    },
    admin,
  );
  return { productId: product.createProduct.id, skuId: product.createProduct.skus[0].id };
}

/** `count` new shoppers' access tokens, `concurrency` sign-ups at a time (each hashes a password). */
export async function signUpShoppers(
  shop: ShopProcess,
  count: number,
  concurrency = 1,
): Promise<string[]> {
  console.error(`  signing up ${count} shoppers…`);
  const tokens: string[] = [];
  const signUpNext = async (): Promise<void> => {
    while (tokens.length < count) {
      tokens.push('');
      const slot = tokens.length - 1;
      const input = {
        email: `bench.${randomUUID().slice(0, 8)}@example.com`,
        password: 'bench shopper password',
        name: '벤치',
      };
      tokens[slot] = (await gql(shop, ops.signUp, { input })).signUp.accessToken as string;
      if ((slot + 1) % 500 === 0) console.error(`  ${slot + 1} signed up`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, signUpNext));
  return tokens;
}

/**
 * After buyers of one SKU are done: its stock, the sum of its movements, how many paid, and every
 * other outcome than PAID or OutOfStock, by what the buyer was told.
 */
export async function saleOutcome(
  shop: ShopProcess,
  admin: string,
  skuId: string,
  outcomes: string[],
): Promise<{ sku: Data; movements: number; paid: number; others: Record<string, number> }> {
  const sku = (await gql(shop, ops.stock, { id: skuId }, admin)).sku;
  const movements = await stockLedgerSum(shop, skuId);
  const others: Record<string, number> = {};
  for (const outcome of outcomes)
    if (outcome !== 'PAID' && outcome !== 'OutOfStock')
      others[outcome.slice(0, 120)] = (others[outcome.slice(0, 120)] ?? 0) + 1;
  return { sku, movements, paid: outcomes.filter((outcome) => outcome === 'PAID').length, others };
}

export async function measureCheckout(
  shop: ShopProcess,
  admin: string,
  { seconds, buyerCounts = [1, 8, 32] }: { seconds: number; buyerCounts?: number[] },
): Promise<CheckoutFigures> {
  const most = Math.max(...buyerCounts);
  const shoppers = await signUpShoppers(shop, most);

  console.error('  SQL statements per purchase…');
  const counted = await newSku(shop, admin, 1_000_000);
  const buy = () => purchase(shop, shoppers[0]!, counted);
  for (let i = 0; i < 3; i++) await buy(); // warm-up: plans, JIT, pools
  const statements = await statementsPerPurchase(shop, 50, buy);

  const rows: CheckoutRow[] = [];
  for (const buyers of buyerCounts) {
    const skuId = await newSku(shop, admin, 1_000_000);
    const latencies: number[] = [];
    let failed = 0;
    // Warm-up: plans, JIT, pools.
    await Promise.all(shoppers.slice(0, buyers).map((token) => purchase(shop, token, skuId)));
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const cpuAtStart = cpuMsOf(shop.pid);
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
    const cpuMs = cpuMsOf(shop.pid) - cpuAtStart;
    rows.push({
      buyers,
      purchasesPerSecond: latencies.length / elapsed,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      failed,
      cpuMsPerPurchase: cpuMs / Math.max(1, latencies.length),
    });
    console.error(`  ${buyers} buyers: ${latencies.length} purchases in ${elapsed.toFixed(1)} s`);
  }

  console.error('  oversell check: 300 buyers, 50 units…');
  const units = 50;
  const scarce = await newSku(shop, admin, units);
  const outcomes = await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      purchase(shop, shoppers[i % shoppers.length]!, scarce).catch((e: Error) => e.message),
    ),
  );
  const { sku, movements, paid, others } = await saleOutcome(shop, admin, scarce, outcomes);
  return {
    seconds,
    statements,
    rows,
    oversell: {
      buyers: outcomes.length,
      units,
      paid,
      outOfStock: outcomes.filter((outcome) => outcome === 'OutOfStock').length,
      others,
      onHand: sku.onHand,
      reserved: sku.reserved,
      movements,
      // Σ movements = the initial stock in, every sale out: zero once all of it is sold.
      conserved: paid === units && sku.onHand === 0 && sku.reserved === 0 && movements === 0,
    },
  };
}

export function checkoutReport({ seconds, statements, rows, oversell }: CheckoutFigures): string {
  const lines = [
    `SQL statements per purchase (50 by one buyer, the idle shop's polls subtracted): ${formatStatements(statements)}.`,
    '',
    `Each buyer purchases back to back for ${seconds} s after a warm-up.`,
    '',
    '| concurrent buyers | purchases/s | vs 1 buyer | p50 purchase | p99 purchase | shop CPU per purchase | failed |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.buyers} | ${row.purchasesPerSecond.toFixed(1)} | ${(row.purchasesPerSecond / rows[0]!.purchasesPerSecond).toFixed(2)}× | ${formatMs(row.p50)} | ${formatMs(row.p99)} | ${formatMs(row.cpuMsPerPurchase)} | ${row.failed} |`,
    ),
    '',
    `Oversell check (${oversell.buyers} buyers, ${oversell.units} units): ${oversell.paid} PAID, ${oversell.outOfStock} OutOfStock, ` +
      `${oversell.buyers - oversell.paid - oversell.outOfStock} other; stock onHand ${oversell.onHand}, reserved ${oversell.reserved}, ` +
      `Σ movements ${oversell.movements} → ${oversell.conserved ? 'OK' : 'VIOLATED'}`,
    ...Object.entries(oversell.others).map(([outcome, count]) => `- ${count} × ${outcome}`),
  ];
  return lines.join('\n');
}

/**
 * Table rows of this commit's figures against a baseline's from the same run (`| figure | theirs |
 * ours | ratio |`), each figure's name after `prefix`.
 */
export function checkoutComparisonRows(
  ours: CheckoutFigures,
  base: CheckoutFigures,
  prefix = '',
): string[] {
  const lines = [
    `| ${prefix}SQL statements per purchase | ${base.statements.total.toFixed(0)} | ${ours.statements.total.toFixed(0)} | ${timesOf(ours.statements.total, base.statements.total)} |`,
  ];
  for (const row of base.rows) {
    const mine = ours.rows.find((candidate) => candidate.buyers === row.buyers)!;
    lines.push(
      `| ${prefix}${row.buyers} buyers: purchases/s | ${row.purchasesPerSecond.toFixed(1)} | ${mine.purchasesPerSecond.toFixed(1)} | ${timesOf(mine.purchasesPerSecond, row.purchasesPerSecond)} |`,
      `| ${prefix}${row.buyers} buyers: p99 | ${formatMs(row.p99)} | ${formatMs(mine.p99)} | ${timesOf(mine.p99, row.p99)} |`,
      `| ${prefix}${row.buyers} buyers: shop CPU per purchase | ${formatMs(row.cpuMsPerPurchase)} | ${formatMs(mine.cpuMsPerPurchase)} | ${timesOf(mine.cpuMsPerPurchase, row.cpuMsPerPurchase)} |`,
    );
  }
  return lines;
}
