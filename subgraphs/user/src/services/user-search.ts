import type { EntityManager } from '@shop/kit/db';
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

export interface UserPage {
  users: User[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export const maxPageSize = 100;

/** Admin user search, newest first, with keyset pagination (stable while users sign up). */
export async function searchUsers(em: EntityManager, search: UserSearch): Promise<UserPage> {
  const first = Math.min(Math.max(search.first, 1), maxPageSize);
  const conditions: object[] = [];
  const query = search.query?.trim();
  if (query) {
    const pattern = query.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push({
      $or: [{ email: { $like: `${pattern.toLowerCase()}%` } }, { name: { $like: `%${pattern}%` } }],
    });
  }
  if (search.grade) conditions.push({ grade: search.grade });
  const cursor = decodeCursor(search.after);
  if (cursor) {
    conditions.push({
      $or: [
        { createdAt: { $lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { $lt: cursor.id } },
      ],
    });
  }
  const users = await em.find(User, conditions.length ? { $and: conditions } : {}, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: first + 1,
  });
  const page = users.slice(0, first);
  const last = page.at(-1);
  return {
    users: page,
    hasNextPage: users.length > first,
    endCursor: last ? encodeCursor(last) : null,
  };
}

function encodeCursor(user: User): string {
  return Buffer.from(JSON.stringify([user.createdAt.toISOString(), user.id])).toString('base64url');
}

function decodeCursor(
  cursor: string | null | undefined,
): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      string,
      string,
    ];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') return undefined;
    return { createdAt: date, id };
  } catch {
    return undefined;
  }
}
