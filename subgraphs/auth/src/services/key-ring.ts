import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Orm } from '@shop/kit/db';
import { SigningKey } from '../domain/signing-key.entity.js';

export const signingAlgorithm = 'ES256';

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

interface Snapshot {
  active: ActiveKey;
  jwks: { keys: JWK[] };
  loadedAt: number;
}

/**
 * The signing keys: the newest unretired key signs; the JWKS publishes every key whose tokens may
 * still be alive. Kept in memory and re-read periodically, so a rotation done by another instance
 * (or the CLI) is seen without a restart.
 */
export class KeyRing {
  private snapshot: Promise<Snapshot> | undefined;

  constructor(
    private readonly orm: Orm,
    private readonly options: { accessTokenTtlSeconds: number; refreshEveryMs?: number },
  ) {}

  async activeKey(): Promise<ActiveKey> {
    return (await this.current()).active;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return (await this.current()).jwks;
  }

  /**
   * A new key signs from now on; the previous ones stop signing and stay published until the
   * last token they signed has expired (plus a minute of clock skew).
   */
  async rotate(): Promise<string> {
    const em = this.orm.em.fork();
    const now = new Date();
    const publishUntil = new Date(now.getTime() + (this.options.accessTokenTtlSeconds + 60) * 1000);
    const kid = await em.transactional(async (tx) => {
      await tx.nativeUpdate(SigningKey, { retiredAt: null }, { retiredAt: now, publishUntil });
      const key = await newSigningKey();
      tx.persist(tx.create(SigningKey, key));
      return key.kid;
    });
    this.snapshot = undefined;
    return kid;
  }

  private current(): Promise<Snapshot> {
    const refreshEveryMs = this.options.refreshEveryMs ?? 30_000;
    const cached = this.snapshot;
    if (cached) {
      return cached.then((snapshot) =>
        Date.now() - snapshot.loadedAt < refreshEveryMs ? snapshot : this.reload(),
      );
    }
    return this.reload();
  }

  private reload(): Promise<Snapshot> {
    this.snapshot = this.load().catch((error: unknown) => {
      this.snapshot = undefined;
      throw error;
    });
    return this.snapshot;
  }

  private async load(): Promise<Snapshot> {
    const em = this.orm.em.fork();
    const now = new Date();
    let active = await em.findOne(
      SigningKey,
      { retiredAt: null },
      { orderBy: { createdAt: 'desc' } },
    );
    if (!active) {
      active = em.create(SigningKey, await newSigningKey());
      await em.persist(active).flush();
    }
    const published = await em.find(SigningKey, {
      $or: [{ retiredAt: null }, { publishUntil: { $gt: now } }],
    });
    return {
      active: {
        kid: active.kid,
        privateKey: (await importJWK(
          JSON.parse(active.privateJwk) as JWK,
          signingAlgorithm,
        )) as CryptoKey,
      },
      jwks: { keys: published.map((key) => JSON.parse(key.publicJwk) as JWK) },
      loadedAt: Date.now(),
    };
  }
}

async function newSigningKey(): Promise<
  Pick<SigningKey, 'kid' | 'algorithm' | 'publicJwk' | 'privateJwk'>
> {
  const kid = randomBytes(12).toString('base64url');
  const { publicKey, privateKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: signingAlgorithm, use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: signingAlgorithm };
  return {
    kid,
    algorithm: signingAlgorithm,
    publicJwk: JSON.stringify(publicJwk),
    privateJwk: JSON.stringify(privateJwk),
  };
}
