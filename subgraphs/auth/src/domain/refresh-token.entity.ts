import { defineEntity, p } from '@mikro-orm/core';

/**
 * One refresh token of a login session (its family). Only the SHA-256 of the token is stored.
 * Using a token rotates it: it gets `rotatedAt` and a successor in the same family. Presenting a
 * rotated token again means it was stolen or replayed, so the whole family is revoked.
 */
export const RefreshTokenSchema = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p.string().length(36).primary(),
    tokenHash: p.string().length(64).unique(),
    familyId: p.string().length(36).index(),
    userId: p.string().length(36).index(),
    issuedAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    rotatedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export class RefreshToken extends RefreshTokenSchema.class {}
RefreshTokenSchema.setClass(RefreshToken);
