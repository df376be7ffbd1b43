export * from './health.js';
export * from './http-response.js';
export * from './metrics.js';
export * from './shutdown.js';
export * from './listen.js';
export * from './progress.js';
export * from './crash-point.js';
export * from './exit-on-config-error.js';
