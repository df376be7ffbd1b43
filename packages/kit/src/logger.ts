import { pino, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat } from './config.js';
import { traceLogFields } from './tracing/trace-log-fields.js';

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

export interface ShopLoggerOptions extends LoggerOptions {
  /** Default `json`; `pnpm start` asks for `pretty` on a terminal (`SHOP_LOG_FORMAT`). */
  format?: LogFormat;
}

/**
 * One line per entry a person reads: time, level, message, then the fields (not the process name:
 * a terminal shows one process). Written synchronously so the last lines before an exit are not
 * lost; coloured when the terminal supports it.
 */
function prettyLines() {
  return pretty({
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    sync: true,
  });
}

export function createLogger(
  service: string,
  { format = 'json', ...options }: ShopLoggerOptions = {},
): Logger {
  const settings: LoggerOptions = {
    level: process.env.SHOP_LOG_LEVEL ?? 'info',
    base: { service },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: traceLogFields,
    ...options,
  };
  return format === 'pretty' ? pino(settings, prettyLines()) : pino(settings);
}
