import type { SubgraphContext } from '@shop/kit/server';
import { Credential } from '../domain/credential.entity.js';
import { memberView } from './staff.resolver.js';

/** `_entities`: who did what in another subgraph, by account id (the StaffMember rule guards it). */
export const authReferenceResolvers = {
  StaffMember: async (reference: object, context: SubgraphContext) => {
    const account = await context.em.findOne(Credential, {
      id: String((reference as { id: unknown }).id),
    });
    return account ? memberView(account) : null;
  },
};
