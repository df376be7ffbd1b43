import { useSyncExternalStore } from 'react';

/**
 * A signed-in session as the page holds it: the access token, in memory only. The refresh token
 * is an httpOnly cookie the page never sees (see session-api.ts); a reload restores the session
 * from it.
 */
export interface Session {
  userId: string;
  accessToken: string;
  /** When the access token lapses, by this browser's clock (`Date.now()` milliseconds). */
  expiresAt: number;
  roles: string[];
}

/** A session as the server hands it to the page: no refresh token (that stays in its cookie). */
export interface BrowserSession {
  __typename: 'AuthSession';
  userId: string;
  accessToken: string;
  accessTokenExpiresIn: number;
}

const listeners = new Set<() => void>();
let current: Session | null = null;

/** The roles an access token grants, read from its payload (the router verifies it; we only display). */
function rolesOf(accessToken: string): string[] {
  try {
    const payload = accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return (JSON.parse(atob(payload)) as { roles?: string[] }).roles ?? [];
  } catch {
    return [];
  }
}

export const session = {
  get: () => current,
  set(next: BrowserSession | null) {
    current = next && {
      userId: next.userId,
      accessToken: next.accessToken,
      expiresAt: Date.now() + next.accessTokenExpiresIn * 1000,
      roles: rolesOf(next.accessToken),
    };
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get);
}
