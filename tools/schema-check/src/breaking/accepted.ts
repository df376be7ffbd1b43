import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { repoFiles } from '../repo.js';
import type { SchemaChange } from './changes.js';

/** router/schema-changes-accepted.json: breaking changes made on purpose, each with its reason. */
export const acceptedChangesSchema = z.object({
  $comment: z.string().optional(),
  accepted: z.array(
    z.object({
      /** The change's path (`Query.product.id`), coordinate (`Query.product(id:)`) or message. */
      change: z.string().trim().min(1),
      reason: z
        .string({ error: 'a reason is required: say why no client breaks' })
        .trim()
        .min(1, 'a reason is required: say why no client breaks'),
    }),
  ),
});
export type AcceptedChange = z.infer<typeof acceptedChangesSchema>['accepted'][number];

/** The accepted changes in `text` (the file's content), or an error naming each bad entry. */
export function parseAcceptedChanges(text: string): AcceptedChange[] {
  const file = repoFiles.acceptedChanges;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = acceptedChangesSchema.safeParse(json);
  if (parsed.success) return parsed.data.accepted;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`${file} is invalid: ${problems.join('; ')}`);
}

/** The repository's accepted changes; no file means none. */
export async function loadAcceptedChanges(root: string): Promise<AcceptedChange[]> {
  const text = await readFile(path.join(root, repoFiles.acceptedChanges), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '{ "accepted": [] }';
      throw error;
    },
  );
  return parseAcceptedChanges(text);
}

export function isAccepted(change: SchemaChange, accepted: AcceptedChange[]): boolean {
  return accepted.some((entry) =>
    [change.path, change.coordinate, change.message].includes(entry.change),
  );
}
