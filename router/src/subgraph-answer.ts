import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { InstanceAnswer } from '@shop/kit/internal-http';

type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;

/**
 * A subgraph's answer, read whole by `ServiceInstances.request`, in the shape
 * RemoteGraphQLDataSource reads a fetch response: its status, headers (the cache-control hint)
 * and body. Read whole, the body can be read again, so it is never "used".
 */
export class SubgraphAnswer implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly headers: Headers;

  constructor(
    readonly url: string,
    private readonly answer: InstanceAnswer,
  ) {
    this.headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of Array.isArray(value) ? value : [value ?? ''])
        this.headers.append(name, one);
    }
  }

  get status(): number {
    return this.answer.status;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  async text(): Promise<string> {
    return this.answer.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.answer.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.answer.body).buffer;
  }

  clone(): FetcherResponse {
    return new SubgraphAnswer(this.url, this.answer);
  }
}
