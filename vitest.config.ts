import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql for everything: vite would give our sources the ESM build while CommonJS packages
  // (@apollo/subgraph, Apollo Server, type-graphql) load the CJS one, and graphql-js refuses mixes.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['**/test/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.data/**', '.tools/**'],
    // Suites share real services (one Kafka broker that some tests kill and restart): run files
    // one at a time so no suite sees another's fault injection.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
