import type { Refusal } from './pg-error.js';

/**
 * The sandbox's test cards, by short name. A card is given by its name or its number (spaces and
 * dashes allowed); any other 16-digit number behaves like NORMAL.
 */
export const testCards = {
  /** Approves. */
  NORMAL: '4330000000000001',
  /** Passes the checkout page; the issuer refuses at confirmation (REJECT_CARD_PAYMENT). */
  DECLINED: '4000000000000002',
  /** Passes the checkout page; refused at confirmation (NOT_ENOUGH_BALANCE). */
  INSUFFICIENT_FUNDS: '4000000000009995',
  /**
   * Approved at confirmation, but the answer comes only after `timeoutDelayMs`, longer than a
   * client waits: the client must look the payment up to learn that it went through.
   */
  TIMEOUT: '4000000000000119',
  /** Refused on the checkout page itself: the customer goes to the fail URL, no payment key. */
  LOST_OR_STOLEN: '4000000000009979',
} as const;

export type TestCard = keyof typeof testCards;

export interface CardBehaviour {
  /** Shown on the checkout page. */
  label: string;
  refusedAtCheckout?: Refusal;
  refusedAtConfirm?: Refusal;
  /** Confirmation approves, then answers only after the sandbox's `timeoutDelayMs`. */
  answersLate?: boolean;
}

export const cardBehaviours: Record<TestCard, CardBehaviour> = {
  NORMAL: { label: '정상 승인' },
  DECLINED: {
    label: '승인 거절 (결제 승인 시)',
    refusedAtConfirm: {
      status: 403,
      code: 'REJECT_CARD_PAYMENT',
      message: '카드사에서 결제를 거절했습니다.',
    },
  },
  INSUFFICIENT_FUNDS: {
    label: '잔액 부족 (결제 승인 시)',
    refusedAtConfirm: { status: 403, code: 'NOT_ENOUGH_BALANCE', message: '잔액이 부족합니다.' },
  },
  TIMEOUT: { label: '응답 지연 (승인은 됨)', answersLate: true },
  LOST_OR_STOLEN: {
    label: '분실·도난 카드 (결제창에서 거절)',
    refusedAtCheckout: {
      status: 400,
      code: 'INVALID_CARD_LOST_OR_STOLEN',
      message: '분실 혹은 도난 카드입니다.',
    },
  },
};

const cardNames = Object.keys(testCards) as TestCard[];

/** The test card a name or number stands for, or undefined for something that is not a card. */
export function testCardOf(nameOrNumber: string): TestCard | undefined {
  const name = cardNames.find((card) => card === nameOrNumber.trim().toUpperCase());
  if (name) return name;
  const digits = nameOrNumber.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(digits)) return undefined;
  return cardNames.find((card) => testCards[card] === digits) ?? 'NORMAL';
}
