import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.js';

async function majorVersion(java: string): Promise<number> {
  const { stderr } = await run(java, ['-version']);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(stderr);
  if (!match) return 0;
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/**
 * A `java` of at least the given major version: JAVA_HOME, the one on PATH, or a JDK installed
 * under /usr/lib/jvm (Debian's layout), newest first.
 */
export async function findJava(minimumMajor: number): Promise<string> {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  const jvmDir = '/usr/lib/jvm';
  if (existsSync(jvmDir)) {
    for (const entry of readdirSync(jvmDir).sort().reverse()) {
      const java = path.join(jvmDir, entry, 'bin', 'java');
      if (existsSync(java)) candidates.push(java);
    }
  }
  for (const java of candidates) {
    if ((await majorVersion(java).catch(() => 0)) >= minimumMajor) return java;
  }
  throw new Error(`no Java ${minimumMajor}+ found: install a JDK ${minimumMajor} or set JAVA_HOME`);
}
