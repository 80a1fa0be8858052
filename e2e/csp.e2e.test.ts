/**
 * The host-page Content-Security-Policy the README documents: a shop page served with exactly
 * those directives (and default-src 'none' for everything else) loads the widget, opens the chat
 * and exchanges a message, with no CSP violation reported.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { useProduct } from './harness.ts';

const env = useProduct();
let host: Server | undefined;
afterAll(() => new Promise<void>((r) => (host ? host.close(() => r()) : r())));

/** The directives a host page needs for the widget served from `chat` (README, "Embed the widget"). */
export function widgetCsp(chat: string, nonce?: string): string {
  const ws = chat.replace(/^http/, 'ws');
  return `script-src ${chat}; connect-src ${chat} ${ws}; style-src ${nonce ? `'nonce-${nonce}'` : "'unsafe-inline'"}`;
}

describe('the widget on a page with a strict CSP', () => {
  it.each([
    ['style-src unsafe-inline', undefined],
    ['style-src by nonce (the script tag has the nonce)', 'bm9uY2UtZm9yLXRlc3Q'],
  ])('works with the documented directives and nothing else: %s', async (_name, nonce) => {
    const { chatUrl, app } = env.product;
    const csp = `default-src 'none'; ${widgetCsp(chatUrl, nonce)}`;
    host?.close();
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(`<!doctype html><html><head><title>Strict shop</title></head><body><h1>Strict shop</h1>
<script async src="${chatUrl}/widget.js" data-site="demo"${nonce ? ` nonce="${nonce}"` : ''}></script></body></html>`);
    });
    await new Promise<void>((r) => host!.listen(0, '127.0.0.1', () => r()));
    const origin = `http://localhost:${(host.address() as { port: number }).port}`;
    const site = app.parla.store.getSite('demo')!;
    app.parla.store.setSiteOrigins('demo', [...site.allowedOrigins, origin]);

    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.goto(`${origin}/`);
    await page.locator('#parla-widget button.l').click();
    const input = page.locator('#parla-widget textarea#parla-input');
    await input.waitFor();
    const text = `Hello from a strict page (${nonce ? 'nonce' : 'inline'})`;
    await input.fill(text);
    await input.press('Enter');
    // Acknowledged by the server (stored), and styled: the launcher has its size from the shadow root's style, the panel from the chat's.
    await expect.poll(() => app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM messages WHERE body = ?').get(text)).toEqual({ n: 1 });
    expect(await page.locator('#parla-widget .p').evaluate((p) => getComputedStyle(p).position)).toBe('fixed');
    const size = await page.locator('#parla-widget button.l').evaluate((b) => getComputedStyle(b).width);
    expect(size).toBe('56px');
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    console.log(`host CSP "${csp}": ${violations.length} violations`);
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await ctx.close();
  });
});
