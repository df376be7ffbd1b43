import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** Field paths that may carry secrets; pino replaces their values before anything is written. */
const redactedPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino({
    level: process.env.SHOP_LOG_LEVEL ?? 'info',
    base: { service },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...options,
  });
}
