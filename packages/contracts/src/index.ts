export * from './events/envelope.js';
export * from './events/auth-events.js';
export * from './events/product-events.js';
export * from './internal/product-api.js';
export * from './internal/promotion-api.js';
export * from './events/order-events.js';
export * from './internal/order-api.js';
export * from './events/payment-events.js';
