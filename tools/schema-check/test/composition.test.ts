import { describe, expect, it } from 'vitest';
import { checkComposition } from '../src/composition.js';

const node = (script: string) => [process.execPath, '-e', script];

describe('the composition check', () => {
  it('passes with what compose reports, counting its hints', async () => {
    const result = await checkComposition(
      process.cwd(),
      node("console.log('supergraph up to date (10 subgraphs)'); console.log('hint: one')"),
    );
    expect(result).toEqual({
      name: 'composition',
      ok: true,
      summary: 'supergraph up to date (10 subgraphs); 1 hint (see pnpm compose)',
      details: [],
    });
  });

  it('fails with compose’s errors and what to do next', async () => {
    const result = await checkComposition(
      process.cwd(),
      node(
        "console.error('router/supergraph.graphql is stale: run `pnpm compose` and commit the result.'); process.exit(1)",
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.details).toEqual([
      'router/supergraph.graphql is stale: run `pnpm compose` and commit the result.',
      'fix the subgraphs, then run `pnpm compose` and commit the result',
    ]);
  });
});
