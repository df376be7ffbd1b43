export * from './events/envelope.js';
export * from './events/auth-events.js';
