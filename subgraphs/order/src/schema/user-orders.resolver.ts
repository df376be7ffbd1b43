import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { searchOrders } from '../services/order-search.js';
import type { OrderContext } from './loaders.js';
import { OrderConnection, UserWithOrders } from './order.type.js';

/** `User.orders`: a customer's order history, newest first. */
@Resolver(() => UserWithOrders)
export class UserOrdersResolver {
  @FieldResolver(() => OrderConnection)
  orders(
    @Root() user: { id: string },
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: OrderContext,
  ) {
    return searchOrders(context.em, { userId: user.id, first, after });
  }
}
