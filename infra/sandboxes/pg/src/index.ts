export {
  defaultPgSandboxPort,
  startPgSandbox,
  type PgSandboxOptions,
  type RunningPgSandbox,
} from './server.js';
export { testCards, type TestCard } from './test-cards.js';
export { pgFeeOf, type SettlementRow } from './settlement-report.js';
export { authorizeInSandbox } from './authorize.js';
