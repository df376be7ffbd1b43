export * from './shop-under-test.js';
