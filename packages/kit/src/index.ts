export * from './config.js';
export * from './development-defaults.js';
export * from './logger.js';
export * from './parse-input.js';
