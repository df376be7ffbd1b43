export * from './create-rate-limiter.js';
