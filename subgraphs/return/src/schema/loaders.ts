import { byIdLoader, type EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Return } from '../domain/return.entity.js';

/** One query per request however many returns an `_entities` call names. */
export function createReturnLoaders(em: EntityManager) {
  return { return: byIdLoader(em, Return) };
}

export type ReturnContext = SubgraphContext<ReturnType<typeof createReturnLoaders>>;
