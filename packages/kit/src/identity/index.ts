export * from './identity.js';
export * from './internal-token.js';
