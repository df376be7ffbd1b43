import { describe, it } from 'vitest';
import { probeInfra } from './infra.js';

const mysql = await probeInfra(['mysql']);

export type TestDatabaseKind = 'sqlite' | 'mysql';

/**
 * Defines `suite` once per database a service runs on: SQLite (embedded) always, MySQL when
 * `pnpm infra:up` ran (skipped with the reason otherwise; under SHOP_TEST_INFRA=required a missing
 * MySQL fails the run instead). `$name` in the title names the database.
 */
export function describeOnEachDatabase(
  title: string,
  suite: (kind: TestDatabaseKind) => void,
): void {
  const databases = [
    { name: 'SQLite', kind: 'sqlite' as const, skip: undefined },
    { name: 'MySQL', kind: 'mysql' as const, skip: mysql.ok ? undefined : mysql.reason },
  ];
  describe.each(databases)(title, ({ kind, skip }) => {
    if (skip) {
      it.skip(`needs MySQL: ${skip}`, () => {});
      return;
    }
    suite(kind);
  });
}
