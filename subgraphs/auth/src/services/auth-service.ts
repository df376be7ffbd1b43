import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { userRegisteredEvent, type UserRegistered } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import type { Role } from '@shop/kit/identity';
import { Credential } from '../domain/credential.entity.js';
import type { AccessTokens } from './access-tokens.js';
import { emailSchema, signUpInputSchema } from './credentials-input.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher.js';
import type { RefreshTokens } from './refresh-tokens.js';

export interface Session {
  userId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
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
    const parsed = signUpInputSchema.safeParse(input);
    if (!parsed.success) {
      return {
        kind: 'invalid-input',
        issues: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.'),
          message: issue.message,
        })),
      };
    }
    const { email, password, name } = parsed.data;
    if (await em.count(Credential, { email })) return { kind: 'email-taken' };
    const passwordHash = await hashPassword(password);
    let outcome: SignUpOutcome;
    let registered: UserRegistered | undefined;
    try {
      outcome = await this.deps.outbox.transaction(em, async (tx) => {
        const credential = tx.create(Credential, { id: randomUUID(), email, passwordHash, roles });
        tx.persist(credential);
        registered = { userId: credential.id, email, name, roles };
        this.deps.outbox.record<UserRegistered>(tx, {
          type: userRegisteredEvent.type,
          version: userRegisteredEvent.version,
          subject: credential.id,
          data: registered,
        });
        return { kind: 'signed-up', session: await this.openSession(tx, credential) } as const;
      });
    } catch (error) {
      // Two sign-ups with one email at once: the unique key lets only one through.
      if (error instanceof UniqueConstraintViolationException) return { kind: 'email-taken' };
      throw error;
    }
    if (registered) await this.deps.registerProfile(registered);
    return outcome;
  }

  async login(
    em: EntityManager,
    input: { email: string; password: string },
    clientIp: string,
  ): Promise<LoginOutcome> {
    const email = emailSchema.safeParse(input.email).data ?? input.email;
    const gate = await this.deps.throttle.beforeAttempt(clientIp, email);
    if (!gate.allowed)
      return { kind: 'too-many-attempts', retryAfterSeconds: gate.retryAfterSeconds };
    const credential = await em.findOne(Credential, { email });
    const valid = credential
      ? await verifyPassword(credential.passwordHash, input.password)
      : await verifyAgainstDecoy(input.password);
    if (!credential || !valid) {
      await this.deps.throttle.failed(email);
      return { kind: 'invalid-credentials' };
    }
    await this.deps.throttle.succeeded(email);
    const session = await em.transactional((tx) => this.openSession(tx, credential));
    return { kind: 'logged-in', session };
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
      },
    };
  }

  /** Ends the session the refresh token belongs to; idempotent. */
  async logout(em: EntityManager, refreshToken: string): Promise<boolean> {
    return this.deps.refreshTokens.revokeSessionOf(em, refreshToken);
  }

  private async openSession(em: EntityManager, credential: Credential): Promise<Session> {
    const access = await this.deps.accessTokens.issue(credential.id, credential.roles);
    const refresh = this.deps.refreshTokens.issue(em, credential.id);
    return {
      userId: credential.id,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
  }
}
