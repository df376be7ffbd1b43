import type { z } from 'zod';

/** One problem with one input field: what `InvalidInput` reports. */
export interface InputIssue {
  /** Path of the field, e.g. `email` or `lines.0.quantity`; `input` for the input as a whole. */
  field: string;
  message: string;
}

export type ParsedInput<Data> = { ok: true; data: Data } | { ok: false; issues: InputIssue[] };

/** zod's issues as field issues, every one of them (a form shows them all at once). */
export function inputIssuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || 'input',
    message: issue.message,
  }));
}

/** Parses a mutation's input: the data, or every field issue for an `InvalidInput` answer. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): ParsedInput<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, issues: inputIssuesOf(parsed.error) };
}
