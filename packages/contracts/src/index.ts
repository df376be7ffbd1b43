export * from './events/envelope.js';
export * from './events/auth-events.js';
export * from './events/product-events.js';
