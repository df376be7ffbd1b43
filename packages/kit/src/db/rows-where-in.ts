import type { EntityDictionary, EntityKey, EntityName } from '@mikro-orm/core';
import type { EntityManager } from './open-database.js';

/**
 * The rows of `entity` whose `property` is one of `values`, in one plain statement whose rows are
 * mapped and merged into the identity map (`em.map`; an entity already there is refreshed from its
 * row). What a request's DataLoaders read: `em.find` builds a query builder for each, the larger
 * part of its cost, for a statement that never changes shape; the product subgraph answered a
 * product page's fetch twice as fast without it.
 */
export async function rowsWhereIn<Row extends object>(
  em: EntityManager,
  entity: EntityName<Row>,
  property: keyof Row & string,
  values: readonly string[],
  orderBy: (keyof Row & string)[] = [],
): Promise<Row[]> {
  if (values.length === 0) return [];
  const meta = em.getMetadata().get(entity);
  const platform = em.getPlatform();
  const column = (name: keyof Row & string) =>
    platform.quoteIdentifier(meta.properties[name as EntityKey<Row>].fieldNames[0]!);
  const order = orderBy.length > 0 ? ` order by ${orderBy.map(column).join(', ')}` : '';
  const rows = await em
    .getConnection()
    .execute<EntityDictionary<Row>[]>(
      `select * from ${platform.quoteIdentifier(meta.tableName)} where ${column(property)} in (${values.map(() => '?').join(', ')})${order}`,
      [...values],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((row) => em.map(entity, row));
}
