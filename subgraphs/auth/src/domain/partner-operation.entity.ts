import { defineEntity, p } from '@mikro-orm/core';

/** One operation of a partner's manifest: the only GraphQL the partner's keys can run. */
export const PartnerOperationSchema = defineEntity({
  name: 'PartnerOperation',
  tableName: 'partner_operation',
  uniques: [{ properties: ['partnerId', 'operationId'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    partnerId: p.string().length(36),
    /** SHA-256 of the body, in hex: what the partner sends. */
    operationId: p.string().length(64),
    name: p.string().length(200),
    body: p.text(),
    /** `Type.field` of each root field it selects: a key runs it only if its scopes cover them. */
    rootFields: p.json<string[]>(),
    registeredAt: p.datetime().onCreate(() => new Date()),
  },
});

export class PartnerOperation extends PartnerOperationSchema.class {}
PartnerOperationSchema.setClass(PartnerOperation);
