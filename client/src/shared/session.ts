import { useSyncExternalStore } from 'react';

/** A signed-in session, kept in localStorage so a reload stays signed in. */
export interface Session {
  userId: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  roles: string[];
}

const storageKey = 'shop.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

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
  set(next: Omit<Session, 'roles'> | null) {
    current = next && { ...next, roles: rolesOf(next.accessToken) };
    if (current) localStorage.setItem(storageKey, JSON.stringify(current));
    else localStorage.removeItem(storageKey);
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
