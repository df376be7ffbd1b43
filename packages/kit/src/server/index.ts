// type-graphql reads decorator metadata through the Reflect API; load it before any decorator runs.
import 'reflect-metadata';

export * from './build-subgraph-schema.js';
export * from './context.js';
export * from './create-subgraph-server.js';
export * from './error-code.js';
export * from './error-result.js';
export { operationMetricsPlugin, type OperationOutcome } from './operation-metrics-plugin.js';
export * from './permissions.js';
export { noteBefore, type StaffAuditNotes } from './staff-audit.js';
export type { Identity, Role } from '../identity/identity.js';
export * from '../ops/index.js';
export * from './invalid-input.js';
export * from './graphql-http.js';
