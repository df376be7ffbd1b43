import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { UserRegistered } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import type { Role } from '@shop/kit/identity';
import { Credential } from '../domain/credential.entity.js';
import type { AccessTokens } from './access-tokens.js';
import { emailSchema, parseSignUp } from './credentials-input.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher.js';
import { registerCredential } from './registration.js';
import type { IssuedRefreshToken, RefreshTokens } from './refresh-tokens.js';

export interface Session {
  userId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  /** Sent back with the next login, tells the throttle this browser signed in before. */
  deviceToken: string;
}

export type SignUpOutcome =
  | { kind: 'signed-up'; session: Session }
  | { kind: 'email-taken' }
  | { kind: 'invalid-input'; issues: { field: string; message: string }[] };

export type LoginOutcome =
  | { kind: 'logged-in'; session: Session }
  | { kind: 'invalid-credentials' }
  | { kind: 'too-many-attempts'; retryAfterSeconds: number };

export type RefreshOutcome =
  | { kind: 'refreshed'; session: Session }
  | { kind: 'invalid-refresh-token'; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

export interface AuthServiceDeps {
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  throttle: LoginThrottle;
  outbox: Outbox;
  /**
   * Creates the user's profile straight after sign-up, so the very next request finds it. The
   * UserRegistered event does the same later; whichever is second is a no-op. Must not throw.
   */
  registerProfile(user: UserRegistered): Promise<void>;
}

/** The auth use cases. Each writes its rows (and events) in one transaction. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async signUp(
    em: EntityManager,
    input: { email: string; password: string; name: string },
    roles: Role[] = ['CUSTOMER'],
  ): Promise<SignUpOutcome> {
    const parsed = parseSignUp(input);
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    const { email, password, name } = parsed.data;
    if (await em.count(Credential, { email })) return { kind: 'email-taken' };
    const passwordHash = await hashPassword(password);
    let account: {
      credential: Credential;
      registered: UserRegistered;
      refresh: IssuedRefreshToken;
    };
    try {
      account = await this.deps.outbox.transaction(em, async (tx) => {
        const created = registerCredential(tx, this.deps.outbox, {
          email,
          name,
          passwordHash,
          roles,
        });
        return { ...created, refresh: this.deps.refreshTokens.issue(tx, created.credential.id) };
      });
    } catch (error) {
      // Two sign-ups with one email at once: the unique key lets only one through.
      if (error instanceof UniqueConstraintViolationException) return { kind: 'email-taken' };
      throw error;
    }
    await this.deps.registerProfile(account.registered);
    return {
      kind: 'signed-up',
      session: await this.sessionOf(account.credential, account.refresh),
    };
  }

  async login(
    em: EntityManager,
    input: { email: string; password: string; deviceToken?: string | null },
    clientIp: string,
  ): Promise<LoginOutcome> {
    const email = emailSchema.safeParse(input.email).data ?? input.email;
    const gate = await this.deps.throttle.beforeAttempt(clientIp, email, input.deviceToken);
    if (!gate.allowed)
      return { kind: 'too-many-attempts', retryAfterSeconds: gate.retryAfterSeconds };
    const credential = await em.findOne(Credential, { email });
    const valid = credential
      ? await verifyPassword(credential.passwordHash, input.password)
      : await verifyAgainstDecoy(input.password);
    if (!credential || !valid) {
      await this.deps.throttle.failed(clientIp, email, gate);
      return { kind: 'invalid-credentials' };
    }
    await this.deps.throttle.succeeded(clientIp, email);
    const refresh = this.deps.refreshTokens.issue(em, credential.id);
    await em.flush();
    return { kind: 'logged-in', session: await this.sessionOf(credential, refresh) };
  }

  async refresh(em: EntityManager, refreshToken: string): Promise<RefreshOutcome> {
    const rotation = await this.deps.refreshTokens.rotate(em, refreshToken);
    if (!rotation.ok) return { kind: 'invalid-refresh-token', reason: rotation.reason };
    const credential = await em.findOneOrFail(Credential, { id: rotation.userId });
    const access = await this.deps.accessTokens.issue(credential.id, credential.roles);
    return {
      kind: 'refreshed',
      session: {
        userId: credential.id,
        accessToken: access.token,
        accessTokenExpiresAt: access.expiresAt,
        refreshToken: rotation.next.token,
        refreshTokenExpiresAt: rotation.next.expiresAt,
        deviceToken: this.deps.throttle.deviceToken(credential.email),
      },
    };
  }

  /** Ends the session the refresh token belongs to; idempotent. */
  async logout(em: EntityManager, refreshToken: string): Promise<boolean> {
    return this.deps.refreshTokens.revokeSessionOf(em, refreshToken);
  }

  /**
   * Signs the access token outside any transaction: the key ring may have to read its keys, which
   * must not wait on a write lock the caller holds (SQLite has one writer).
   */
  private async sessionOf(credential: Credential, refresh: IssuedRefreshToken): Promise<Session> {
    const access = await this.deps.accessTokens.issue(credential.id, credential.roles);
    return {
      userId: credential.id,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
      deviceToken: this.deps.throttle.deviceToken(credential.email),
    };
  }
}
