import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { checkoutPage } from './checkout-page.js';
import { PgError, type PaymentBook, type SandboxPayment } from './payments.js';
import { settlementReport } from './settlement-report.js';
import { behaviourOf } from './test-cards.js';

export interface SandboxOptions {
  secretKey: string;
  /** How long a TIMEOUT card's confirmation takes to answer. */
  timeoutDelayMs: number;
}

const amount = z.coerce.number().int().min(100).max(100_000_000);
const checkoutSchema = z.object({
  orderId: z.string().min(6).max(64),
  orderName: z.string().min(1).max(100),
  amount,
  customerName: z.string().max(100).default(''),
  successUrl: z.url(),
  failUrl: z.url(),
});
const authorizeSchema = z.object({
  orderId: z.string().min(6).max(64),
  orderName: z.string().min(1).max(100),
  amount,
  card: z.string().min(1),
});
const confirmSchema = z.object({
  paymentKey: z.string().min(1),
  orderId: z.string().min(1),
  amount: z.number().int(),
});
const cancelSchema = z.object({
  cancelReason: z.string().min(1).max(200),
  cancelAmount: z.number().int().positive().optional(),
});
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new PgError(413, 'INVALID_REQUEST', 'body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new PgError(
      400,
      'INVALID_REQUEST',
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return result.data;
}

/** What a merchant sees of a payment (the sandbox's own bookkeeping stays inside). */
const view = ({ card: _card, fee: _fee, ...payment }: SandboxPayment) => ({
  ...payment,
  cancels: payment.cancels?.map(({ feeRefund: _feeRefund, ...cancel }) => cancel) ?? null,
});

/** The PG's HTTP API (Toss Payments v1 shapes) plus the hosted checkout page. */
export function createRoutes(book: PaymentBook, options: SandboxOptions) {
  const expectedAuth = `Basic ${Buffer.from(`${options.secretKey}:`).toString('base64')}`;
  const requireSecretKey = (req: IncomingMessage) => {
    if (req.headers.authorization !== expectedAuth)
      throw new PgError(401, 'UNAUTHORIZED_KEY', '인증되지 않은 시크릿 키입니다.');
  };
  const idempotencyKey = (req: IncomingMessage) => {
    const key = req.headers['idempotency-key'];
    return typeof key === 'string' && key.length > 0 ? key : undefined;
  };

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://pg');
    const route = `${req.method} ${url.pathname}`;
    try {
      if (route === 'GET /checkout') {
        const params = parse(checkoutSchema, Object.fromEntries(url.searchParams));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(checkoutPage(params));
        return;
      }
      if (route === 'POST /checkout') {
        const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
        const params = parse(checkoutSchema, form);
        const card = behaviourOf(String(form.card ?? ''));
        const target = card ? new URL(params.successUrl) : new URL(params.failUrl);
        if (card) {
          const payment = book.authorize({ ...params, card });
          target.searchParams.set('paymentKey', payment.paymentKey);
          target.searchParams.set('amount', String(payment.totalAmount));
        } else {
          target.searchParams.set('code', 'INVALID_CARD_NUMBER');
          target.searchParams.set('message', '카드 번호가 올바르지 않습니다.');
        }
        target.searchParams.set('orderId', params.orderId);
        res.writeHead(303, { location: target.toString() });
        res.end();
        return;
      }
      if (route === 'POST /v1/sandbox/authorize') {
        const input = parse(authorizeSchema, JSON.parse((await readBody(req)) || '{}'));
        const card = behaviourOf(input.card);
        if (!card) throw new PgError(400, 'INVALID_CARD_NUMBER', '카드 번호가 올바르지 않습니다.');
        const payment = book.authorize({ ...input, card });
        send(res, 200, {
          paymentKey: payment.paymentKey,
          orderId: payment.orderId,
          amount: payment.totalAmount,
        });
        return;
      }
      if (route === 'GET /v1/sandbox/stats') return send(res, 200, book.stats);
      if (route === 'GET /v1/settlements') {
        requireSecretKey(req);
        const startDate = parse(dateSchema, url.searchParams.get('startDate'));
        const endDate = parse(dateSchema, url.searchParams.get('endDate'));
        return send(res, 200, settlementReport(book.all(), startDate, endDate));
      }
      if (route === 'POST /v1/payments/confirm') {
        requireSecretKey(req);
        const input = parse(confirmSchema, JSON.parse((await readBody(req)) || '{}'));
        const payment = book.confirm(input, idempotencyKey(req));
        // Approved at once, answered late: the caller's timeout fires before this returns.
        if (payment.card === 'TIMEOUT') await sleep(options.timeoutDelayMs);
        return send(res, 200, view(payment));
      }
      const byOrder = /^\/v1\/payments\/orders\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && byOrder) {
        requireSecretKey(req);
        return send(res, 200, view(book.findByOrder(decodeURIComponent(byOrder[1]!))));
      }
      const cancel = /^\/v1\/payments\/([^/]+)\/cancel$/.exec(url.pathname);
      if (req.method === 'POST' && cancel) {
        requireSecretKey(req);
        const input = parse(cancelSchema, JSON.parse((await readBody(req)) || '{}'));
        return send(
          res,
          200,
          view(book.cancel(decodeURIComponent(cancel[1]!), input, idempotencyKey(req))),
        );
      }
      const single = /^\/v1\/payments\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && single) {
        requireSecretKey(req);
        return send(res, 200, view(book.find(decodeURIComponent(single[1]!))));
      }
      throw new PgError(404, 'NOT_FOUND', `no route ${route}`);
    } catch (error) {
      if (error instanceof PgError)
        return send(res, error.status, { code: error.code, message: error.message });
      if (error instanceof SyntaxError)
        return send(res, 400, { code: 'INVALID_REQUEST', message: 'malformed JSON' });
      send(res, 500, { code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', message: String(error) });
    }
  };
}
