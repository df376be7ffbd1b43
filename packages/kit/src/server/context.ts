import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { EntityManager, Orm } from '../db/open-database.js';
import type { Caller, Identity } from '../identity/identity.js';
import type { Logger } from '../logger.js';
import type { StaffAuditNotes } from './staff-audit.js';

/** What every resolver of a subgraph receives. */
export interface SubgraphContext<Loaders = undefined> {
  /** A fresh fork per request: nothing loaded by one request is seen by another. */
  em: EntityManager;
  identity: Identity;
  /** The verified caller: who forwarded the request (router or a service) and the client's address. */
  caller: Caller;
  requestId: string;
  /** The subgraph's logger with `requestId` and `userId` bound. */
  logger: Logger;
  /** Per-request batch loaders (DataLoader), so `_entities` batches do not query one by one. */
  loaders: Loaders;
  /** What a staff mutation's resolver notes for the audit log (the state it replaces). */
  audit: StaffAuditNotes;
}

/**
 * The subgraph's caller check: who sent this request, from its headers. Resolves `null` when the
 * credentials are missing or invalid (HTTP 401); may throw a `GraphQLError` carrying
 * `extensions.http.status` (e.g. 403 for a valid service that may not call this subgraph).
 * Subgraphs accept only the router and services, never the public: the router forwards the end
 * user (or `anonymous`) in a form this check verifies.
 */
export type CallerResolver = (headers: IncomingHttpHeaders) => Promise<Caller | null>;

/** The safe default until a subgraph wires a real caller check: nobody gets in. */
export const rejectAllCallers: CallerResolver = async () => null;

export type LoadersFactory<Loaders> = (em: EntityManager, identity: Identity) => Loaders;

/** The user a request acts for, if any: what log lines and ownership checks need. */
export function userIdOf(identity: Identity): string | undefined {
  return identity.kind === 'user' ? identity.userId : undefined;
}

const requestIdPattern = /^[\w.:-]{1,128}$/;

/** The caller's `x-request-id` (so one id follows a request through the router), or a new one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

export interface RequestContextInput<Loaders> {
  orm: Orm;
  caller: Caller;
  requestId: string;
  logger: Logger;
  createLoaders?: LoadersFactory<Loaders>;
}

export function createRequestContext<Loaders>(
  input: RequestContextInput<Loaders>,
): SubgraphContext<Loaders> {
  const em = input.orm.em.fork();
  return {
    em,
    identity: input.caller.identity,
    caller: input.caller,
    requestId: input.requestId,
    logger: input.logger.child({
      requestId: input.requestId,
      userId: userIdOf(input.caller.identity),
    }),
    loaders: input.createLoaders?.(em, input.caller.identity) as Loaders,
    audit: {},
  };
}
