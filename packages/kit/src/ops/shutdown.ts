import type { Logger } from '../logger.js';

export interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

export interface ShutdownOptions {
  /** After this long the process exits with 1 even if some stop has not finished. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  /** How to end the process; tests replace it. */
  exit?: (code: number) => void;
}

export interface ShutdownHandlers {
  /** Runs the shutdown now (what a signal does); later calls return the same run. */
  shutdown(reason: string): Promise<void>;
  /** Removes the signal listeners. */
  uninstall(): void;
}

/**
 * On SIGTERM/SIGINT, stops each part once, in the given order (usually: stop taking requests, then
 * relays and consumers, then connections), then exits. A stuck part cannot keep the process alive
 * past the timeout; a repeated signal does not start a second shutdown.
 */
export function installShutdownHandlers(
  stoppables: Stoppable[],
  logger: Logger,
  options: ShutdownOptions = {},
): ShutdownHandlers {
  const {
    timeoutMs = 30_000,
    signals = ['SIGTERM', 'SIGINT'],
    exit = (code) => process.exit(code),
  } = options;
  let running: Promise<void> | undefined;

  const stopAll = async (): Promise<number> => {
    let exitCode = 0;
    for (const stoppable of stoppables) {
      try {
        await stoppable.stop();
        logger.info({ part: stoppable.name }, 'stopped');
      } catch (error) {
        exitCode = 1;
        logger.error({ part: stoppable.name, err: error }, 'stop failed; continuing with the rest');
      }
    }
    return exitCode;
  };

  const shutdown = (reason: string): Promise<void> => {
    if (running) {
      logger.warn({ reason }, 'shutdown already in progress');
      return running;
    }
    logger.info({ reason, timeoutMs }, 'shutting down');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown timed out; exiting anyway');
        resolve(1);
      }, timeoutMs);
      timer.unref();
    });
    running = Promise.race([stopAll(), timedOut]).then((exitCode) => {
      clearTimeout(timer);
      uninstall();
      exit(exitCode);
    });
    return running;
  };

  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  const uninstall = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return { shutdown, uninstall };
}
