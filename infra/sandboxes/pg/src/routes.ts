import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { checkoutErrorPage, checkoutPage } from './checkout-page.js';
import { parse, readForm, readJson, sendReply, type Reply } from './http.js';
import { IdempotentReplies, type JsonReply } from './idempotency.js';
import type { PaymentBook } from './payments.js';
import { PgError, type Refusal } from './pg-error.js';
import { settlementReport } from './settlement-report.js';
import { cardBehaviours, testCardOf } from './test-cards.js';
import { tossPayment } from './toss-payment.js';

export interface RouteOptions {
  secretKey: string;
  clientKey: string;
  /** How long a TIMEOUT card's confirmation takes to answer. */
  timeoutDelayMs: number;
  /** Aborted when the sandbox stops, so no late answer keeps it running. */
  stopping: AbortSignal;
}

// Toss's rule for order ids; an amount is whole won, and a card payment is at least 100 won.
const orderId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '6 to 64 letters, digits, - or _');
const orderName = z.string().trim().min(1).max(100);
const amount = z.number().int().min(100).max(1_000_000_000);
const httpUrl = z.url({ protocol: /^https?$/ });

const checkoutQuery = z.object({
  clientKey: z.string().min(1),
  orderId,
  orderName,
  // A form and a query string carry text.
  amount: z.coerce.number().pipe(amount),
  customerName: z.string().trim().max(100).optional(),
  successUrl: httpUrl,
  failUrl: httpUrl,
});
const checkoutForm = checkoutQuery.extend({
  // Scripts posting the form may leave the button out: they pay.
  action: z.enum(['pay', 'cancel']).default('pay'),
  card: z.string().default(''),
});
const authorizeBody = z.object({ orderId, orderName, amount, card: z.string().min(1) });
const confirmBody = z.object({
  paymentKey: z.string().min(1).max(200),
  orderId: z.string().min(1).max(64),
  amount: z.number().int().positive(),
});
const cancelBody = z.object({
  cancelReason: z.string().trim().min(1).max(200),
  cancelAmount: z.number().int().positive().optional(),
});
const settlementQuery = z
  .object({ startDate: z.iso.date(), endDate: z.iso.date() })
  .refine((query) => query.startDate <= query.endDate, {
    path: ['endDate'],
    message: 'before startDate',
  });
const idempotencyKeyHeader = z.string().min(1).max(300).optional();

const invalidCardNumber: Refusal = {
  status: 400,
  code: 'INVALID_CARD_NUMBER',
  message: '카드번호를 다시 확인해주세요.',
};

interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  /** The path's captured segments, decoded. */
  params: string[];
}

interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  /** A page a browser shows: refusals are answered as HTML rather than JSON. */
  page?: boolean;
  handle(request: RouteRequest): Promise<Reply> | Reply;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new PgError({ status: 400, code: 'INVALID_REQUEST', message: `bad path: ${segment}` });
  }
}

const json = ({ status, body }: JsonReply): Reply => ({ kind: 'json', status, body });

/** Where the checkout page sends the customer: the shop's URL with Toss's query parameters. */
function redirectTo(base: string, query: Record<string, string>): Reply {
  const url = new URL(base);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return { kind: 'redirect', location: url.toString() };
}

