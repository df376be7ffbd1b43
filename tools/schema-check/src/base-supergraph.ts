import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoFiles } from './repo.js';

const run = promisify(execFile);

/** The supergraph to compare with, or why there is none. */
export type BaseSupergraph =
  { kind: 'found'; ref: string; sdl: string } | { kind: 'absent'; ref: string; note: string };

async function isCommit(root: string, ref: string): Promise<boolean> {
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root });
    return true;
  } catch {
    return false;
  }
}

async function commitOf(root: string, ref: string): Promise<string> {
  return (await run('git', ['rev-parse', `${ref}^{commit}`], { cwd: root })).stdout.trim();
}

/**
 * The committed supergraph at `SHOP_SCHEMA_BASE`, else origin/main, else main. A ref someone set
 * must exist; a default one may not (a clone without main), and then there is nothing to compare.
 * On main itself (CI checks a fresh clone of it) the default is the commit before, so the change
 * being landed is what gets checked rather than main against itself.
 */
export async function readBaseSupergraph(
  root: string,
  env: Record<string, string | undefined> = process.env,
): Promise<BaseSupergraph> {
  const chosen = env.SHOP_SCHEMA_BASE;
  const main = (await isCommit(root, 'origin/main')) ? 'origin/main' : 'main';
  let ref = chosen ?? main;
  if (
    !chosen &&
    (await isCommit(root, main)) &&
    (await commitOf(root, main)) === (await commitOf(root, 'HEAD')) &&
    (await isCommit(root, 'HEAD^'))
  )
    ref = 'HEAD^';
  if (!(await isCommit(root, ref))) {
    if (chosen) throw new Error(`SHOP_SCHEMA_BASE=${chosen} is not a commit in this repository`);
    return { kind: 'absent', ref, note: `no ${ref} here to compare with` };
  }
  try {
    const { stdout } = await run('git', ['show', `${ref}:${repoFiles.supergraph}`], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { kind: 'found', ref, sdl: stdout };
  } catch {
    return { kind: 'absent', ref, note: `${ref} has no ${repoFiles.supergraph} yet` };
  }
}
