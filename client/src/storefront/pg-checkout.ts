import type { ClientConfig } from '../shared/config';

/**
 * The PG's hosted payment page for a placed order. It charges `totalAmount`, the figure the
 * shopper was shown, and sends them back to the payment result pages.
 */
export function pgCheckoutUrl(
  config: ClientConfig,
  order: { id: string; orderName: string; totalAmount: number },
  customerName: string,
): string {
  const back = window.location.origin;
  const params = new URLSearchParams({
    clientKey: config.pgClientKey,
    orderId: order.id,
    orderName: order.orderName,
    amount: String(order.totalAmount),
    customerName,
    successUrl: `${back}/payment/success`,
    failUrl: `${back}/payment/fail`,
  });
  return `${config.pgCheckoutUrl}?${params}`;
}
