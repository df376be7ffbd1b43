import { randomUUID } from 'node:crypto';
import type { BulkheadPolicy } from 'cockatiel';
import type { Quote } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { allocate } from '@shop/kit/money';
import { crashPoint } from '@shop/kit/ops';
import { OrderLine } from '../domain/order-line.entity.js';
import { OrderStatusChange } from '../domain/order-status-change.entity.js';
import {
  checkoutCharge,
  type CheckoutCharge,
  type CheckoutRules,
} from '../domain/checkout-charge.js';
import { Order } from '../domain/order.entity.js';
import { canTransition, initialOrderStatus } from '../domain/order-transitions.js';
import type { OrderEvents } from './order-events.js';
import type { OrderHolds } from './order-holds.js';
import { placeOrderSchema, type PlaceOrderInput } from './order-input.js';
import type { PointsClient } from './points-client.js';
import type { PromotionClient } from './promotion-client.js';
import type { StockClient } from './stock-client.js';
import type { GateRefusal, StockGate } from './stock-gate.js';

export type PlaceOrderOutcome =
  | { kind: 'placed'; order: Order }
  | { kind: 'invalid-input'; issues: { field: string; message: string }[] }
  | { kind: 'out-of-stock'; skuId: string; requested: number; available: number }
  | { kind: 'unavailable'; skuIds: string[] }
  | { kind: 'coupon-invalid'; couponId: string; reason: string }
  | { kind: 'insufficient-points'; requested: number; balance: number };

type Refusal = Exclude<PlaceOrderOutcome, { kind: 'placed' | 'invalid-input' }>;
type PlaceOrderRequest = ReturnType<typeof placeOrderSchema.parse>;

/**
 * createOrder (docs/architecture.md#checkout, step 1): priced by promotion on the server, then
 * stock, coupon and points are held, in that order. The order row is written first, PLACING, so it
 * is the record of what was held, and nothing can pay it yet; once every hold is in place it
 * becomes PENDING (payable). If a step is refused the order FAILS and gives back what it got; if
 * the process dies midway the sweeper fails it once `SHOP_ORDER_PLACING_TIMEOUT_SECONDS` have
 * passed and does the same.
 */
export class PlaceOrder {
  constructor(
    private readonly deps: {
      outbox: Outbox;
      events: OrderEvents;
      holds: OrderHolds;
      stock: StockClient;
      promotion: PromotionClient;
      points: PointsClient;
      rules: CheckoutRules;
      gate: StockGate;
      /**
       * How many admitted orders are placed at once. A placement and what it sets off (payment,
       * events, the stock's commit) cost far more than a refusal; let all of a sale's admitted
       * buyers in at once and every cheap answer, "sold out" or a listing, queues behind their
       * work for seconds. Held to about the cores, the admitted wait their turn instead.
       */
      placements: BulkheadPolicy;
      /** Counts buyers the gate answered (`shop_order_sold_out_at_gate_total`). */
      onGateRefusal: () => void;
      logger: Logger;
    },
  ) {}

