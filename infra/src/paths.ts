import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file rather than the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const infraDir = path.join(repoRoot, 'infra');
/** Everything the real services keep on this machine: jars, data, logs, pids, credentials. */
export const stateDir = path.join(repoRoot, '.data', 'infra');

export function stateOf(service: string, ...parts: string[]): string {
  return path.join(stateDir, service, ...parts);
}
