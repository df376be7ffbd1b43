import {
  orderWithLinesSchema,
  skuInfoSchema,
  type OrderWithLines,
  type RefundLine,
  type SkuInfo,
} from '@shop/contracts';
import { InternalHttpError, type InternalClient } from '@shop/kit/internal-http';
import { z } from 'zod';

/** The services a return talks to; every write carries a key derived from the return. */
export class ReturnCollaborators {
  constructor(
    private readonly clients: {
      order: InternalClient;
      payment: InternalClient;
      product: InternalClient;
    },
    private readonly carrierUrl: string,
  ) {}

  async order(orderId: string): Promise<OrderWithLines | null> {
    try {
      return orderWithLinesSchema.parse(
        await this.clients.order.get(`/internal/orders/${orderId}/lines`),
      );
    } catch (error) {
      if (error instanceof InternalHttpError && error.status === 404) return null;
      throw error;
    }
  }

  async sku(skuId: string): Promise<SkuInfo | null> {
    const [sku] = z
      .array(skuInfoSchema)
      .parse(await this.clients.product.get(`/internal/skus?ids=${skuId}`));
    return sku ?? null;
  }

  /** Refunds part of the order's payment; the same return refunds once, however often asked. */
  async refund(
    orderId: string,
    returnId: string,
    amount: number,
    lines: RefundLine[],
  ): Promise<void> {
    const idempotencyKey = `return-${returnId}`;
    await this.clients.payment.post(
      `/internal/payments/${orderId}/cancel`,
      { amount, reason: `return ${returnId}`, lines, idempotencyKey },
      { idempotencyKey },
    );
  }

  /** Takes the replacement units out of stock for good (reserved and committed under the return's id). */
  async takeReplacement(
    returnId: string,
    lines: { skuId: string; quantity: number }[],
  ): Promise<boolean> {
    const reserved = await this.clients.product.post<{ status: string }>(
      '/internal/reservations',
      { orderId: returnId, lines },
      { idempotencyKey: `exchange-${returnId}` },
    );
    if (reserved.status !== 'RESERVED') return false;
    await this.clients.product.post(
      `/internal/reservations/${returnId}/commit`,
      {},
      { idempotencyKey: `exchange-commit-${returnId}` },
    );
    return true;
  }

  /** A parcel with the carrier (pickup of the return, or the replacement), once per reference. */
  async registerParcel(reference: string): Promise<string> {
    const response = await fetch(new URL('/v1/shipments', this.carrierUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Returns are followed by their status here, not by tracking webhooks; the URL is required.
      body: JSON.stringify({
        carrier: 'CJ대한통운',
        reference,
        webhookUrl: 'http://127.0.0.1:9/ignored',
      }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`carrier refused the parcel: ${response.status}`);
    return ((await response.json()) as { trackingNumber: string }).trackingNumber;
  }
}
