import { z } from 'zod';

/**
 * What a partner key may be granted: each scope names the root fields its operations may select.
 * Partners reach subgraphs as anonymous callers, so a scope can only grant public fields.
 */
export const partnerScopes = {
  CATALOG_READ: [
    'Query.products',
    'Query.productSuggestions',
    'Query.product',
    'Query.sku',
    'Query.categories',
    'Query.brands',
  ],
} as const;
export type PartnerScope = keyof typeof partnerScopes;
export const partnerScopeNames = Object.keys(partnerScopes) as PartnerScope[];

const operationId = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

/** POST /internal/partner-keys/verify on auth: is this key live, and what may it do. */
export const partnerKeyCheckRequestSchema = z.object({ key: z.string().min(1).max(200) });
export const partnerKeyCheckSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    keyId: z.uuid(),
    partnerId: z.uuid(),
    partnerName: z.string(),
    scopes: z.array(z.enum(partnerScopeNames as [PartnerScope, ...PartnerScope[]])),
    rateLimitPerMinute: z.number().int().positive(),
  }),
  z.object({ valid: z.literal(false), reason: z.enum(['UNKNOWN', 'REVOKED']) }),
]);
export type PartnerKeyCheck = z.infer<typeof partnerKeyCheckSchema>;

/** GET /internal/partners/:partnerId/operations/:operationId on auth: one registered operation. */
export const partnerOperationSchema = z.object({
  id: operationId,
  name: z.string(),
  body: z.string(),
  /** `Type.field` of every root field it selects, checked against the key's scopes. */
  rootFields: z.array(z.string()),
});
export type PartnerOperation = z.infer<typeof partnerOperationSchema>;
