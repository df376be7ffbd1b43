/** A refusal as Toss Payments words it: an HTTP status and a `{ code, message }` body. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** Thrown by the sandbox's rules; the HTTP layer answers it as the refusal it carries. */
export class PgError extends Error {
  readonly status: number;
  readonly code: string;

  constructor({ status, code, message }: Refusal) {
    super(message);
    this.status = status;
    this.code = code;
  }

  get refusal(): Refusal {
    return { status: this.status, code: this.code, message: this.message };
  }
}
