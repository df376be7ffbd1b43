import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import { User } from '../domain/user.entity.js';
import { parseInput, type InputIssue } from '@shop/kit';
import { profileUpdateSchema } from './profile-input.js';

export type UpdateProfileOutcome =
  | { kind: 'updated'; user: User }
  | { kind: 'invalid-input'; issues: InputIssue[] }
  | { kind: 'not-found' };

/** Profiles: created once per registered user, then edited by their owner. */
export class ProfileService {
  /**
   * Creates the profile of a newly registered user. Called both synchronously by auth at sign-up
   * and by the UserRegistered event; whichever comes second finds the row and does nothing.
   */
  async register(
    em: EntityManager,
    input: { userId: string; email: string; name: string },
  ): Promise<User> {
    const existing = await em.findOne(User, { id: input.userId });
    if (existing) return existing;
    try {
      const user = em.create(User, { id: input.userId, email: input.email, name: input.name });
      await em.persist(user).flush();
      return user;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return em.fork().findOneOrFail(User, { id: input.userId });
    }
  }

  async update(
    em: EntityManager,
    userId: string,
    input: { name?: string | null; phone?: string | null },
  ): Promise<UpdateProfileOutcome> {
    const parsed = parseInput(profileUpdateSchema, withoutUndefined(input));
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    const user = await em.findOne(User, { id: userId });
    if (!user) return { kind: 'not-found' };
    em.assign(user, withoutUndefined(parsed.data));
    await em.flush();
    return { kind: 'updated', user };
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
