import { expect, it, vi } from 'vitest';
import type { Logger } from '@shop/kit';
import { errorCodeOfPgRefusal } from '../src/gateway/pg-refusal-code.js';

function mapping() {
  const warn = vi.fn();
  const logger = { warn } as unknown as Logger;
  return {
    warn,
    codeOf: (pgCode: string) => errorCodeOfPgRefusal(pgCode, logger, { orderId: 'o1' }),
  };
}

it('answers a PG refusal the shopper can act on with its own code, quietly', () => {
  const { warn, codeOf } = mapping();
  expect(codeOf('REJECT_CARD_PAYMENT')).toBe('PG_REJECT_CARD_PAYMENT');
  expect(codeOf('NOT_ENOUGH_BALANCE')).toBe('PG_NOT_ENOUGH_BALANCE');
  expect(codeOf('NOT_FOUND_PAYMENT_SESSION')).toBe('PG_NOT_FOUND_PAYMENT_SESSION');
  expect(codeOf('NOT_MATCHED_AMOUNT')).toBe('AMOUNT_MISMATCH');
  expect(warn).not.toHaveBeenCalled();
});

it('answers any other PG code with PG_REFUSED and logs the code it stands for', () => {
  const { warn, codeOf } = mapping();
  expect(codeOf('EXCEED_MAX_DAILY_PAYMENT_COUNT')).toBe('PG_REFUSED');
  expect(codeOf('constructor')).toBe('PG_REFUSED');
  expect(warn).toHaveBeenCalledWith(
    { orderId: 'o1', pgCode: 'EXCEED_MAX_DAILY_PAYMENT_COUNT' },
    expect.any(String),
  );
  expect(warn).toHaveBeenCalledTimes(2);
});
