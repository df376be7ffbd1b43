import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * A step boundary where a test can make the process die, exactly there, as a SIGKILL would:
 * `SHOP_CRASH_POINTS=payment.confirm.charged,order.place.recorded@3` arms those points (`@n`: at
 * the n-th time this process passes it; default the first). Each armed point fires once per data
 * folder (it leaves `<SHOP_DATA_DIR>/crash-points/<name>` behind), so the restarted process runs
 * through it and recovery can be watched. Production refuses to start with any point armed
 * (runtime config).
 */
export function crashPoint(name: string): void {
  const point = armed().get(name);
  if (!point) return;
  point.passes += 1;
  if (point.passes < point.at || existsSync(point.marker)) return;
  mkdirSync(path.dirname(point.marker), { recursive: true });
  writeFileSync(point.marker, `${new Date().toISOString()} pid ${process.pid}\n`);
  process.stderr.write(`crash point ${name}: the process dies here (SHOP_CRASH_POINTS)\n`);
  process.kill(process.pid, 'SIGKILL');
}

interface ArmedPoint {
  at: number;
  passes: number;
  marker: string;
}

let points: Map<string, ArmedPoint> | undefined;

function armed(): Map<string, ArmedPoint> {
  if (points) return points;
  const spec = process.env.SHOP_CRASH_POINTS ?? '';
  const folder = path.join(process.env.SHOP_DATA_DIR ?? '.data', 'crash-points');
  points = new Map();
  for (const entry of spec.split(',').filter(Boolean)) {
    const [name = '', at = '1'] = entry.trim().split('@');
    points.set(name, { at: Number(at), passes: 0, marker: path.join(folder, name) });
  }
  return points;
}
