import type { HTTPGraphQLRequest } from '@apollo/server';
import { partnerScopes, type PartnerKeyCheck } from '@shop/contracts';
import { ServiceUnavailableError } from '@shop/kit/internal-http';
import { RequestRefused } from '../refusal.js';
import type { PartnerDirectory } from './partner-directory.js';
import { refusePersisted, requestedOperation, withDocument } from './persisted-request.js';

export const partnerKeyHeader = 'x-shop-partner-key';

export type VerifiedPartner = Extract<PartnerKeyCheck, { valid: true }>;

/**
 * Partner requests: a live key, then one operation of the partner's registered manifest, by id
 * only, within the key's scopes. Anything else is refused before GraphQL runs.
 */
export class PartnerGate {
  constructor(private readonly directory: PartnerDirectory) {}

  /** The partner behind the key, or a refusal (401 unknown or revoked, 503 auth unreachable). */
  async verify(key: string): Promise<VerifiedPartner> {
    let check: PartnerKeyCheck;
    try {
      check = await this.directory.checkKey(key);
    } catch (error) {
      throw unavailable(error);
    }
    if (check.valid) return check;
    throw new RequestRefused({
      status: 401,
      code: 'PARTNER_KEY_INVALID',
      message:
        check.reason === 'REVOKED'
          ? 'This partner key was revoked: ask the shop for a new one.'
          : `The ${partnerKeyHeader} header holds no valid partner key.`,
      extensions: { reason: check.reason },
    });
  }

  /** The request with the operation's document in place of its id, or a refusal. */
  async resolve(
    partner: VerifiedPartner,
    request: HTTPGraphQLRequest,
  ): Promise<HTTPGraphQLRequest> {
    const wanted = requestedOperation(request);
    if (wanted.kind !== 'persisted')
      throw refusePersisted(
        'PERSISTED_QUERY_REQUIRED',
        'Partners send the id of an operation from their registered manifest ' +
          '(extensions.persistedQuery.sha256Hash), never a query.',
      );
    let operation;
    try {
      operation = await this.directory.operation(partner.partnerId, wanted.id);
    } catch (error) {
      throw unavailable(error);
    }
    if (!operation)
      throw refusePersisted(
        'PERSISTED_QUERY_NOT_LISTED',
        `Operation ${wanted.id.slice(0, 16)}… is not in your registered manifest.`,
      );
    const granted = new Set<string>(partner.scopes.flatMap((scope) => partnerScopes[scope]));
    const missing = operation.rootFields.filter((field) => !granted.has(field));
    if (missing.length > 0)
      throw refusePersisted(
        'SCOPE_MISSING',
        `This key's scopes do not cover ${missing.join(', ')}.`,
        403,
      );
    return withDocument(request, operation.body);
  }
}

function unavailable(error: unknown): RequestRefused {
  if (!(error instanceof ServiceUnavailableError)) throw error;
  return new RequestRefused({
    status: 503,
    code: 'PARTNER_AUTH_UNAVAILABLE',
    message: 'Partner keys cannot be checked right now: try again shortly.',
    headers: { 'retry-after': '5' },
  });
}
