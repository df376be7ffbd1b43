import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { repoFiles } from '../repo.js';
import { count, type CheckResult } from '../result.js';
import type { Violation } from './rules.js';

/** router/schema-lint-baseline.json: violations known when the lint began, fixed over time. */
const baselineSchema = z.object({
  $comment: z.string().optional(),
  violations: z.array(z.object({ rule: z.string(), coordinate: z.string() })),
});
export type LintBaseline = z.infer<typeof baselineSchema>['violations'];

const keyOf = ({ rule, coordinate }: { rule: string; coordinate: string }) =>
  `${rule} ${coordinate}`;

/** The committed baseline; none yet means every violation is new. */
export async function loadLintBaseline(root: string): Promise<LintBaseline> {
  const text = await readFile(path.join(root, repoFiles.lintBaseline), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '{ "violations": [] }';
      throw error;
    },
  );
  return baselineSchema.parse(JSON.parse(text)).violations;
}

/** The baseline file for these violations (`pnpm schema:check --update-lint-baseline`). */
export function lintBaselineText(violations: Violation[]): string {
  const baseline: z.infer<typeof baselineSchema> = {
    $comment:
      'Known API schema lint violations: only new ones fail `pnpm schema:check`. Fix one, then ' +
      'run `pnpm schema:check --update-lint-baseline` to drop it; never add to it by hand.',
    violations: violations
      .map(({ rule, coordinate }) => ({ rule, coordinate }))
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b))),
  };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Fails on violations the baseline does not list; notes the ones it lists that are gone. */
export function checkLint(violations: Violation[], baseline: LintBaseline): CheckResult {
  const known = new Set(baseline.map(keyOf));
  const found = new Set(violations.map(keyOf));
  const fresh = violations.filter((violation) => !known.has(keyOf(violation)));
  const baselined = violations.length - fresh.length;
  const gone = baseline.filter((entry) => !found.has(keyOf(entry))).length;
  const notes =
    gone > 0
      ? [
          `${count(gone, 'baselined violation')} fixed: run \`pnpm schema:check --update-lint-baseline\` ` +
            'to drop them',
        ]
      : [];
  const summary = `${count(fresh.length, 'new violation')}, ${baselined} baselined in ${repoFiles.lintBaseline}`;
  if (fresh.length === 0) return { name: 'lint', ok: true, summary, details: notes };
  return {
    name: 'lint',
    ok: false,
    summary,
    details: [
      ...fresh.map((violation) => `${violation.message} (${violation.rule})`),
      'fix them in the subgraph that defines them, then `pnpm compose`',
      ...notes,
    ],
  };
}
