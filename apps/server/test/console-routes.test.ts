/**
 * The console is a single-page app with an address per view: a page load of /console/c/<id>,
 * /console/reports?from=…, /console/settings/<section> gets the console's index.html (with the
 * console's security headers), so a reload or a shared link lands on the same place. Files under
 * /console/ that do not exist, other methods and the API keep their 404.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isConsolePage } from '../src/app.ts';
import { useServer } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'parla-console-'));
const INDEX = '<!doctype html><title>Parla console (test build)</title><div id="app"></div>';
writeFileSync(join(dir, 'index.html'), INDEX);
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'assets', 'app-abc.js'), 'export {};');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = useServer({ env: { CONSOLE_DIR: dir } });

describe('console addresses', () => {
  it('answers every view and conversation address with the console page', async () => {
    for (const path of ['/console/', '/console/inbox', '/console/c/V1StGXR8_Z5jdHi6B-myT', '/console/reports?from=2026-12-01&to=2026-12-07&tz=Europe%2FRome', '/console/settings/hours', '/console/queue/']) {
      const r = await fetch(`${ctx.s.url}${path}`);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(await r.text(), path).toBe(INDEX);
      expect(r.headers.get('content-security-policy'), path).toMatch(/script-src 'self'/);
    }
  });

  it('keeps 404 for missing files, other methods and unknown API routes', async () => {
    expect((await fetch(`${ctx.s.url}/console/assets/app-abc.js`)).status).toBe(200);
    for (const path of ['/console/assets/missing.js', '/console/assets/chunk', '/console/logo.png', '/api/nothing-here', '/elsewhere']) {
      const r = await fetch(`${ctx.s.url}${path}`);
      expect(r.status, path).toBe(404);
      expect(((await r.json()) as { error: string }).error, path).toBe('not_found');
    }
    const post = await fetch(`${ctx.s.url}/console/inbox`, { method: 'POST', headers: { origin: ctx.s.url } });
    expect(post.status).toBe(404);
  });

  it('tells console pages from files', () => {
    expect(isConsolePage('/console/c/abc')).toBe(true);
    expect(isConsolePage('/console/settings/email')).toBe(true);
    expect(isConsolePage('/console/app.js')).toBe(false);
    expect(isConsolePage('/console/assets/x')).toBe(false);
    expect(isConsolePage('/console/../etc/passwd')).toBe(false);
    expect(isConsolePage('/api/me')).toBe(false);
  });
});
