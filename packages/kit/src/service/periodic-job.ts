import type { Logger } from '../logger.js';

/**
 * Background work run every `intervalMs` (sweepers, retries), one run at a time. A failed run is
 * logged and the next tick tries again; `stop` waits for the run in progress.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      name: string;
      intervalMs: number;
      logger: Logger;
      run: () => Promise<void>;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.runOnce());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async runOnce(): Promise<void> {
    try {
      await this.options.run();
    } catch (error) {
      this.options.logger.error(
        { err: error, job: this.options.name },
        'background job failed; will retry',
      );
    }
  }
}
