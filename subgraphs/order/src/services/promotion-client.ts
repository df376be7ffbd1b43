import { quoteSchema, type Quote, type QuoteRequest } from '@shop/contracts';
import { InternalHttpError, type InternalClient } from '@shop/kit/internal-http';

export type CouponReservation = { reserved: true } | { reserved: false; reason: string };

/** promotion's pricing and coupon API for orders. */
export class PromotionClient {
  constructor(private readonly promotion: InternalClient) {}

  async quote(request: QuoteRequest): Promise<Quote> {
    // A quote changes nothing, so it is safe to retry.
    const answer = await this.promotion.post('/internal/quotes', request, {
      idempotencyKey: `quote-${request.userId}-${Date.now()}`,
    });
    return quoteSchema.parse(answer);
  }

  async reserveCoupon(
    couponId: string,
    orderId: string,
    userId: string,
  ): Promise<CouponReservation> {
    try {
      await this.coupon(couponId, 'reserve', orderId, userId);
      return { reserved: true };
    } catch (error) {
      if (error instanceof InternalHttpError && error.status === 409)
        return { reserved: false, reason: reasonOf(error.body) };
      throw error;
    }
  }

  useCoupon(couponId: string, orderId: string, userId: string) {
    return this.coupon(couponId, 'use', orderId, userId);
  }

  releaseCoupon(couponId: string, orderId: string, userId: string) {
    return this.coupon(couponId, 'release', orderId, userId);
  }

  restoreCoupon(couponId: string, orderId: string, userId: string) {
    return this.coupon(couponId, 'restore', orderId, userId);
  }

  private coupon(
    couponId: string,
    action: string,
    orderId: string,
    userId: string,
  ): Promise<unknown> {
    return this.promotion.post(
      `/internal/coupons/${couponId}/${action}`,
      { orderId, userId },
      { idempotencyKey: `${action}-${couponId}-${orderId}` },
    );
  }
}

function reasonOf(body: unknown): string {
  const reason = (body as { reason?: unknown; code?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : 'NOT_USABLE';
}
