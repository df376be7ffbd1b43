import { Client } from '@opensearch-project/opensearch';
import { bootstrapAdmin } from '@shop/auth/admin';
import { startCarrierSandbox, type RunningCarrierSandbox } from '@shop/carrier-sandbox';
import { startPgSandbox, type RunningPgSandbox } from '@shop/pg-sandbox';
import { nameServiceOnPort } from '@shop/kit/tracing';
import { createRouter, type RunningRouter } from '@shop/router';
import { freePort, graphqlRequest, startServices, type StartedServices } from '@shop/testkit';
import { subgraphs } from '../../../scripts/subgraphs.js';

/** What a test needs to act as clients of a running shop, whichever way it runs. */
export interface ShopClient {
  pg: { url: string };
  /** A GraphQL call through the router, as a client makes it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the shapes
  call<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): ReturnType<typeof graphqlRequest<Data>>;
  /** An administrator's access token. */
  adminToken: string;
  /** Unique per run: names that must not collide with earlier runs on the real services. */
  runId: string;
}

export interface ShopUnderTest extends ShopClient {
  shop: StartedServices;
  router: RunningRouter;
  pg: RunningPgSandbox;
  carrier: RunningCarrierSandbox;
  /** The credentials the admin token was made with (for a browser). */
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

/** The secret the test carrier signs webhooks with, and delivery verifies them with. */
export const carrierWebhookSecret = 'test_carrier_webhook_secret';

/**
 * The outside world for a test shop (the PG and carrier sandboxes on free ports, quick), and the
 * settings that point the shop at them with limits no test run reaches. `pgAnswerDelayMs`: how
 * late the PG answers a TIMEOUT card's confirmation (approved at once either way).
 */
export async function startSandboxes({
  pgAnswerDelayMs = 3000,
}: { pgAnswerDelayMs?: number } = {}) {
  const pg = await startPgSandbox({ port: 0, timeoutDelayMs: pgAnswerDelayMs });
  const carrier = await startCarrierSandbox({
    port: 0,
    webhookSecret: carrierWebhookSecret,
    stepMs: 300,
  });
  // They share the test's process: a traced test names their requests' spans after them.
  nameServiceOnPort(pg.port, 'pg-sandbox');
  nameServiceOnPort(carrier.port, 'carrier-sandbox');
  const env = {
    SHOP_PG_URL: pg.url,
    SHOP_CARRIER_URL: carrier.url,
    SHOP_CARRIER_WEBHOOK_SECRET: carrierWebhookSecret,
    SHOP_PG_TIMEOUT_MS: '1000',
    SHOP_RATE_LIMIT_USER_PER_MINUTE: '100000',
    SHOP_RATE_LIMIT_IP_PER_MINUTE: '100000',
    SHOP_LOGIN_ATTEMPTS_PER_IP: '10000',
    // Every test shop signs in from 127.0.0.1; on the real services they count in one Redis.
    SHOP_LOGIN_IP_FAILURES_PER_DAY: '1000000',
  };
  return { pg, carrier, env };
}

const loginMutation = `mutation Login($input: LoginInput!) {
  login(input: $input) { __typename ... on AuthSession { accessToken } ... on ErrorResult { message } }
}`;

/**
 * Every subgraph this far and the router, embedded (`env` empty) or on the real services
 * (`SHOP_INFRA: 'real'`). Real runs get a search alias of their own, removed by `stop`.
 */
export async function startShop(
  env: Record<string, string | undefined> = {},
): Promise<ShopUnderTest> {
  const runId = Math.random().toString(36).slice(2, 10);
  const real = env.SHOP_INFRA === 'real';
  const alias = `test-catalog-${runId}`;
  const { pg, carrier, env: testEnv } = await startSandboxes();
  const shop = await startServices(subgraphs, {
    ...testEnv,
    ...(real ? { SHOP_CATALOG_INDEX_ALIAS: alias } : {}),
    ...env,
  });
  const router = await createRouter(shop.runtime, { port: await freePort() });
  const call: ShopUnderTest['call'] = (query, variables, token) =>
    graphqlRequest(router.url, query, { variables, token });

  const { adminToken, admin } = await signInAdmin(call, shop.runtime.env, runId);

  return {
    shop,
    router,
    pg,
    carrier,
    call,
    adminToken,
    admin,
    runId,
    stop: async () => {
      await router.stop();
      await shop.stop();
      await pg.stop();
      await carrier.stop();
      if (real) await dropSearchIndexes(shop.runtime.env.SHOP_OPENSEARCH_URL, alias);
    },
  };
}

export async function dropSearchIndexes(node: string | undefined, alias: string): Promise<void> {
  const client = new Client({ node: node ?? 'http://127.0.0.1:19200' });
  try {
    await client.indices.delete({ index: `${alias}-*` });
  } finally {
    await client.close();
  }
}

/** Makes the run's administrator (straight into auth's database) and signs them in. */
export async function signInAdmin(
  call: ShopClient['call'],
  env: Record<string, string | undefined>,
  runId: string,
): Promise<{ adminToken: string; admin: { email: string; password: string } }> {
  const admin = { email: `admin.${runId}@example.com`, password: 'admin password for tests' };
  await bootstrapAdmin(env, { ...admin, name: 'Admin' });
  const login = await call(loginMutation, { input: admin });
  const adminToken = login.data?.login?.accessToken as string | undefined;
  if (!adminToken) throw new Error(`admin login failed: ${JSON.stringify(login)}`);
  return { adminToken, admin };
}
