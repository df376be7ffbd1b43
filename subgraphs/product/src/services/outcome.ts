import type { z } from 'zod';
import { parseInput as parseWith, type InputIssue } from '@shop/kit';

export type Missing = 'product' | 'sku' | 'category' | 'brand' | 'option group';

/** What an admin use case returns: the saved value, or a failure the caller shows as a typed result. */
export type Outcome<T> =
  | { kind: 'saved'; value: T }
  | { kind: 'invalid-input'; issues: InputIssue[] }
  | { kind: 'not-found'; what: Missing; id: string }
  | { kind: 'below-reserved'; onHand: number; reserved: number };

export const saved = <T>(value: T): Outcome<T> => ({ kind: 'saved', value });
export const notFound = (what: Missing, id: string): Outcome<never> => ({
  kind: 'not-found',
  what,
  id,
});
export const invalid = (field: string, message: string): Outcome<never> => ({
  kind: 'invalid-input',
  issues: [{ field, message }],
});

/** Parses input with zod; bad input becomes an `invalid-input` outcome naming every field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): { ok: true; data: z.output<Schema> } | { ok: false; outcome: Outcome<never> } {
  const parsed = parseWith(schema, input);
  return parsed.ok
    ? parsed
    : { ok: false, outcome: { kind: 'invalid-input', issues: parsed.issues } };
}
