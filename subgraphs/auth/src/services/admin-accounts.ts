import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Credential } from '../domain/credential.entity.js';
import { parseSignUp } from './credentials-input.js';
import { hashPassword } from './password-hasher.js';
import { registerCredential } from './registration.js';

export type AdminOutcome =
  | { kind: 'created' | 'promoted' }
  | { kind: 'invalid-input'; issues: { field: string; message: string }[] };

/**
 * The first administrator: a new account with the ADMIN role, or an existing one given it. The
 * profile follows through the UserRegistered event, as for any sign-up.
 */
export async function promoteOrCreateAdmin(
  em: EntityManager,
  outbox: Outbox,
  input: { email: string; password: string; name: string },
): Promise<AdminOutcome> {
  const parsed = parseSignUp(input);
  if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
  const { email, password, name } = parsed.data;
  const existing = await em.findOne(Credential, { email });
  if (existing) {
    if (!existing.roles.includes('ADMIN')) existing.roles = [...existing.roles, 'ADMIN'];
    await em.flush();
    return { kind: 'promoted' };
  }
  const passwordHash = await hashPassword(password);
  await outbox.transaction(em, async (tx) => {
    registerCredential(tx, outbox, { email, name, passwordHash, roles: ['ADMIN'] });
  });
  return { kind: 'created' };
}
