import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { partnerScopeNames, partnerScopes, type PartnerKeyCheck } from '@shop/contracts';
import { operationManifestSchema, operationRootFields } from '@shop/contracts/operation-manifest';
import { inputIssuesOf, type InputIssue } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import { z } from 'zod';
import { PartnerKey } from '../domain/partner-key.entity.js';
import { PartnerOperation } from '../domain/partner-operation.entity.js';
import { Partner } from '../domain/partner.entity.js';

type Issues = InputIssue[];

const partnerInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  rateLimitPerMinute: z.number().int().min(1).max(100_000),
});

const keyInputSchema = z.object({
  partnerId: z.uuid(),
  label: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(partnerScopeNames as [string, ...string[]]))
    .min(1, { message: 'grant at least one scope' }),
});

/** Fields any scope grants: a manifest may only register operations on these. */
const openToPartners = new Set<string>(Object.values(partnerScopes).flat());

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Partners, their keys and their operation manifests. A key is shown once, when issued; the router
 * checks keys and fetches operations here (and caches both briefly).
 */
export class Partners {
  async create(
    em: EntityManager,
    input: unknown,
  ): Promise<
    | { kind: 'created'; partner: Partner }
    | { kind: 'name-taken' }
    | { kind: 'invalid'; issues: Issues }
  > {
    const parsed = partnerInputSchema.safeParse(input);
    if (!parsed.success) return { kind: 'invalid', issues: inputIssuesOf(parsed.error) };
    const partner = em.create(Partner, { id: randomUUID(), ...parsed.data });
    try {
      await em.persist(partner).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return { kind: 'name-taken' };
      throw error;
    }
    return { kind: 'created', partner };
  }

  async issueKey(
    em: EntityManager,
    input: unknown,
  ): Promise<
    | { kind: 'issued'; key: string; record: PartnerKey }
    | { kind: 'not-found' }
    | { kind: 'invalid'; issues: Issues }
  > {
    const parsed = keyInputSchema.safeParse(input);
    if (!parsed.success) return { kind: 'invalid', issues: inputIssuesOf(parsed.error) };
    const { partnerId, label, scopes } = parsed.data;
    if (!(await em.findOne(Partner, { id: partnerId }))) return { kind: 'not-found' };
    const key = `shop_pk_${randomBytes(32).toString('base64url')}`;
    const record = em.create(PartnerKey, {
      id: randomUUID(),
      partnerId,
      label,
      keyHash: hashOf(key),
      keyPrefix: key.slice(0, 14),
      scopes: [...new Set(scopes)] as PartnerKey['scopes'],
    });
    await em.persist(record).flush();
    return { kind: 'issued', key, record };
  }

  /** Final; revoking a revoked key changes nothing. */
  async revokeKey(em: EntityManager, keyId: string): Promise<PartnerKey | null> {
    await em.nativeUpdate(PartnerKey, { id: keyId, revokedAt: null }, { revokedAt: new Date() });
    return em.findOne(PartnerKey, { id: keyId }, { refresh: true });
  }

  /**
   * Replaces the partner's operations with the manifest's, all or nothing. Each operation must be
   * one operation whose id is the SHA-256 of its body and whose root fields a scope can grant.
   */
  async registerManifest(
    em: EntityManager,
    partnerId: string,
    manifestJson: string,
  ): Promise<
    | { kind: 'registered'; partner: Partner }
    | { kind: 'not-found' }
    | { kind: 'invalid'; issues: Issues }
  > {
    const partner = await em.findOne(Partner, { id: partnerId });
    if (!partner) return { kind: 'not-found' };
    let json: unknown;
    try {
      json = JSON.parse(manifestJson);
    } catch {
      return { kind: 'invalid', issues: [{ field: 'manifest', message: 'is not JSON' }] };
    }
    const parsed = operationManifestSchema.safeParse(json);
    if (!parsed.success) return { kind: 'invalid', issues: inputIssuesOf(parsed.error) };
    const issues: Issues = [];
    const operations = parsed.data.operations.map((operation, index) => {
      const field = `operations.${index}`;
      const root = operationRootFields(operation.body);
      if ('error' in root) {
        issues.push({ field: `${field}.body`, message: root.error });
        return undefined;
      }
      for (const rootField of root.rootFields.filter((name) => !openToPartners.has(name)))
        issues.push({ field: `${field}.body`, message: `${rootField} is not open to partners` });
      return { ...operation, rootFields: root.rootFields };
    });
    if (issues.length > 0) return { kind: 'invalid', issues };
    await em.transactional(async (tx) => {
      await tx.nativeDelete(PartnerOperation, { partnerId });
      // A manifest listing one operation twice registers it once.
      const unique = new Map(operations.flatMap((o) => (o ? [[o.id, o] as const] : [])));
      for (const operation of unique.values())
        tx.persist(
          tx.create(PartnerOperation, {
            partnerId,
            operationId: operation.id,
            name: operation.name,
            body: operation.body,
            rootFields: operation.rootFields,
          }),
        );
    });
    return { kind: 'registered', partner };
  }

  async checkKey(em: EntityManager, key: string): Promise<PartnerKeyCheck> {
    const record = await em.findOne(PartnerKey, { keyHash: hashOf(key) });
    if (!record) return { valid: false, reason: 'UNKNOWN' };
    if (record.revokedAt) return { valid: false, reason: 'REVOKED' };
    const partner = await em.findOneOrFail(Partner, { id: record.partnerId });
    return {
      valid: true,
      keyId: record.id,
      partnerId: partner.id,
      partnerName: partner.name,
      scopes: record.scopes,
      rateLimitPerMinute: partner.rateLimitPerMinute,
    };
  }
}
