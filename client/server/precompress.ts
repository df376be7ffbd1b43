// The client build's last step (`tsx server/precompress.ts`): a brotli and a gzip copy beside each
// text file of the build, made once at their strongest, which the client server sends as they are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { clientDist } from './client-server.js';

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg']);
/** Below this a compressed copy saves less than its headers cost. */
const minBytes = 1024;

for (const entry of readdirSync(clientDist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  // .vite/ holds the build's manifests, which are never served.
  if (!entry.isFile() || !compressible.has(extname(entry.name))) continue;
  if (relative(clientDist, path).startsWith('.vite')) continue;
  const content = readFileSync(path);
  if (content.length < minBytes) continue;
  const copies = {
    br: brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gz: gzipSync(content, { level: constants.Z_BEST_COMPRESSION }),
  };
  for (const [suffix, copy] of Object.entries(copies))
    if (copy.length < content.length) writeFileSync(`${path}.${suffix}`, copy);
}
