export * from './config.js';
export * from './development-defaults.js';
export * from './logger.js';
