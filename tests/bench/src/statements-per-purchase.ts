import type mysql from 'mysql2/promise';
import { connectToShopDatabase } from './shop-database.js';
import type { ShopProcess } from './shop-process.js';

/** MariaDB's server-wide statement counters, by kind (`show global status`). */
const kinds = {
  select: ['Com_select'],
  insert: ['Com_insert'],
  update: ['Com_update', 'Com_delete'],
  'begin/commit': ['Com_begin', 'Com_commit', 'Com_rollback'],
  set: ['Com_set_option'],
} as const;
export type StatementKind = keyof typeof kinds;
export type StatementCounts = Record<StatementKind, number> & { total: number };

/**
 * SQL statements a purchase costs the shop, every service's database together: the server's
 * counters over `purchases` one after another (and their follow-ups' first seconds), less what the
 * idle shop (relays' and jobs' polls) sends in as long. Statements are the largest share of a
 * purchase's CPU (the ORM, the driver, a socket write each), and unlike latency on a shared core
 * this figure does not swing from run to run.
 */
export async function statementsPerPurchase(
  shop: ShopProcess,
  purchases: number,
  purchase: () => Promise<unknown>,
): Promise<StatementCounts> {
  // The counters are the server's: any service's connection reads them all.
  const connection = await connectToShopDatabase(shop, 'order');
  try {
    const counters = async () => {
      const [rows] = await connection.query<mysql.RowDataPacket[]>(`show global status`);
      const byName = new Map(rows.map((row) => [row.Variable_name as string, Number(row.Value)]));
      return { at: performance.now(), byName };
    };
    const idleFrom = await counters();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const busyFrom = await counters();
    for (let i = 0; i < purchases; i++) await purchase();
    // Follow-ups (events, their consumers) finish within a few seconds of the last answer.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const busyTo = await counters();
    const idleShare = (busyTo.at - busyFrom.at) / (busyFrom.at - idleFrom.at);
    const delta = (from: typeof idleFrom, to: typeof idleFrom, names: readonly string[]) =>
      names.reduce((sum, name) => sum + to.byName.get(name)! - from.byName.get(name)!, 0);
    const counts = { total: 0 } as StatementCounts;
    for (const [kind, names] of Object.entries(kinds) as [StatementKind, readonly string[]][]) {
      const busy = delta(busyFrom, busyTo, names) - idleShare * delta(idleFrom, busyFrom, names);
      counts[kind] = Math.max(0, busy / purchases);
      counts.total += counts[kind];
    }
    return counts;
  } finally {
    await connection.end();
  }
}

export const formatStatements = (counts: StatementCounts): string =>
  `${counts.total.toFixed(0)} (` +
  (Object.keys(kinds) as StatementKind[])
    .map((kind) => `${kind} ${counts[kind].toFixed(1)}`)
    .join(', ') +
  ')';
