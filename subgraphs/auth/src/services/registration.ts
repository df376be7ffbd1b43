import { randomUUID } from 'node:crypto';
import { userRegisteredEvent, type UserRegistered } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import type { Role } from '@shop/kit/identity';
import { Credential } from '../domain/credential.entity.js';

/**
 * Writes a new credential and its UserRegistered event; call inside the transaction that should
 * commit both. Other subgraphs (user) learn of the account from the event.
 */
export function registerCredential(
  tx: EntityManager,
  outbox: Outbox,
  account: { email: string; name: string; passwordHash: string; roles: Role[] },
): { credential: Credential; registered: UserRegistered } {
  const credential = tx.create(Credential, {
    id: randomUUID(),
    email: account.email,
    passwordHash: account.passwordHash,
    roles: account.roles,
  });
  tx.persist(credential);
  const registered: UserRegistered = {
    userId: credential.id,
    email: account.email,
    name: account.name,
    roles: account.roles,
  };
  outbox.record<UserRegistered>(tx, {
    type: userRegisteredEvent.type,
    version: userRegisteredEvent.version,
    subject: credential.id,
    data: registered,
  });
  return { credential, registered };
}
