export * from './infra.js';
export * from './test-database.js';
export * from './wait-for.js';
export * from './event-ledger.js';
export * from './free-port.js';
export * from './graphql-client.js';
export * from './start-services.js';
export * from './prometheus-text.js';
