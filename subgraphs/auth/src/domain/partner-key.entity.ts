import { defineEntity, p } from '@mikro-orm/core';
import type { PartnerScope } from '@shop/contracts';

/**
 * A partner's API key. Only its SHA-256 is stored (keys are 256 random bits, so a fast hash is
 * enough), with a short prefix to recognise it by. Revoking is final.
 */
export const PartnerKeySchema = defineEntity({
  name: 'PartnerKey',
  tableName: 'partner_key',
  properties: {
    id: p.string().length(36).primary(),
    partnerId: p.string().length(36).index(),
    label: p.string().length(100),
    keyHash: p.string().length(64).unique(),
    keyPrefix: p.string().length(16),
    scopes: p.json<PartnerScope[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
  },
});

export class PartnerKey extends PartnerKeySchema.class {}
PartnerKeySchema.setClass(PartnerKey);
