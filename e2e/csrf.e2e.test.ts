/**
 * Cross-site request forgery in a real browser. The admin is signed in to the console at
 * http://127.0.0.1:<port>; in the same browser, a page of another origin of the *same site*
 * (http://127.0.0.1:<another port>: SameSite=Strict does not separate ports, so the session cookie
 * goes along with its requests) tries what issue #15 lists: rotate the site's identity secret,
 * create an API key, save the settings, change an agent, erase a visitor, and upload a file as the
 * admin, by fetch with credentials and by a plain HTML form post of multipart/form-data (plus a
 * form post of the rotation). Every attempt is refused (by the server's origin check, or by the
 * browser for a request that needs a preflight the server never grants) and the database is
 * unchanged; then the console, in the same browser, does each of these (the rotation, the upload
 * and the API key through its UI).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loginConsole, shopperWrites, useProduct } from './harness.ts';

const env = useProduct();

/** A real 1×1 PNG. */
const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The attacker's site: one innocent-looking page. */
async function evilSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Cheap flights</title><h1>Cheap flights</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('cross-site requests against the console', () => {
  it('a page on another port of the same host cannot act with the admin’s session; the console in the same browser still can', async () => {
    const { app, chatUrl } = env.product;
    const db = app.parla.db.sqlite;
    const evil = await evilSite();
    expect(new URL(evil.url).hostname).toBe(new URL(chatUrl).hostname); // same site, another origin

    // Something to attack: a shopper's conversation, and the admin (the demo agent Giulia).
    const shopper = await shopperWrites(env.browser, env.product, 'Hello, where is order A-77?');
    const conv = db.prepare('SELECT id, visitor_id AS visitorId FROM conversations ORDER BY created_at DESC LIMIT 1').get() as { id: string; visitorId: string };
    const agentId = (db.prepare('SELECT id FROM agents WHERE email = ?').get(env.product.agent.email) as { id: string }).id;

    /** What the attacks would change. */
    const state = () => ({
      secret: app.parla.store.getSite('demo')!.secret,
      apiKeys: (db.prepare("SELECT count(*) AS n FROM api_keys WHERE site_id = 'demo'").get() as { n: number }).n,
      settings: JSON.stringify(app.parla.sites.settings('demo')),
      agent: JSON.stringify(db.prepare('SELECT name, email, role, max_chats FROM agents WHERE id = ?').get(agentId)),
      visitor: (db.prepare('SELECT count(*) AS n FROM visitors WHERE id = ?').get(conv.visitorId) as { n: number }).n,
      attachments: (db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n,
    });

    // The admin's browser: the console signed in, and the attacker's page in another tab.
    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const console_ = await ctx.newPage();
    const consoleErrors: string[] = [];
    console_.on('pageerror', (e) => consoleErrors.push(String(e)));
    await loginConsole(console_, env.product);
    const page = await ctx.newPage();
    await page.goto(`${evil.url}/`);
    const before = state();

    // Every request the chat server gets from the attacker's origin, and its answer, seen on the
    // server's own socket (the page may not read a cross-origin answer, and the browser does not
    // report one that CORS blocks).
    const answered: { method: string; path: string; status: number; error: string; cookie: boolean }[] = [];
    const watch = (req: IncomingMessage, res: ServerResponse) => {
      if (req.headers.origin !== evil.url) return;
      let body = '';
      const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
      res.end = ((...a: unknown[]) => {
        if (typeof a[0] === 'string' || Buffer.isBuffer(a[0])) body += a[0].toString();
        return end(...a);
      }) as typeof res.end;
      res.once('finish', () => {
        let error = '';
        try {
          error = (JSON.parse(body) as { error?: string }).error ?? '';
        } catch {
          /* not JSON */
        }
        answered.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, status: res.statusCode, error, cookie: /parla_session=./.test(req.headers.cookie ?? '') });
      });
    };
    app.server.on('request', watch);

    // fetch with the cookie, as any script on the page can.
    const fetched = await page.evaluate(
      async ({ chat, conv, agentId, png }) => {
        const out: Record<string, string> = {};
        const attempt = async (name: string, path: string, init: RequestInit) => {
          try {
            const r = await fetch(`${chat}${path}`, { credentials: 'include', ...init });
            out[name] = `read ${r.status}`; // would mean CORS let the page read it
          } catch (e) {
            out[name] = `failed: ${(e as Error).message}`;
          }
        };
        const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        await attempt('rotate the secret', '/api/sites/demo/secret/rotate', { method: 'POST' });
        await attempt('create an API key', '/api/sites/demo/api-keys', { method: 'POST', ...json({ name: 'evil' }) });
        // The same as a "simple request" (text/plain needs no preflight).
        await attempt('create an API key (text/plain)', '/api/sites/demo/api-keys', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'evil' }) });
        await attempt('save the settings', '/api/sites/demo/settings', { method: 'PUT', ...json({ routingMode: 'manual', preChat: { name: 'off', email: 'off', department: 'off' }, businessHours: null, slaFirstResponseSec: 1, offerAlternativesAfterSec: 1 }) });
        await attempt('change the agent', `/api/agents/${agentId}`, { method: 'PATCH', ...json({ role: 'agent', email: 'evil@evil.example' }) });
        await attempt('erase the visitor', `/api/visitors/${conv.visitorId}`, { method: 'DELETE' });
        const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: 'image/png' }), 'evil-fetch.png');
        await attempt('upload a file (fetch, multipart)', `/api/attachments?conversationId=${conv.id}`, { method: 'POST', body: form });
        return out;
      },
      { chat: chatUrl, conv, agentId, png: PNG_B64 },
    );

    // Plain HTML forms: "simple requests", sent cross-site without a preflight, cookie included.
    const formPost = async (action: string, multipart: boolean) => {
      const done = page.waitForResponse((r) => r.url() === action && r.request().method() === 'POST');
      await page.evaluate(
        ({ action, multipart, png }) => {
          // A fresh iframe for each form to post into (the chat's answer is not framed: frame-ancestors 'none').
          const sink = document.createElement('iframe');
          sink.name = `sink-${Math.random().toString(36).slice(2)}`;
          document.body.append(sink);
          const form = document.createElement('form');
          form.method = 'POST';
          form.action = action;
          form.target = sink.name;
          if (multipart) {
            form.enctype = 'multipart/form-data';
            const input = document.createElement('input');
            input.type = 'file';
            input.name = 'file';
            const dt = new DataTransfer();
            dt.items.add(new File([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], 'evil-form.png', { type: 'image/png' }));
            input.files = dt.files;
            form.append(input);
          } else {
            const input = document.createElement('input');
            input.name = 'x';
            input.value = '1';
            form.append(input);
          }
          document.body.append(form);
          form.submit();
        },
        { action, multipart, png: PNG_B64 },
      );
      return (await done).status();
    };
    const formUpload = await formPost(`${chatUrl}/api/attachments?conversationId=${conv.id}`, true);
    const formRotate = await formPost(`${chatUrl}/api/sites/demo/secret/rotate`, false);
    app.server.off('request', watch);

    // Nothing changed, and nothing the attacker sent got anything but a refusal.
    expect(state()).toEqual(before);
    for (const [name, outcome] of Object.entries(fetched)) expect(outcome, name).toMatch(/^failed/); // never readable by the page
    const attacks = answered.filter((a) => a.method !== 'OPTIONS');
    // Each carried the admin's cookie (SameSite=Strict let it go: same site), and was refused.
    for (const a of attacks) expect([a.method, a.path, a.status, a.error, a.cookie], 'a request of the attacker’s page').toEqual([a.method, a.path, 403, 'origin_not_allowed', true]);
    // The simple requests reached the server and were refused by it (not only by the browser).
    const refused = (method: string, path: string) => attacks.filter((a) => a.method === method && a.path === path).length;
    expect(refused('POST', '/api/sites/demo/secret/rotate')).toBe(2); // fetch and form
    expect(refused('POST', '/api/attachments')).toBe(2); // fetch and form
    expect(refused('POST', '/api/sites/demo/api-keys')).toBeGreaterThanOrEqual(1); // the text/plain one
    expect([formUpload, formRotate]).toEqual([403, 403]);
    const preflights = answered.filter((a) => a.method === 'OPTIONS');
    console.log(
      `csrf from ${evil.url} against ${chatUrl}: ${attacks.length} requests reached the server with the admin's cookie, each 403 origin_not_allowed (${attacks.map((a) => `${a.method} ${a.path}`).join(', ')}); ` +
        `${Object.keys(fetched).length + 2 - attacks.length} never sent by the browser (a preflight the server does not grant${preflights.length ? `: ${preflights.map((a) => `OPTIONS ${a.path} ${a.status}`).join(', ')}` : ''}); database unchanged`,
    );

    // The console, same browser: each of these works.
    await console_.bringToFront();
    await console_.getByTestId('nav-settings').click();
    await console_.getByTestId('settings-nav-identity').click();
    console_.once('dialog', (d) => void d.accept());
    await console_.getByTestId('site-secret-rotate').click(); // through the UI
    await expect.poll(() => app.parla.store.getSite('demo')!.secret).not.toBe(before.secret);
    await console_.getByTestId('settings-nav-integrations').click();
    const keys = console_.getByTestId('api-keys');
    await keys.getByTestId('api-key-name').fill('Order system');
    await keys.getByTestId('api-key-create').click(); // through the UI
    await keys.getByTestId('api-key-value').waitFor();
    expect(state().apiKeys).toBe(before.apiKeys + 1);
    // The upload through the UI: the conversation's paperclip.
    await console_.getByTestId('nav-inbox').click();
    await console_.getByTestId('inbox-item').first().click();
    await console_.getByTestId('attach-input').setInputFiles({ name: 'from-console.png', mimeType: 'image/png', buffer: Buffer.from(PNG_B64, 'base64') });
    await expect.poll(() => state().attachments).toBe(before.attachments + 1);
    expect((db.prepare("SELECT uploader_type AS t FROM attachments WHERE name = 'from-console.png'").get() as { t: string }).t).toBe('agent');
    // The rest from the console's own origin, the way its api.ts sends them (the token from /api/auth/me).
    const byConsole = await console_.evaluate(
      async ({ conv, agentId }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const send = async (method: string, path: string, body?: unknown) =>
          (await fetch(path, { method, headers: { 'x-parla-csrf': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) })).status;
        const settings = (await (await fetch('/api/sites/demo/settings')).json()) as Record<string, unknown>;
        return {
          settings: await send('PUT', '/api/sites/demo/settings', { ...settings, slaFirstResponseSec: 120 }),
          agent: await send('PATCH', `/api/agents/${agentId}`, { maxChats: 4 }),
          erase: await send('DELETE', `/api/visitors/${conv.visitorId}`),
        };
      },
      { conv, agentId },
    );
    expect(byConsole).toEqual({ settings: 200, agent: 200, erase: 204 });
    const after = state();
    expect(JSON.parse(after.settings)).toMatchObject({ slaFirstResponseSec: 120 });
    expect(JSON.parse(after.agent)).toMatchObject({ max_chats: 4, role: 'admin', email: env.product.agent.email });
    expect(after.visitor).toBe(0);
    expect(consoleErrors).toEqual([]);
    console.log(`the console (same browser): secret rotated, API key created and file uploaded through its UI; settings 200, agent 200, visitor erased 204`);

    await shopper.close();
    await ctx.close();
    await new Promise<void>((r) => evil.server.close(() => r()));
  });
});
