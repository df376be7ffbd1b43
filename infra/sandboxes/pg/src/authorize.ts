import { testCards } from './test-cards.js';

/**
 * What the sandbox's hosted page does when a shopper approves a card: it authorises the order's
 * amount and answers the payment key the shop then confirms. For scripts and tests that pay
 * without a browser.
 */
export async function authorizeInSandbox(
  pgUrl: string,
  payment: { orderId: string; orderName: string; amount: number; card?: string },
): Promise<string> {
  const response = await fetch(`${pgUrl}/v1/sandbox/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: testCards.NORMAL, ...payment }),
  });
  return ((await response.json()) as { paymentKey: string }).paymentKey;
}
