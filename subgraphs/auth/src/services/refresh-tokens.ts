import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@shop/kit/db';
import { RefreshToken } from '../domain/refresh-token.entity.js';

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export type RotationResult =
  | { ok: true; userId: string; next: IssuedRefreshToken }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opaque refresh tokens, rotated on every use, with reuse detection per family. */
export class RefreshTokens {
  constructor(private readonly ttlSeconds: number) {}

  issue(em: EntityManager, userId: string, familyId: string = randomUUID()): IssuedRefreshToken {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    em.persist(
      em.create(RefreshToken, {
        id: randomUUID(),
        tokenHash: hashOf(token),
        familyId,
        userId,
        expiresAt,
      }),
    );
    return { token, expiresAt };
  }

  /**
   * Swaps a refresh token for its successor. The swap is a conditional update, so of two requests
   * racing with the same token exactly one wins; the other counts as reuse and revokes the family.
   */
  async rotate(em: EntityManager, token: string): Promise<RotationResult> {
    return em.transactional(async (tx) => {
      const current = await tx.findOne(RefreshToken, { tokenHash: hashOf(token) });
      if (!current) return { ok: false, reason: 'unknown' } as const;
      if (current.revokedAt) return { ok: false, reason: 'revoked' } as const;
      if (current.expiresAt.getTime() <= Date.now())
        return { ok: false, reason: 'expired' } as const;
      const won = await tx.nativeUpdate(
        RefreshToken,
        { id: current.id, rotatedAt: null, revokedAt: null },
        { rotatedAt: new Date() },
      );
      if (won !== 1) {
        await this.revokeFamily(tx, current.familyId);
        return { ok: false, reason: 'reused' } as const;
      }
      return {
        ok: true,
        userId: current.userId,
        next: this.issue(tx, current.userId, current.familyId),
      } as const;
    });
  }

  /** Logout: revokes the session the token belongs to. False if the token is unknown. */
  async revokeSessionOf(em: EntityManager, token: string): Promise<boolean> {
    const current = await em.findOne(RefreshToken, { tokenHash: hashOf(token) });
    if (!current) return false;
    await this.revokeFamily(em, current.familyId);
    return true;
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }
}
