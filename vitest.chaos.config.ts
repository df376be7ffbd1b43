import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `pnpm chaos`: processes killed on purpose on the real services; minutes, so not in `pnpm test`.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['tests/e2e/chaos/**/*.chaos.ts'], testTimeout: 300_000 },
});
