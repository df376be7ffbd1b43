import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { InternalTokens } from '../../src/identity/index.js';

const secret = 'kit-tests-internal-secret-0123456789abcdef';

describe('InternalTokens', () => {
  const anonymous = { via: 'router', identity: { kind: 'anonymous' as const } };
  const dana = {
    via: 'router',
    identity: { kind: 'user' as const, userId: 'dana', roles: ['CUSTOMER' as const] },
    clientIp: '203.0.113.7',
  };

  it('hands the same caller the same token for a while, and each caller its own', async () => {
    const tokens = new InternalTokens(secret);
    const first = await tokens.sign(dana);
    expect(await tokens.sign({ ...dana })).toBe(first);
    expect(await tokens.sign(anonymous)).not.toBe(first);
    expect(await tokens.sign({ ...dana, clientIp: '203.0.113.8' })).not.toBe(first);
    expect(await tokens.verify(first)).toEqual(dana);
  });

  it('verifies a remembered token to the same caller, and still refuses forged and expired ones', async () => {
    const tokens = new InternalTokens(secret);
    const token = await tokens.sign(dana);
    expect(await tokens.verify(token)).toEqual(dana);
    expect(await tokens.verify(token)).toEqual(dana);
    const other = new InternalTokens('another-secret-of-at-least-32-characters!');
    expect(await tokens.verify(await other.sign(dana))).toBeNull();
    const expired = await new SignJWT({ via: 'router' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('shop-internal')
      .setAudience('shop-subgraphs')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(secret));
    expect(await tokens.verify(expired)).toBeNull();
    expect(await tokens.verify(expired)).toBeNull();
  });
});
