// `pnpm docs:generate`: writes docs/events.md and README's
// architecture diagram from the event contracts and the subgraphs' `events` declarations. A test
// (tools/docs/test/docs-current.test.ts) fails in CI when the committed files differ.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatedDocs } from './generated-docs.js';
import { repoRoot } from './repo.js';

for (const { file, text } of await generatedDocs()) {
  const target = path.join(repoRoot, file);
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current === text) {
    process.stdout.write(`${file} up to date\n`);
  } else {
    await writeFile(target, text);
    process.stdout.write(`${file} written\n`);
  }
}
