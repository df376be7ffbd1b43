import { ReindexRunSchema } from './reindex-run.entity.js';

export const catalogEntities = [ReindexRunSchema];
