// `pnpm bench --baseline <commit>`: that commit checked out beside this one (a git worktree with
// its own dependencies), so both run in one bench, on the same machine, minutes apart.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { repoRoot } from '../shop-process.js';

export interface BaselineCommit {
  sha: string;
  /** The first 7 characters of the sha: how the report and its databases name it. */
  short: string;
  /** The worktree's root, ready to `pnpm start`. */
  root: string;
  /** The API the commit's router serves: a query it does not validate against is not compared. */
  apiSchema: GraphQLSchema;
}

const infraSettings = path.join(repoRoot, '.data/infra/shop.env');

const git = (args: string[], cwd = repoRoot) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** The commit in a worktree of its own (kept for the next run), its dependencies installed. */
export function checkOutBaseline(commit: string): BaselineCommit {
  const sha = git(['rev-parse', '--verify', `${commit}^{commit}`]);
  const root = path.join(tmpdir(), `shop-bench-baseline-${sha.slice(0, 12)}`);
  if (!existsSync(root)) {
    console.error(`checking out ${commit} into a worktree…`);
    git(['worktree', 'add', '--detach', root, sha]);
  }
  if (git(['rev-parse', 'HEAD'], root) !== sha)
    throw new Error(`${root} holds another commit than ${sha}: remove it (git worktree remove)`);
  console.error(`installing ${sha.slice(0, 7)}'s dependencies…`);
  execFileSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The real services `pnpm infra:up` started for this checkout serve the baseline too.
  mkdirSync(path.join(root, '.data/infra'), { recursive: true });
  copyFileSync(infraSettings, path.join(root, '.data/infra/shop.env'));
  const apiSchema = buildSchema(readFileSync(path.join(root, 'router/api-schema.graphql'), 'utf8'));
  return { sha, short: sha.slice(0, 7), root, apiSchema };
}

/** Splits the queries into those the commit's API answers and those it cannot (and why). */
export function queriesServedBy<Query extends { query: string }>(
  baseline: BaselineCommit,
  queries: Record<string, Query>,
): { served: Record<string, Query>; notServed: Record<string, string> } {
  const served: Record<string, Query> = {};
  const notServed: Record<string, string> = {};
  for (const [name, body] of Object.entries(queries)) {
    const errors = validate(baseline.apiSchema, parse(body.query));
    if (errors.length === 0) served[name] = body;
    else notServed[name] = errors.map((error) => error.message).join('; ');
  }
  return { served, notServed };
}
