import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, type Registry } from 'prom-client';
import { sendText } from './http-response.js';

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
