import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '@shop/kit';
import type { Identity, InternalTokens } from '@shop/kit/identity';
import { identify } from './auth/identify.js';
import type { TokenCheck } from './auth/verify-access-token.js';
import { clientAddress, type TrustedProxy } from './client-address.js';
import { writeGraphQLResponse } from '@shop/kit/server';
import { sendRefusal, toGraphQLRequest, type VariablesLimits } from './http-server.js';
import type { RouterMetrics } from './metrics.js';
import type { OperationSafelist } from './persisted/operation-safelist.js';
import {
  partnerKeyHeader,
  type PartnerGate,
  type VerifiedPartner,
} from './persisted/partner-gate.js';
import type { RequestRateLimiter } from './rate-limit.js';
import { RequestRefused } from './refusal.js';
import { requestIdOf } from './request-id.js';
import { logRequest } from './request-log.js';
import { requestOutcome } from './request-outcome.js';
import type { RouterContext } from './router-context.js';

export interface GraphQLHandlerDeps {
  apollo: ApolloServer<RouterContext>;
  verifyAccessToken: (token: string) => Promise<TokenCheck>;
  rateLimiter: RequestRateLimiter;
  partners: PartnerGate;
  safelist: OperationSafelist;
  internalTokens: InternalTokens;
  metrics: RouterMetrics;
  logger: Logger;
  /** Which peers' `X-Forwarded-For` is read (`SHOP_TRUSTED_PROXIES`). */
  trustedProxy: TrustedProxy;
  /** Nesting and size of `variables` (`SHOP_MAX_VARIABLES_DEPTH`/`_BYTES`). */
  variablesLimits: VariablesLimits;
  maxBodyBytes: number;
  isReady: () => boolean;
}

const notReady = new RequestRefused({
  status: 503,
  code: 'NOT_READY',
  message: 'The router is not ready: try again shortly.',
  headers: { 'retry-after': '1' },
});

/**
 * One client request to `/graphql`: request id, client address, identity (JWT), rate limit, then
 * Apollo Server with a context carrying the identity to sign for the subgraphs; finally one log
 * line and the request metrics, whatever happened.
 */
export function graphqlHandler(deps: GraphQLHandlerDeps) {
  /** The client, or a refusal; a bad token also spends the address's budget (no free guessing). */
  async function identifyAndLimit(req: IncomingMessage, clientIp: string): Promise<Identity> {
    let identity: Identity;
    try {
      identity = await identify(req.headers.authorization, deps.verifyAccessToken);
    } catch (error) {
      if (error instanceof RequestRefused && error.status === 401)
        await deps.rateLimiter.spend({ kind: 'anonymous' }, clientIp);
      throw error;
    }
    await deps.rateLimiter.spend(identity, clientIp);
    return identity;
  }

  /** The key's partner, or a refusal; a bad key spends the address's budget like a bad token. */
  async function verifiedPartner(req: IncomingMessage, clientIp: string): Promise<VerifiedPartner> {
    if (req.headers.authorization !== undefined)
      throw new RequestRefused({
        status: 400,
        code: 'BAD_REQUEST',
        message: `Send either a partner key (${partnerKeyHeader}) or an Authorization header, not both.`,
      });
    let partner: VerifiedPartner;
    try {
      partner = await deps.partners.verify(String(req.headers[partnerKeyHeader]));
    } catch (error) {
      if (error instanceof RequestRefused && error.status === 401)
        await deps.rateLimiter.spend({ kind: 'anonymous' }, clientIp);
      throw error;
    }
    return partner;
  }

  function contextFor(
    identity: Identity,
    clientIp: string,
    requestId: string,
    partner: VerifiedPartner | undefined,
    startedAt: number,
  ): RouterContext {
    const caller = { via: 'router', identity, clientIp, partnerId: partner?.partnerId };
    return {
      identity,
      clientIp,
      requestId,
      startedAt,
      internalToken: () => deps.internalTokens.sign(caller),
      logger: deps.logger.child({ requestId }),
      report: { errorCodes: [] },
    };
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const startedAt = performance.now();
    const requestId = requestIdOf(req.headers);
    res.setHeader('x-request-id', requestId);
    const clientIp = clientAddress(req, deps.trustedProxy);
    let identity: Identity | undefined;
    let partner: VerifiedPartner | undefined;
    let context: RouterContext | undefined;
    let refusalCode: string | undefined;
    try {
      if (!deps.isReady()) throw notReady;
      let httpGraphQLRequest;
      if (req.headers[partnerKeyHeader] !== undefined) {
        // Partners read public data: anonymous to the subgraphs, named in the internal token.
        partner = await verifiedPartner(req, clientIp);
        await deps.rateLimiter.spendPartner(partner);
        identity = { kind: 'anonymous' };
        httpGraphQLRequest = await deps.partners.resolve(
          partner,
          await toGraphQLRequest(req, deps.maxBodyBytes, deps.variablesLimits),
        );
      } else {
        identity = await identifyAndLimit(req, clientIp);
        httpGraphQLRequest = deps.safelist.resolve(
          await toGraphQLRequest(req, deps.maxBodyBytes, deps.variablesLimits),
        );
      }
      const ready = (context = contextFor(identity, clientIp, requestId, partner, startedAt));
      const response = await deps.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => ready,
      });
      await writeGraphQLResponse(res, response);
    } catch (error) {
      if (!(error instanceof RequestRefused)) throw error;
      refusalCode = error.code;
      sendRefusal(res, error);
    } finally {
      const errorCodes = refusalCode ? [refusalCode] : (context?.report.errorCodes ?? []);
      const status = res.statusCode;
      const outcome = requestOutcome(status, errorCodes);
      const operation = deps.metrics.operationLabel(context?.report.operationName);
      const seconds = (performance.now() - startedAt) / 1000;
      deps.metrics.requestFinished(operation, outcome, seconds);
      if (partner) deps.metrics.partnerRequestFinished(partner.partnerName, outcome);
      logRequest(deps.logger, {
        requestId,
        operationName: operation,
        userId: identity?.kind === 'user' ? identity.userId : undefined,
        partnerId: partner?.partnerId,
        clientIp,
        status,
        outcome,
        durationMs: Math.round(seconds * 1000),
        errors: Math.max(errorCodes.length, status >= 400 ? 1 : 0),
      });
    }
  };
}
