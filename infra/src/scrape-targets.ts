import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stateOf } from './paths.js';
import { isAlive } from './processes.js';

/** Prometheus reads its targets from here (`file_sd_configs` in infra/prometheus/prometheus.yml). */
export const scrapeTargetsDir = stateOf('prometheus', 'targets');

export interface ScrapeTarget {
  /** `host:port` serving `/metrics`. */
  address: string;
  /** Which instance it is, e.g. `order-2` or `router`. */
  instance: string;
}

/**
 * Lists a running shop's `/metrics` endpoints for Prometheus, under this process' id; returns the
 * removal for its shutdown. Files of processes that died without removing theirs are dropped here,
 * so a killed run does not leave targets behind for long.
 */
export function publishScrapeTargets(launcher: string, targets: ScrapeTarget[]): () => void {
  mkdirSync(scrapeTargetsDir, { recursive: true });
  removeTargetsOfDeadProcesses();
  const file = path.join(scrapeTargetsDir, `${launcher}-${process.pid}.json`);
  const groups = targets.map((target) => ({
    targets: [target.address],
    labels: { launcher, shop_instance: target.instance, pid: String(process.pid) },
  }));
  // Written whole and renamed, so Prometheus never reads half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(groups, null, 2));
  renameSync(`${file}.tmp`, file);
  return () => rmSync(file, { force: true });
}

function removeTargetsOfDeadProcesses(): void {
  for (const name of readdirSync(scrapeTargetsDir)) {
    const pid = Number(/-(\d+)\.json$/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) rmSync(path.join(scrapeTargetsDir, name), { force: true });
  }
}
