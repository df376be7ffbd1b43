/** The target answered with a non-2xx status. `code` carries the target's error code, if any. */
export class InternalHttpError extends Error {
  override readonly name = 'InternalHttpError';
  /** The `code` of a JSON error body (`OUT_OF_STOCK`), so callers can map business failures. */
  readonly code: string | undefined;

  constructor(
    readonly target: string,
    readonly status: number,
    readonly body: unknown,
    request: string,
  ) {
    const code = codeOf(body);
    super(`${target}: ${request} answered ${status}${code ? ` ${code}` : ''}`);
    this.code = code;
  }
}

/**
 * No answer from the target: its circuit is open, it timed out, it could not be reached, or it
 * refused the connection. After a timeout or a broken connection a POST may still have been
 * applied; only an idempotency key makes a repeat safe. A refused connection sent nothing.
 */
export type UnavailableReason = 'circuit open' | 'timeout' | 'unreachable' | 'refused';

export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';

  constructor(
    readonly target: string,
    readonly reason: UnavailableReason,
    options?: ErrorOptions,
  ) {
    super(`${target}: ${reason}`, options);
  }
}

function codeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  return typeof body.code === 'string' ? body.code : undefined;
}
