import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { EventContract } from '@shop/contracts';
import type { ContainerType } from 'type-graphql';
import type { Orm } from '../db/open-database.js';
import type { Outbox } from '../events/outbox.js';
import type { EventConsumer } from '../events/on.js';
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

/**
 * The events a service writes to its outbox and those each of its consumers reads. The running
 * service is held to it — its outbox refuses any other event, and a consumer subscribes to its
 * events' topics and is handed only those — and `pnpm docs:generate` builds the event catalogue from it.
 */
export interface ServiceEvents<Consumes extends ConsumesDeclaration = ConsumesDeclaration> {
  publishes: readonly EventContract[];
  consumes: Consumes;
}

/** Per consumer (its group and inbox name is `<service>.<consumer>`), the events it handles. */
export type ConsumesDeclaration = Readonly<Record<string, readonly EventContract[]>>;

/** What a service builds once its database, outbox and runtime are ready. */
export interface ServiceParts<Consumes extends ConsumesDeclaration = ConsumesDeclaration> {
  /** Resolver instances are created by this container (constructor injection of use cases). */
  container: ContainerType;
  /**
   * Each consumer `events.consumes` declares, subscribed (`on`) to exactly the events it declares,
   * in that order, so the declaration cannot say what the handlers do not do.
   */
  consumers?: { readonly [Consumer in keyof Consumes]: EventConsumer<Consumes[Consumer]> };
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
  /**
   * Aborted as the service begins to stop, before its requests drain: long work (a reindex) ends
   * at its next step, and tells a stop from a failure of the peers stopping beside it.
   */
  stopping: AbortSignal;
}

/**
 * One subgraph: its name, tables, GraphQL schema and how it wires its use cases. Every subgraph
 * exports one of these from `src/service.ts`; `startService` does the rest the same way for all.
 */
export interface ServiceDefinition<Consumes extends ConsumesDeclaration = ConsumesDeclaration> {
  name: SubgraphName;
  entities: EntitySchema[];
  /** MySQL migrations (`pnpm db:migration <subgraph>` writes the next one). */
  migrations: { list: MigrationObject[]; folder: string };
  graphql: SubgraphGraphQL;
  events: ServiceEvents<Consumes>;
  setup(setup: ServiceSetup): Promise<ServiceParts<Consumes>> | ServiceParts<Consumes>;
}

/**
 * Infers each consumer's events from `events.consumes`, so `setup` must give every consumer one
 * subscription per event it declares.
 */
export function defineService<const Consumes extends ConsumesDeclaration = Record<never, never>>(
  definition: ServiceDefinition<Consumes>,
): ServiceDefinition<Consumes> {
  return definition;
}
