/**
 * A fresh install, no demo, the way a shop owner meets it: the real server (`src/server.ts` in its
 * own process) on an empty data directory prints a setup code; in Chromium the console shows the
 * first-run page, the owner creates the first admin with that code, adds a site whose origin is a
 * small shop page this test serves, adds an agent and reads the invitation link the console shows;
 * the agent (another browser context: another person) opens the link and chooses a password; the
 * snippet the console shows goes into the shop page, a shopper chats with the agent both ways, and
 * the same snippet on a page of another origin is refused. Then the owner changes their password,
 * deactivates the agent (signed out at once, and told so at the next sign-in) and reactivates them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN = { name: 'Olivia Owner', email: 'owner@bottega.test', password: 'olive oil and basil' };
const AGENT = { name: 'Marta Rossi', email: 'marta@bottega.test', password: 'espresso at noon' };

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });
}

/** The real server in its own process; resolves with the setup code it prints once it listens. */
function startServer(port: number, dataDir: string): { child: ChildProcessWithoutNullStreams; log: string[]; setupCode: Promise<string> } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(DEMO|SITE_ORIGINS|PUBLIC_URL|SMTP_)/.test(k)) env[k] = v;
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'info', AGENT_OFFLINE_GRACE_MS: '100' });
  // One process (no tsx CLI wrapper in between): the pid we stop is the server's.
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const log: string[] = [];
  const setupCode = new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      log.push(chunk);
      out += chunk;
      const m = /setup code\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/.exec(out);
      if (m) ok(m[1]!);
    });
    child.stderr.on('data', (chunk: string) => log.push(chunk));
    child.once('exit', (code, signal) => fail(new Error(`the server exited (${code ?? signal}) before printing a setup code:\n${log.join('')}`)));
  });
  return { child, log, setupCode };
}

const ctx = {} as {
  dataDir: string;
  chatUrl: string;
  server: ReturnType<typeof startServer>;
  setupCode: string;
  shop: Server;
  shopPort: number;
  /** What the shop page serves: the snippet, once the console has shown it. */
  snippet: string;
  /** What the same server serves on http://127.0.0.1:<port>, once that origin is a second site's. */
  outletSnippet: string;
  browser: Browser;
  adminCtx: BrowserContext;
  admin: Page;
  agentCtx: BrowserContext;
  agent: Page;
  inviteUrl: string;
  agentId: string;
};

