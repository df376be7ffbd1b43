/** One check's outcome: one line of `pnpm schema:check`, and what to print under it. */
export interface CheckResult {
  name: string;
  ok: boolean;
  /** What was checked, in figures. */
  summary: string;
  /** What failed and what to do next; notes when it passed. */
  details: string[];
}

/** `1 manifest`, `2 manifests`. */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function formatResult(result: CheckResult): string {
  const head = `${result.ok ? '✓' : '✗'} ${result.name}: ${result.summary}`;
  return [head, ...result.details.map((detail) => `    ${detail}`)].join('\n');
}
