import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrderStatus } from '@shop/contracts';
import { mayDo } from '@shop/contracts/staff-duties';
import { forbidden, InvalidInput, ownsOrIsStaff } from '@shop/kit/server';
import type { OrderLine } from '../domain/order-line.entity.js';
import { historyAsOf, OrderStatusChange } from '../domain/order-status-change.entity.js';
import type { Order } from '../domain/order.entity.js';
import { isConfirmable, type OrderFulfilment } from '../services/order-fulfilment.js';
import type { OrderLifecycle } from '../services/order-lifecycle.js';
import { countOrdersByStatus } from '../services/order-counts.js';
import { searchOrders } from '../services/order-search.js';
import type { PlaceOrder } from '../services/place-order.js';
import { AdminOrderFilter, CreateOrderInput } from './inputs.js';
import type { OrderContext } from './loaders.js';
import {
  CouponInvalid,
  InsufficientPoints,
  OrderConnection,
  OrderLineOption,
  OrderLineType,
  OrderNotCancellable,
  OrderNotDelivered,
  OrderNotFound,
  OrderStatusChangeType,
  OrderStatusCountType,
  OrderStatusEnum,
  OrderType,
  OutOfStock,
  ProductReference,
  ProductUnavailable,
  ReturnOpen,
  SkuReference,
} from './order.type.js';
import { CancelOrderResult, ConfirmPurchaseResult, CreateOrderResult } from './results.js';

/** The signed-in customer (the permission rules let only customers and admins in). */
export function customerId(context: OrderContext): string {
  if (context.identity.kind !== 'user')
    throw new Error('permission rules let an anonymous caller through');
  return context.identity.userId;
}

const mayRefund = (context: OrderContext) =>
  context.identity.kind === 'user' && mayDo(context.identity.roles, 'refunds');

@Resolver(() => OrderType)
export class OrderResolver {
  constructor(
    private readonly placeOrder: PlaceOrder,
    private readonly lifecycle: OrderLifecycle,
    private readonly fulfilment: OrderFulfilment,
  ) {}

  @Query(() => OrderType, { nullable: true, description: 'One of your orders (staff: any).' })
  async order(@Arg('id', () => ID) id: string, @Ctx() context: OrderContext) {
    const order = await context.loaders.order.load(id);
    return order && ownsOrIsStaff(context.identity, order.userId) ? order : null;
  }

  @Query(() => OrderConnection, { description: 'Admin: search orders, newest first.' })
  adminOrders(
    @Arg('filter', () => AdminOrderFilter, { nullable: true }) filter: AdminOrderFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: OrderContext,
  ) {
    return searchOrders(context.em, { ...filter, first, after });
  }

  @Query(() => [OrderStatusCountType], {
    description:
      'Admin: how many orders are in each status asked (one entry per status, in the order asked).',
  })
  adminOrderCounts(
    @Arg('statuses', () => [OrderStatusEnum]) statuses: OrderStatus[],
    @Ctx() context: OrderContext,
  ) {
    return countOrdersByStatus(context.em, statuses);
  }

  @FieldResolver(() => Boolean, {
    description: 'Delivered (or partly returned) with no return open: 구매 확정 is offered.',
  })
  canConfirmPurchase(@Root() order: Order): boolean {
    return isConfirmable(order);
  }

  @FieldResolver(() => [OrderStatusChangeType], {
    description:
      'Every status change, oldest first (orders placed before it was kept start later).',
  })
  async history(@Root() order: Order, @Ctx() context: OrderContext) {
    const changes = await context.em.find(
      OrderStatusChange,
      { orderId: order.id },
      { orderBy: { id: 'asc' } },
    );
    return historyAsOf(changes, order.status);
  }

  @FieldResolver(() => [OrderLineType])
  lines(@Root() order: Order, @Ctx() context: OrderContext) {
    return context.loaders.linesOfOrder.load(order.id);
  }

  @Mutation(() => CreateOrderResult, {
    description:
      'Prices the cart on the server and holds stock, coupon and points; pay before expiresAt.',
  })
  async createOrder(
    @Arg('input', () => CreateOrderInput) input: CreateOrderInput,
    @Ctx() context: OrderContext,
  ) {
    const outcome = await this.placeOrder.place(context.em, customerId(context), input);
    switch (outcome.kind) {
      case 'placed':
        return outcome.order;
      case 'invalid-input':
        return new InvalidInput(outcome.issues);
      case 'out-of-stock':
        return new OutOfStock(outcome.skuId, outcome.requested, outcome.available);
      case 'unavailable':
        return new ProductUnavailable(outcome.skuIds);
      case 'coupon-invalid':
        return new CouponInvalid(outcome.couponId, outcome.reason);
      case 'insufficient-points':
        return new InsufficientPoints(outcome.requested, outcome.balance);
    }
  }

  @Mutation(() => ConfirmPurchaseResult, {
    description: 'The buyer confirms a delivered order (구매확정): it completes and earns points.',
  })
  async confirmPurchase(@Arg('id', () => ID) id: string, @Ctx() context: OrderContext) {
    const order = await context.loaders.order.load(id);
    if (!order || order.userId !== customerId(context)) return new OrderNotFound();
    const outcome = await this.fulfilment.confirm(context.em, id);
    switch (outcome.kind) {
      case 'completed':
        return outcome.order;
      case 'return-open':
        return new ReturnOpen(outcome.openReturns);
      case 'not-delivered':
        return new OrderNotDelivered(outcome.status);
      case 'not-found':
        return new OrderNotFound();
    }
  }

  @Mutation(() => CancelOrderResult, {
    description:
      'Cancels an order not yet claimed for shipping (PREPARING). A paid one is refunded: CANCELLING until the refund is made, then CANCELLED.',
  })
  async cancelOrder(@Arg('id', () => ID) id: string, @Ctx() context: OrderContext) {
    const order = await context.loaders.order.load(id);
    if (!order || !ownsOrIsStaff(context.identity, order.userId)) return new OrderNotFound();
    const byCustomer = order.userId === customerId(context);
    if (!byCustomer && !mayRefund(context)) throw forbidden();
    const outcome = await this.lifecycle.cancel(context.em, id, byCustomer ? 'CUSTOMER' : 'ADMIN');
    switch (outcome.kind) {
      case 'cancelled':
        return outcome.order;
      case 'not-cancellable':
        return new OrderNotCancellable(outcome.status);
      case 'not-found':
        return new OrderNotFound();
    }
  }
}

@Resolver(() => OrderLineType)
export class OrderLineResolver {
  @FieldResolver(() => [OrderLineOption])
  options(@Root() line: OrderLine) {
    return Object.entries(line.options).map(([name, value]) => ({ name, value }));
  }

  @FieldResolver(() => Int, {
    description: 'Units that may still be asked back: neither returned nor in an open return.',
  })
  returnableQuantity(@Root() line: OrderLine): number {
    return line.quantity - line.returnedQuantity - line.returnPendingQuantity;
  }

  @FieldResolver(() => SkuReference)
  sku(@Root() line: OrderLine) {
    return { id: line.skuId };
  }

  @FieldResolver(() => ProductReference)
  product(@Root() line: OrderLine) {
    return { id: line.productId };
  }
}
