import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
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
import { PgUnavailable, type PaymentGateway } from '../src/gateway/payment-gateway.js';
import { TossPaymentsGateway } from '../src/gateway/toss-payments-gateway.js';
import { PaymentEvents } from '../src/services/payment-events.js';
import { PaymentRefunds } from '../src/services/payment-refunds.js';

/** How the PG call of one refund goes wrong: not at all, its answer is lost, or it never arrives. */
type Fault = 'none' | 'answer-lost' | 'never-sent';

/** What the test knows for sure: the PG is the truth for which refund keys it applied. */
interface Model {
  paid: number;
  appliedKeys: Set<string>;
}

interface Real {
  orm: Orm;
  orderId: string;
  refundsThrough(fault: Fault): PaymentRefunds;
  pgRefunded(): Promise<number>;
}

const PAID = 10_000;

describeOnEachDatabase('refunds under lost answers and crashes, model-based ($name)', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  let pg: RunningPgSandbox;
  let gateway: TossPaymentsGateway;
  const logger = createLogger('test', { level: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'payment_refunds_model');
    orm = await openDatabase({ config: database.config, entities: paymentEntities });
    await orm.schema.update();
    pg = await startPgSandbox({ port: 0 });
    gateway = new TossPaymentsGateway({
      baseUrl: pg.url,
      secretKey: 'test_sk_sandbox',
      timeoutMs: 3000,
    });
  });
  afterAll(async () => {
    await pg?.stop();
    await orm?.close();
    await database?.drop();
  });

  /** A payment of 10,000 approved at the sandbox and recorded; the keys the PG applied, noted. */
  async function setup(): Promise<{ model: Model; real: Real }> {
    const orderId = randomUUID();
    const authorized = await fetch(`${pg.url}/v1/sandbox/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, orderName: '모델 테스트', amount: PAID, card: 'NORMAL' }),
    });
    const { paymentKey } = (await authorized.json()) as { paymentKey: string };
    await gateway.confirm({ paymentKey, orderId, amount: PAID }, randomUUID());
    const em = orm.em.fork();
    em.persist(
      em.create(Payment, {
        id: randomUUID(),
        orderId,
        userId: randomUUID(),
        paymentKey,
        amount: PAID,
        status: 'APPROVED',
      }),
    );
    await em.flush();
    const model: Model = { paid: PAID, appliedKeys: new Set() };
    /** The sandbox behind a fault; every refund it applies is written into the model. */
    const faulty = (fault: Fault): PaymentGateway => ({
      confirm: (request, key) => gateway.confirm(request, key),
      find: (key) => gateway.find(key),
      cancel: async (key, request, idempotencyKey) => {
        if (fault === 'never-sent') throw new PgUnavailable('the request never left');
        const answer = await gateway.cancel(key, request, idempotencyKey);
        model.appliedKeys.add(idempotencyKey);
        if (fault === 'answer-lost') throw new PgUnavailable('the answer was lost');
        return answer;
      },
    });
    const outbox = new Outbox('payment');
    return {
      model,
      real: {
        orm,
        orderId,
        // A process that found a left-behind row takes it over at once (stale after 0 ms).
        refundsThrough: (fault) =>
          new PaymentRefunds({
            outbox,
            events: new PaymentEvents(outbox),
            gateway: faulty(fault),
            logger,
            staleAfterMs: 0,
            pgRetryDelayMs: 1,
          }),
        pgRefunded: async () => {
          const view = await gateway.find(paymentKey);
          return PAID - (view?.balanceAmount ?? PAID);
        },
      },
    };
  }

  /** The invariants, after every step: nothing refunded twice or beyond what was paid. */
  async function checkInvariants(model: Model, real: Real, settled: boolean): Promise<void> {
    const payment = await real.orm.em.fork().findOneOrFail(Payment, { orderId: real.orderId });
    const rows = await real.orm.em.fork().find(PaymentCancel, { paymentId: payment.id });
    const sum = (status: string) =>
      rows.filter((row) => row.status === status).reduce((total, row) => total + row.amount, 0);
    const pgRefunded = await real.pgRefunded();
    // What is counted against the payment is what is refunded or on its way; never above paid.
    expect(payment.cancelledAmount).toBe(sum('DONE') + sum('REQUESTED'));
    expect(payment.cancelledAmount).toBeLessThanOrEqual(model.paid);
    // The PG gave back exactly the refunds it applied: DONE ones and REQUESTED ones it applied.
    const appliedButOpen = rows.filter(
      (row) => row.status === 'REQUESTED' && model.appliedKeys.has(row.idempotencyKey),
    );
    expect(pgRefunded).toBe(
      sum('DONE') + appliedButOpen.reduce((total, row) => total + row.amount, 0),
    );
    // A refund is DONE only if the PG applied it, and FAILED only if it did not.
    for (const row of rows) {
      if (row.status === 'DONE') expect(model.appliedKeys.has(row.idempotencyKey)).toBe(true);
      if (row.status === 'FAILED') expect(model.appliedKeys.has(row.idempotencyKey)).toBe(false);
    }
    // One PaymentCancelled per DONE refund.
    const events = (await real.orm.em.fork().find(OutboxEvent, {}))
      .map((row) => JSON.parse(row.envelope) as { type: string; subject: string })
      .filter((event) => event.type === 'PaymentCancelled' && event.subject === real.orderId);
    expect(events).toHaveLength(rows.filter((row) => row.status === 'DONE').length);
    if (settled) expect(rows.filter((row) => row.status === 'REQUESTED')).toEqual([]);
  }

  class RefundCommand implements fc.AsyncCommand<Model, Real> {
    constructor(
      readonly key: string,
      readonly amount: number,
      readonly fault: Fault,
    ) {}
    check = () => true;
    async run(model: Model, real: Real): Promise<void> {
      const outcome = await real.refundsThrough(this.fault).refund(real.orm.em, real.orderId, {
        amount: this.amount,
        reason: '모델',
        lines: [],
        idempotencyKey: this.key,
        void: false,
      });
      // A lost answer never turns into a refusal that gives the amount back.
      if (this.fault !== 'none') expect(outcome.kind).not.toBe('pg-failed');
      await checkInvariants(model, real, false);
    }
    toString = () => `refund(${this.key}, ${this.amount}, ${this.fault})`;
  }

  class RecoverCommand implements fc.AsyncCommand<Model, Real> {
    check = () => true;
    async run(model: Model, real: Real): Promise<void> {
      await real.refundsThrough('none').resumeStale(real.orm.em, new Date(Date.now() + 1000));
      await checkInvariants(model, real, true);
    }
    toString = () => 'recover()';
  }

  let runs = 0;
  it('keeps refunds ≤ paid, one PG application per key, one event per refund, nothing left open after recovery', async () => {
    const commands = fc.commands(
      [
        fc
          .tuple(
            fc.constantFrom('a', 'b', 'c', 'd'),
            fc.constantFrom(1_000, 2_500, 4_000),
            fc.constantFrom<Fault>('none', 'answer-lost', 'never-sent'),
          )
          .map(([key, amount, fault]) => new RefundCommand(key, amount, fault)),
        fc.constant(new RecoverCommand()),
      ],
      { maxCommands: 12 },
    );
    await fc.assert(
      fc.asyncProperty(commands, async (steps) => {
        runs++;
        const start = await setup();
        // Keys are per run: the PG and the table are shared by every run.
        const prefix = randomUUID().slice(0, 8);
        const scoped = [...steps].map((step) =>
          step instanceof RefundCommand
            ? new RefundCommand(`${prefix}-${step.key}`, step.amount, step.fault)
            : step,
        );
        await fc.asyncModelRun(() => start, [...scoped, new RecoverCommand()]);
      }),
      { numRuns: 100 },
    );
    process.stdout.write(`figure: refunds model: ${runs} runs of up to 13 steps (${kind})\n`);
    expect(runs).toBeGreaterThanOrEqual(100);
  });
});
