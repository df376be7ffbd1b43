import { fileURLToPath } from 'node:url';

/** The repository's root (this package is tools/docs). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The files `pnpm docs:generate` writes, relative to the root: messages name them so. */
export const generatedFiles = {
  events: 'docs/events.md',
  readme: 'README.md',
} as const;
