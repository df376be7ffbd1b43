import { createTestDatabase, probeInfra, waitFor, type TestDatabase } from '@shop/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '../../src/db/open-database.js';
import { serverLockName, withNamedLock } from '../../src/db/named-lock.js';

const infra = await probeInfra(['mysql']);

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe.skipIf(!infra.ok)(`named locks on MySQL${infra.ok ? '' : ` (${infra.reason})`}`, () => {
  let database: TestDatabase;
  // Two pools on one database, like two replicas of a service.
  let first: Orm;
  let second: Orm;
  let lockNo = 0;
  // Named locks are server-wide: each test's names start with the test database's.
  const nextLock = () => `${String(first.config.get('dbName'))}:${++lockNo}`;

  beforeAll(async () => {
    database = await createTestDatabase('mysql', 'named_lock');
    first = await openDatabase({ config: database.config, entities: [] });
    second = await openDatabase({ config: database.config, entities: [] });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  /** How many of this user's connections are waiting in GET_LOCK right now. */
  async function lockWaiters(): Promise<number> {
    const [row] = await first.em
      .getConnection()
      .execute<{ n: number }[]>(
        "select count(*) as n from information_schema.processlist where state = 'User lock'",
      );
    return Number(row!.n);
  }

  /** The connection id holding `name` on the server, or null when it is free. */
  async function holderOf(name: string): Promise<number | null> {
    const [row] = await first.em
      .getConnection()
      .execute<{ holder: number | null }[]>('select is_used_lock(?) as holder', [name]);
    return row!.holder === null ? null : Number(row!.holder);
  }

  for (const [label, other] of [
    ['the same pool', () => first],
    ['another pool (another replica)', () => second],
  ] as const) {
    it(`gives way to a holder on ${label}: at once with wait 0, after its release with a wait`, async () => {
      const name = nextLock();
      const holding = gate();
      const release = gate();
      const order: string[] = [];
      const held = withNamedLock(first, name, { waitSeconds: 0 }, async () => {
        holding.open();
        await release.opened;
        order.push('first done');
        return 'first';
      });
      await holding.opened;
      expect(await holderOf(name)).not.toBeNull();

      await expect(
        withNamedLock(other(), name, { waitSeconds: 0 }, async () => 'never'),
      ).resolves.toEqual({ acquired: false });

      const waiting = withNamedLock(other(), name, { waitSeconds: 10 }, async () => {
        order.push('second ran');
        return 'second';
      });
      await waitFor(
        'the second holder to wait for the lock',
        async () => (await lockWaiters()) > 0,
      );
      expect(order).toEqual([]);
      release.open();
      await expect(held).resolves.toEqual({ acquired: true, value: 'first' });
      await expect(waiting).resolves.toEqual({ acquired: true, value: 'second' });
      expect(order).toEqual(['first done', 'second ran']);
      expect(await holderOf(name)).toBeNull();
    });
  }

  it('gives up after the wait when the holder keeps it', async () => {
    const name = nextLock();
    const release = gate();
    const holding = gate();
    const held = withNamedLock(first, name, { waitSeconds: 0 }, async () => {
      holding.open();
      await release.opened;
    });
    await holding.opened;
    const startedAt = Date.now();
    await expect(
      withNamedLock(second, name, { waitSeconds: 1 }, async () => 'never'),
    ).resolves.toEqual({ acquired: false });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
    release.open();
    await held;
  });

  it('releases the lock when fn throws, and passes the error on', async () => {
    const name = nextLock();
    await expect(
      withNamedLock(first, name, { waitSeconds: 0 }, async () => {
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await holderOf(name)).toBeNull();
    await expect(withNamedLock(second, name, { waitSeconds: 0 }, async () => 1)).resolves.toEqual({
      acquired: true,
      value: 1,
    });
  });

  it('never hands a connection that still holds a lock back to the pool', async () => {
    // Many rounds on a small pool: every connection is borrowed for a lock again and again.
    const names = Array.from({ length: 5 }, nextLock);
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        names.map((name) => withNamedLock(first, name, { waitSeconds: 5 }, async () => round)),
      );
    }
    for (const name of names) expect(await holderOf(name)).toBeNull();
    // Each name is free for another pool at once: no connection of `first` kept one.
    for (const name of names) {
      expect((await withNamedLock(second, name, { waitSeconds: 0 }, async () => 0)).acquired).toBe(
        true,
      );
    }
  });

  it('drops a connection whose release cannot be confirmed (the session was killed mid-run)', async () => {
    const name = nextLock();
    const outcome = await withNamedLock(first, name, { waitSeconds: 0 }, async () => {
      const holder = await holderOf(name);
      // The server ends the lock's session: its lock goes with it, and release_lock cannot run.
      await second.em.getConnection().execute(`kill ${holder}`);
      return 'done';
    });
    expect(outcome).toEqual({ acquired: true, value: 'done' });
    expect(await holderOf(name)).toBeNull();
    // The pool goes on working: the dead connection was not handed back to it.
    for (let i = 0; i < 5; i++) {
      expect((await withNamedLock(first, name, { waitSeconds: 0 }, async () => i)).acquired).toBe(
        true,
      );
    }
  });

  it('takes names longer than MySQL allows', async () => {
    const name = `${nextLock()}:${'x'.repeat(100)}`;
    expect(serverLockName(name)).toHaveLength(64);
    expect(serverLockName(`${name}y`)).not.toBe(serverLockName(name));
    const release = gate();
    const holding = gate();
    const held = withNamedLock(first, name, { waitSeconds: 0 }, async () => {
      holding.open();
      await release.opened;
    });
    await holding.opened;
    expect(await withNamedLock(second, name, { waitSeconds: 0 }, async () => 0)).toEqual({
      acquired: false,
    });
    release.open();
    await held;
  });
});

describe('named locks on SQLite', () => {
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', 'named_lock');
    orm = await openDatabase({ config: database.config, entities: [] });
  });

  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('runs fn: the embedded database has one process, nobody to exclude', async () => {
    await expect(withNamedLock(orm, 'job', { waitSeconds: 0 }, async () => 42)).resolves.toEqual({
      acquired: true,
      value: 42,
    });
    await expect(
      withNamedLock(orm, 'job', { waitSeconds: 0 }, async () => {
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
  });
});
