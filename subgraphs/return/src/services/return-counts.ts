import { countByStatus, type EntityManager } from '@shop/kit/db';
import { Return, type ReturnStatus } from '../domain/return.entity.js';

/** How many returns and exchanges are in each of `statuses` (0 for none), one per status asked. */
export const countReturnsByStatus = (em: EntityManager, statuses: readonly ReturnStatus[]) =>
  countByStatus(em, Return, statuses);
