#!/usr/bin/env node
/**
 * Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy next to every .js, .css,
 * .html and .svg file under the given build folders, so the server sends them pre-compressed
 * (@fastify/static `preCompressed`) instead of compressing on every request or not at all.
 * A copy that would not be smaller is not written. Usage: node scripts/precompress.mjs DIR...
 */
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
let files = 0;
for (const dir of process.argv.slice(2)) {
  for (const f of walk(dir)) {
    if (!/\.(js|css|html|svg)$/.test(f)) continue;
    const raw = readFileSync(f);
    const out = {
      br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gz: gzipSync(raw, { level: 9 }),
    };
    for (const [ext, buf] of Object.entries(out)) {
      if (buf.length < raw.length) writeFileSync(`${f}.${ext}`, buf);
      else rmSync(`${f}.${ext}`, { force: true });
    }
    files++;
  }
}
console.log(`precompressed ${files} files (br, gz)`);
