import type { IncomingHttpHeaders } from 'node:http';
import { BalancedPool, request } from 'undici';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import { instanceUpGauge } from './client-metrics.js';

/** One call to an instance: what undici's `request` takes, without the pool. */
export interface InstanceRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Aborts the call, reading the answer included. */
  signal?: AbortSignal;
}

/** An instance's answer, read whole. */
export interface InstanceAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ServiceInstancesOptions {
  /** Names the service in logs and metrics. */
  target: string;
  /** The calling process, for metrics. */
  service?: string;
  metricsRegistry?: Registry;
  /** Each instance's base URL (`http://host:port`, a path is ignored): at least one. */
  urls: string[];
  logger: Logger;
  /** What answers 200 while an instance takes requests. */
  healthPath?: string;
  /** How often each instance is asked, when there are several. */
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
}

/**
 * One service as its callers see it: every instance behind undici's `BalancedPool` (weighted
 * round robin that already shies away from instances whose requests fail). With several
 * instances, each is asked for `/ready` every `probeIntervalMs` and a failed or refused call
 * (`suspect()`) asks at once, so a dead instance leaves the rotation within one probe; it comes
 * back when it answers again. The last instance standing is never removed: calls then fail with
 * the instance's own error instead of "no upstream". In Kubernetes the list is one Service name,
 * whose endpoints the cluster keeps healthy the same way.
 */
export class ServiceInstances {
  readonly dispatcher: BalancedPool;
  readonly origins: string[];
  private readonly healthy: Set<string>;
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;

  constructor(private readonly options: ServiceInstancesOptions) {
    if (options.urls.length === 0) throw new Error(`${options.target}: no instance URL`);
    this.origins = [...new Set(options.urls.map((url) => new URL(url).origin))];
    this.healthy = new Set(this.origins);
    this.dispatcher = new BalancedPool(this.origins);
    for (const origin of this.origins) this.reportUp(origin, true);
    if (this.origins.length > 1) {
      this.timer = setInterval(() => void this.probe(), options.probeIntervalMs ?? 1000);
      this.timer.unref();
    }
  }

  /** The instances currently in rotation. */
  get available(): string[] {
    return [...this.healthy];
  }

  /**
   * One call through the pool, its answer read whole: the URL's origin is replaced by the chosen
   * instance's. undici's `request`, not `fetch`: under half the CPU per call, measured on a local
   * hop, and every call between services and from the router takes one. A refused connection sent
   * nothing, so the call goes on to another instance whatever it is; a `repeatable` one (it only
   * reads, or carries an idempotency key) also goes on when the connection broke under it, as when
   * an instance dies. The instances are looked at first, so the next attempt finds a live one,
   * and callers (and their circuits) only see a failure when every instance failed.
   */
  async request(
    url: string,
    { method, headers, body, signal }: InstanceRequest,
    { repeatable = false }: { repeatable?: boolean } = {},
  ): Promise<InstanceAnswer> {
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await request(url, {
          method,
          headers,
          body,
          signal,
          dispatcher: this.dispatcher,
        });
        return {
          status: answer.statusCode,
          headers: answer.headers,
          body: await answer.body.text(),
        };
      } catch (error) {
        const another =
          !signal?.aborted &&
          attempt < this.origins.length &&
          (repeatable || isConnectionRefused(error));
        if (!another) throw error;
        await this.suspect();
      }
    }
  }

  /** A call could not reach an instance: look at all of them now rather than at the next tick. */
  suspect(): Promise<void> {
    return this.origins.length > 1 ? this.probe() : Promise.resolve();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.probing;
    await this.dispatcher.close();
  }

  private probe(): Promise<void> {
    this.probing ??= this.probeAll().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async probeAll(): Promise<void> {
    const answers = await Promise.all(
      this.origins.map(async (origin) => [origin, await this.isReady(origin)] as const),
    );
    for (const [origin, ready] of answers) {
      if (ready && !this.healthy.has(origin)) {
        this.healthy.add(origin);
        this.dispatcher.addUpstream(origin);
        this.reportUp(origin, true);
        this.options.logger.info({ target: this.options.target, origin }, 'instance back');
      } else if (!ready && this.healthy.has(origin) && this.healthy.size > 1) {
        this.healthy.delete(origin);
        this.dispatcher.removeUpstream(origin);
        this.reportUp(origin, false);
        this.options.logger.warn({ target: this.options.target, origin }, 'instance left');
      }
    }
  }

  private reportUp(origin: string, up: boolean): void {
    const { metricsRegistry, service = 'unknown', target } = this.options;
    if (metricsRegistry)
      instanceUpGauge(metricsRegistry).set({ service, target, instance: origin }, up ? 1 : 0);
  }

  private async isReady(origin: string): Promise<boolean> {
    try {
      const answer = await request(`${origin}${this.options.healthPath ?? '/ready'}`, {
        signal: AbortSignal.timeout(this.options.probeTimeoutMs ?? 1000),
        // A fresh connection each time: a killed instance cannot answer from a pooled socket.
        reset: true,
      });
      await answer.body.dump();
      return answer.statusCode === 200;
    } catch {
      return false;
    }
  }
}

/** `SHOP_SERVICE_URL_<NAME>` and the like: one URL, or several separated by commas. */
export function parseInstanceUrls(value: string): string[] {
  return value
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
}

/** Nothing was sent: the instance refused the connection, so any call may go to another one. */
export function isConnectionRefused(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ECONNREFUSED') return true;
  }
  return false;
}
