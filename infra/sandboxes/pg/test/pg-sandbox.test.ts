import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPgSandbox,
  testCards,
  type RunningPgSandbox,
  type SettlementRow,
} from '../src/index.js';

const secretKey = 'test_sk_unit';
const auth = `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;

describe('the PG sandbox', () => {
  let pg: RunningPgSandbox;
  let orders = 0;

  beforeAll(async () => {
    pg = await startPgSandbox({ port: 0, secretKey, timeoutDelayMs: 1500 });
  });

  afterAll(async () => {
    await pg.stop();
  });

  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${pg.url}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the shape
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  async function authorized(amount: number, card: string = testCards.NORMAL) {
    const orderId = `order-${++orders}-${Date.now()}`;
    const { body } = await call('POST', '/v1/sandbox/authorize', {
      orderId,
      orderName: '테스트 주문',
      amount,
      card,
    });
    return { orderId, paymentKey: body.paymentKey as string, amount };
  }

  it('confirms an authorised payment once, however many confirmations arrive at once', async () => {
    const payment = await authorized(25_000);
    const before = (await call('GET', '/v1/sandbox/stats')).body.confirmations;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        call('POST', '/v1/payments/confirm', payment, {
          'idempotency-key': `k-${payment.orderId}`,
        }),
      ),
    );
    expect(answers.every((answer) => answer.status === 200 && answer.body.status === 'DONE')).toBe(
      true,
    );
    expect((await call('GET', '/v1/sandbox/stats')).body.confirmations).toBe(before + 1);
    expect((await call('GET', `/v1/payments/orders/${payment.orderId}`)).body).toMatchObject({
      paymentKey: payment.paymentKey,
      totalAmount: 25_000,
      balanceAmount: 25_000,
    });
  });

  it('refuses a wrong secret key, a wrong amount and declined cards', async () => {
    const payment = await authorized(10_000);
    const wrongKey = await fetch(`${pg.url}/v1/payments/confirm`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('nope:').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(payment),
    });
    expect(wrongKey.status).toBe(401);
    expect(
      (await call('POST', '/v1/payments/confirm', { ...payment, amount: 9_000 })).body.code,
    ).toBe('NOT_MATCHED_AMOUNT');
    expect((await call('GET', `/v1/payments/${payment.paymentKey}`)).body.status).toBe('READY');

    const declined = await authorized(10_000, testCards.DECLINED);
    expect((await call('POST', '/v1/payments/confirm', declined)).body.code).toBe(
      'REJECT_CARD_PAYMENT',
    );
    const broke = await authorized(10_000, 'INSUFFICIENT_FUNDS');
    expect((await call('POST', '/v1/payments/confirm', broke)).body.code).toBe(
      'NOT_ENOUGH_BALANCE',
    );
    expect((await call('GET', `/v1/payments/${broke.paymentKey}`)).body.status).toBe('ABORTED');
  });

  it('approves a TIMEOUT card but answers too late; asking afterwards shows DONE', async () => {
    const payment = await authorized(5_000, testCards.TIMEOUT);
    await expect(
      fetch(`${pg.url}/v1/payments/confirm`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(payment),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect((await call('GET', `/v1/payments/${payment.paymentKey}`)).body.status).toBe('DONE');
  });

  it('cancels partially and fully, never beyond the balance, once per idempotency key', async () => {
    const payment = await authorized(30_000);
    await call('POST', '/v1/payments/confirm', payment);
    const cancel = (amount: number, key: string) =>
      call(
        'POST',
        `/v1/payments/${payment.paymentKey}/cancel`,
        { cancelReason: '반품', cancelAmount: amount },
        { 'idempotency-key': key },
      );
    expect((await cancel(10_000, 'a')).body).toMatchObject({
      status: 'PARTIAL_CANCELED',
      balanceAmount: 20_000,
    });
    expect((await cancel(10_000, 'a')).body.balanceAmount).toBe(20_000); // the same key: the first answer
    const racing = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cancel(5_000, `race-${i}`)),
    );
    expect(racing.filter((answer) => answer.status === 200)).toHaveLength(4);
    // Refused once the balance is gone: too much to cancel, or nothing left to cancel at all.
    expect(racing.filter((answer) => answer.status === 400)).toHaveLength(6);
    expect((await call('GET', `/v1/payments/${payment.paymentKey}`)).body).toMatchObject({
      status: 'CANCELED',
      balanceAmount: 0,
    });
  });

  it('reports settlements whose sums are approvals minus cancels, fees in whole won', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    const { body } = await call('GET', `/v1/settlements?startDate=${today}&endDate=${today}`);
    const rows = body as unknown as SettlementRow[];
    const approved = rows
      .filter((row) => row.type === 'PAYMENT')
      .reduce((sum, row) => sum + row.amount, 0);
    const cancelled = rows
      .filter((row) => row.type === 'CANCEL')
      .reduce((sum, row) => sum + row.amount, 0);
    expect(approved).toBe(25_000 + 5_000 + 30_000);
    expect(cancelled).toBe(-30_000);
    expect(
      rows.every((row) => Number.isInteger(row.fee) && row.payOutAmount === row.amount - row.fee),
    ).toBe(true);
    // The fully cancelled payment's fee came back in full.
    const fullyCancelled = rows.filter(
      (row) => row.orderId === rows.find((r) => r.type === 'CANCEL')!.orderId,
    );
    expect(fullyCancelled.reduce((sum, row) => sum + row.fee, 0)).toBe(0);
  });

  it('serves the hosted page and redirects to the success or fail URL', async () => {
    const query = new URLSearchParams({
      orderId: 'order-page-1',
      orderName: '남성 반팔 티셔츠',
      amount: '19900',
      successUrl: 'http://shop.test/pay/success',
      failUrl: 'http://shop.test/pay/fail',
    });
    const page = await fetch(`${pg.url}/checkout?${query}`);
    expect(await page.text()).toContain('19,900원');
    const paid = await fetch(`${pg.url}/checkout`, {
      method: 'POST',
      body: new URLSearchParams({ ...Object.fromEntries(query), card: testCards.NORMAL }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    const success = new URL(paid.headers.get('location')!);
    expect(success.pathname).toBe('/pay/success');
    expect(success.searchParams.get('amount')).toBe('19900');
    expect(success.searchParams.get('paymentKey')).toMatch(/^tgen_/);
    const failed = await fetch(`${pg.url}/checkout`, {
      method: 'POST',
      body: new URLSearchParams({ ...Object.fromEntries(query), card: '1234' }),
      redirect: 'manual',
    });
    expect(new URL(failed.headers.get('location')!).searchParams.get('code')).toBe(
      'INVALID_CARD_NUMBER',
    );
  });
});
