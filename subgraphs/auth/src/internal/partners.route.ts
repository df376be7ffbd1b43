import { partnerKeyCheckRequestSchema } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { InternalProblem, type InternalRouter } from '@shop/kit/internal-http';
import { PartnerOperation } from '../domain/partner-operation.entity.js';
import type { Partners } from '../services/partners.js';

/**
 * For the router:
 * POST /internal/partner-keys/verify                         → is the key live, its scopes, limit
 * GET  /internal/partners/:partnerId/operations/:operationId → one operation of the manifest
 */
export function partnerRoutes(router: InternalRouter, orm: Orm, partners: Partners): void {
  router
    .route('POST', '/internal/partner-keys/verify', partnerKeyCheckRequestSchema, ({ body }) =>
      partners.checkKey(orm.em.fork(), body.key),
    )
    .route('GET', '/internal/partners/:partnerId/operations/:operationId', async ({ params }) => {
      const operation = await orm.em.fork().findOne(PartnerOperation, {
        partnerId: params.partnerId!,
        operationId: params.operationId!,
      });
      if (!operation) throw new InternalProblem(404, 'OPERATION_NOT_FOUND');
      return {
        id: operation.operationId,
        name: operation.name,
        body: operation.body,
        rootFields: operation.rootFields,
      };
    });
}
