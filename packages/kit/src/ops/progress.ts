import type { Logger } from '../logger.js';

export interface Progress {
  advance(by?: number): void;
  done(): void;
}

/**
 * Shows how far long work has come: a bar redrawn on an interactive terminal, otherwise a log line
 * every tenth of the way (CI logs and services stay readable).
 */
export function startProgress(label: string, total: number, logger: Logger): Progress {
  const interactive = process.stderr.isTTY === true;
  const started = Date.now();
  let current = 0;
  let lastTenth = -1;
  const draw = () => {
    const ratio = total === 0 ? 1 : current / total;
    if (interactive) {
      const filled = Math.round(ratio * 30);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${current}/${total}`,
      );
    } else if (Math.floor(ratio * 10) > lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      logger.info({ done: current, total }, `${label}: ${Math.round(ratio * 100)}%`);
    }
  };
  draw();
  return {
    advance(by = 1) {
      current = Math.min(current + by, total);
      draw();
    },
    done() {
      current = total;
      draw();
      if (interactive) process.stderr.write('\n');
      logger.info({ total, seconds: (Date.now() - started) / 1000 }, `${label}: done`);
    },
  };
}
