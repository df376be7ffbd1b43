import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ErrorResult } from '@shop/kit/server';

@ObjectType({ description: 'A signed-in session: a short-lived access token and a refresh token.' })
export class AuthSession {
  @Field(() => ID)
  userId!: string;

  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field(() => Date)
  accessTokenExpiresAt!: Date;

  @Field(() => String, { description: 'Single use: `refreshToken` returns a new one.' })
  refreshToken!: string;

  @Field(() => Date)
  refreshTokenExpiresAt!: Date;

  @Field(() => String, {
    description:
      'Keep it (e.g. in local storage) and send it with the next `login`: this browser is then recognised, and failed logins by others elsewhere do not slow it down.',
  })
  deviceToken!: string;
}

@ObjectType({ implements: ErrorResult, description: 'An account with this email exists already.' })
export class EmailTaken extends ErrorResult {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this email already exists. Log in instead.');
  }
}

@ObjectType({
  implements: ErrorResult,
  description: 'Wrong email or password (which one is not said).',
})
export class InvalidCredentials extends ErrorResult {
  constructor() {
    super('INVALID_CREDENTIALS', 'The email or the password is wrong.');
  }
}

@ObjectType({
  implements: ErrorResult,
  description:
    'Too many failed logins from this address or for this account from unrecognised ones; try again after `retryAfterSeconds` (each further failure makes the wait longer).',
})
export class TooManyAttempts extends ErrorResult {
  @Field(() => Int)
  retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(
      'TOO_MANY_ATTEMPTS',
      `Too many login attempts. Try again in ${retryAfterSeconds} seconds.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

@ObjectType({
  implements: ErrorResult,
  description: 'The refresh token cannot be used; log in again.',
})
export class InvalidRefreshToken extends ErrorResult {
  @Field(() => String, { description: 'unknown, expired, revoked or reused.' })
  reason: string;

  constructor(reason: string) {
    super('INVALID_REFRESH_TOKEN', `This session has ended (${reason}). Log in again.`);
    this.reason = reason;
  }
}
