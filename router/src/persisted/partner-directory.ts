import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  partnerKeyCheckSchema,
  partnerOperationSchema,
  type PartnerKeyCheck,
  type PartnerOperation,
} from '@shop/contracts';
import { InternalHttpError, type InternalClient } from '@shop/kit/internal-http';

/**
 * Partner keys and operations, as auth knows them, cached for `ttlMs`: a revoked key or a removed
 * operation stops working within that time, and a flood of requests asks auth once per key. Keys
 * are cached by their hash, never in the clear.
 */
export class PartnerDirectory {
  private readonly keys: LRUCache<string, PartnerKeyCheck>;
  private readonly operations: LRUCache<string, { found: PartnerOperation | null }>;

  constructor(
    private readonly auth: InternalClient,
    ttlMs: number,
  ) {
    this.keys = new LRUCache({
      max: 10_000,
      ttl: ttlMs,
      fetchMethod: async (_hash, _stale, { context }) =>
        partnerKeyCheckSchema.parse(
          await this.auth.post('/internal/partner-keys/verify', { key: context }),
        ),
    });
    this.operations = new LRUCache({
      max: 10_000,
      ttl: ttlMs,
      fetchMethod: async (path) => {
        try {
          return { found: partnerOperationSchema.parse(await this.auth.get(path)) };
        } catch (error) {
          if (error instanceof InternalHttpError && error.status === 404) return { found: null };
          throw error;
        }
      },
    });
  }

  async checkKey(key: string): Promise<PartnerKeyCheck> {
    const hash = createHash('sha256').update(key).digest('hex');
    return (await this.keys.fetch(hash, { context: key }))!;
  }

  async operation(partnerId: string, operationId: string): Promise<PartnerOperation | null> {
    if (!/^[0-9a-f]{64}$/.test(operationId)) return null;
    const path = `/internal/partners/${partnerId}/operations/${operationId}`;
    return (await this.operations.fetch(path))!.found;
  }
}
