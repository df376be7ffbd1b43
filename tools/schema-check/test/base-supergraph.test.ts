import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBaseSupergraph } from '../src/base-supergraph.js';

let root: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd: root,
  });

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'schema-base-'));
  git('init', '-q', '-b', 'main');
  await writeFile(path.join(root, 'README.md'), 'no supergraph yet\n');
  git('add', '.');
  git('commit', '-q', '-m', 'start');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('the base supergraph', () => {
  it('is skipped with a note while the base has none', async () => {
    expect(await readBaseSupergraph(root, {})).toEqual({
      kind: 'absent',
      ref: 'main',
      note: 'main has no router/supergraph.graphql yet',
    });
  });

  it('is read from main on a branch, from the commit before on main itself, or from SHOP_SCHEMA_BASE', async () => {
    await mkdir(path.join(root, 'router'));
    await writeFile(path.join(root, 'router/supergraph.graphql'), 'type Query { a: Int }\n');
    git('add', '.');
    git('commit', '-q', '-m', 'supergraph');
    git('branch', 'release');
    await writeFile(path.join(root, 'router/supergraph.graphql'), 'type Query { b: Int }\n');
    git('commit', '-q', '-am', 'changed');
    // On main, as CI checks it: the last commit is the change under check.
    expect(await readBaseSupergraph(root, {})).toEqual({
      kind: 'found',
      ref: 'HEAD^',
      sdl: 'type Query { a: Int }\n',
    });
    git('checkout', '-q', '-b', 'feature');
    await writeFile(path.join(root, 'router/supergraph.graphql'), 'type Query { c: Int }\n');
    git('commit', '-q', '-am', 'feature change');
    expect(await readBaseSupergraph(root, {})).toEqual({
      kind: 'found',
      ref: 'main',
      sdl: 'type Query { b: Int }\n',
    });
    expect(await readBaseSupergraph(root, { SHOP_SCHEMA_BASE: 'release' })).toEqual({
      kind: 'found',
      ref: 'release',
      sdl: 'type Query { a: Int }\n',
    });
  });

  it('fails on a SHOP_SCHEMA_BASE that is no commit', async () => {
    await expect(readBaseSupergraph(root, { SHOP_SCHEMA_BASE: 'nope' })).rejects.toThrow(
      'SHOP_SCHEMA_BASE=nope is not a commit in this repository',
    );
  });
});
