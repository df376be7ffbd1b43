import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stateDir } from './paths.js';

const credentialsFile = path.join(stateDir, 'credentials.env');

export type Credentials = Record<string, string>;

export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]!] = match[2]!;
  }
  return values;
}

export function writeEnvFile(file: string, values: Record<string, string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    Object.entries(values)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
}

/**
 * Generated secrets (database passwords, the internal-token secret): created on the first `up`,
 * kept in .data (never in the repo) and reused afterwards.
 */
export function loadOrCreateCredentials(names: string[]): Credentials {
  let existing: Credentials = {};
  try {
    existing = parseEnvFile(readFileSync(credentialsFile, 'utf8'));
  } catch {
    // first run
  }
  const credentials: Credentials = { ...existing };
  for (const name of names) credentials[name] ??= randomBytes(24).toString('base64url');
  writeEnvFile(credentialsFile, credentials);
  return credentials;
}
