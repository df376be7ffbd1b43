import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Caller } from '@shop/kit/identity';
import {
  createRuntime,
  defaultPorts,
  startService,
  type RunningService,
  type Runtime,
  type ServiceDefinition,
} from '@shop/kit/service';
import { freePort } from './free-port.js';
import { graphqlRequest, type GraphQLRequestOptions } from './graphql-client.js';

export interface StartedServices {
  runtime: Runtime;
  services: Map<string, RunningService>;
  /** Calls a subgraph directly, as the router would for the given caller. */
  callSubgraph<Data = Record<string, unknown>>(
    name: string,
    query: string,
    caller: Caller | undefined,
    options?: GraphQLRequestOptions,
  ): ReturnType<typeof graphqlRequest<Data>>;
  stop(): Promise<void>;
}

/**
 * Starts subgraphs in this process the way `pnpm start` does, on free ports and a fresh data
 * folder: embedded (SQLite, in-process events) unless `env` says `SHOP_INFRA=real`.
 */
export async function startServices(
  definitions: ServiceDefinition[],
  env: Record<string, string | undefined> = {},
): Promise<StartedServices> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shop-services-'));
  const ports: Record<string, string> = {};
  for (const name of Object.keys(defaultPorts)) {
    ports[`SHOP_PORT_${name.toUpperCase()}`] = String(await freePort());
  }
  const runtime = createRuntime('test', {
    ...process.env,
    SHOP_LOG_LEVEL: process.env.SHOP_LOG_LEVEL ?? 'silent',
    SHOP_DATA_DIR: dataDir,
    ...ports,
    ...env,
  });
  const services = new Map<string, RunningService>();
  for (const definition of definitions) {
    services.set(definition.name, await startService(definition, runtime));
  }
  return {
    runtime,
    services,
    callSubgraph: async (name, query, caller, options = {}) => {
      const service = services.get(name);
      if (!service) throw new Error(`subgraph ${name} was not started`);
      const token = caller ? await runtime.internalTokens.sign(caller) : undefined;
      return graphqlRequest(service.url, query, {
        ...options,
        headers: { ...options.headers, ...(token ? { 'x-shop-internal-token': token } : {}) },
      });
    },
    stop: async () => {
      for (const service of [...services.values()].reverse()) await service.stop();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
