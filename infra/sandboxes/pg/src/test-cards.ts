/**
 * The sandbox's test cards. Any other 16-digit number is a normal card that approves.
 * - DECLINED: the issuer refuses at confirmation (REJECT_CARD_PAYMENT).
 * - INSUFFICIENT_FUNDS: refused at confirmation (NOT_ENOUGH_BALANCE).
 * - TIMEOUT: approved, but the confirmation answers only after `timeoutDelayMs` — longer than a
 *   client waits, so the client must ask for the payment to learn it went through.
 */
export const testCards = {
  NORMAL: '4330000000000001',
  DECLINED: '4000000000000002',
  INSUFFICIENT_FUNDS: '4000000000009995',
  TIMEOUT: '4000000000000119',
} as const;

export type CardBehaviour = keyof typeof testCards;

export function behaviourOf(card: string): CardBehaviour | undefined {
  const named = card.toUpperCase();
  if (named in testCards) return named as CardBehaviour;
  const digits = card.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(digits)) return undefined;
  const match = Object.entries(testCards).find(([, number]) => number === digits);
  return (match?.[0] as CardBehaviour | undefined) ?? 'NORMAL';
}
