export * from './start-tracing.js';
export * from './tracing-config.js';
export * from './service-ports.js';
export * from './trace-headers.js';
export * from './trace-log-fields.js';
