import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../src/generated-docs.js';
import { repoRoot } from '../src/repo.js';

describe('the generated docs', () => {
  it('are what the code makes of them now', async () => {
    const stale: string[] = [];
    for (const { file, text } of await generatedDocs()) {
      const committed = await readFile(path.join(repoRoot, file), 'utf8').catch(() => '');
      if (committed !== text) stale.push(`${file} is stale: run pnpm docs:generate`);
    }
    if (stale.length > 0) expect.fail(stale.join('\n'));
  });
});
