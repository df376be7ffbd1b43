import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createResultUnion, ownsOrIsStaff, type SubgraphContext } from '@shop/kit/server';
import { Payment } from '../domain/payment.entity.js';
import type { ConfirmPayment } from '../services/confirm-payment.js';
import type { PaymentContext } from './loaders.js';
import {
  ConfirmPaymentInput,
  OrderWithPayment,
  PaymentFailed,
  PaymentType,
} from './payment.type.js';

const ConfirmPaymentResult = createResultUnion({
  name: 'ConfirmPaymentResult',
  types: () => [PaymentType, PaymentFailed] as const,
});

@Resolver(() => PaymentType)
export class PaymentResolver {
  constructor(private readonly confirmation: ConfirmPayment) {}

  @Query(() => PaymentType, {
    nullable: true,
    description: 'A payment of one of your orders (admins: any); null if none is yours.',
  })
  async payment(@Arg('id', () => ID) id: string, @Ctx() context: PaymentContext) {
    const payment = await context.loaders.payment.load(id);
    return payment && ownsOrIsStaff(context.identity, payment.userId) ? payment : null;
  }

  @Mutation(() => ConfirmPaymentResult, {
    description: 'After the PG’s success redirect: confirms the charge. Safe to repeat.',
  })
  async confirmPayment(
    @Arg('input', () => ConfirmPaymentInput) input: ConfirmPaymentInput,
    @Ctx() context: SubgraphContext,
  ) {
    if (context.identity.kind !== 'user')
      throw new Error('permission rules let an anonymous caller through');
    const outcome = await this.confirmation.confirm(context.em, context.identity.userId, input);
    if (outcome.kind === 'approved') return outcome.payment;
    return new PaymentFailed(outcome.code, outcome.message, outcome.payment);
  }
}

/** `Order.payment`: the order's payment, for its owner (the Order rule in order already decided). */
@Resolver(() => OrderWithPayment)
export class OrderPaymentResolver {
  @FieldResolver(() => PaymentType, { nullable: true })
  payment(@Root() order: { id: string }, @Ctx() context: SubgraphContext) {
    return context.em.findOne(Payment, { orderId: order.id });
  }
}
