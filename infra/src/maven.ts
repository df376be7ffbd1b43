import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.js';

/**
 * Resolves a pom's dependencies from Maven Central into `libsDir`. Done again only when the pom
 * changed (its hash is kept beside the jars).
 */
export async function resolveJars(pom: string, libsDir: string, label: string): Promise<void> {
  const pomHash = createHash('sha256').update(readFileSync(pom)).digest('hex');
  const marker = path.join(libsDir, '.pom-sha256');
  try {
    if (readFileSync(marker, 'utf8') === pomHash) return;
  } catch {
    // not resolved yet
  }
  console.log(`${label}: resolving jars from Maven Central…`);
  rmSync(libsDir, { recursive: true, force: true });
  await run(
    'mvn',
    ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${libsDir}`],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  ).catch((error: Error & { stdout?: string }) => {
    throw new Error(`${label}: mvn could not resolve ${pom}: ${error.stdout ?? error.message}`);
  });
  writeFileSync(marker, pomHash);
}
