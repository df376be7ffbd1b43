export * from './database-config.js';
export * from './open-database.js';
export * from './named-lock.js';
export { kitEntities } from './kit-entities.js';
export * from './newest-first-page.js';
export * from './by-id-loader.js';
export * from './count-by-status.js';
export * from './rows-where-in.js';
