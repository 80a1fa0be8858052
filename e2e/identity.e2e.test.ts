/**
 * The host-page API in a real browser: Parla.identify with a valid hash makes a second device
 * (another browser context, identify queued before the script loads) see the first one's
 * conversation; Parla.shutdown() forgets the shopper on that device: storage cleared, socket
 * closed, chat removed, and the next open is a new visitor.
 */
import { describe, expect, it } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { loginConsole, useProduct } from './harness.ts';

/** What the shop's server computes: hex HMAC-SHA256 of the user id with the site secret. */
const identityHash = (userId: string, secret: string) => createHmac('sha256', secret).update(userId).digest('hex');

const env = useProduct();

async function send(shop: Page, text: string) {
  const input = shop.locator('#parla-widget textarea#parla-input');
  await input.waitFor();
  await input.fill(text);
  await input.press('Enter');
  await shop.locator('#parla-widget .m.me .b', { hasText: text }).waitFor();
}
const storageKeys = (shop: Page) => shop.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parla:demo:')));

describe('host page API', () => {
  it('identify links two devices; shutdown forgets the shopper on this device', async () => {
    const { app, shopUrl } = env.product;
    const secret = app.parla.store.getSite('demo')!.secret;
    const who = { userId: 'customer-7', name: 'Chiara', email: 'chiara@example.com', hash: identityHash('customer-7', secret) };

    // Device 1: identify after the script loaded, then write.
    const phoneCtx = await env.browser.newContext({ locale: 'en-US' });
    const phone = await phoneCtx.newPage();
    const errors: string[] = [];
    phone.on('pageerror', (e) => errors.push(String(e)));
    await phone.goto(`${shopUrl}/`);
    await phone.locator('#parla-widget button.l').click();
    await phone.evaluate((w) => (window as unknown as { Parla: { identify(i: object): void } }).Parla.identify(w), who);
    await send(phone, 'Where is order A-1042?');
    // The bubble shows at once (optimistic); the identify is committed by the server a moment later.
    await expect.poll(() => app.parla.security.data.visitorOfUser('demo', 'customer-7')).toBeTruthy();
    const owner = app.parla.security.data.visitorOfUser('demo', 'customer-7');

    // Device 2: the identify is queued before the loader runs.
    const laptopCtx = await env.browser.newContext({ locale: 'en-US' });
    const laptop = await laptopCtx.newPage();
    await laptop.addInitScript((w) => {
      const q = ((window as unknown as { Parla?: unknown[] }).Parla = (window as unknown as { Parla?: unknown[] }).Parla || []);
      q.push(['identify', w]);
    }, who);
    await laptop.goto(`${shopUrl}/`);
    await laptop.locator('#parla-widget button.l').click();
    await laptop.locator('#parla-widget .m.me .b', { hasText: 'Where is order A-1042?' }).waitFor();
    expect(app.parla.security.data.visitorOfUser('demo', 'customer-7')).toBe(owner);

    // Shutdown on device 1: everything of the shopper leaves this device.
    expect((await storageKeys(phone)).length).toBeGreaterThan(0);
    expect(app.parla.security.visitorSockets.keys()).toContain(owner);
    await phone.evaluate(() => (window as unknown as { Parla: { shutdown(): void } }).Parla.shutdown());
    expect(await storageKeys(phone)).toEqual([]);
    await expect.poll(() => phone.locator('#parla-widget textarea').count()).toBe(0);
    // Only the laptop's socket is left for that visitor.
    await expect.poll(() => app.parla.hub.count(`visitor:${owner}`)).toBe(1);

    // The next open is a new, anonymous visitor with nothing of the old conversation.
    await phone.locator('#parla-widget button.l').click();
    await phone.locator('#parla-widget textarea#parla-input').waitFor();
    await expect.poll(() => phone.evaluate(() => localStorage.getItem('parla:demo:token'))).toBeTruthy();
    expect(await phone.locator('#parla-widget .m .b', { hasText: 'A-1042' }).count()).toBe(0);
    await expect.poll(() => app.parla.hub.count(`visitor:${owner}`)).toBe(1);
    const fresh = await phone.evaluate(() => localStorage.getItem('parla:demo:token'));
    const freshVisitor = app.parla.store.visitorByToken('demo', createHash('sha256').update(fresh!).digest('base64url'));
    expect(freshVisitor?.id).not.toBe(owner);
    expect(freshVisitor?.userId).toBeNull();
    expect(errors).toEqual([]);
    console.log(`identify/shutdown: 2 devices on visitor ${owner}; after shutdown the phone is visitor ${freshVisitor?.id} (anonymous), storage keys cleared`);
    await phoneCtx.close();
    await laptopCtx.close();
  });

  it('the console shows the site secret to an admin, rotates it, and saves the setting that refuses unverified identities', async () => {
    const { app } = env.product;
    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    await loginConsole(page, env.product);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-nav-identity').click(); // Settings → Identity: the secret and the switch
    await page.getByTestId('site-secret-toggle').click();
    const shown = await page.getByTestId('site-secret-value').textContent();
    expect(shown).toBe(app.parla.store.getSite('demo')!.secret);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('site-secret-rotate').click();
    await expect.poll(() => page.getByTestId('site-secret-value').textContent()).not.toBe(shown);
    expect(await page.getByTestId('site-secret-value').textContent()).toBe(app.parla.store.getSite('demo')!.secret);
    await page.getByTestId('settings-require-identity').check();
    await page.getByTestId('settings-save').click();
    await expect.poll(() => app.parla.sites.settings('demo')!.requireVerifiedIdentity).toBe(true);
    await ctx.close();
  });

  it('the shopper downloads their data and erases it from the widget; the console drops the conversation', async () => {
    const { app, shopUrl } = env.product;
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const con = await agentCtx.newPage();
    await loginConsole(con, env.product);

    const ctx = await env.browser.newContext({ locale: 'it-IT', acceptDownloads: true });
    const shop = await ctx.newPage();
    await shop.goto(`${shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    await send(shop, 'Vorrei i miei dati, poi cancellateli');
    const conversationId = app.parla.db.sqlite.prepare("SELECT conversation_id AS c FROM messages WHERE body = 'Vorrei i miei dati, poi cancellateli'").get() as { c: string };
    const row = con.locator(`[data-testid=inbox-item][data-conversation-id="${conversationId.c}"]`);
    await row.waitFor();

    await shop.locator('#parla-widget .pv button', { hasText: 'I tuoi dati' }).click();
    const [download] = await Promise.all([shop.waitForEvent('download'), shop.locator('#parla-widget .pv button', { hasText: 'Scarica i miei dati' }).click()]);
    const path = await download.path();
    const data = JSON.parse((await import('node:fs')).readFileSync(path, 'utf8')) as { visitor: { id: string }; messages: { body: string }[] };
    expect(data.messages.map((m) => m.body)).toContain('Vorrei i miei dati, poi cancellateli');
    const visitorId = data.visitor.id;

    // The widget's own confirmation (never the browser's confirm()): a first press asks, "Annulla" keeps everything.
    shop.on('dialog', (d) => void d.dismiss().then(() => expect.fail(`a browser dialog: ${d.message()}`)));
    await shop.locator('#parla-widget .pv button', { hasText: 'Cancella i miei dati' }).click();
    await shop.locator('#parla-widget .cf', { hasText: 'Non si può annullare' }).getByRole('button', { name: 'Annulla' }).click();
    await expect(shop.locator('#parla-widget .cf').count()).resolves.toBe(0);
    expect(app.parla.store.visitorById(visitorId)).toBeTruthy();
    await shop.locator('#parla-widget .pv button', { hasText: 'Cancella i miei dati' }).click();
    await shop.locator('#parla-widget .cf').getByRole('button', { name: 'Sì, cancella' }).click();
    await expect.poll(() => app.parla.store.visitorById(visitorId) ?? null).toBeNull();
    await expect.poll(() => storageKeys(shop)).toEqual([]);
    await expect.poll(() => row.count()).toBe(0);
    console.log(`privacy from the widget: ${data.messages.length} messages downloaded, visitor ${visitorId} erased, its inbox row gone from the console`);
    await ctx.close();
    await agentCtx.close();
  });
});
