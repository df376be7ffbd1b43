// `pnpm service <name>`: one service of the shop in a process of its own, as production runs it
// (one container each). Configured by the environment only; the same code `pnpm start` runs.
import { existsSync } from 'node:fs';
import { applyInfraEnv } from '@shop/infra';
import { exitOnConfigError, installShutdownHandlers } from '@shop/kit/ops';
import { createRuntime, defaultPorts, startService, type ServiceName } from '@shop/kit/service';
import { clientManifest } from '@shop/client/server';
import { createRouter } from '@shop/router';
import { subgraphs } from './subgraphs.js';

const name = process.argv[2] ?? '';
if (!(name in defaultPorts)) {
  console.error(`usage: pnpm service <${Object.keys(defaultPorts).join('|')}>`);
  process.exit(2);
}
// A developer's machine keeps the real services' settings in .data/infra/shop.env; anything
// already in the environment wins.
applyInfraEnv();
if (process.env.SHOP_INFRA !== 'real') {
  console.error(
    'a service on its own needs SHOP_INFRA=real (after `pnpm infra:up`): embedded events and ' +
      'caches never leave a process. `pnpm start` runs the whole shop embedded in one.',
  );
  process.exit(1);
}

const runtime = exitOnConfigError(() => createRuntime(name));
const stopRuntime = { name: 'runtime', stop: () => runtime.close() };
if (name === 'router') {
  // The apps' operations resolve by id, as under `pnpm start` (in production nothing else runs).
  if (existsSync(clientManifest)) process.env.SHOP_OPERATION_MANIFESTS ??= clientManifest;
  const router = await createRouter(runtime);
  installShutdownHandlers([router, stopRuntime], runtime.logger);
} else {
  const definition = subgraphs.find((subgraph) => subgraph.name === (name as ServiceName));
  if (!definition) throw new Error(`no subgraph ${name}`);
  const service = await exitOnConfigError(() => startService(definition, runtime));
  runtime.logger.info({ url: service.url }, `${name} ready`);
  installShutdownHandlers([service, stopRuntime], runtime.logger);
}
