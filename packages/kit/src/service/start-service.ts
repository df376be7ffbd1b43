import { loadConfig } from '../config.js';
import { databaseConfigSchema } from '../db/database-config.js';
import { openDatabase, prepareSchema, type Orm } from '../db/open-database.js';
import { staffActionRecordedEvent } from '@shop/contracts';
import { Outbox } from '../events/outbox.js';
import { measureOutboxBacklog } from '../events/outbox-backlog.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import type { Subscription } from '../events/transport.js';
import { createInternalRouter } from '../internal-http/index.js';
import { buildSubgraphSchema } from '../server/build-subgraph-schema.js';
import { createSubgraphServer, type HttpRoute } from '../server/create-subgraph-server.js';
import type { Stoppable } from '../ops/shutdown.js';
import { declaredSubscriptions } from './declared-consumers.js';
import type { ServiceDefinition, ServiceJobOptions } from './define-service.js';
import { createJobMetrics, PeriodicJob } from './periodic-job.js';
import type { Runtime } from './runtime.js';

export interface RunningService extends Stoppable {
  name: string;
  url: string;
  port: number;
  /** The subgraph's own database, for tools and system tests that look behind its API. */
  orm: Orm;
}

/**
 * Starts a subgraph the same way for all: its database (schema brought up to date), outbox and
 * relay, event consumers, internal API, and the GraphQL server that accepts only callers holding
 * a valid internal token (the router or a service).
 */
export async function startService(
  definition: ServiceDefinition,
  runtime: Runtime,
  options: { port?: number } = {},
): Promise<RunningService> {
  const { name } = definition;
  const logger = runtime.logger.child({ subgraph: name });
  const orm = await openDatabase({
    config: loadConfig(name, databaseConfigSchema(name), runtime.env),
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await prepareSchema(orm);
  const outbox = new Outbox(name, definition.events.publishes);
  const relay = new OutboxRelay({
    orm,
    transport: runtime.transport,
    logger,
    service: name,
    metricsRegistry: runtime.metricsRegistry,
  });
  const stopMeasuringBacklog = measureOutboxBacklog(runtime.metricsRegistry, name, orm);
  const jobNames = new Set<string>();
  const periodicJob = (job: ServiceJobOptions) => {
    // The name is the lease and the metrics' label: two jobs under one name would share them.
    if (jobNames.has(job.name)) throw new Error(`${name}: two background jobs named ${job.name}`);
    jobNames.add(job.name);
    const metrics = createJobMetrics(runtime.metricsRegistry, name, job.name);
    return new PeriodicJob({ ...job, logger, orm, metrics });
  };
  const stopping = new AbortController();
  const parts = await definition.setup({
    orm,
    outbox,
    runtime,
    logger,
    periodicJob,
    stopping: stopping.signal,
  });
  const built = await buildSubgraphSchema({
    ...definition.graphql,
    container: parts.container,
    staffAudit: {
      service: name,
      record: (entry) =>
        outbox.transaction(orm.em.fork(), async (tx) => {
          outbox.record(tx, {
            type: staffActionRecordedEvent.type,
            subject: entry.actorId,
            data: entry,
          });
        }),
    },
  });

  const routes: HttpRoute[] = [...(parts.routes ?? [])];
  if (parts.internalRoutes) {
    const internal = createInternalRouter({
      logger,
      verifyCaller: async (token) => {
        const caller = await runtime.internalTokens.verify(token);
        return caller?.identity.kind === 'service' ? { service: caller.identity.service } : null;
      },
    });
    parts.internalRoutes(internal);
    routes.push({ prefix: '/internal/', handle: (req, res) => internal.handle(req, res) });
  }

  const server = await createSubgraphServer({
    name,
    schema: built.schema,
    orm,
    logger,
    port: options.port ?? runtime.portOf(name),
    host: runtime.config.SHOP_HOST,
    introspection: runtime.config.NODE_ENV !== 'production',
    metricsRegistry: runtime.metricsRegistry,
    resolveCaller: (headers) => {
      const token = headers['x-shop-internal-token'];
      return runtime.internalTokens.verify(typeof token === 'string' ? token : undefined);
    },
    routes,
    createLoaders: parts.loaders,
  });

  const consumers = declaredSubscriptions(definition, runtime.metricsRegistry, parts.consumers);
  await runtime.transport.ensureTopics([
    outbox.topic,
    staffActionRecordedEvent.topic,
    ...consumers.flatMap((c) => c.topics),
  ]);
  const subscriptions: Subscription[] = [];
  for (const consumer of consumers) subscriptions.push(await runtime.transport.subscribe(consumer));
  relay.start();
  for (const job of parts.background ?? []) job.start();

  let stopped: Promise<void> | undefined;
  return {
    name,
    url: server.url,
    port: server.port,
    orm,
    // Requests drain first (they may use what background jobs own, such as a search client),
    // then consumers and jobs stop, then the relay, which sends the events their work recorded,
    // and the database last. A second stop waits on the first.
    stop: () =>
      (stopped ??= (async () => {
        stopping.abort();
        await server.stop();
        await Promise.all(subscriptions.map((subscription) => subscription.stop()));
        for (const job of parts.background ?? []) await job.stop();
        await relay.stop();
        stopMeasuringBacklog();
        await orm.close();
      })()),
  };
}
