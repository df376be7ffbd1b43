import {
  buildSubgraphSchema as buildApolloSubgraphSchema,
  printSubgraphSchema,
} from '@apollo/subgraph';
import type { GraphQLReferenceResolver, GraphQLResolverMap } from '@apollo/subgraph';
import { graphqlSync, parse, type GraphQLSchema } from 'graphql';
import {
  buildSchema,
  createResolversMap,
  type ContainerType,
  type NonEmptyArray,
} from 'type-graphql';
import { applyPermissions, type PermissionRules } from './permissions.js';
import { auditStaffMutations, type StaffActionRecorder } from './staff-audit.js';

/** Federation 2 spec version and the directives a subgraph may use unprefixed. */
const federationLink = `extend schema @link(
  url: "https://specs.apollo.dev/federation/v2.7"
  import: ["@key", "@shareable", "@requires", "@external", "@provides", "@extends", "@override", "@inaccessible", "@interfaceObject", "@tag"]
)`;

/** `__resolveReference` per entity type name: how `_entities` turns a representation into an object. */
export type ReferenceResolvers<Context> = Record<string, GraphQLReferenceResolver<Context>>;

/** A class decorated for type-graphql (abstract ones too: interfaces). */
type DecoratedClass = abstract new (...args: never[]) => unknown;

export interface SubgraphSchemaOptions<Context> {
  /** type-graphql resolver classes. */
  resolvers: NonEmptyArray<DecoratedClass>;
  /** Types no query or mutation reaches, e.g. entities only resolved through `_entities`. */
  orphanedTypes?: DecoratedClass[];
  referenceResolvers?: ReferenceResolvers<Context>;
  /** graphql-shield rules; whatever has none is denied. */
  permissions: PermissionRules;
  /** Builds resolver instances, so they get the service's use cases through their constructor. */
  container?: ContainerType;
  /** Staff's mutations go to the audit log through this (the chassis: the service's outbox). */
  staffAudit?: { service: string; record: StaffActionRecorder };
}

export interface SubgraphSchema {
  /** Executable schema with federation fields and permissions applied. */
  schema: GraphQLSchema;
  /** Subgraph SDL with every directive kept (`@link`, `@key`, …): the input of `pnpm compose`. */
  sdl: string;
}

/** The SDL exactly as `_service { sdl }` serves it, so composing from files or live agrees. */
function serviceSdlOf(schema: GraphQLSchema): string {
  const result = graphqlSync({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (!sdl) throw new Error(`cannot read the subgraph SDL: ${JSON.stringify(result.errors)}`);
  return sdl;
}

/**
 * Builds a federation subgraph from type-graphql classes. type-graphql keeps `@Directive(...)`
 * only on AST nodes, which graphql-js' `printSchema` drops, so the schema is printed with its
 * directives, prefixed with the federation `@link`, and rebuilt by `@apollo/subgraph` with the
 * type-graphql resolvers (and the reference resolvers) attached.
 */
export async function buildSubgraphSchema<Context>(
  options: SubgraphSchemaOptions<Context>,
): Promise<SubgraphSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    container: options.container,
    // A subgraph may have no Query of its own (only entity fields); `@apollo/subgraph` adds one.
    skipCheck: true,
  });
  const resolvers: Record<string, object> = createResolversMap(typeGraphQLSchema);
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    if (!typeGraphQLSchema.getType(typeName)) {
      throw new Error(`reference resolver for ${typeName}, which is not a type of this subgraph`);
    }
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  const subgraphSchema = buildApolloSubgraphSchema([
    {
      typeDefs: parse(`${federationLink}\n${printSubgraphSchema(typeGraphQLSchema)}`),
      resolvers: resolvers as GraphQLResolverMap,
    },
  ]);
  const guarded = applyPermissions(subgraphSchema, options.permissions);
  const { staffAudit } = options;
  return {
    schema: staffAudit
      ? auditStaffMutations(guarded, staffAudit.service, staffAudit.record)
      : guarded,
    sdl: serviceSdlOf(subgraphSchema),
  };
}
