import { isStaffRole, staffRoles, type StaffRole } from '@shop/contracts/staff-duties';
import type { EntityManager } from '@shop/kit/db';
import type { Role } from '@shop/kit/identity';
import { Credential } from '../domain/credential.entity.js';
import { RefreshToken } from '../domain/refresh-token.entity.js';
import { StaffAction } from '../domain/staff-action.entity.js';

export type SetStaffRoleOutcome =
  | { kind: 'set'; member: Credential; before: Role[] }
  | { kind: 'account-not-found' }
  | { kind: 'own-role' };

/** The shop's staff: who holds which role, and the audit log of what they did. */
export class Staff {
  /** Every account with a staff role, by email. */
  async members(em: EntityManager): Promise<Credential[]> {
    // The roles are a JSON list; its text names each role in quotes, on MySQL and SQLite alike.
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `select id from credential where ${staffRoles.map(() => 'roles like ?').join(' or ')}`,
      staffRoles.map((role) => `%"${role}"%`),
    );
    const accounts = await em.find(
      Credential,
      { id: rows.map((row) => row.id) },
      { orderBy: { email: 'asc' } },
    );
    return accounts.filter((account) => account.roles.some(isStaffRole));
  }

  /**
   * Gives the account `role`, or takes its staff role away (`null`). Its sessions end, so the
   * next sign-in carries the new role; no one changes their own (the last owner stays one).
   */
  async setRole(
    em: EntityManager,
    actorId: string,
    email: string,
    role: StaffRole | null,
  ): Promise<SetStaffRoleOutcome> {
    return em.transactional(async (tx) => {
      const account = await tx.findOne(Credential, { email: email.trim().toLowerCase() });
      if (!account) return { kind: 'account-not-found' } as const;
      if (account.id === actorId) return { kind: 'own-role' } as const;
      const before = account.roles;
      const others = before.filter((held) => !isStaffRole(held));
      account.roles = role ? [...others, role] : others.length > 0 ? others : ['CUSTOMER'];
      await tx.nativeUpdate(
        RefreshToken,
        { userId: account.id, revokedAt: null },
        { revokedAt: new Date() },
      );
      return { kind: 'set', member: account, before } as const;
    });
  }

  /** The audit log, newest first; one actor's entries when `actorId` is given. */
  actions(em: EntityManager, filter: { actorId?: string | null; first: number }) {
    return em.find(StaffAction, filter.actorId ? { actorId: filter.actorId } : {}, {
      orderBy: { at: 'desc', id: 'desc' },
      limit: filter.first,
    });
  }

  /** What staff did to these things (an order, its shipments, its returns), oldest first. */
  actionsOn(em: EntityManager, subjectIds: string[]) {
    return em.find(
      StaffAction,
      { subjectId: subjectIds },
      { orderBy: { at: 'asc', id: 'asc' }, limit: 200 },
    );
  }
}
