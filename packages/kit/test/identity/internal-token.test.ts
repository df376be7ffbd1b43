import { createSigner } from 'fast-jwt';
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
    const expired = createSigner({
      key: secret,
      iss: 'shop-internal',
      aud: 'shop-subgraphs',
      expiresIn: 60_000,
      clockTimestamp: Date.now() - 120_000,
    })({ via: 'router' });
    expect(await tokens.verify(expired)).toBeNull();
    expect(await tokens.verify(expired)).toBeNull();
  });

  it('refuses a token with no signature, or signed for another audience or issuer', async () => {
    const tokens = new InternalTokens(secret);
    const [header, payload] = (await tokens.sign(dana)).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await tokens.verify(unsigned)).toBeNull();
    expect(await tokens.verify(`${header}.${payload}.`)).toBeNull();
    const signedBy = (claims: { iss: string; aud: string }) =>
      createSigner({ key: secret, expiresIn: 60_000, ...claims })({ via: 'router' });
    expect(await tokens.verify(signedBy({ iss: 'shop-internal', aud: 'storefront' }))).toBeNull();
    expect(await tokens.verify(signedBy({ iss: 'auth', aud: 'shop-subgraphs' }))).toBeNull();
    expect(await tokens.verify(signedBy({ iss: 'shop-internal', aud: 'shop-subgraphs' }))).toEqual(
      anonymous,
    );
  });
});
