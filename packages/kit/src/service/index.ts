export * from './define-service.js';
export * from './runtime.js';
export * from './runtime-config.js';
export * from './service-names.js';
export * from './start-service.js';
export * from './consumer-group.js';
export * from './resolver-container.js';
export * from './periodic-job.js';