beforeAll(async () => {
  ctx.dataDir = mkdtempSync(join(tmpdir(), 'parla-fresh-'));
  const port = await freePort();
  ctx.chatUrl = `http://127.0.0.1:${port}`;
  ctx.server = startServer(port, ctx.dataDir);
  ctx.snippet = '';
  ctx.outletSnippet = '';
  ctx.shop = createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const snippet = req.headers.host?.startsWith('127.0.0.1') && ctx.outletSnippet ? ctx.outletSnippet : ctx.snippet;
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bottega</title></head><body><h1>Bottega</h1><p>Olive oil, pasta, coffee.</p>${snippet}</body></html>`);
  });
  await new Promise<void>((ok) => ctx.shop.listen(0, '127.0.0.1', ok));
  ctx.shopPort = (ctx.shop.address() as AddressInfo).port;
  ctx.setupCode = await ctx.server.setupCode;
  ctx.browser = await launch();
}, 120_000);

afterAll(async () => {
  await ctx.browser?.close();
  const child = ctx.server?.child;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM'); // drains and closes the database; the server forces its own exit after 10 s
    await exited;
  }
  await new Promise((ok) => ctx.shop?.close(ok));
  if (ctx.dataDir) rmSync(ctx.dataDir, { recursive: true, force: true });
}, 30_000);

describe('a fresh install, from the setup code to a chat on the shop', () => {
  it('shows the first-run page; the code from the log creates the admin, who lands in the console', async () => {
    ctx.adminCtx = await ctx.browser.newContext({ locale: 'en-US', viewport: { width: 1300, height: 900 } });
    const page = (ctx.admin = await ctx.adminCtx.newPage());
    await page.goto(`${ctx.chatUrl}/console/`);
    await page.getByTestId('setup-form').waitFor();
    expect(await page.getByTestId('login-email').count()).toBe(0);

    // A wrong code is refused next to the code field; nothing is created.
    await page.getByTestId('setup-code').fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByTestId('setup-name').fill(ADMIN.name);
    await page.getByTestId('setup-email').fill(ADMIN.email);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-error').textContent()).resolves.toContain('setup code is wrong');
    // Passwords that differ are caught before anything is sent.
    await page.getByTestId('setup-code').fill(ctx.setupCode);
    await page.getByTestId('setup-confirm').fill(`${ADMIN.password}!`);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-problem').textContent()).resolves.toBe('The two passwords do not match.');

    // The printed code, typed the lazy way (lower case, spaces): the admin is signed in.
    await page.getByTestId('setup-code').fill(ctx.setupCode.toLowerCase().replace(/-/g, ' '));
    await page.getByTestId('setup-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('presence-toggle').waitFor();
    await expect(page.getByTestId('agent-name').textContent()).resolves.toBe(ADMIN.name);
    // The next step is a site: the first admin lands on Sites, which says what to do.
    await page.getByTestId('sites-empty').waitFor();
    const setup = await ctx.adminCtx.request.get(`${ctx.chatUrl}/api/setup`);
    expect(await setup.json()).toEqual({ needed: false });
  });

  it('adds the site in the console and shows its snippet; the other views see it at once', async () => {
    const page = ctx.admin;
    const shopOrigin = `http://localhost:${ctx.shopPort}`;
    await page.getByTestId('site-new-name').fill('Bottega');
    // Not an origin: said next to the field, nothing sent.
    await page.getByTestId('site-new-origins').fill(`${shopOrigin}/shop`);
    await page.getByTestId('site-new-submit').click();
    await expect(page.getByTestId('origin-errors').textContent()).resolves.toContain('no path');
    await page.getByTestId('site-new-origins').fill(`${shopOrigin}/\n`);
    await page.getByTestId('site-new-submit').click();

    const card = page.getByTestId('site-card');
    await card.waitFor();
    expect(await card.getAttribute('data-site-id')).toBe('bottega');
    await expect(card.getByTestId('site-origins').inputValue()).resolves.toBe(shopOrigin);
    const snippet = await card.getByTestId('site-snippet').inputValue();
    expect(snippet).toBe(`<script async src="${ctx.chatUrl}/widget.js" data-site="bottega"></script>`);
    await expect(card.getByTestId('site-csp').inputValue()).resolves.toContain(`connect-src ${ctx.chatUrl} ${ctx.chatUrl.replace(/^http/, 'ws')}`);
    ctx.snippet = snippet;

    // The banner that pointed to Sites is gone, and Settings knows the site without a reload.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('routing-mode').waitFor();
    expect(await page.getByTestId('settings-no-sites').count()).toBe(0);
    expect(await page.getByTestId('no-site-banner').count()).toBe(0);
  });

  it('adds an agent, shows the invitation link once; the agent opens it elsewhere and chooses a password', async () => {
    const page = ctx.admin;
    await page.getByTestId('nav-agents').click();
    await page.getByTestId('agent-add').click();
    await page.getByTestId('agent-new-name').fill(AGENT.name);
    await page.getByTestId('agent-new-email').fill(AGENT.email);
    await page.getByTestId('agent-new-submit').click();
    const panel = page.getByTestId('link-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-emailed')).toBe('false'); // no SMTP on a fresh install: the admin passes it on
    ctx.inviteUrl = await panel.getByTestId('link-url').inputValue();
    expect(ctx.inviteUrl).toMatch(new RegExp(`^${ctx.chatUrl.replace(/\./g, '\\.')}/console/#invite=[A-Za-z0-9_-]{20,}$`));
    const row = page.getByTestId('agent-row').filter({ hasText: AGENT.name });
    await expect(row.getByTestId('agent-status').getAttribute('data-status')).resolves.toBe('invited');
    ctx.agentId = (await row.getAttribute('data-agent-id'))!;

    // Another person, another browser: the link page greets them, the token leaves the address bar.
    ctx.agentCtx = await ctx.browser.newContext({ locale: 'en-US', viewport: { width: 1300, height: 900 } });
    const agent = (ctx.agent = await ctx.agentCtx.newPage());
    await agent.goto(ctx.inviteUrl);
    await agent.locator('[data-testid=link-page][data-state=ready]').waitFor();
    expect(agent.url()).toBe(`${ctx.chatUrl}/console/`);
    await expect(agent.getByTestId('link-intro').textContent()).resolves.toContain(AGENT.email);
    await agent.getByTestId('link-password').fill('too short');
    await agent.getByTestId('link-confirm').fill('too short');
    await agent.getByTestId('link-submit').click();
    await expect(agent.getByTestId('link-problem').textContent()).resolves.toBe('The password needs at least 10 characters.');
    await agent.getByTestId('link-password').fill(AGENT.password);
    await agent.getByTestId('link-confirm').fill(AGENT.password);
    await agent.getByTestId('link-submit').click();
    await agent.getByTestId('presence-toggle').waitFor();
    await expect(agent.getByTestId('agent-name').textContent()).resolves.toBe(AGENT.name);

    // The admin's list follows: Marta is active now, and online.
    await page.locator(`[data-testid=agent-row][data-agent-id="${ctx.agentId}"][data-status=active][data-presence=online]`).waitFor();

    // The link was good once.
    const again = await ctx.browser.newContext({ locale: 'en-US' });
    const p2 = await again.newPage();
    await p2.goto(ctx.inviteUrl);
    await p2.getByTestId('link-invalid').waitFor();
    await again.close();
  });

  it('the snippet on the shop’s origin opens the chat: shopper and agent write to each other', async () => {
    // The admin steps away, so the conversation is the agent's.
    await ctx.admin.getByTestId('presence-toggle').click();
    await ctx.admin.locator('[data-testid=presence-toggle][data-presence=away]').waitFor();

    const shopperCtx = await ctx.browser.newContext({ locale: 'en-US' });
    const shop = await shopperCtx.newPage();
    const pageErrors: string[] = [];
    shop.on('pageerror', (e) => pageErrors.push(String(e)));
    await shop.goto(`http://localhost:${ctx.shopPort}/`);
    await shop.locator('#parla-widget button.l').click();
    const input = shop.locator('#parla-widget textarea#parla-input');
    await input.fill('Do you ship olive oil to Berlin?');
    await input.press('Enter');
    await shop.locator('#parla-widget .m.me .b', { hasText: 'olive oil to Berlin' }).waitFor();

    const agent = ctx.agent;
    const item = agent.getByTestId('inbox-item').filter({ hasText: 'olive oil to Berlin' });
    await item.click();
    await agent.locator('[data-testid=message][data-author-type=visitor]', { hasText: 'olive oil to Berlin' }).waitFor();
    await agent.getByTestId('reply-input').fill('Yes, in two to three days.');
    await agent.getByTestId('reply-send').click();
    await shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'two to three days' }).waitFor();
    await expect(shop.locator('#parla-widget .st').textContent()).resolves.toContain(AGENT.name);
    expect(pageErrors).toEqual([]);
    await shopperCtx.close();
  });

  it('the same snippet on a page of another origin is refused: the handshake gets 403 and nothing arrives', async () => {
    const otherCtx = await ctx.browser.newContext({ locale: 'en-US' });
    const page = await otherCtx.newPage();
    const sockets: WebSocket[] = [];
    const frames: string[] = [];
    const refused = new Promise<string>((ok) => {
      page.on('websocket', (ws) => {
        sockets.push(ws);
        ws.on('framereceived', (f) => frames.push(String(f.payload)));
        ws.on('socketerror', (err) => ok(err));
      });
    });
    // http://127.0.0.1:<port> is the same shop server, but another origin than http://localhost:<port>.
    await page.goto(`http://127.0.0.1:${ctx.shopPort}/`);
    await page.locator('#parla-widget button.l').click();
    const input = page.locator('#parla-widget textarea#parla-input');
    await input.fill('This page is not on the allowlist');
    await input.press('Enter');
    await expect(refused).resolves.toMatch(/403/);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.every((ws) => ws.url().startsWith(`ws://127.0.0.1:${new URL(ctx.chatUrl).port}/`))).toBe(true);
    expect(frames).toEqual([]);
    await expect(page.locator('#parla-widget .st').textContent()).resolves.toBe('Connecting…');

    // The server has exactly the one conversation of the allowed origin.
    const summary = await ctx.adminCtx.request.get(`${ctx.chatUrl}/api/metrics/summary`);
    expect(summary.status()).toBe(200);
    expect(((await summary.json()) as { perConversation: unknown[] }).perConversation).toHaveLength(1);
    expect(await ctx.agent.getByTestId('inbox-item').filter({ hasText: 'not on the allowlist' }).count()).toBe(0);
    await otherCtx.close();
  });

  it('a second shop: the agent set to work on the first never sees its shoppers, who reach the admin', async () => {
    const page = ctx.admin;
    await page.getByTestId('presence-toggle').click(); // the admin is back
    await page.locator('[data-testid=presence-toggle][data-presence=online]').waitFor();
    await page.getByTestId('nav-sites').click();
    await page.getByTestId('site-add').click();
    await page.getByTestId('site-new-name').fill('Outlet');
    await page.getByTestId('site-new-origins').fill(`http://127.0.0.1:${ctx.shopPort}`);
    await page.getByTestId('site-new-submit').click();
    const card = page.locator('[data-testid=site-card][data-site-id=outlet]');
    await card.waitFor();
    ctx.outletSnippet = await card.getByTestId('site-snippet').inputValue();

    // On the team page each agent now says which sites they work on; Marta: Bottega only.
    await page.getByTestId('nav-agents').click();
    const row = page.locator(`[data-testid=agent-row][data-agent-id="${ctx.agentId}"]`);
    await expect(row.getByTestId('agent-sites').textContent()).resolves.toContain('every site');
    await row.locator('[data-testid=agent-site][data-site-id=bottega]').click(); // checked once the server has saved it
    await row.locator('[data-testid=agent-site][data-site-id=bottega]:checked').waitFor();
    await expect(row.getByTestId('agent-sites').textContent()).resolves.not.toContain('every site');
    const team = (await (await ctx.adminCtx.request.get(`${ctx.chatUrl}/api/agents`)).json()) as { id: string; siteIds?: string[] | null }[];
    expect(team.find((a) => a.id === ctx.agentId)?.siteIds).toEqual(['bottega']);
    // Her console follows at once (it reconnects): still signed in, still online.
    await page.locator(`[data-testid=agent-row][data-agent-id="${ctx.agentId}"][data-presence=online]`).waitFor();

    // A shopper of the outlet writes: the admin gets the conversation, Marta's inbox never shows it.
    const shopperCtx = await ctx.browser.newContext({ locale: 'en-US' });
    const shop = await shopperCtx.newPage();
    await shop.goto(`http://127.0.0.1:${ctx.shopPort}/`);
    await shop.locator('#parla-widget button.l').click();
    const input = shop.locator('#parla-widget textarea#parla-input');
    await input.fill('Is the outlet open on Sunday?');
    await input.press('Enter');
    await shop.locator('#parla-widget .m.me .b', { hasText: 'outlet open on Sunday' }).waitFor();
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-item').filter({ hasText: 'outlet open on Sunday' }).waitFor();
    // Marta's list still has the Bottega shopper (her console is live) and not the outlet's.
    await ctx.agent.getByTestId('inbox-item').filter({ hasText: 'olive oil to Berlin' }).waitFor();
    expect(await ctx.agent.getByTestId('inbox-item').filter({ hasText: 'outlet open on Sunday' }).count()).toBe(0);
    await shopperCtx.close();
    await page.getByTestId('nav-agents').click(); // where the next step starts
    await row.waitFor();
  });

  it('the admin changes their password; deactivating the agent signs them out, and the login says why', async () => {
    const page = ctx.admin;
    // Own password: the wrong current one is refused, the right one works.
    await page.getByTestId('agent-name').click();
    const dialog = page.getByTestId('password-dialog');
    await dialog.waitFor();
    const newPassword = 'a brand new passphrase';
    await page.getByTestId('password-current').fill('not my password');
    await page.getByTestId('password-new-password').fill(newPassword);
    await page.getByTestId('password-new-confirm').fill(newPassword);
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-error').textContent()).resolves.toBe('The current password is wrong.');
    await page.getByTestId('password-current').fill(ADMIN.password);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-done').waitFor();
    await page.getByTestId('password-close').click();
    expect(await dialog.count()).toBe(0);
    const login = await ctx.browser.newContext();
    const r = await login.request.post(`${ctx.chatUrl}/api/auth/login`, { data: { email: ADMIN.email, password: newPassword }, headers: { origin: ctx.chatUrl } });
    expect(r.status()).toBe(200);
    await login.close();

    // Deactivate, after a confirmation that says what happens.
    const row = page.locator(`[data-testid=agent-row][data-agent-id="${ctx.agentId}"]`);
    await row.getByTestId('agent-deactivate').click();
    const confirmPanel = page.getByTestId('agent-deactivate-panel');
    await expect(confirmPanel.textContent()).resolves.toContain('back to the queue');
    await page.getByTestId('agent-deactivate-confirm').click();
    // Listed apart, greyed, with Reactivate.
    await page.getByTestId('agents-deactivated').locator(`[data-agent-id="${ctx.agentId}"][data-status=deactivated]`).waitFor();

    // The agent's console is signed out at once; signing in again says the account is deactivated.
    await ctx.agent.getByTestId('login-email').waitFor();
    await ctx.agent.getByTestId('login-email').fill(AGENT.email);
    await ctx.agent.getByTestId('login-password').fill(AGENT.password);
    await ctx.agent.getByTestId('login-submit').click();
    await expect(ctx.agent.getByTestId('login-error').textContent()).resolves.toBe('This account has been deactivated. Ask an administrator to reactivate it.');

    // Reactivated: back in the team, and the same password signs in.
    await page.getByTestId('agents-deactivated').getByTestId('agent-reactivate').click();
    await page.locator(`[data-testid=agent-row][data-agent-id="${ctx.agentId}"][data-status=active]`).waitFor();
    expect(await page.getByTestId('agents-deactivated').count()).toBe(0);
    await ctx.agent.getByTestId('login-password').fill(AGENT.password);
    await ctx.agent.getByTestId('login-submit').click();
    await ctx.agent.getByTestId('presence-toggle').waitFor();

    await ctx.agentCtx.close();
    await ctx.adminCtx.close();
  });
});
