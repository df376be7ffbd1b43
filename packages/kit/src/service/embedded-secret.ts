import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded run's internal-token secret: generated on first start and kept in the data folder
 * (never in the repo), so restarts keep accepting tokens issued just before.
 */
export function embeddedInternalSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'secrets', 'internal-token-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
