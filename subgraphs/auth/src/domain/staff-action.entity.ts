import { defineEntity, p } from '@mikro-orm/core';

/** One entry of the audit log: a member of staff's mutation in any subgraph (StaffActionRecorded). */
export const StaffActionSchema = defineEntity({
  name: 'StaffAction',
  tableName: 'staff_action',
  indexes: [
    { properties: ['at'] },
    { properties: ['actorId', 'at'] },
    { properties: ['subjectId', 'at'] },
  ],
  properties: {
    /** Kept once per event, however often it is delivered: the consumer's inbox sees to it. */
    id: p.bigint('number').primary().autoincrement(),
    actorId: p.string().length(36),
    /** The roles the actor had then, comma-separated. */
    actorRoles: p.string().length(100),
    service: p.string().length(20),
    action: p.string().length(100),
    /** The order, return, SKU… it acted on (see the chassis's `subjectIdOf`). */
    subjectId: p.string().length(100).nullable(),
    input: p.text(),
    outcome: p.string().length(50),
    before: p.text().nullable(),
    after: p.text().nullable(),
    at: p.datetime(3),
  },
});

export class StaffAction extends StaffActionSchema.class {}
StaffActionSchema.setClass(StaffAction);
