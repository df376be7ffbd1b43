import { defineEntity, p } from '@mikro-orm/core';

/** A company calling the shop's API with its own keys and its own registered operations. */
export const PartnerSchema = defineEntity({
  name: 'Partner',
  tableName: 'partner',
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(100).unique(),
    /** Requests per minute across all of the partner's keys; other partners are not affected. */
    rateLimitPerMinute: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Partner extends PartnerSchema.class {}
PartnerSchema.setClass(Partner);
