import type { OrderLineRequest, ProductStock, SkuAvailability } from '@shop/contracts';
import type { InternalClient } from '@shop/kit/internal-http';

export type StockReservation =
  | {
      status: 'RESERVED';
      expiresAt: string;
      /** Each reserved SKU's units left right after this reservation. */
      left?: SkuAvailability[];
      /** Products whose last unit of a SKU this took, as their next ProductChanged will say. */
      soldOut?: ProductStock[];
    }
  | {
      status: 'UNRESERVABLE';
      skuId: string;
      requested: number;
      reason: 'out-of-stock' | 'not-for-sale' | 'unknown-sku';
      available?: number;
    };

/** product's stock API for orders; every call is idempotent on the order id, so it retries. */
export class StockClient {
  constructor(private readonly product: InternalClient) {}

  reserve(orderId: string, lines: OrderLineRequest[]): Promise<StockReservation> {
    return this.product.post(
      '/internal/reservations',
      { orderId, lines },
      { idempotencyKey: orderId },
    );
  }

  /** `short`: reservations whose units were sold after they lapsed (the order cannot have them). */
  commit(orderId: string): Promise<{ committed: number; short: number }> {
    return this.product.post(
      `/internal/reservations/${orderId}/commit`,
      {},
      { idempotencyKey: `commit-${orderId}` },
    );
  }

  release(orderId: string): Promise<{ released: number }> {
    return this.product.post(
      `/internal/reservations/${orderId}/release`,
      {},
      { idempotencyKey: `release-${orderId}` },
    );
  }

  restock(orderId: string): Promise<{ restocked: number }> {
    return this.product.post(
      `/internal/reservations/${orderId}/restock`,
      {},
      { idempotencyKey: `restock-${orderId}` },
    );
  }
}
