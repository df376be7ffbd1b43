import type { FilterQuery } from '@mikro-orm/core';
import { newestFirstPage, type EntityManager } from '@shop/kit/db';
import type { MembershipGrade } from '../domain/membership-grade.js';
import { User } from '../domain/user.entity.js';

export interface UserSearch {
  /** Matches the start of the email or any part of the name. */
  query?: string | null;
  grade?: MembershipGrade | null;
  first: number;
  /** Opaque cursor from a previous page. */
  after?: string | null;
}

/** Admin user search, newest first (stable while users sign up). */
export function searchUsers(em: EntityManager, search: UserSearch) {
  const conditions: FilterQuery<User>[] = [];
  const query = search.query?.trim();
  if (query) {
    const pattern = query.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push({
      $or: [{ email: { $like: `${pattern.toLowerCase()}%` } }, { name: { $like: `%${pattern}%` } }],
    });
  }
  if (search.grade) conditions.push({ grade: search.grade });
  return newestFirstPage(em, User, conditions, search);
}
