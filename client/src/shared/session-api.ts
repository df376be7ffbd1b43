import { useState } from 'react';
import type { LogInMutation, SignUpMutation } from '../graphql/generated';
import { session, type BrowserSession } from './session';

type ForBrowser<Result> = Result extends { __typename?: 'AuthSession' } ? BrowserSession : Result;
export type SignInResult = ForBrowser<LogInMutation['login']>;
export type SignUpResult = ForBrowser<SignUpMutation['signUp']>;

/** A session request the server refused outright (GraphQL errors, rate limit, network). */
export class SessionRequestFailed extends Error {
  constructor(readonly errors: { message: string; extensions?: { code?: string } }[]) {
    super(errors[0]?.message ?? 'the session request failed');
  }
}

async function post<Result>(action: string, body: object = {}): Promise<Result> {
  const response = await fetch(`/session/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as {
    result?: Result;
    errors?: SessionRequestFailed['errors'];
  };
  if (!response.ok || answer.result === undefined)
    throw new SessionRequestFailed(answer.errors ?? []);
  return answer.result;
}

function keep<Result extends { __typename?: string } | null>(result: Result): Result {
  if (result?.__typename === 'AuthSession') session.set(result as unknown as BrowserSession);
  return result;
}

export const signIn = async (input: { email: string; password: string }) =>
  keep(await post<SignInResult>('sign-in', input));

export const signUp = async (input: { name: string; email: string; password: string }) =>
  keep(await post<SignUpResult>('sign-up', input));

/**
 * A new access token from the refresh cookie (at start, and before the current one lapses).
 * Tabs take turns (a Web Lock): each refresh rotates the cookie, and two tabs presenting the same
 * token would look like a stolen one being reused, which ends the session.
 */
export async function refreshSession(): Promise<void> {
  await navigator.locks.request('shop.session.refresh', async () => {
    try {
      const result = await post<BrowserSession | { __typename: string } | null>('refresh');
      session.set(result?.__typename === 'AuthSession' ? (result as BrowserSession) : null);
    } catch {
      // Not answered (network, limits): the current token may still serve; the next request tries again.
    }
  });
}

export async function signOut(): Promise<void> {
  try {
    await post<boolean>('sign-out');
  } finally {
    session.set(null);
  }
}

/** A sign-in or sign-up form's request: its typed result, a refusal, and whether it runs. */
export function useSessionRequest<Input, Result>(request: (input: Input) => Promise<Result>) {
  const [state, setState] = useState<{
    loading: boolean;
    result?: Result;
    error?: SessionRequestFailed;
  }>({ loading: false });
  const run = async (input: Input): Promise<Result | undefined> => {
    setState({ loading: true });
    try {
      const result = await request(input);
      setState({ loading: false, result });
      return result;
    } catch (error) {
      setState({
        loading: false,
        error: error instanceof SessionRequestFailed ? error : new SessionRequestFailed([]),
      });
      return undefined;
    }
  };
  return [run, state] as const;
}
