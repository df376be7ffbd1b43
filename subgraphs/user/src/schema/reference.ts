import type { SubgraphContext } from '@shop/kit/server';
import { User } from '../domain/user.entity.js';

/** `_entities` for User: loads the profile; the User type rule then decides who may read it. */
export const userReferenceResolvers = {
  User: (reference: object, context: SubgraphContext) =>
    context.em.findOne(User, { id: (reference as { id: string }).id }),
};
