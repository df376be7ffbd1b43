import { createHash } from 'node:crypto';
import { MySqlConnection } from '@mikro-orm/mysql';
import type { Orm } from './open-database.js';

export type NamedLockResult<T> = { acquired: true; value: T } | { acquired: false };

export interface NamedLockOptions {
  /** How long to wait for a holder elsewhere to let go: 0 gives up at once. */
  waitSeconds: number;
}

type NativePool = Awaited<ReturnType<MySqlConnection['getNativeClient']>>;
type PooledConnection = Parameters<Parameters<NativePool['getConnection']>[0]>[1];

/**
 * Runs `fn` holding the MySQL named lock `name` (`GET_LOCK`), so that of all the processes on the
 * same server at most one runs it at a time; `{ acquired: false }` when another holds the lock for
 * longer than `waitSeconds`. The lock lives on one connection of the ORM's pool, pinned for the
 * whole call (fn itself works through the pool as usual, so the pool needs more than one
 * connection): a process that dies drops its connection and with it the lock. It is released when
 * fn settles, thrown or not; if the release cannot be confirmed the connection is destroyed rather
 * than handed back to the pool, so no later borrower can find itself holding the lock.
 *
 * Named locks are server-wide: put the database name in `name`. The embedded SQLite database
 * belongs to one process, which has nobody to exclude: fn simply runs.
 */
export async function withNamedLock<T>(
  orm: Orm,
  name: string,
  { waitSeconds }: NamedLockOptions,
  fn: () => Promise<T>,
): Promise<NamedLockResult<T>> {
  const connection = orm.em.getConnection();
  if (!(connection instanceof MySqlConnection)) return { acquired: true, value: await fn() };
  if (!(waitSeconds >= 0)) throw new Error(`named lock ${name}: waitSeconds must be 0 or more`);

  const lockName = serverLockName(name);
  const pinned = await borrow(await connection.getNativeClient());
  // Unknown until get_lock has answered: a call that failed on the way may still have taken it.
  let state: 'unknown' | 'free' | 'held' = 'unknown';
  try {
    const [row] = await query(pinned, 'select get_lock(?, ?) as acquired', [lockName, waitSeconds]);
    // 1: ours; 0: the wait ran out; null: an error (the server killed the wait, out of memory).
    state = Number(row?.acquired) === 1 ? 'held' : 'free';
    if (state === 'free') return { acquired: false };
    return { acquired: true, value: await fn() };
  } finally {
    await giveBack(pinned, lockName, state);
  }
}

/** MySQL refuses lock names over 64 characters: a long one keeps its start and a digest of all. */
export function serverLockName(name: string): string {
  if (name.length <= 64) return name;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 40);
  return `${name.slice(0, 23)}:${digest}`;
}

function borrow(pool: NativePool): Promise<PooledConnection> {
  return new Promise((resolve, reject) =>
    pool.getConnection((error, connection) => (error ? reject(error) : resolve(connection))),
  );
}

function query(
  connection: PooledConnection,
  sql: string,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) =>
    connection.query(sql, values, (error, rows) =>
      error ? reject(error) : resolve(rows as Record<string, unknown>[]),
    ),
  );
}

/**
 * Back to the pool only when the connection is known to hold no lock: never taken, or released
 * with a confirmed 1. Anything else (a get_lock or release_lock that failed or answered otherwise)
 * closes the session, which is what makes the server let go of every lock it held.
 */
async function giveBack(
  connection: PooledConnection,
  lockName: string,
  state: 'unknown' | 'free' | 'held',
): Promise<void> {
  let clean = state === 'free';
  if (state === 'held') {
    try {
      const [row] = await query(connection, 'select release_lock(?) as released', [lockName]);
      clean = Number(row?.released) === 1;
    } catch {
      clean = false;
    }
  }
  if (clean) connection.release();
  else connection.destroy();
}
