export * from './demo-catalog.js';
export * from './placeholder-image.js';
