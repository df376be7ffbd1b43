import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total jiffies of one core so far, from /proc/stat. */
function coreTimes(core: number): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((row) => row.startsWith(`cpu${core} `))!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .split(/\s+/)
    .slice(1, 9)
    .map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}

/**
 * Resolves once the core the shop runs on has been under 10 % busy for two seconds running: a
 * shop just started may still be catching up on events (a new consumer group reads its topics
 * from the beginning), and a figure taken meanwhile measures that work too.
 */
export async function waitForQuietCore(core: number, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSeconds = 0;
  let before = coreTimes(core);
  while (quietSeconds < 2) {
    if (Date.now() > deadline) {
      console.error(`  core ${core} still busy after ${timeoutMs / 1000} s: measuring anyway`);
      return;
    }
    await sleep(1000);
    const now = coreTimes(core);
    const busyShare = (now.busy - before.busy) / Math.max(1, now.total - before.total);
    quietSeconds = busyShare < 0.1 ? quietSeconds + 1 : 0;
    before = now;
  }
}
