import { ConfigError } from '../config.js';

/**
 * Runs `start` and, if the configuration is refused, prints the one message that lists every
 * setting to fix and exits 1: an operator reads what to set, not a stack trace.
 */
export function exitOnConfigError<T>(start: () => T): T {
  try {
    return start();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
