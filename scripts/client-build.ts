import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientManifest } from '@shop/client/server';

const clientDir = fileURLToPath(new URL('../client/', import.meta.url));

function newestChange(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory()
        ? newestChange(join(dir, entry.name))
        : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

/** Builds the storefront and admin apps unless the build is newer than every source file. */
export function ensureClientBuilt(log: (message: string) => void): void {
  let builtAt = 0;
  try {
    builtAt = statSync(clientManifest).mtimeMs;
  } catch {
    // Not built yet.
  }
  const sources = Math.max(
    newestChange(join(clientDir, 'src')),
    statSync(join(clientDir, 'index.html')).mtimeMs,
  );
  if (builtAt > sources) return;
  log('building the storefront and the admin dashboard (pnpm client:build)…');
  execFileSync('pnpm', ['--filter', '@shop/client', 'build'], { stdio: 'inherit' });
}
