import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { createResultUnion, InvalidInput, type SubgraphContext } from '@shop/kit/server';
import type { AdminRefunds } from '../services/admin-refund.js';
import { AdminRefundLineInput, ReturnNotPossible, ReturnObjectType } from './return.type.js';

const AdminRefundLineResult = createResultUnion({
  name: 'AdminRefundLineResult',
  types: () => [ReturnObjectType, InvalidInput, ReturnNotPossible] as const,
});

@Resolver(() => ReturnObjectType)
export class AdminRefundResolver {
  constructor(private readonly refunds: AdminRefunds) {}

  @Mutation(() => AdminRefundLineResult, {
    description:
      'Admin: refund units of one line of a delivered order as a return the shop has back (restocked, no pickup, no return trip charged). Safe to retry with the same idempotencyKey.',
  })
  async adminRefundLine(
    @Arg('input', () => AdminRefundLineInput) input: AdminRefundLineInput,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.refunds.refundLine(context.em, input);
    switch (outcome.kind) {
      case 'refunded':
        return outcome.ret;
      case 'invalid-input':
        return new InvalidInput(outcome.issues);
      case 'not-returnable':
        return new ReturnNotPossible('NOT_RETURNABLE', outcome.message);
      case 'wrong-status':
        return new ReturnNotPossible('WRONG_STATUS', `The return is ${outcome.status}.`);
    }
  }
}
