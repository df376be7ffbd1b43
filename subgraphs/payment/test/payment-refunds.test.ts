import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@shop/kit';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox } from '@shop/kit/events';
import { startPgSandbox, type RunningPgSandbox } from '@shop/pg-sandbox';
import { createTestDatabase, probeInfra, type TestDatabase } from '@shop/testkit';
import { paymentEntities } from '../src/domain/entities.js';
import { PaymentCancel } from '../src/domain/payment-cancel.entity.js';
import { Payment } from '../src/domain/payment.entity.js';
import { TossPaymentsGateway } from '../src/gateway/toss-payments-gateway.js';
import { PaymentEvents } from '../src/services/payment-events.js';
import { PaymentRefunds } from '../src/services/payment-refunds.js';

const infra = await probeInfra(['mysql']);
const databases = [
  { name: 'SQLite', kind: 'sqlite' as const, skip: false },
  { name: 'MySQL', kind: 'mysql' as const, skip: !infra.ok },
];

describe.each(databases)('refunds on $name against the PG sandbox', ({ kind, skip }) => {
  if (skip) {
    it.skip(`needs MySQL: ${infra.reason}`, () => {});
    return;
  }
  let database: TestDatabase;
  let orm: Orm;
  let pg: RunningPgSandbox;
  let refunds: PaymentRefunds;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'payment_refunds');
    orm = await openDatabase({ config: database.config, entities: paymentEntities });
    await orm.schema.update();
    pg = await startPgSandbox({ port: 0 });
    const outbox = new Outbox('payment');
    refunds = new PaymentRefunds({
      outbox,
      events: new PaymentEvents(outbox),
      gateway: new TossPaymentsGateway({
        baseUrl: pg.url,
        secretKey: 'test_sk_sandbox',
        timeoutMs: 3000,
      }),
      logger: createLogger('test', { level: 'silent' }),
    });
  });

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
    refunds.refund(orm.em, orderId, { amount, reason: '반품', lines: [], idempotencyKey: key });

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
});
