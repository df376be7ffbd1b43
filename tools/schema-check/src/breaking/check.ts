import type { GraphQLSchema } from 'graphql';
import type { Operation } from '../operations/documents.js';
import { coordinatesUsed } from '../operations/usage.js';
import { repoFiles } from '../repo.js';
import type { CheckResult } from '../result.js';
import { isAccepted, type AcceptedChange } from './accepted.js';
import { schemaChanges, type SchemaChange } from './changes.js';

export interface BreakingChangesInput {
  /** The git ref `base` was read from, for the summary. */
  ref: string;
  base: GraphQLSchema;
  next: GraphQLSchema;
  operations: Operation[];
  accepted: AcceptedChange[];
}

/**
 * Fails on every breaking change from the base API schema that is not accepted, naming the
 * operations it hurts. Usage is read against the base schema: a removed field exists only there.
 */
export async function checkBreakingChanges({
  ref,
  base,
  next,
  operations,
  accepted,
}: BreakingChangesInput): Promise<CheckResult> {
  const changes = await schemaChanges(base, next);
  const usage = operations.map((operation) => ({
    operation,
    used: coordinatesUsed(base, operation.document),
  }));
  const describe = (change: SchemaChange) => {
    const users = usage
      .filter(({ used }) => used.has(change.usedThrough))
      .map(({ operation }) => `${operation.name} (${operation.file})`);
    const what = change.coordinate ? `${change.coordinate}: ${change.message}` : change.message;
    return `${what}; ${users.length > 0 ? `used by ${users.join(', ')}` : 'no known operation uses it'}`;
  };
  const breaking = changes.filter((change) => change.level === 'BREAKING');
  const refused = breaking.filter((change) => !isAccepted(change, accepted));
  const dangerous = changes.filter((change) => change.level === 'DANGEROUS');
  const summary =
    `vs ${ref}: ${breaking.length} breaking (${breaking.length - refused.length} accepted), ` +
    `${dangerous.length} dangerous, ${changes.length - breaking.length - dangerous.length} safe`;
  const notes = dangerous.map((change) => `dangerous: ${describe(change)}`);
  if (refused.length === 0) return { name: 'breaking changes', ok: true, summary, details: notes };
  return {
    name: 'breaking changes',
    ok: false,
    summary,
    details: [
      ...refused.map(describe),
      'keep what clients use (deprecate it first), or accept the change in ' +
        `${repoFiles.acceptedChanges} with a reason: { "change": "<coordinate>", "reason": "…" }`,
      ...notes,
    ],
  };
}
