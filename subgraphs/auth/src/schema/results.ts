import { createResultUnion, InvalidInput } from '@shop/kit/server';
import {
  AuthSession,
  EmailTaken,
  InvalidCredentials,
  InvalidRefreshToken,
  TooManyAttempts,
} from './auth-session.type.js';

export const SignUpResult = createResultUnion({
  name: 'SignUpResult',
  types: () => [AuthSession, EmailTaken, InvalidInput] as const,
});

export const LoginResult = createResultUnion({
  name: 'LoginResult',
  types: () => [AuthSession, InvalidCredentials, TooManyAttempts] as const,
});

export const RefreshTokenResult = createResultUnion({
  name: 'RefreshTokenResult',
  types: () => [AuthSession, InvalidRefreshToken] as const,
});
