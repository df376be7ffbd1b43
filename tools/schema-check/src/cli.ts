// `pnpm schema:check`: the checks CI runs on the API schema, one line each —
//   composition       every subgraph composes and router/supergraph.graphql is current
//   breaking changes  none from the base ref's supergraph (SHOP_SCHEMA_BASE, else origin/main,
//                     else main) unless accepted in router/schema-changes-accepted.json
//   operations        every client operation and persisted query manifest is valid
//   lint              no naming or description violation outside router/schema-lint-baseline.json
//   partner page      docs/partner-api.md is what the API schema makes of it
// `--write` regenerates docs/partner-api.md; `--update-lint-baseline` rewrites the lint baseline.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { partnerScopes } from '@shop/contracts';
import { apiSchemaOf } from './api-schema.js';
import { readBaseSupergraph } from './base-supergraph.js';
import { loadAcceptedChanges } from './breaking/accepted.js';
import { checkBreakingChanges } from './breaking/check.js';
import { checkComposition } from './composition.js';
import { prettierFormat } from './format.js';
import { checkLint, lintBaselineText, loadLintBaseline } from './lint/baseline.js';
import { lintSchema } from './lint/rules.js';
import { collectOperations } from './operations/collect.js';
import { checkOperations } from './operations/validate.js';
import { partnerPage } from './reference/partner-page.js';
import { repoFiles, repoRoot } from './repo.js';
import { formatResult, type CheckResult } from './result.js';

const flags = new Set(process.argv.slice(2));
const write = flags.delete('--write');
const updateLintBaseline = flags.delete('--update-lint-baseline');
if (flags.size > 0) {
  console.error('usage: pnpm schema:check [--write] [--update-lint-baseline]');
  process.exit(2);
}

const inRepo = (file: string) => path.join(repoRoot, file);
let failed = false;

/** Runs one check and prints its line; a check that throws fails with its message. */
async function report(name: string, check: () => Promise<CheckResult>): Promise<void> {
  let result: CheckResult;
  try {
    result = await check();
  } catch (error) {
    result = { name, ok: false, summary: (error as Error).message, details: [] };
  }
  failed ||= !result.ok;
  process.stdout.write(`${formatResult(result)}\n`);
}

await report('composition', () => checkComposition(repoRoot));
// The committed supergraph: the check above says whether it is the one the subgraphs compose.
const next = apiSchemaOf(await readFile(inRepo(repoFiles.supergraph), 'utf8'));
const collected = await collectOperations(repoRoot);

await report('breaking changes', async () => {
  const base = await readBaseSupergraph(repoRoot);
  if (base.kind === 'absent')
    return { name: 'breaking changes', ok: true, summary: `skipped: ${base.note}`, details: [] };
  return checkBreakingChanges({
    ref: base.ref,
    base: apiSchemaOf(base.sdl),
    next,
    operations: collected.operations,
    accepted: await loadAcceptedChanges(repoRoot),
  });
});

await report('operations', async () => checkOperations(next, collected));

await report('lint', async () => {
  const violations = lintSchema(next);
  if (updateLintBaseline)
    await writeFile(
      inRepo(repoFiles.lintBaseline),
      await prettierFormat(lintBaselineText(violations), inRepo(repoFiles.lintBaseline)),
    );
  return checkLint(violations, await loadLintBaseline(repoRoot));
});

await report('partner page', async () => {
  const file = inRepo(repoFiles.partnerPage);
  const page = await prettierFormat(partnerPage(next, partnerScopes), file);
  const name = 'partner page';
  if (write) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page);
    return { name, ok: true, summary: `${repoFiles.partnerPage} written`, details: [] };
  }
  if ((await readFile(file, 'utf8').catch(() => '')) === page)
    return { name, ok: true, summary: `${repoFiles.partnerPage} up to date`, details: [] };
  return {
    name,
    ok: false,
    summary: `${repoFiles.partnerPage} is stale`,
    details: [`run \`pnpm schema:check --write\` and commit ${repoFiles.partnerPage}`],
  };
});

process.exit(failed ? 1 : 0);
