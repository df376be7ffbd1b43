import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { ContainerType } from 'type-graphql';
import type { Orm } from '../db/open-database.js';
import type { Outbox } from '../events/outbox.js';
import type { EventHandler } from '../events/transport.js';
import type { InternalRouter } from '../internal-http/index.js';
import type { Logger } from '../logger.js';
import type { SubgraphSchemaOptions } from '../server/build-subgraph-schema.js';
import type { HttpRoute } from '../server/create-subgraph-server.js';
import type { LoadersFactory } from '../server/context.js';
import type { PeriodicJob, PeriodicJobOptions } from './periodic-job.js';
import type { Runtime } from './runtime.js';
import type { SubgraphName } from './service-names.js';

/** The GraphQL face of a subgraph: built without any running dependency, so `pnpm compose` can print it. */
export type SubgraphGraphQL = Omit<SubgraphSchemaOptions<never>, 'container'>;

export interface EventConsumer {
  /** Unique within the service; the consumer group is `<service>.<name>`. */
  name: string;
  topics: string[];
  handler: EventHandler;
}

/** What a service builds once its database, outbox and runtime are ready. */
export interface ServiceParts {
  /** Resolver instances are created by this container (constructor injection of use cases). */
  container: ContainerType;
  consumers?: EventConsumer[];
  internalRoutes?: (router: InternalRouter) => void;
  routes?: HttpRoute[];
  /** Per-request batch loaders (DataLoader) handed to resolvers as `context.loaders`. */
  loaders?: LoadersFactory<unknown>;
  /** Background work (sweepers, schedulers): started with the service, stopped once requests have drained. */
  background?: { start(): void; stop(): Promise<void> }[];
}

/** A background job as a service declares it; `ServiceSetup.periodicJob` adds the rest. */
export type ServiceJobOptions = Pick<
  PeriodicJobOptions,
  'name' | 'intervalMs' | 'run' | 'logMessage'
>;

export interface ServiceSetup {
  orm: Orm;
  outbox: Outbox;
  runtime: Runtime;
  logger: Logger;
  /**
   * A job for `background`, shared by the service's replicas: each run holds the lease
   * `<database>:<job>` (a replica that finds it taken skips the tick) and is counted in
   * `shop_job_runs_total` and `shop_job_items_total` (what `run` returns).
   */
  periodicJob(job: ServiceJobOptions): PeriodicJob;
}

/**
 * One subgraph: its name, tables, GraphQL schema and how it wires its use cases. Every subgraph
 * exports one of these from `src/service.ts`; `startService` does the rest the same way for all.
 */
export interface ServiceDefinition {
  name: SubgraphName;
  entities: EntitySchema[];
  /** MySQL migrations (`pnpm db:migration <subgraph>` writes the next one). */
  migrations: { list: MigrationObject[]; folder: string };
  graphql: SubgraphGraphQL;
  setup(setup: ServiceSetup): Promise<ServiceParts> | ServiceParts;
}

export function defineService(definition: ServiceDefinition): ServiceDefinition {
  return definition;
}
