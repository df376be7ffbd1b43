import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { newestFirstPage } from '@shop/kit/db';
import {
  createResultUnion,
  ownsOrIsStaff,
  InvalidInput,
  type SubgraphContext,
} from '@shop/kit/server';
import { ReturnLine } from '../domain/return-line.entity.js';
import { Return, type ReturnStatus } from '../domain/return.entity.js';
import type { ReturnDesk, StepOutcome } from '../services/return-desk.js';
import { countReturnsByStatus } from '../services/return-counts.js';
import type { ReturnContext } from './loaders.js';
import {
  OrderWithReturns,
  RequestReturnInput,
  ReturnConnection,
  ReturnLineType,
  ReturnNotPossible,
  ReturnObjectType,
  ReturnStatusCountType,
  ReturnStatusEnum,
} from './return.type.js';

const RequestReturnResult = createResultUnion({
  name: 'RequestReturnResult',
  types: () => [ReturnObjectType, InvalidInput, ReturnNotPossible] as const,
});
const ReturnStepResult = createResultUnion({
  name: 'ReturnStepResult',
  types: () => [ReturnObjectType, ReturnNotPossible] as const,
});

function stepResult(outcome: StepOutcome) {
  if (outcome.kind === 'done') return outcome.ret;
  if (outcome.kind === 'not-found')
    return new ReturnNotPossible('RETURN_NOT_FOUND', 'No such return.');
  return new ReturnNotPossible('WRONG_STATUS', `The return is ${outcome.status}.`);
}

@Resolver(() => ReturnObjectType)
export class ReturnResolver {
  constructor(private readonly desk: ReturnDesk) {}

  @Query(() => ReturnObjectType, {
    name: 'return',
    nullable: true,
    description: 'One of your returns or exchanges (admins: any); null if none is yours.',
  })
  async returnById(@Arg('id', () => ID) id: string, @Ctx() context: ReturnContext) {
    const ret = await context.loaders.return.load(id);
    return ret && ownsOrIsStaff(context.identity, ret.userId) ? ret : null;
  }

  @Query(() => [ReturnStatusCountType], {
    description:
      'Admin: how many returns and exchanges are in each status asked (one entry per status, in the order asked).',
  })
  adminReturnCounts(
    @Arg('statuses', () => [ReturnStatusEnum]) statuses: ReturnStatus[],
    @Ctx() context: SubgraphContext,
  ) {
    return countReturnsByStatus(context.em, statuses);
  }

  @Query(() => ReturnConnection, {
    description: 'Admin: returns and exchanges in the given statuses (all if none), newest first.',
  })
  adminReturns(
    @Arg('status', () => [ReturnStatusEnum], { nullable: true }) status: ReturnStatus[] | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: SubgraphContext,
  ) {
    return newestFirstPage(
      context.em,
      Return,
      status?.length ? [{ status: { $in: status } }] : [],
      {
        first,
        after,
      },
    );
  }

  @Mutation(() => RequestReturnResult, {
    description: 'Return or exchange lines of a delivered order.',
  })
  async requestReturn(
    @Arg('input', () => RequestReturnInput) input: RequestReturnInput,
    @Ctx() context: SubgraphContext,
  ) {
    if (context.identity.kind !== 'user')
      throw new Error('permission rules let an anonymous caller through');
    const outcome = await this.desk.request(context.em, context.identity.userId, input);
    if (outcome.kind === 'requested') return outcome.ret;
    if (outcome.kind === 'invalid-input') return new InvalidInput(outcome.issues);
    return new ReturnNotPossible('NOT_RETURNABLE', outcome.message);
  }

  @Mutation(() => ReturnStepResult, { description: 'Admin: approve, and book the pickup.' })
  async approveReturn(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return stepResult(await this.desk.approve(context.em, id));
  }

  @Mutation(() => ReturnStepResult, { description: 'Admin.' })
  async rejectReturn(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return stepResult(await this.desk.reject(context.em, id));
  }

  @Mutation(() => ReturnStepResult, {
    description:
      'Admin: the parcel arrived — refund and restock, or ship the exchange. Safe to repeat.',
  })
  async receiveReturn(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return stepResult(await this.desk.receive(context.em, id));
  }

  @FieldResolver(() => OrderWithReturns, { description: 'The order it returns lines of.' })
  order(@Root() ret: Return) {
    return { id: ret.orderId };
  }

  @FieldResolver(() => [ReturnLineType])
  lines(@Root() ret: Return, @Ctx() context: SubgraphContext) {
    return context.em.find(ReturnLine, { returnId: ret.id }, { orderBy: { id: 'asc' } });
  }
}

/** `Order.returns`: reached only through an order the router let the caller read. */
@Resolver(() => OrderWithReturns)
export class OrderReturnsResolver {
  @FieldResolver(() => [ReturnObjectType])
  returns(@Root() order: { id: string }, @Ctx() context: SubgraphContext) {
    return context.em.find(Return, { orderId: order.id }, { orderBy: { createdAt: 'asc' } });
  }
}
