import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPgSandbox,
  testCards,
  type PgSandboxOptions,
  type RunningPgSandbox,
  type SettlementRow,
} from '../src/index.js';

const secretKey = 'test_sk_unit';
const clientKey = 'test_ck_unit';
const basicAuth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
const seoulToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

interface Authorized {
  paymentKey: string;
  orderId: string;
  amount: number;
}

/** A sandbox on a free port for one describe block, and the calls a merchant makes to it. */
function useSandbox(options: PgSandboxOptions = {}) {
  let pg: RunningPgSandbox;
  beforeAll(async () => {
    pg = await startPgSandbox({ port: 0, secretKey, clientKey, ...options });
  });
  afterAll(() => pg.stop());

  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${pg.url}${path}`, {
      method,
      headers: {
        authorization: basicAuth(secretKey),
        'content-type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the shape
    return { status: response.status, body: (await response.json()) as any };
  }

  return {
    url: () => pg.url,
    call,
    async authorize(amount: number, card: string = testCards.NORMAL): Promise<Authorized> {
      const orderId = `order-${randomUUID()}`;
      const { status, body } = await call('POST', '/v1/sandbox/authorize', {
        orderId,
        orderName: '남성 반팔 티셔츠 외 1건',
        amount,
        card,
      });
      expect(status).toBe(200);
      return { paymentKey: body.paymentKey, orderId, amount };
    },
    confirm: (payment: Authorized, idempotencyKey?: string) =>
      call(
        'POST',
        '/v1/payments/confirm',
        payment,
        idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
      ),
    cancel: (
      paymentKey: string,
      body: { cancelReason: string; cancelAmount?: number },
      idempotencyKey?: string,
    ) =>
      call(
        'POST',
        `/v1/payments/${paymentKey}/cancel`,
        body,
        idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
      ),
    payment: (paymentKey: string) => call('GET', `/v1/payments/${paymentKey}`),
    stats: async () =>
      (await call('GET', '/v1/sandbox/stats')).body as {
        authorizations: number;
        confirmations: number;
        cancels: number;
      },
  };
}

describe('confirming a payment', () => {
  const pg = useSandbox({ timeoutDelayMs: 1000 });

  it('approves an authorised payment and shows it by key and by order', async () => {
    const payment = await pg.authorize(25_000);
    expect((await pg.payment(payment.paymentKey)).body.status).toBe('IN_PROGRESS');
    const before = await pg.stats();

    const confirmed = await pg.confirm(payment);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      orderName: '남성 반팔 티셔츠 외 1건',
      method: '카드',
      status: 'DONE',
      totalAmount: 25_000,
      balanceAmount: 25_000,
      cancels: null,
    });
    expect(confirmed.body.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect((await pg.payment(payment.paymentKey)).body).toEqual(confirmed.body);
    expect((await pg.call('GET', `/v1/payments/orders/${payment.orderId}`)).body).toEqual(
      confirmed.body,
    );
    expect((await pg.stats()).confirmations).toBe(before.confirmations + 1);
  });

  it('refuses a wrong or missing secret key and leaves the payment unconfirmed', async () => {
    const payment = await pg.authorize(10_000);
    for (const authorization of [basicAuth('test_sk_other'), ''])
      expect(
        await pg.call('POST', '/v1/payments/confirm', payment, { authorization }),
      ).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED_KEY' } });
    expect(
      (await pg.call('GET', `/v1/payments/${payment.paymentKey}`, undefined, { authorization: '' }))
        .status,
    ).toBe(401);
    expect((await pg.payment(payment.paymentKey)).body.status).toBe('IN_PROGRESS');
  });

  it('refuses an amount other than the authorised one and leaves the payment unconfirmed', async () => {
    const payment = await pg.authorize(10_000);
    expect(await pg.confirm({ ...payment, amount: 9_000 })).toMatchObject({
      status: 400,
      body: { code: 'NOT_MATCHED_AMOUNT' },
    });
    expect((await pg.payment(payment.paymentKey)).body).toMatchObject({
      status: 'IN_PROGRESS',
      approvedAt: null,
    });
    expect((await pg.confirm(payment)).body.status).toBe('DONE');
  });

  it('refuses a declined card and a card without funds, the same way every time', async () => {
    const before = await pg.stats();
    const declined = await pg.authorize(10_000, testCards.DECLINED);
    const broke = await pg.authorize(10_000, 'insufficient_funds');
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await pg.confirm(declined)).toMatchObject({
        status: 403,
        body: { code: 'REJECT_CARD_PAYMENT' },
      });
      expect(await pg.confirm(broke)).toMatchObject({
        status: 403,
        body: { code: 'NOT_ENOUGH_BALANCE' },
      });
    }
    expect((await pg.payment(declined.paymentKey)).body.status).toBe('ABORTED');
    expect((await pg.payment(broke.paymentKey)).body.status).toBe('ABORTED');
    expect((await pg.stats()).confirmations).toBe(before.confirmations);
  });

  it('approves a TIMEOUT card but answers too late; looking it up shows DONE', async () => {
    const payment = await pg.authorize(5_000, '4000-0000-0000-0119');
    await expect(
      fetch(`${pg.url()}/v1/payments/confirm`, {
        method: 'POST',
        headers: { authorization: basicAuth(secretKey), 'content-type': 'application/json' },
        body: JSON.stringify(payment),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect((await pg.payment(payment.paymentKey)).body.status).toBe('DONE');
  });

  it('charges once when 50 confirmations of one payment arrive together', async () => {
    const payment = await pg.authorize(30_000);
    const before = await pg.stats();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => pg.confirm(payment, `client-${i}`)),
    );
    expect(answers.every(({ status, body }) => status === 200 && body.status === 'DONE')).toBe(
      true,
    );
    expect(new Set(answers.map(({ body }) => body.lastTransactionKey)).size).toBe(1);
    expect((await pg.stats()).confirmations).toBe(before.confirmations + 1);
  });

  it('answers a repeated idempotency key with the first answer, refusals included', async () => {
    const payment = await pg.authorize(12_000);
    const first = await pg.confirm(payment, 'confirm-once');
    await pg.cancel(payment.paymentKey, { cancelReason: '고객 변심' });
    const replayed = await pg.confirm(payment, 'confirm-once');
    expect(replayed).toEqual(first);
    expect(replayed.body.status).toBe('DONE');

    const declined = await pg.authorize(12_000, 'DECLINED');
    expect((await pg.confirm(declined, 'confirm-declined')).body.code).toBe('REJECT_CARD_PAYMENT');
    expect((await pg.confirm(declined, 'confirm-declined')).body.code).toBe('REJECT_CARD_PAYMENT');
    // A key names one request: reused for another payment, it is refused, not replayed.
    expect(await pg.confirm(await pg.authorize(12_000), 'confirm-once')).toMatchObject({
      status: 422,
      body: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
  });

  it('approves one payment per order id', async () => {
    const first = await pg.authorize(8_000);
    const second = await pg.call('POST', '/v1/sandbox/authorize', {
      orderId: first.orderId,
      orderName: '다시 결제',
      amount: 8_000,
      card: 'NORMAL',
    });
    expect((await pg.confirm({ ...first, paymentKey: second.body.paymentKey })).body.status).toBe(
      'DONE',
    );
    expect(await pg.confirm(first)).toMatchObject({
      status: 400,
      body: { code: 'DUPLICATED_ORDER_ID' },
    });
    expect((await pg.call('GET', `/v1/payments/orders/${first.orderId}`)).body.paymentKey).toBe(
      second.body.paymentKey,
    );
    const third = await pg.call('POST', '/v1/sandbox/authorize', {
      orderId: first.orderId,
      orderName: '또 결제',
      amount: 8_000,
      card: 'NORMAL',
    });
    expect(third.body.code).toBe('DUPLICATED_ORDER_ID');
  });

  it('says which input is wrong', async () => {
    const response = await fetch(`${pg.url()}/v1/payments/confirm`, {
      method: 'POST',
      headers: { authorization: basicAuth(secretKey) },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('INVALID_REQUEST');

    const invalid = await pg.call('POST', '/v1/sandbox/authorize', {
      orderId: 'short',
      orderName: '',
      amount: 99.5,
      card: 'NORMAL',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/orderId: .*orderName: .*amount: /);
    expect(
      (
        await pg.call('POST', '/v1/sandbox/authorize', {
          orderId: randomUUID(),
          orderName: '티셔츠',
          amount: 1_000,
          card: '1234',
        })
      ).body.code,
    ).toBe('INVALID_CARD_NUMBER');
    expect((await pg.call('GET', '/v1/payments/tgen_nothing')).status).toBe(404);
    expect((await pg.call('GET', '/v1/nowhere')).status).toBe(404);
    expect((await pg.call('GET', '/v1/payments/confirm/x')).status).toBe(404);
    expect((await pg.call('DELETE', '/v1/payments/confirm')).status).toBe(405);
  });
});

describe('an authorisation left unconfirmed', () => {
  let now = Date.now();
  const pg = useSandbox({ authorizationTtlMs: 50, now: () => now });

  it('expires and can no longer be confirmed', async () => {
    const payment = await pg.authorize(10_000);
    now += 49;
    expect((await pg.payment(payment.paymentKey)).body.status).toBe('IN_PROGRESS');
    now += 1;
    expect((await pg.payment(payment.paymentKey)).body.status).toBe('EXPIRED');
    expect(await pg.confirm(payment)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND_PAYMENT_SESSION' },
    });
  });
});

describe('cancelling a payment', () => {
  const pg = useSandbox();

  async function approved(amount: number) {
    const payment = await pg.authorize(amount);
    expect((await pg.confirm(payment)).body.status).toBe('DONE');
    return payment;
  }

  it('cancels in parts down to nothing, then refuses any more', async () => {
    const { paymentKey } = await approved(30_000);
    const answers = [];
    for (const key of ['part-1', 'part-2', 'part-3'])
      answers.push(
        await pg.cancel(paymentKey, { cancelReason: '부분 반품', cancelAmount: 10_000 }, key),
      );
    expect(answers.map(({ body }) => [body.status, body.balanceAmount])).toEqual([
      ['PARTIAL_CANCELED', 20_000],
      ['PARTIAL_CANCELED', 10_000],
      ['CANCELED', 0],
    ]);
    expect(
      answers[2]!.body.cancels.map(
        (cancel: { refundableAmount: number }) => cancel.refundableAmount,
      ),
    ).toEqual([20_000, 10_000, 0]);
    expect(
      await pg.cancel(paymentKey, { cancelReason: '한 번 더', cancelAmount: 1 }),
    ).toMatchObject({
      status: 400,
      body: { code: 'ALREADY_CANCELED_PAYMENT' },
    });
  });

  it('never cancels more than the balance', async () => {
    const { paymentKey } = await approved(10_000);
    await pg.cancel(paymentKey, { cancelReason: '부분 반품', cancelAmount: 4_000 });
    expect(
      await pg.cancel(paymentKey, { cancelReason: '초과', cancelAmount: 6_001 }),
    ).toMatchObject({ status: 403, body: { code: 'NOT_CANCELABLE_AMOUNT' } });
    // Without an amount, what is left.
    expect((await pg.cancel(paymentKey, { cancelReason: '전액' })).body).toMatchObject({
      status: 'CANCELED',
      balanceAmount: 0,
    });
  });

  it('cancels once per idempotency key', async () => {
    const { paymentKey } = await approved(20_000);
    const before = await pg.stats();
    const first = await pg.cancel(
      paymentKey,
      { cancelReason: '반품', cancelAmount: 5_000 },
      'refund-1',
    );
    const again = await pg.cancel(
      paymentKey,
      { cancelReason: '반품', cancelAmount: 5_000 },
      'refund-1',
    );
    expect(again).toEqual(first);
    expect(first.body.balanceAmount).toBe(15_000);
    expect((await pg.stats()).cancels).toBe(before.cancels + 1);
    expect(
      (await pg.cancel(paymentKey, { cancelReason: '반품', cancelAmount: 6_000 }, 'refund-1')).body
        .code,
    ).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await pg.payment(paymentKey)).body.balanceAmount).toBe(15_000);
  });

  it('lets concurrent cancels take no more than the balance', async () => {
    const { paymentKey } = await approved(25_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pg.cancel(paymentKey, { cancelReason: '동시 반품', cancelAmount: 3_000 }, `race-${i}`),
      ),
    );
    const accepted = answers.filter(({ status }) => status === 200);
    expect(accepted).toHaveLength(8);
    expect(
      answers
        .filter(({ status }) => status !== 200)
        .every(({ status, body }) => status === 403 && body.code === 'NOT_CANCELABLE_AMOUNT'),
    ).toBe(true);
    const final = (await pg.payment(paymentKey)).body;
    expect(final.balanceAmount).toBe(1_000);
    expect(
      final.cancels.reduce(
        (sum: number, cancel: { cancelAmount: number }) => sum + cancel.cancelAmount,
        0,
      ),
    ).toBe(24_000);
  });

  it('ends an unconfirmed authorisation without charging; an aborted one cannot be cancelled', async () => {
    const payment = await pg.authorize(7_000);
    expect(
      (await pg.cancel(payment.paymentKey, { cancelReason: '금액 불일치' })).body,
    ).toMatchObject({
      status: 'ABORTED',
      balanceAmount: 7_000,
      cancels: null,
    });
    expect((await pg.confirm(payment)).body.code).toBe('ALREADY_PROCESSED_PAYMENT');
    const declined = await pg.authorize(7_000, 'DECLINED');
    await pg.confirm(declined);
    expect(await pg.cancel(declined.paymentKey, { cancelReason: '거절 건' })).toMatchObject({
      status: 403,
      body: { code: 'NOT_CANCELABLE_PAYMENT' },
    });
  });
});

describe('the settlement report', () => {
  const pg = useSandbox();

  it('sums to approvals minus cancels, with whole-won fees that follow the cancels', async () => {
    const startDate = seoulToday();
    const kept = await pg.authorize(10_000);
    await pg.confirm(kept);
    const partly = await pg.authorize(33_333);
    await pg.confirm(partly);
    await pg.cancel(partly.paymentKey, { cancelReason: '부분 반품', cancelAmount: 3_333 });
    await pg.cancel(partly.paymentKey, { cancelReason: '부분 반품', cancelAmount: 10_000 });
    const whole = await pg.authorize(19_900);
    await pg.confirm(whole);
    await pg.cancel(whole.paymentKey, { cancelReason: '주문 취소' });
    await pg.authorize(50_000); // never confirmed: not in the report
    const declined = await pg.authorize(50_000, 'DECLINED');
    await pg.confirm(declined);
    const endDate = seoulToday();

    const report = await pg.call(
      'GET',
      `/v1/settlements?startDate=${startDate}&endDate=${endDate}`,
    );
    expect(report.status).toBe(200);
    const rows = report.body as SettlementRow[];
    const rowsOf = (orderId: string) => rows.filter((row) => row.orderId === orderId);
    const sum = (list: SettlementRow[], field: 'amount' | 'fee' | 'payOutAmount') =>
      list.reduce((total, row) => total + row[field], 0);

    expect(rows.map((row) => row.type)).toEqual([
      'PAYMENT',
      'PAYMENT',
      'CANCEL',
      'CANCEL',
      'PAYMENT',
      'CANCEL',
    ]);
    expect(sum(rows, 'amount')).toBe(10_000 + 33_333 + 19_900 - (3_333 + 10_000 + 19_900));
    expect(rows.every((row) => Number.isInteger(row.fee))).toBe(true);
    expect(rows.every((row) => row.payOutAmount === row.amount - row.fee)).toBe(true);
    expect(new Set(rows.map((row) => row.transactionKey)).size).toBe(rows.length);
    expect(rows.every((row) => row.soldDate >= startDate && row.soldDate <= endDate)).toBe(true);

    // 3.3 % of what stays charged, to the won: 10,000 → 330.
    expect(rowsOf(kept.orderId).map((row) => row.fee)).toEqual([330]);
    // 33,333 → 1,100; after 3,333 back 30,000 → 990 (110 back); after 10,000 back 20,000 → 660.
    expect(rowsOf(partly.orderId).map((row) => row.fee)).toEqual([1_100, -110, -330]);
    // Fully cancelled: the fee comes back whole.
    expect(sum(rowsOf(whole.orderId), 'fee')).toBe(0);
    expect(sum(rowsOf(whole.orderId), 'payOutAmount')).toBe(0);
  });

  it('reports only the days asked for, and checks the dates and the key', async () => {
    expect(
      (await pg.call('GET', '/v1/settlements?startDate=2020-01-01&endDate=2020-01-31')).body,
    ).toEqual([]);
    expect(
      (await pg.call('GET', '/v1/settlements?startDate=2020-02-30&endDate=2020-03-01')).status,
    ).toBe(400);
    expect(
      (await pg.call('GET', '/v1/settlements?startDate=2020-03-02&endDate=2020-03-01')).body.code,
    ).toBe('INVALID_REQUEST');
    expect(
      (
        await pg.call('GET', '/v1/settlements?startDate=2020-01-01&endDate=2020-01-31', undefined, {
          authorization: basicAuth('test_sk_other'),
        })
      ).status,
    ).toBe(401);
  });
});

describe('the hosted checkout page', () => {
  const pg = useSandbox();
  const orderId = `order-${randomUUID()}`;
  const params = {
    clientKey,
    orderId,
    orderName: '<b>남성</b> 반팔 티셔츠',
    amount: '19900',
    customerName: '김토스',
    successUrl: 'http://shop.test/pay/success?from=pg',
    failUrl: 'http://shop.test/pay/fail',
  };
  const submit = (fields: Record<string, string>) =>
    fetch(`${pg.url()}/checkout`, {
      method: 'POST',
      body: new URLSearchParams({ ...params, ...fields }),
      redirect: 'manual',
    });
  const redirectOf = (response: Response) => {
    expect(response.status).toBe(303);
    return new URL(response.headers.get('location')!);
  };

  it('renders the order and the test cards', async () => {
    const page = await fetch(`${pg.url()}/checkout?${new URLSearchParams(params)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('19,900원');
    expect(html).toContain('&#60;b&#62;남성&#60;/b&#62; 반팔 티셔츠');
    expect(html).not.toContain('<b>남성');
    expect(html).toContain('김토스');
    expect(html).toContain('name="viewport"');
    for (const card of Object.keys(testCards)) expect(html).toContain(`value="${card}"`);
  });

  it('refuses a wrong client key or a URL that is not http(s)', async () => {
    const wrongKey = await fetch(
      `${pg.url()}/checkout?${new URLSearchParams({ ...params, clientKey: 'test_ck_other' })}`,
    );
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.text()).toContain('UNAUTHORIZED_KEY');
    const script = await fetch(
      `${pg.url()}/checkout?${new URLSearchParams({ ...params, successUrl: 'javascript:alert(1)' })}`,
    );
    expect(script.status).toBe(400);
  });

  it('pays and sends the customer to the success URL with a key the shop confirms', async () => {
    const success = redirectOf(await submit({ card: 'NORMAL', action: 'pay' }));
    expect(success.origin + success.pathname).toBe('http://shop.test/pay/success');
    expect(Object.fromEntries(success.searchParams)).toMatchObject({
      from: 'pg',
      paymentType: 'NORMAL',
      orderId,
      amount: '19900',
    });
    const paymentKey = success.searchParams.get('paymentKey')!;
    expect((await pg.confirm({ paymentKey, orderId, amount: 19_900 })).body.status).toBe('DONE');
  });

  it('sends the customer to the fail URL for a refused card, a bad number or giving up', async () => {
    for (const [fields, code] of [
      [{ card: testCards.LOST_OR_STOLEN }, 'INVALID_CARD_LOST_OR_STOLEN'],
      [{ card: '1234' }, 'INVALID_CARD_NUMBER'],
      [{ action: 'cancel' }, 'PAY_PROCESS_CANCELED'],
    ] as const) {
      const fail = redirectOf(await submit({ ...fields, orderId: `order-${randomUUID()}` }));
      expect(fail.origin + fail.pathname).toBe('http://shop.test/pay/fail');
      expect(fail.searchParams.get('code')).toBe(code);
      expect(fail.searchParams.get('message')).toBeTruthy();
      expect(fail.searchParams.get('orderId')).toMatch(/^order-/);
      expect(fail.searchParams.has('paymentKey')).toBe(false);
    }
  });
});
