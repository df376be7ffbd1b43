import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

/** A chunk in Vite's build manifest (`build.manifest`). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface FirstLoad {
  /** The scripts a first visit runs before the app renders: the entry and its static imports. */
  files: string[];
  /** Their size gzipped at the level the build precompresses them (what a gzip client gets). */
  gzipBytes: number;
  /** The source modules in them, relative to client/ (`.vite/<app>-modules.json`). */
  modules: string[];
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

/** What one app's page loads first, from the build's manifest (client/vite.config.ts). */
export function firstLoad(dist: string, app: 'storefront' | 'admin'): FirstLoad {
  const manifest = readJson<Record<string, ManifestChunk>>(
    join(dist, '.vite', `${app}-manifest.json`),
  );
  const modulesByFile = readJson<Record<string, string[]>>(
    join(dist, '.vite', `${app}-modules.json`),
  );
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error(`the ${app} manifest has no entry`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    manifest[key]!.imports?.forEach(visit);
  };
  visit(entry);
  const files = [...seen].map((key) => manifest[key]!.file);
  const gzipBytes = files.reduce(
    (sum, file) =>
      sum +
      gzipSync(readFileSync(join(dist, file)), { level: constants.Z_BEST_COMPRESSION }).length,
    0,
  );
  return { files, gzipBytes, modules: files.flatMap((file) => modulesByFile[file] ?? []) };
}
