import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { count, type CheckResult } from './result.js';

const run = promisify(execFile);

/**
 * `pnpm compose --check` composes every subgraph and fails when the committed supergraph is stale.
 * It runs as its own process: scripts/compose.ts is a script (it exits on failure), not a module.
 */
export const composeCheckCommand = ['pnpm', '--silent', 'compose', '--check'];

export async function checkComposition(
  root: string,
  [command, ...args] = composeCheckCommand,
): Promise<CheckResult> {
  try {
    const { stdout } = await run(command!, args, { cwd: root });
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    const hints = lines.filter((line) => line.startsWith('hint: ')).length;
    const summary = lines.find((line) => !line.startsWith('hint: ')) ?? 'composed';
    return {
      name: 'composition',
      ok: true,
      summary: hints > 0 ? `${summary}; ${count(hints, 'hint')} (see pnpm compose)` : summary,
      details: [],
    };
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const lines = (stderr || message).split('\n').filter((line) => line.trim() !== '');
    return {
      name: 'composition',
      ok: false,
      summary: 'the subgraphs do not compose, or router/supergraph.graphql is stale',
      details: [...lines, 'fix the subgraphs, then run `pnpm compose` and commit the result'],
    };
  }
}
