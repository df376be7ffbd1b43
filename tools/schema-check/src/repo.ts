import { fileURLToPath } from 'node:url';

/** The repository's root (this package is tools/schema-check). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The files the check reads or writes, relative to the root: messages name them so. */
export const repoFiles = {
  supergraph: 'router/supergraph.graphql',
  acceptedChanges: 'router/schema-changes-accepted.json',
  lintBaseline: 'router/schema-lint-baseline.json',
  partnerPage: 'docs/partner-api.md',
} as const;
