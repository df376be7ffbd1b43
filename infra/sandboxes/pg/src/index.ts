export * from './server.js';
export { testCards } from './test-cards.js';
export type { SettlementRow } from './settlement-report.js';
