// Node only (hashing): imported as `@shop/contracts/operation-manifest`, outside the index that
// browser code may import.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** A persisted operation's id: the SHA-256 of its body, as Apollo's manifests and APQ use. */
export const operationIdOf = (body: string): string =>
  createHash('sha256').update(body).digest('hex');

/** An Apollo persisted query manifest (what `generate-persisted-query-manifest` writes). */
export const operationManifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z
    .array(
      z
        .object({
          id: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'),
          name: z.string().min(1).max(200),
          type: z.enum(['query', 'mutation', 'subscription']),
          body: z.string().min(1).max(20_000),
        })
        .refine((operation) => operation.id === operationIdOf(operation.body), {
          message: 'id is not the SHA-256 of body',
          path: ['id'],
        }),
    )
    .max(500),
});
export type OperationManifest = z.infer<typeof operationManifestSchema>;
