export * from './database-config.js';
export * from './open-database.js';
export { kitEntities } from './kit-entities.js';
export * from './newest-first-page.js';
