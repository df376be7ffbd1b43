import { validate, type GraphQLSchema } from 'graphql';
import { count, type CheckResult } from '../result.js';
import type { CollectedOperations } from './collect.js';

/** Every collected operation must be valid against the new API schema, as the router checks it. */
export function checkOperations(
  schema: GraphQLSchema,
  { operations, clientFiles, manifests, problems }: CollectedOperations,
): CheckResult {
  const errors = [...problems];
  let invalid = 0;
  for (const operation of operations) {
    const found = validate(schema, operation.document);
    if (found.length > 0) invalid += 1;
    for (const error of found)
      errors.push(`${operation.file}: operation ${operation.name}: ${error.message}`);
  }
  const sources = `${count(clientFiles, 'client file')}, ${count(manifests, 'manifest')}`;
  if (errors.length === 0)
    return {
      name: 'operations',
      ok: true,
      summary: `${sources}, ${count(operations.length, 'operation')} valid`,
      details: [],
    };
  return {
    name: 'operations',
    ok: false,
    summary: `${sources}: ${invalid} of ${count(operations.length, 'operation')} invalid, ${count(problems.length, 'document or manifest problem')}`,
    details: [
      ...errors,
      'fix these operations, or keep what they use in the schema; a manifest id is the SHA-256 ' +
        'of its body (tools/schema-check/src/write-manifest.ts writes one)',
    ],
  };
}