/** The PG's HTTP API (Toss Payments v1 shapes), the hosted checkout page and the test hooks. */
export function createRequestHandler(book: PaymentBook, options: RouteOptions) {
  const replies = new IdempotentReplies();
  const expectedAuthorization = `Basic ${Buffer.from(`${options.secretKey}:`).toString('base64')}`;

  /** The merchant's API calls: Basic auth with the secret key as user name, no password. */
  const requireSecretKey = (req: IncomingMessage) => {
    if (req.headers.authorization !== expectedAuthorization)
      throw new PgError({
        status: 401,
        code: 'UNAUTHORIZED_KEY',
        message: '인증되지 않은 시크릿 키 혹은 클라이언트 키입니다.',
      });
  };
  const requireClientKey = (clientKey: string) => {
    if (clientKey !== options.clientKey)
      throw new PgError({
        status: 401,
        code: 'UNAUTHORIZED_KEY',
        message: '인증되지 않은 클라이언트 키입니다.',
      });
  };
  const idempotencyKeyOf = (req: IncomingMessage) =>
    parse(idempotencyKeyHeader, req.headers['idempotency-key']);

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/checkout$/,
      page: true,
      handle({ url }) {
        const params = parse(checkoutQuery, Object.fromEntries(url.searchParams));
        requireClientKey(params.clientKey);
        return { kind: 'html', status: 200, html: checkoutPage(params) };
      },
    },
    {
      method: 'POST',
      path: /^\/checkout$/,
      page: true,
      async handle({ req }) {
        const form = parse(checkoutForm, await readForm(req));
        requireClientKey(form.clientKey);
        const fail = ({ code, message }: Refusal) =>
          redirectTo(form.failUrl, { code, message, orderId: form.orderId });
        if (form.action === 'cancel')
          return fail({
            status: 400,
            code: 'PAY_PROCESS_CANCELED',
            message: '사용자에 의해 결제가 취소되었습니다.',
          });
        const card = testCardOf(form.card);
        if (!card) return fail(invalidCardNumber);
        try {
          const payment = book.authorize({
            orderId: form.orderId,
            orderName: form.orderName,
            amount: form.amount,
            card,
          });
          return redirectTo(form.successUrl, {
            paymentType: 'NORMAL',
            orderId: payment.orderId,
            paymentKey: payment.paymentKey,
            amount: String(payment.totalAmount),
          });
        } catch (error) {
          if (error instanceof PgError) return fail(error.refusal);
          throw error;
        }
      },
    },
    {
      // What the checkout page does, without the page: for tests and scripts.
      method: 'POST',
      path: /^\/v1\/sandbox\/authorize$/,
      async handle({ req }) {
        const input = parse(authorizeBody, await readJson(req));
        const card = testCardOf(input.card);
        if (!card) throw new PgError(invalidCardNumber);
        const payment = book.authorize({
          orderId: input.orderId,
          orderName: input.orderName,
          amount: input.amount,
          card,
        });
        return json({
          status: 200,
          body: {
            paymentKey: payment.paymentKey,
            orderId: payment.orderId,
            amount: payment.totalAmount,
          },
        });
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/sandbox\/stats$/,
      handle: () => json({ status: 200, body: { ...book.stats } }),
    },
    {
      method: 'POST',
      path: /^\/v1\/payments\/confirm$/,
      async handle({ req, url }) {
        requireSecretKey(req);
        const key = idempotencyKeyOf(req);
        const input = parse(confirmBody, await readJson(req));
        const reply = replies.answer(`POST ${url.pathname}`, key, input, () =>
          tossPayment(book.confirm(input)),
        );
        // Approved at once, answered late: the caller gives up before this answer comes.
        if (reply.status === 200 && cardBehaviours[book.find(input.paymentKey).card].answersLate)
          await sleep(options.timeoutDelayMs, undefined, { signal: options.stopping });
        return json(reply);
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/payments\/orders\/([^/]+)$/,
      handle({ req, params: [orderId] }) {
        requireSecretKey(req);
        return json({ status: 200, body: tossPayment(book.findByOrder(orderId!)) });
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/payments\/([^/]+)\/cancel$/,
      async handle({ req, url, params: [paymentKey] }) {
        requireSecretKey(req);
        const key = idempotencyKeyOf(req);
        const input = parse(cancelBody, await readJson(req));
        return json(
          replies.answer(`POST ${url.pathname}`, key, input, () =>
            tossPayment(book.cancel(paymentKey!, input)),
          ),
        );
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/payments\/([^/]+)$/,
      handle({ req, params: [paymentKey] }) {
        requireSecretKey(req);
        return json({ status: 200, body: tossPayment(book.find(paymentKey!)) });
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/settlements$/,
      handle({ req, url }) {
        requireSecretKey(req);
        const { startDate, endDate } = parse(settlementQuery, Object.fromEntries(url.searchParams));
        return json({
          status: 200,
          body: settlementReport(book.approvedPayments(), startDate, endDate),
        });
      },
    },
  ];

  async function reply(req: IncomingMessage, url: URL): Promise<Reply> {
    let pathMatched = false;
    for (const route of routes) {
      const match = route.path.exec(url.pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      try {
        return await route.handle({ req, url, params: match.slice(1).map(decodeSegment) });
      } catch (error) {
        if (!(error instanceof PgError)) throw error;
        return route.page
          ? { kind: 'html', status: error.status, html: checkoutErrorPage(error.refusal) }
          : json({ status: error.status, body: { code: error.code, message: error.message } });
      }
    }
    return pathMatched
      ? json({
          status: 405,
          body: { code: 'METHOD_NOT_ALLOWED', message: `${req.method} ${url.pathname}` },
        })
      : json({ status: 404, body: { code: 'NOT_FOUND', message: `no route ${url.pathname}` } });
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      sendReply(res, await reply(req, new URL(req.url ?? '/', 'http://pg-sandbox')));
    } catch (error) {
      // Stopped while a late answer was waiting: its connection is already closed.
      if (options.stopping.aborted) return;
      console.error('PG sandbox failed a request', error);
      sendReply(
        res,
        json({
          status: 500,
          body: { code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', message: String(error) },
        }),
      );
    }
  };
}
