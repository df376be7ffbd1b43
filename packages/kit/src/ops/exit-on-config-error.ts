import { ConfigError } from '../config.js';

function exitOnRefusal(error: unknown): never {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

/**
 * Runs `start` (or awaits it, when it starts something asynchronously, as a service reading its
 * own settings in its set-up does) and, if the configuration is refused, prints the one message
 * that lists every setting to fix and exits 1: an operator reads what to set, not a stack trace.
 */
export function exitOnConfigError<T>(start: () => T): T {
  try {
    const started = start();
    return (started instanceof Promise ? started.catch(exitOnRefusal) : started) as T;
  } catch (error) {
    return exitOnRefusal(error);
  }
}
