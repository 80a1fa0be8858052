/**
 * Never lose a message, in real browsers: with the chat's WebSocket cut (the page still loads,
 * the socket is refused), the shopper writes, reloads the page, and the message is still there,
 * waiting; when the network is back it reaches the console exactly once. The same for an agent's
 * reply typed offline and a reload of the console.
 */
import type { BrowserContext, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

/** A switch for a context's WebSockets matching `pattern`: off cuts the open ones and refuses new ones. */
async function network(ctx: BrowserContext, pattern: RegExp) {
  let online = true;
  const live = new Set<WebSocketRoute>();
  await ctx.routeWebSocket(pattern, (ws) => {
    if (!online) return void ws.close({ code: 4000, reason: 'offline' });
    ws.connectToServer();
    live.add(ws);
    ws.onClose(() => live.delete(ws));
  });
  return {
    async off() {
      online = false;
      for (const ws of [...live]) await ws.close({ code: 4000, reason: 'offline' });
      live.clear();
    },
    on() {
      online = true;
    },
  };
}

const countBodies = (body: string) => (env.product.app.parla.db.sqlite.prepare('SELECT COUNT(*) AS n FROM messages WHERE body = ?').get(body) as { n: number }).n;

describe('the outbox survives a reload', () => {
  it('a message written offline, then a reload, arrives once when the network is back; an agent reply too', async () => {
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const agentNet = await network(agentCtx, /\/ws\/agent/);
    const console_ = await agentCtx.newPage();
    await loginConsole(console_, env.product);

    const shopCtx = await env.browser.newContext({ locale: 'en-US' });
    const shopNet = await network(shopCtx, /\/ws\/visitor/);
    const shop = await shopCtx.newPage();
    const pageErrors: string[] = [];
    shop.on('pageerror', (e) => pageErrors.push(String(e)));
    await shop.goto(`${env.product.shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    const input = shop.locator('#parla-widget textarea#parla-input');
    await input.fill('Hello, is the red moka in stock?');
    await input.press('Enter');
    const row = console_.getByTestId('inbox-item').first();
    await row.waitFor();
    await row.click();
    await console_.locator('[data-testid=message][data-author-type=visitor]', { hasText: 'red moka' }).waitFor();

    // The shopper's network goes off; they write, and reload the page before it is back.
    await shopNet.off();
    const offline = 'Written while offline: I need it by Friday';
    await input.fill(offline);
    await input.press('Enter');
    await shop.locator('#parla-widget .m.me .b', { hasText: 'by Friday' }).waitFor();
    const stored = await shop.evaluate(() => localStorage.getItem('parla:demo:outbox'));
    expect(stored).toContain('by Friday');
    await shop.reload();
    // The loader mounts the chat at once (a message waits), and the message is shown as pending again.
    await shop.locator('#parla-widget button.l').click();
    await shop.locator('#parla-widget .m.me .b', { hasText: 'by Friday' }).waitFor();
    expect(countBodies(offline)).toBe(0);

    // The network is back: it reaches the console, once.
    shopNet.on();
    const inConsole = console_.locator('[data-testid=message][data-author-type=visitor]', { hasText: 'by Friday' });
    await inConsole.waitFor({ timeout: 30_000 });
    await expect.poll(() => shop.evaluate(() => localStorage.getItem('parla:demo:outbox')), { timeout: 10_000 }).toBeNull();
    expect(countBodies(offline)).toBe(1);
    await expect(inConsole.count()).resolves.toBe(1);
    await expect(shop.locator('#parla-widget .m.me .b', { hasText: 'by Friday' }).count()).resolves.toBe(1);

    // The agent's turn: a reply typed with the console offline, then a reload of the console.
    await agentNet.off();
    const reply = 'Typed offline: yes, it ships tomorrow';
    await console_.getByTestId('reply-input').fill(reply);
    await console_.getByTestId('reply-send').click();
    await console_.locator('[data-testid=message][data-status=sending]', { hasText: 'ships tomorrow' }).waitFor();
    const consoleOutbox = await console_.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parla.console.outbox.')).map((k) => localStorage.getItem(k)).join());
    expect(consoleOutbox).toContain('ships tomorrow');
    await console_.reload();
    await console_.getByTestId('presence-toggle').waitFor();
    expect(countBodies(reply)).toBe(0);
    agentNet.on();
    const atShop = shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'ships tomorrow' });
    await atShop.waitFor({ timeout: 30_000 });
    await expect.poll(() => console_.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parla.console.outbox.')).length), { timeout: 10_000 }).toBe(0);
    expect(countBodies(reply)).toBe(1);
    await expect(atShop.count()).resolves.toBe(1);

    expect(pageErrors).toEqual([]);
    await shopCtx.close();
    await agentCtx.close();
  });
});
