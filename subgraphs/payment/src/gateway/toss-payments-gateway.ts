import {
  PgRefused,
  PgUnavailable,
  type PaymentGateway,
  type PgPayment,
} from './payment-gateway.js';

/** Toss Payments v1 over HTTP: Basic auth with the secret key, Idempotency-Key on writes. */
export class TossPaymentsGateway implements PaymentGateway {
  private readonly authorization: string;

  constructor(private readonly options: { baseUrl: string; secretKey: string; timeoutMs: number }) {
    this.authorization = `Basic ${Buffer.from(`${options.secretKey}:`).toString('base64')}`;
  }

  confirm(
    request: { paymentKey: string; orderId: string; amount: number },
    idempotencyKey: string,
  ) {
    return this.call<PgPayment>('POST', '/v1/payments/confirm', request, idempotencyKey);
  }

  async find(paymentKey: string): Promise<PgPayment | null> {
    try {
      return await this.call<PgPayment>('GET', `/v1/payments/${encodeURIComponent(paymentKey)}`);
    } catch (error) {
      if (error instanceof PgRefused && error.code === 'NOT_FOUND_PAYMENT') return null;
      throw error;
    }
  }

  cancel(
    paymentKey: string,
    request: { cancelReason: string; cancelAmount?: number },
    idempotencyKey: string,
  ) {
    return this.call<PgPayment>(
      'POST',
      `/v1/payments/${encodeURIComponent(paymentKey)}/cancel`,
      request,
      idempotencyKey,
    );
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: {
          authorization: this.authorization,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new PgUnavailable(
        `PG ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    if (response.ok) return answer as T;
    if (response.status >= 500)
      throw new PgUnavailable(`PG ${method} ${path} answered ${response.status}`);
    throw new PgRefused(
      answer.code ?? `HTTP_${response.status}`,
      answer.message ?? 'refused by the PG',
    );
  }
}
