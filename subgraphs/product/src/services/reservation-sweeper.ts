import type { Orm } from '@shop/kit/db';
import type { Logger } from '@shop/kit';
import type { StockReservations } from './stock-reservations.js';

/** Releases expired reservations every `intervalMs`, so unpaid orders give their stock back. */
export class ReservationSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      orm: Orm;
      reservations: StockReservations;
      logger: Logger;
      intervalMs: number;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(async () => {
        await this.sweep();
      });
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<number> {
    try {
      const expired = await this.deps.reservations.expireDue(this.deps.orm.em);
      if (expired > 0) this.deps.logger.info({ expired }, 'released expired reservations');
      return expired;
    } catch (error) {
      // The next tick tries again; a failed sweep loses nothing.
      this.deps.logger.error({ err: error }, 'reservation sweep failed');
      return 0;
    }
  }
}
