import {
  GraphQLError,
  isIntrospectionType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { isStaff as hasStaffRole, mayDo, type StaffDuty } from '@shop/contracts/staff-duties';
import { errorResultInterfaceName } from './error-result.js';
import { allow, applyMiddleware, deny, or, rule, shield, type and } from './graphql-shield.js';
import type { Identity } from '../identity/identity.js';

export { allow, and, chain, deny, not, or, rule } from './graphql-shield.js';

/** One graphql-shield rule (the package exports no name for it). */
export type ShieldRule = Parameters<typeof and>[number];
type FieldRules = Record<string, ShieldRule>;

/** Permission rules of a subgraph: per type, either one rule for all fields or one per field. */
export type PermissionRules = Record<string, ShieldRule | FieldRules>;

interface IdentityContext {
  identity: Identity;
}

// Rules that depend only on the identity are evaluated once per request ('contextual' cache).
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, context: IdentityContext) => context.identity.kind === 'user',
);

/** Any member of staff: reads the admin. */
export const isStaff = rule('isStaff', { cache: 'contextual' })(
  (_parent, _args, context: IdentityContext) =>
    context.identity.kind === 'user' && hasStaffRole(context.identity.roles),
);

const dutyRules = new Map<StaffDuty, ShieldRule>();

/** Staff whose role has `duty` (contracts' staffDuties): who may change that part of the shop. */
export function staffMay(duty: StaffDuty): ShieldRule {
  let dutyRule = dutyRules.get(duty);
  if (!dutyRule) {
    dutyRule = rule(`staffMay:${duty}`, { cache: 'contextual' })(
      (_parent, _args, context: IdentityContext) =>
        context.identity.kind === 'user' && mayDo(context.identity.roles, duty),
    );
    dutyRules.set(duty, dutyRule);
  }
  return dutyRule;
}

export const isService = rule('isService', { cache: 'contextual' })(
  (_parent, _args, context: IdentityContext) => context.identity.kind === 'service',
);

/**
 * The request passed the subgraph's caller check. Always true inside a running subgraph (the HTTP
 * layer refuses anything else), stated anyway so the rule map says what it relies on.
 */
export const isVerifiedCaller = rule('isVerifiedCaller', { cache: 'contextual' })(
  (_parent, _args, context: Partial<IdentityContext>) => context.identity !== undefined,
);

/**
 * Owner-only access to an object: the signed-in user must own the parent. Put it on the type so it
 * guards the object wherever it is reached from — its query, another type's field, `_entities`.
 * Evaluated per object (no cache): the answer depends on the parent.
 */
export function isOwner<Parent>(ownerIdOf: (parent: Parent) => string | null | undefined) {
  return rule({ cache: 'no_cache' })(
    (parent: Parent, _args, context: IdentityContext) =>
      context.identity.kind === 'user' && ownerIdOf(parent) === context.identity.userId,
  );
}

/** A signed-in person who owns the object or is staff: whom a look-up by id answers. */
export function ownsOrIsStaff(identity: Identity, ownerId: string): boolean {
  return identity.kind === 'user' && (identity.userId === ownerId || hasStaffRole(identity.roles));
}

/** The owner (checked per object), staff, or a service: the usual rule for a person's data. */
export function isOwnerOrStaff<Parent>(ownerIdOf: (parent: Parent) => string | null | undefined) {
  return or(isOwner(ownerIdOf), isStaff, isService);
}

/** Anonymous callers must sign in (UNAUTHENTICATED); anyone else is not allowed (FORBIDDEN). */
function denial(_thrown: unknown, _parent: object, _args: object, context: object): GraphQLError {
  const identity = (context as Partial<IdentityContext>).identity;
  if (!identity || identity.kind === 'anonymous') {
    return new GraphQLError('You must be signed in to do this.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return forbidden();
}

/** A signed-in caller asking for what their role does not allow (FORBIDDEN). */
export function forbidden(): GraphQLError {
  return new GraphQLError('You are not allowed to do this.', {
    extensions: { code: 'FORBIDDEN' },
  });
}

/**
 * Federation's own fields are governed like any other: `_service` (the SDL, for composition) is
 * for the router and services only, `_entities` for verified callers; the entities it returns are
 * then checked field by field by their own type's rules, so an owner-only type stays owner-only.
 * Error results only describe why a guarded operation failed, so they are readable by default.
 */
function kitRules(schema: GraphQLSchema): PermissionRules {
  const rules: PermissionRules = { _Service: allow };
  const query = schema.getQueryType();
  if (query) {
    const federationFields: FieldRules = { _service: isService };
    if (query.getFields()._entities) federationFields._entities = isVerifiedCaller;
    rules[query.name] = federationFields;
  }
  // The details of InvalidInput are as readable as the error itself.
  if (schema.getType('FieldIssue')) rules.FieldIssue = allow;
  for (const type of Object.values(schema.getTypeMap())) {
    const isErrorResult =
      isObjectType(type) &&
      type.getInterfaces().some((implemented) => implemented.name === errorResultInterfaceName);
    if (isErrorResult) rules[type.name] = allow;
  }
  return rules;
}

/** The subgraph's rules over the kit's, except on federation's fields, which the kit keeps. */
function mergeRules(kit: PermissionRules, own: PermissionRules, queryName: string | undefined) {
  const merged: PermissionRules = { ...kit, ...own };
  if (queryName) {
    const ownQuery = own[queryName];
    // A single rule for the whole query type becomes its wildcard, beside federation's fields.
    const ownFields = ownQuery === undefined ? {} : isRule(ownQuery) ? { '*': ownQuery } : ownQuery;
    merged[queryName] = { ...ownFields, ...(kit[queryName] as FieldRules) };
  }
  return merged;
}

function isRule(rules: ShieldRule | FieldRules): rules is ShieldRule {
  return 'resolve' in rules && typeof rules.resolve === 'function';
}

/** The rule graphql-shield applies to a field: its own, else its type's wildcard, else deny. */
function ruleOf(rules: PermissionRules, typeName: string, fieldName: string): ShieldRule {
  const typeRules = rules[typeName];
  if (typeRules === undefined) return deny;
  if (isRule(typeRules)) return typeRules;
  return typeRules[fieldName] ?? typeRules['*'] ?? deny;
}

/**
 * Applies the subgraph's permission rules with graphql-shield. Anything without a rule is denied
 * (`fallbackRule: deny`); errors thrown by resolvers pass through unchanged. A field whose rule is
 * `allow` gets its own resolver back: shield would only await `true` around it, and that turns
 * every field of a page of products into a promise of its own.
 */
export function applyPermissions(schema: GraphQLSchema, rules: PermissionRules): GraphQLSchema {
  const queryName = schema.getQueryType()?.name;
  const merged = mergeRules(kitRules(schema), rules, queryName);
  const guarded = applyMiddleware(
    schema,
    shield(merged, { fallbackRule: deny, allowExternalErrors: true, fallbackError: denial }),
  );
  for (const type of Object.values(guarded.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const ownFields = (schema.getType(type.name) as GraphQLObjectType).getFields();
    for (const [name, field] of Object.entries(type.getFields()))
      if (ruleOf(merged, type.name, name) === allow) field.resolve = ownFields[name]!.resolve;
  }
  return guarded;
}
