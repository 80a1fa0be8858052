/**
 * The widget is sent pre-compressed (the build writes .br and .gz copies):
 * a browser that accepts Brotli gets the .br bytes, one that accepts only gzip the .gz, others the
 * plain file; all decode to the same file, keep CORS and caching headers, and say Vary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONSOLE_DIST, WIDGET_DIST } from '../src/app.ts';
import { useServer } from './harness.ts';

const ctx = useServer();

/** fetch() decodes bodies itself; node's http keeps the raw bytes. */
async function raw(url: string, acceptEncoding: string) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('pre-compressed static files', () => {
  it('sends the loader and the chat as Brotli or gzip when accepted, the same bytes once decoded', async () => {
    for (const [path, file] of [
      ['/widget.js', join(WIDGET_DIST, 'widget.js')],
      ['/widget/chat.js', join(WIDGET_DIST, 'widget', 'chat.js')],
    ] as const) {
      const plain = readFileSync(file);
      const br = await raw(`${ctx.s.url}${path}`, 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['access-control-allow-origin']).toBe('*');
      expect(String(br.headers['content-type'])).toMatch(/javascript/);
      expect(br.body.length).toBeLessThan(plain.length / 2);
      expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
      const gz = await raw(`${ctx.s.url}${path}`, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain)).toBe(true);
      const none = await raw(`${ctx.s.url}${path}`, 'identity');
      expect(none.headers['content-encoding']).toBeUndefined();
      expect(none.body.equals(plain)).toBe(true);
      console.log(`${path}: ${plain.length} B plain, ${gz.body.length} B gzip, ${br.body.length} B brotli on the wire`);
    }
  });

  it('still serves the console, its index and its scripts (not pre-compressed)', async () => {
    for (const path of ['/console/', '/console/index.html']) {
      const r = await raw(`${ctx.s.url}${path}`, 'gzip, deflate, br');
      expect(r.status).toBe(200);
      expect(String(r.headers['content-type'])).toMatch(/text\/html/);
    }
    const html = readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8');
    const script = /src="\/console\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const r = await raw(`${ctx.s.url}/console/${script}`, 'br');
    expect(r.status).toBe(200);
    expect(r.body.equals(readFileSync(join(CONSOLE_DIST, script)))).toBe(true);
  });
});
