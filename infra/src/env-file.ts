import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnvFile, writeEnvFile } from './credentials.js';
import { stateDir } from './paths.js';

/** Connection settings of the real services, written by `infra:up`, read by services and tests. */
export const shopEnvFile = path.join(stateDir, 'shop.env');

export function writeShopEnv(values: Record<string, string>): void {
  writeEnvFile(shopEnvFile, values);
}

export function loadInfraEnv(): Record<string, string> | undefined {
  try {
    return parseEnvFile(readFileSync(shopEnvFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Copies the settings into process.env, keeping anything already set there. */
export function applyInfraEnv(): Record<string, string> | undefined {
  const values = loadInfraEnv();
  for (const [key, value] of Object.entries(values ?? {})) process.env[key] ??= value;
  return values;
}
