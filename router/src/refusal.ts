export interface RefusalDetails {
  status: number;
  /** `extensions.code` of the GraphQL error. */
  code: string;
  /** Says what the client can do about it. */
  message: string;
  headers?: Record<string, string>;
  /** More machine-readable detail, e.g. `{ reason: 'expired' }`. */
  extensions?: Record<string, unknown>;
}

/** A request the router answers itself, before any GraphQL runs. */
export class RequestRefused extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(details: RefusalDetails) {
    super(details.message);
    this.name = 'RequestRefused';
    this.status = details.status;
    this.code = details.code;
    this.headers = details.headers ?? {};
    this.extensions = details.extensions ?? {};
  }
}
