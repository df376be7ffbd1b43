import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { InvalidInput, type SubgraphContext } from '@shop/kit/server';
import type { AuthService, Session } from '../services/auth-service.js';
import type { KeyRing } from '../services/key-ring.js';
import {
  AuthSession,
  EmailTaken,
  InvalidCredentials,
  InvalidRefreshToken,
  TooManyAttempts,
} from './auth-session.type.js';
import { LoginInput, SignUpInput } from './inputs.js';
import { LoginResult, RefreshTokenResult, SignUpResult } from './results.js';

export interface AuthResolverDeps {
  auth: AuthService;
  keys: KeyRing;
}

@Resolver()
export class AuthResolver {
  constructor(private readonly deps: AuthResolverDeps) {}

  @Mutation(() => SignUpResult, { description: 'Creates a customer account and signs it in.' })
  async signUp(
    @Arg('input', () => SignUpInput) input: SignUpInput,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.deps.auth.signUp(context.em, input);
    switch (outcome.kind) {
      case 'email-taken':
        return new EmailTaken();
      case 'invalid-input':
        return new InvalidInput(outcome.issues);
      case 'signed-up':
        return sessionOf(outcome.session);
    }
  }

  @Mutation(() => LoginResult)
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() context: SubgraphContext) {
    const outcome = await this.deps.auth.login(
      context.em,
      input,
      context.caller.clientIp ?? 'unknown',
    );
    switch (outcome.kind) {
      case 'invalid-credentials':
        return new InvalidCredentials();
      case 'too-many-attempts':
        return new TooManyAttempts(outcome.retryAfterSeconds);
      case 'logged-in':
        return sessionOf(outcome.session);
    }
  }

  @Mutation(() => RefreshTokenResult, {
    description:
      'Swaps a refresh token for a new session. Reusing an old token ends the whole session.',
  })
  async refreshToken(
    @Arg('refreshToken', () => String) refreshToken: string,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.deps.auth.refresh(context.em, refreshToken);
    return outcome.kind === 'refreshed'
      ? sessionOf(outcome.session)
      : new InvalidRefreshToken(outcome.reason);
  }

  @Mutation(() => Boolean, {
    description: 'Ends the session of this refresh token. True if there was one.',
  })
  logout(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() context: SubgraphContext) {
    return this.deps.auth.logout(context.em, refreshToken);
  }

  @Mutation(() => String, {
    description:
      'Admin: a new key signs access tokens from now on; old keys verify until their tokens expire. Returns the new kid.',
  })
  rotateSigningKey() {
    return this.deps.keys.rotate();
  }
}

function sessionOf(session: Session): AuthSession {
  return Object.assign(new AuthSession(), session);
}
