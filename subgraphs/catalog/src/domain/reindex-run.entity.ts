import { defineEntity, p } from '@mikro-orm/core';

export const reindexStates = ['RUNNING', 'DONE', 'FAILED'] as const;
export type ReindexState = (typeof reindexStates)[number];

/** One rebuild of the search index from product's data: its progress and how it ended. */
export const ReindexRunSchema = defineEntity({
  name: 'ReindexRun',
  tableName: 'reindex_run',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    state: p.enum(reindexStates).default('RUNNING'),
    /** Products product reported when the run started; grows if products are added meanwhile. */
    total: p.integer().default(0),
    indexed: p.integer().default(0),
    error: p.text().nullable(),
    startedAt: p.datetime().onCreate(() => new Date()),
    finishedAt: p.datetime().nullable(),
  },
});

export class ReindexRun extends ReindexRunSchema.class {}
ReindexRunSchema.setClass(ReindexRun);
