import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientManifest } from '@shop/client/server';

const clientDir = fileURLToPath(new URL('../client/', import.meta.url));

/** The latest change to a file, or to anything in a folder. */
function newestChange(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** What the build is made from: a change to any of them calls for a new build. */
const buildInputs = ['src', 'public', 'index.html', 'admin/index.html', 'vite.config.ts'];

/** Builds the storefront and admin apps unless the build is newer than every source file. */
export function ensureClientBuilt(log: (message: string) => void): void {
  let builtAt = 0;
  try {
    builtAt = statSync(clientManifest).mtimeMs;
  } catch {
    // Not built yet.
  }
  const sources = Math.max(...buildInputs.map((input) => newestChange(join(clientDir, input))));
  if (builtAt > sources) return;
  log('building the storefront and the admin dashboard (pnpm client:build)…');
  execFileSync('pnpm', ['--filter', '@shop/client', 'build'], { stdio: 'inherit' });
}
