import { spawn } from 'node:child_process';
import { freePort, graphqlRequest, waitFor } from '@shop/testkit';
import { onOtherCore, type ShopProcess } from '../shop-process.js';

export interface BaselineGateway {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export const baselineGateways = {
  'stock @apollo/gateway': 'stock-apollo.ts',
  '@graphql-hive/gateway': 'hive.ts',
} as const;

/** One of the baseline gateways in its own process on the shop's core, over the shop's subgraphs. */
export async function startBaselineGateway(
  name: keyof typeof baselineGateways,
  shop: ShopProcess,
): Promise<BaselineGateway> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...shop.env,
    BASELINE_GATEWAY_PORT: String(port),
  };
  for (const [subgraph, url] of Object.entries(shop.subgraphUrls))
    env[`SHOP_SUBGRAPH_URL_${subgraph.toUpperCase()}`] = url;
  const script = new URL(baselineGateways[name], import.meta.url).pathname;
  const child = spawn(...onOtherCore(process.execPath, ['--import', 'tsx', script]), {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitFor(
    name,
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
      const answer = await graphqlRequest(url, '{ __typename }').catch(() => undefined);
      return answer?.status === 200;
    },
    { timeoutMs: 60_000 },
  );
  return {
    name,
    url,
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // Hive's runtime keeps running on SIGTERM while it disposes of idle connections.
      const stubborn = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(stubborn);
    },
  };
}
