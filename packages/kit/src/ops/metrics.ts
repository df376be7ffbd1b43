import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, type Registry } from 'prom-client';
import { sendText } from './http-response.js';

/** The class of kit's registries, for packages that make one (tests, tools) without prom-client. */
export { Registry } from 'prom-client';

const registriesWithProcessMetrics = new WeakSet<Registry>();

/** Process metrics (CPU, memory, event loop lag, GC) on the registry, once however often asked. */
export function collectProcessMetrics(registry: Registry): void {
  if (registriesWithProcessMetrics.has(registry)) return;
  registriesWithProcessMetrics.add(registry);
  collectDefaultMetrics({ register: registry });
}

/** `/metrics`: the registry in Prometheus text format. */
export async function serveMetrics(res: ServerResponse, registry: Registry): Promise<void> {
  sendText(res, 200, registry.contentType, await registry.metrics());
}

/**
 * The metric `name` on the registry, created by `create` the first time: services of one process
 * share a registry, so the first to need a metric registers it and the others reuse it.
 */
export function registeredMetric<M>(
  registry: Registry,
  name: string,
  create: (name: string) => M,
): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create(name);
}

/** A counter on the registry, shared by every service of the process that asks for it. */
export function counterOn<L extends string = never>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  return registeredMetric(
    registry,
    name,
    () => new Counter({ name, help, labelNames, registers: [registry] }),
  );
}
