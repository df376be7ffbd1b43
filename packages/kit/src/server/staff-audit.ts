import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { StaffActionRecorded } from '@shop/contracts';
import { isStaff } from '@shop/contracts/staff-duties';
import type { Identity } from '../identity/identity.js';
import type { Logger } from '../logger.js';
import { ErrorResult } from './error-result.js';
import { applyMiddleware } from './graphql-shield.js';

/** Writes one entry of the audit log (the chassis: into the service's outbox). */
export type StaffActionRecorder = (entry: StaffActionRecorded) => Promise<void>;

/** What a resolver tells the audit log beyond its arguments and result: the state it replaced. */
export interface StaffAuditNotes {
  /** JSON, taken when noted: the object may change before the entry is written. */
  before?: string | null;
}

interface AuditedContext {
  identity: Identity;
  audit?: StaffAuditNotes;
  logger?: Logger;
}

// Blanked wherever they appear: a password typed in, a partner key handed out.
const secretName = /password|secret|token|^key$|plaintext/i;
const entryLimit = 4_000;

/** JSON of a value's plain fields (ids, amounts, names, dates), secrets blanked, bounded. */
export function auditJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value, (name, field: unknown) => {
    if (name && secretName.test(name)) return '[hidden]';
    // An entity's relations (collections, references) are other objects' business.
    if (name && typeof field === 'object' && field !== null && !Array.isArray(field))
      return field instanceof Date || isPlain(field) ? field : undefined;
    return field;
  });
  return text.length > entryLimit ? `${text.slice(0, entryLimit)}…` : text;
}

/** Notes for the audit log what a staff mutation is about to replace, as it is now. */
export function noteBefore(context: { audit: StaffAuditNotes }, value: unknown): void {
  context.audit.before = auditJson(value);
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function codeOf(error: unknown): string {
  return error instanceof GraphQLError ? String(error.extensions.code ?? 'ERROR') : 'ERROR';
}

const idIn = (args: Record<string, unknown>): string | undefined =>
  Object.entries(args).find(
    ([name, value]) => (name === 'id' || name.endsWith('Id')) && typeof value === 'string',
  )?.[1] as string | undefined;

/**
 * The id a mutation acted on: its `id` or `…Id` argument, else the same inside its `input`,
 * else the id of what it returned (an order's page finds its staff actions by it).
 */
function subjectIdOf(args: Record<string, unknown>, result: unknown): string | null {
  const input = args.input;
  const fromInput =
    typeof input === 'object' && input !== null
      ? idIn(input as Record<string, unknown>)
      : undefined;
  const id = idIn(args) ?? fromInput ?? (result as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/**
 * Every mutation a member of staff sends is written to the audit log, allowed or not: who, which
 * mutation with what, the outcome, the state a resolver noted as replaced (`noteBefore`)
 * and what the mutation answered. It wraps the permission rules, so refusals are logged too. The
 * entry is written once the mutation has finished; a crash in between loses that entry.
 */
export function auditStaffMutations(
  schema: GraphQLSchema,
  service: string,
  record: StaffActionRecorder,
): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  const audit = async (
    resolve: (...args: unknown[]) => unknown,
    parent: unknown,
    args: Record<string, unknown>,
    context: AuditedContext,
    info: GraphQLResolveInfo,
  ) => {
    const { identity } = context;
    if (identity.kind !== 'user' || !isStaff(identity.roles))
      return resolve(parent, args, context, info);
    // When staff acted: before the status changes the action caused, on an order's timeline.
    const at = new Date().toISOString();
    let outcome = 'OK';
    let result: unknown;
    try {
      result = await resolve(parent, args, context, info);
      if (result instanceof ErrorResult) outcome = result.errorCode;
      // graphql-shield returns its refusal rather than throwing it.
      if (result instanceof Error) outcome = codeOf(result);
      return result;
    } catch (error) {
      outcome = codeOf(error);
      throw error;
    } finally {
      await record({
        actorId: identity.userId,
        actorRoles: identity.roles,
        service,
        action: info.fieldName,
        subjectId: subjectIdOf(args, result),
        input: auditJson(args) ?? '{}',
        outcome,
        before: context.audit?.before ?? null,
        after: outcome === 'OK' ? auditJson(result) : null,
        at,
      }).catch((error: unknown) =>
        context.logger?.error({ err: error, action: info.fieldName }, 'audit entry not written'),
      );
    }
  };
  return applyMiddleware(schema, { [mutation.name]: audit });
}