  async place(
    em: EntityManager,
    userId: string,
    input: PlaceOrderInput,
  ): Promise<PlaceOrderOutcome> {
    const parsed = placeOrderSchema.safeParse(input);
    if (!parsed.success)
      return {
        kind: 'invalid-input',
        issues: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || 'input',
          message: issue.message,
        })),
      };
    const request = parsed.data;
    const earlier = await Order.placedWith(em, userId, request.idempotencyKey);
    if (earlier) return { kind: 'placed', order: earlier };
    const orderId = randomUUID();
    const refused = await this.askGate(orderId, request.lines);
    if (refused) {
      this.deps.onGateRefusal();
      const requested = request.lines.find((line) => line.skuId === refused.skuId)!.quantity;
      return {
        kind: 'out-of-stock',
        skuId: refused.skuId,
        requested,
        available: refused.available,
      };
    }
    try {
      return await this.deps.placements.execute(() =>
        this.placeAdmitted(em, orderId, userId, request),
      );
    } finally {
      // Given back as soon as product answers (hold); this covers every way out before that.
      await this.tellGate(orderId, this.deps.gate.leave(orderId, request.lines));
    }
  }

  private async placeAdmitted(
    em: EntityManager,
    orderId: string,
    userId: string,
    request: PlaceOrderRequest,
  ): Promise<PlaceOrderOutcome> {
    const quote = await this.deps.promotion.quote({
      userId,
      lines: request.lines,
      couponId: request.couponId,
    });
    if (quote.unavailableSkuIds.length > 0)
      return { kind: 'unavailable', skuIds: quote.unavailableSkuIds };
    if (quote.coupon && !quote.coupon.applied)
      return {
        kind: 'coupon-invalid',
        couponId: quote.coupon.id,
        reason: quote.coupon.rejection ?? 'NOT_USABLE',
      };
    const charged = checkoutCharge(quote.total, request.pointsToUse, this.deps.rules);
    if (charged.kind === 'invalid-input') return charged;

    const { order, lines } = await this.record(em, orderId, userId, request, quote, charged.charge);
    crashPoint('order.place.recorded');
    let refusal: Refusal | undefined;
    try {
      refusal = await this.hold(em, order, lines, request);
    } catch (error) {
      // A service did not answer: nothing may stay held for an order the customer never got.
      await this.fail(em, order.id, 'SERVICE_UNAVAILABLE');
      throw error;
    }
    if (refusal) {
      await this.fail(em, order.id, refusal.kind);
      return refusal;
    }
    // PENDING: placed, as this order shows (transitionTo); otherwise the sweeper moved it first.
    if (order.status === 'PENDING') return { kind: 'placed', order };
    return { kind: 'placed', order: (await em.fork().findOne(Order, { id: order.id }))! };
  }

  private async record(
    em: EntityManager,
    orderId: string,
    userId: string,
    request: PlaceOrderRequest,
    quote: Quote,
    charge: CheckoutCharge,
  ): Promise<{ order: Order; lines: OrderLine[] }> {
    const points = allocate(
      charge.pointsUsed,
      quote.lines.map((line) => line.lineTotal),
    );
    const first = quote.lines[0]!;
    return em.fork().transactional(async (tx) => {
      const order = tx.create(Order, {
        id: orderId,
        userId,
        orderName:
          quote.lines.length > 1
            ? `${first.productName} 외 ${quote.lines.length - 1}건`
            : first.productName,
        subtotal: quote.subtotal,
        productDiscount: quote.productDiscount,
        couponDiscount: quote.couponDiscount,
        pointsUsed: charge.pointsUsed,
        shippingFee: charge.shippingFee,
        totalAmount: charge.totalAmount,
        couponId: quote.coupon?.applied ? quote.coupon.id : null,
        shippingAddress: {
          ...request.shippingAddress,
          line2: request.shippingAddress.line2 ?? null,
        },
        idempotencyKey: request.idempotencyKey,
        status: initialOrderStatus,
        // Provisional: set from the stock reservation's expiry once it is held.
        expiresAt: new Date(Date.now() + 15 * 60_000),
      });
      tx.persist(order);
      tx.persist(
        tx.create(OrderStatusChange, { orderId, status: initialOrderStatus, cause: 'createOrder' }),
      );
      const lines = quote.lines.map((line, position) =>
        tx.create(OrderLine, {
          id: randomUUID(),
          orderId,
          position,
          skuId: line.skuId,
          productId: line.productId,
          productName: line.productName,
          brandId: line.brandId,
          options: line.options,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          salePrice: line.salePrice,
          lineSubtotal: line.lineSubtotal,
          productDiscount: line.productDiscount,
          couponDiscount: line.couponDiscount,
          pointsUsed: points[position]!,
          paidAmount: line.lineTotal - points[position]!,
        }),
      );
      tx.persist(lines);
      return { order, lines };
    });
  }

  /** Holds stock, coupon and points; the first refusal stops it. */
  private async hold(
    em: EntityManager,
    order: Order,
    lines: OrderLine[],
    request: PlaceOrderRequest,
  ): Promise<Refusal | undefined> {
    const stock = await this.deps.stock.reserve(order.id, request.lines);
    // Product has answered: this order's passes stop counting, and the gate learns what product
    // said (if it took the last unit, the next buyer hears so at the gate, not after the event).
    await this.tellGate(
      order.id,
      stock.status === 'RESERVED'
        ? this.deps.gate.learn(order.id, request.lines, {
            left: stock.left ?? [],
            soldOut: stock.soldOut ?? [],
          })
        : this.deps.gate.leave(order.id, request.lines),
    );
    if (stock.status === 'UNRESERVABLE') {
      if (stock.reason === 'out-of-stock')
        return {
          kind: 'out-of-stock',
          skuId: stock.skuId,
          requested: stock.requested,
          available: stock.available ?? 0,
        };
      return { kind: 'unavailable', skuIds: [stock.skuId] };
    }
    crashPoint('order.place.stock-held');
    if (order.couponId) {
      const coupon = await this.deps.promotion.reserveCoupon(
        order.couponId,
        order.id,
        order.userId,
      );
      if (!coupon.reserved)
        return { kind: 'coupon-invalid', couponId: order.couponId, reason: coupon.reason };
    }
    if (order.pointsUsed > 0) {
      const points = await this.deps.points.hold(order.id, order.userId, order.pointsUsed);
      if (!points.held)
        return {
          kind: 'insufficient-points',
          requested: order.pointsUsed,
          balance: points.balance,
        };
    }
    // Payment closes a little before product lets go of the stock, so a payment confirmed at the
    // last moment still finds its reservation to commit.
    const holdEnds = Date.parse(stock.expiresAt);
    const grace = Math.min(60_000, (holdEnds - Date.now()) / 10);
    const placed = await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const changed = await order.transitionTo(tx, 'PENDING', 'createOrder', {
        expiresAt: new Date(holdEnds - grace),
      });
      if (changed) this.deps.events.placed(tx, order, lines);
      return changed;
    });
    // Not placed: the sweeper failed it meanwhile (this outlived the placing timeout) and gave
    // back its holds; the customer is shown the order as it is, FAILED.
    if (!placed) this.deps.logger.warn({ orderId: order.id }, 'order failed while being placed');
    return undefined;
  }

  /**
   * A first-come sale's losing buyers stop here, before any quote, row or reservation. A gate that
   * cannot be asked (Redis down) lets the order through: product's reservation still decides.
   */
  private async askGate(
    orderId: string,
    lines: PlaceOrderRequest['lines'],
  ): Promise<GateRefusal | undefined> {
    try {
      return await this.deps.gate.admit(orderId, lines);
    } catch (error) {
      this.deps.logger.warn({ err: error, orderId }, 'the stock gate could not be asked');
      return undefined;
    }
  }

  /** The gate only answers early: an order goes on whether or not the gate could be told. */
  private async tellGate(orderId: string, telling: Promise<void>): Promise<void> {
    await telling.catch((error: unknown) =>
      this.deps.logger.warn({ err: error, orderId }, 'the stock gate could not be told'),
    );
  }

  /**
   * Read again rather than taken from `place`: a placing that threw midway (its transaction rolled
   * back) may have left the order in hand ahead of the row.
   */
  private async fail(em: EntityManager, orderId: string, reason: string): Promise<void> {
    const order = await em.fork().findOne(Order, { id: orderId });
    // Failed meanwhile by the sweeper (this outlived the placing timeout): it gave the holds back.
    if (!order || !canTransition(order.status, 'FAILED', 'createOrder')) return;
    const failed = await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const changed = await order.transitionTo(tx, 'FAILED', 'createOrder', {
        failureReason: reason,
        holdsSettled: false,
        closedAt: new Date(),
      });
      if (changed) this.deps.events.failed(tx, order, reason);
      return changed;
    });
    if (failed) await this.deps.holds.settle(em, order);
  }
}
