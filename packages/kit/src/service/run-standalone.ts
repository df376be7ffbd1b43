import { installShutdownHandlers } from '../ops/shutdown.js';
import type { ServiceDefinition } from './define-service.js';
import { createRuntime } from './runtime.js';
import { startService } from './start-service.js';

/** Runs one subgraph as its own process (the real deployment), stopping cleanly on SIGTERM. */
export async function runStandalone(definition: ServiceDefinition): Promise<void> {
  const runtime = createRuntime(definition.name);
  const service = await startService(definition, runtime);
  installShutdownHandlers(
    [service, { name: 'runtime', stop: () => runtime.close() }],
    runtime.logger,
  );
}
