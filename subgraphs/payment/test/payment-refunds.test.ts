import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@shop/kit';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox, OutboxEvent } from '@shop/kit/events';
import { startPgSandbox, type RunningPgSandbox } from '@shop/pg-sandbox';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { paymentEntities } from '../src/domain/entities.js';
import { PaymentCancel } from '../src/domain/payment-cancel.entity.js';
import { Payment } from '../src/domain/payment.entity.js';
import { TossPaymentsGateway } from '../src/gateway/toss-payments-gateway.js';
import { PaymentEvents } from '../src/services/payment-events.js';
import { PaymentRefunds } from '../src/services/payment-refunds.js';

describeOnEachDatabase('refunds on $name against the PG sandbox', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  let pg: RunningPgSandbox;
  let refunds: PaymentRefunds;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'payment_refunds');
    orm = await openDatabase({ config: database.config, entities: paymentEntities });
    await orm.schema.update();
    pg = await startPgSandbox({ port: 0 });
    refunds = refundsAt(pg.url);
  });

  /** Refunds through the PG at `pgUrl`; rows untouched for `staleAfterMs` count as left behind. */
  function refundsAt(pgUrl: string, staleAfterMs = 30_000): PaymentRefunds {
    const outbox = new Outbox('payment');
    return new PaymentRefunds({
      outbox,
      events: new PaymentEvents(outbox),
      gateway: new TossPaymentsGateway({
        baseUrl: pgUrl,
        secretKey: 'test_sk_sandbox',
        timeoutMs: 1000,
      }),
      logger: createLogger('test', { level: 'silent' }),
      staleAfterMs,
    });
  }

  /** The PG's view of an order's payment. */
  async function atPg(orderId: string) {
    const answer = await fetch(`${pg.url}/v1/payments/orders/${orderId}`, {
      headers: { authorization: `Basic ${Buffer.from('test_sk_sandbox:').toString('base64')}` },
    });
    return (await answer.json()) as { status: string; balanceAmount: number };
  }

  /** The PaymentCancelled events recorded for an order. */
  async function cancelledEvents(orderId: string) {
    const rows = await orm.em.fork().find(OutboxEvent, {});
    return rows
      .map(
        (row) =>
          JSON.parse(row.envelope) as {
            type: string;
            subject: string;
            data: Record<string, unknown>;
          },
      )
      .filter((event) => event.type === 'PaymentCancelled' && event.subject === orderId);
  }

  afterAll(async () => {
    await pg.stop();
    await orm.close();
    await database.drop();
  });

  /** A payment approved at the sandbox and recorded as payment records it. */
  async function approvedPayment(amount: number): Promise<string> {
    const orderId = randomUUID();
    const authorized = await fetch(`${pg.url}/v1/sandbox/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, orderName: '환불 테스트', amount, card: 'NORMAL' }),
    });
    const { paymentKey } = (await authorized.json()) as { paymentKey: string };
    const gateway = new TossPaymentsGateway({
      baseUrl: pg.url,
      secretKey: 'test_sk_sandbox',
      timeoutMs: 3000,
    });
    await gateway.confirm({ paymentKey, orderId, amount }, randomUUID());
    const em = orm.em.fork();
    em.persist(
      em.create(Payment, {
        id: randomUUID(),
        orderId,
        userId: randomUUID(),
        paymentKey,
        amount,
        status: 'APPROVED',
      }),
    );
    await em.flush();
    return orderId;
  }

  const refund = (orderId: string, amount: number | undefined, key: string) =>
    refunds.refund(orm.em, orderId, {
      amount,
      reason: '반품',
      lines: [],
      idempotencyKey: key,
      void: false,
    });

  it('makes one refund of 20 concurrent attempts with one key, and never refunds more than was paid', async () => {
    const orderId = await approvedPayment(30_000);
    const sameKey = await Promise.all(
      Array.from({ length: 20 }, () => refund(orderId, 10_000, `return-${orderId}`)),
    );
    expect(sameKey.every((outcome) => outcome.kind === 'refunded')).toBe(true);
    const payment = await orm.em.fork().findOneOrFail(Payment, { orderId });
    expect(payment).toMatchObject({ cancelledAmount: 10_000, status: 'PARTIALLY_CANCELLED' });

    // 20 different refunds of 5,000 race for the 20,000 left: exactly four go through.
    const racing = await Promise.all(
      Array.from({ length: 20 }, (_, i) => refund(orderId, 5_000, `race-${i}-${orderId}`)),
    );
    expect(racing.filter((outcome) => outcome.kind === 'refunded')).toHaveLength(4);
    const done = await orm.em.fork().find(PaymentCancel, { paymentId: payment.id, status: 'DONE' });
    expect(done.reduce((sum, cancel) => sum + cancel.amount, 0)).toBe(30_000);
    expect(await orm.em.fork().findOneOrFail(Payment, { orderId })).toMatchObject({
      cancelledAmount: 30_000,
      status: 'CANCELLED',
    });
    expect(await refund(orderId, 1, `late-${orderId}`)).toMatchObject({ kind: 'not-refundable' });
    const atPg = await fetch(`${pg.url}/v1/payments/orders/${orderId}`, {
      headers: { authorization: `Basic ${Buffer.from('test_sk_sandbox:').toString('base64')}` },
    });
    expect(await atPg.json()).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
  });

  it('answers twins of a refund larger than half the payment as the one refund, not as too much', async () => {
    const orderId = await approvedPayment(10_000);
    const twins = await Promise.all(
      Array.from({ length: 20 }, () => refund(orderId, 7_000, `big-${orderId}`)),
    );
    expect(twins.map((outcome) => outcome.kind)).toEqual(
      Array.from({ length: 20 }, () => 'refunded'),
    );
    expect(await orm.em.fork().findOneOrFail(Payment, { orderId })).toMatchObject({
      cancelledAmount: 7_000,
    });
  });

  it('refunds what is left when no amount is given, and refuses a payment that does not exist', async () => {
    const orderId = await approvedPayment(12_000);
    await refund(orderId, 2_000, `part-${orderId}`);
    expect(await refund(orderId, undefined, `rest-${orderId}`)).toMatchObject({
      kind: 'refunded',
      result: { cancelledAmount: 12_000, refundableAmount: 0, status: 'CANCELLED' },
    });
    expect(await refund(randomUUID(), undefined, 'nothing-here')).toMatchObject({
      kind: 'not-refundable',
      reason: 'NO_PAYMENT',
    });
  });

  it('leaves a refund the PG did not answer REQUESTED (never FAILED), and recovery finishes it once', async () => {
    const orderId = await approvedPayment(9_000);
    const unreachable = refundsAt('http://127.0.0.1:9', 0);
    const request = {
      amount: 4_000,
      reason: '반품',
      lines: [],
      idempotencyKey: `lost-${orderId}`,
      void: false,
    };
    expect(await unreachable.refund(orm.em, orderId, request)).toEqual({ kind: 'in-progress' });
    const left = await orm.em
      .fork()
      .findOneOrFail(PaymentCancel, { idempotencyKey: request.idempotencyKey });
    expect(left.status).toBe('REQUESTED');
    // The amount stays counted: nobody can refund it a second time meanwhile.
    expect((await orm.em.fork().findOneOrFail(Payment, { orderId })).cancelledAmount).toBe(4_000);

    expect(await refundsAt(pg.url, 0).resumeStale(orm.em)).toBeGreaterThanOrEqual(1);
    expect(
      await orm.em.fork().findOneOrFail(PaymentCancel, { idempotencyKey: request.idempotencyKey }),
    ).toMatchObject({ status: 'DONE' });
    expect(await atPg(orderId)).toMatchObject({ balanceAmount: 5_000 });
    expect(await cancelledEvents(orderId)).toHaveLength(1);
    // The caller asking again with its key gets the one refund.
    expect(await refunds.refund(orm.em, orderId, request)).toMatchObject({
      kind: 'refunded',
      result: { cancelledAmount: 4_000 },
    });
  });

  it('finishes a refund whose process died after the PG applied it, without refunding twice', async () => {
    const orderId = await approvedPayment(8_000);
    const payment = await orm.em.fork().findOneOrFail(Payment, { orderId });
    const key = `died-${orderId}`;
    // What the dead process left: the amount counted, the row REQUESTED, the PG already refunded.
    const em = orm.em.fork();
    em.persist(
      em.create(PaymentCancel, {
        id: randomUUID(),
        paymentId: payment.id,
        amount: 8_000,
        reason: '주문 취소',
        idempotencyKey: key,
        lines: [],
        updatedAt: new Date(Date.now() - 60_000),
      }),
    );
    await em.flush();
    await orm.em.fork().nativeUpdate(Payment, { id: payment.id }, { cancelledAmount: 8_000 });
    await new TossPaymentsGateway({
      baseUrl: pg.url,
      secretKey: 'test_sk_sandbox',
      timeoutMs: 3000,
    }).cancel(payment.paymentKey, { cancelReason: '주문 취소', cancelAmount: 8_000 }, key);

    // A live request with the key is not left waiting: it takes the row over and finishes it.
    expect(
      await refunds.refund(orm.em, orderId, {
        reason: '주문 취소',
        lines: [],
        idempotencyKey: key,
        void: false,
      }),
    ).toMatchObject({ kind: 'refunded', result: { cancelledAmount: 8_000, status: 'CANCELLED' } });
    expect(await atPg(orderId)).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    expect(await cancelledEvents(orderId)).toHaveLength(1);
    expect(await refunds.resumeStale(orm.em)).toBe(0);
  });

  it('voids a charge that paid no order whatever its row says, with a row and a void event', async () => {
    const orderId = await approvedPayment(7_000);
    const payment = await orm.em.fork().findOneOrFail(Payment, { orderId });
    await orm.em.fork().nativeUpdate(Payment, { id: payment.id }, { status: 'READY' });
    const voided = await refunds.refund(orm.em, orderId, {
      reason: 'order expired',
      lines: [],
      idempotencyKey: `void-${payment.id}`,
      void: true,
    });
    expect(voided).toMatchObject({ kind: 'refunded', result: { refundableAmount: 0 } });
    expect(await orm.em.fork().findOneOrFail(Payment, { orderId })).toMatchObject({
      status: 'CANCELLED',
    });
    expect((await cancelledEvents(orderId)).map((event) => event.data)).toEqual([
      expect.objectContaining({ amount: 7_000, void: true, lines: [] }),
    ]);
    expect(await atPg(orderId)).toMatchObject({ status: 'CANCELED' });
  });
});
