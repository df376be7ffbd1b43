import { Client } from '@opensearch-project/opensearch';
import { bootstrapAdmin } from '@shop/auth/admin';
import { startCarrierSandbox, type RunningCarrierSandbox } from '@shop/carrier-sandbox';
import { startPgSandbox, type RunningPgSandbox } from '@shop/pg-sandbox';
import { createRouter, type RunningRouter } from '@shop/router';
import { freePort, graphqlRequest, startServices, type StartedServices } from '@shop/testkit';
import { subgraphs } from '../../../scripts/subgraphs.js';

export interface ShopUnderTest {
  shop: StartedServices;
  router: RunningRouter;
  pg: RunningPgSandbox;
  carrier: RunningCarrierSandbox;
  /** A GraphQL call through the router, as a client makes it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the shapes
  call<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): ReturnType<typeof graphqlRequest<Data>>;
  /** An administrator's access token, and the credentials it was made with (for a browser). */
  adminToken: string;
  admin: { email: string; password: string };
  /** Unique per run: names that must not collide with earlier runs on the real services. */
  runId: string;
  stop(): Promise<void>;
}

/** The secret the test carrier signs webhooks with, and delivery verifies them with. */
export const carrierWebhookSecret = 'test_carrier_webhook_secret';

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
  const pg = await startPgSandbox({ port: 0, timeoutDelayMs: 3000 });
  const carrier = await startCarrierSandbox({
    port: 0,
    webhookSecret: carrierWebhookSecret,
    stepMs: 300,
  });
  const shop = await startServices(subgraphs, {
    SHOP_PG_URL: pg.url,
    SHOP_CARRIER_URL: carrier.url,
    SHOP_CARRIER_WEBHOOK_SECRET: carrierWebhookSecret,
    SHOP_PG_TIMEOUT_MS: '1000',
    SHOP_RATE_LIMIT_USER_PER_MINUTE: '100000',
    SHOP_RATE_LIMIT_IP_PER_MINUTE: '100000',
    SHOP_LOGIN_ATTEMPTS_PER_IP: '10000',
    ...(real ? { SHOP_CATALOG_INDEX_ALIAS: alias } : {}),
    ...env,
  });
  const router = await createRouter(shop.runtime, { port: await freePort() });
  const call: ShopUnderTest['call'] = (query, variables, token) =>
    graphqlRequest(router.url, query, { variables, token });

  const email = `admin.${runId}@example.com`;
  const password = 'admin password for tests';
  await bootstrapAdmin(shop.runtime.env, { email, password, name: 'Admin' });
  const login = await call(loginMutation, { input: { email, password } });
  const adminToken = login.data?.login?.accessToken as string | undefined;
  if (!adminToken) throw new Error(`admin login failed: ${JSON.stringify(login)}`);

  return {
    shop,
    router,
    pg,
    carrier,
    call,
    adminToken,
    admin: { email, password },
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

async function dropSearchIndexes(node: string | undefined, alias: string): Promise<void> {
  const client = new Client({ node: node ?? 'http://127.0.0.1:19200' });
  try {
    await client.indices.delete({ index: `${alias}-*` });
  } finally {
    await client.close();
  }
}
