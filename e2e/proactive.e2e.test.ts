/**
 * Proactive messages on the demo checkout page in headless Chromium. The demo's own rule ("Need
 * help completing your order?" after 30 s) is replaced through the settings API by a 1-second one
 * and a 3-second sentinel on the same page, with the bot off.
 * - Nobody can answer (no agent online, bot off): the rule does not fire.
 * - A shopper typing the address while the rule's time passes: every keystroke lands in the
 *   address field, nothing appears while the focus is in a field (also after Tab to the next one);
 *   the teaser appears once the field is left, the chat stays closed and the focus stays on the
 *   page; the teaser opens the chat with the message (and the focus moves into it).
 * - At most one message per page, each once per visit: a reload shows the sentinel, whose close
 *   button hides it without opening anything. An ignored message creates nothing; an answered one
 *   starts a conversation marked proactive, with the site's message first.
 * - On a 390×844 phone the teaser stays small and the chat does not open by itself.
 * - Parla.showMessage shows the same teaser from the page's own JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PROACTIVE } from '@parla/server/demo';
import type { SiteSettings } from '@parla/protocol';
import type { Page } from 'playwright-core';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

/** The admin's session: its cookie and its CSRF token (from the login's answer, as the console keeps it). */
async function adminSession(): Promise<{ cookie: string; csrf: string }> {
  const { chatUrl, agent } = env.product;
  const res = await fetch(`${chatUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: chatUrl },
    body: JSON.stringify({ email: agent.email, password: agent.password }),
  });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const conversations = () => (env.product.app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
const shown = (p: Page) => p.evaluate(() => JSON.parse(sessionStorage.getItem('parla:demo:shown') ?? '[]') as string[]);
/** The element with the focus: the page's own, or 'parla-widget' when it is inside the widget. */
const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');
const teaser = (p: Page) => p.locator('#parla-widget .t');
const launcherOpen = (p: Page) => p.locator('#parla-widget button.l').getAttribute('aria-expanded');

describe('proactive messages on the demo shop', () => {
  it('never interrupt a purchase: no message while nobody can answer or the shopper types; a teaser the shopper opens or closes; an answer starts a proactive conversation', async () => {
    const { chatUrl, shopUrl, app } = env.product;
    const { cookie, csrf } = await adminSession();
    const url = `${chatUrl}/api/sites/demo/settings`;
    const settings = (await (await fetch(url, { headers: { cookie } })).json()) as SiteSettings;
    expect(settings.proactive).toEqual(DEMO_PROACTIVE); // the demo's rule, as seeded: it needs someone to answer
    expect(DEMO_PROACTIVE[0]!.requireAvailable).toBe(true);
    const [demo] = DEMO_PROACTIVE;
    const rules = [
      { ...demo!, minSeconds: 1 },
      { ...demo!, id: 'sentinel', minSeconds: 3, message: { en: 'Still there? We can help.', it: 'Ancora qui? Possiamo aiutarti.' } },
    ];
    const put = await fetch(url, { method: 'PUT', headers: { cookie, 'x-parla-csrf': csrf, origin: chatUrl, 'content-type': 'application/json' }, body: JSON.stringify({ ...settings, botMode: 'off', proactive: rules }) });
    expect(put.status).toBe(200);
    const errors: string[] = [];
    const shopper = async (locale = 'en-US', viewport = { width: 1280, height: 800 }) => {
      const ctx = await env.browser.newContext({ locale, viewport });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      return { ctx, page };
    };

    // Nobody can answer (no agent online, the bot off): the rules do not fire.
    const nobody = await shopper();
    await nobody.page.goto(`${shopUrl}/checkout`);
    await nobody.page.locator('#parla-widget button.l').waitFor();
    await expect.poll(() => nobody.page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/widget/config')))).toBe(true);
    await nobody.page.waitForTimeout(4000); // both rules' time passes
    expect(await teaser(nobody.page).count()).toBe(0);
    expect(await shown(nobody.page)).toEqual([]);
    expect(await nobody.page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/widget/proactive.js')))).toBe(false);

    // An agent comes online.
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const console_ = await agentCtx.newPage();
    await loginConsole(console_, env.product);

    // A shopper types the address while the rule's time passes: every keystroke lands in the field.
    const { ctx, page: shop } = await shopper();
    await shop.goto(`${shopUrl}/checkout`);
    await shop.locator('#parla-widget button.l').waitFor();
    await shop.locator('#addr').click();
    const address = 'Via Roma 1, 20121 Milano MI';
    await shop.keyboard.type(address, { delay: 120 }); // about 3 s: past both rules' time
    await shop.waitForTimeout(1500);
    expect(await shop.locator('#addr').inputValue()).toBe(address);
    expect(await focusedId(shop)).toBe('addr');
    expect(await teaser(shop).count()).toBe(0); // the rule waits while the focus is in a field
    expect(await shop.locator('#parla-widget textarea#parla-input').count()).toBe(0); // the chat is not even loaded
    // Tab to the button and back to the name field: still in the form's fields, still waiting.
    await shop.keyboard.press('Shift+Tab');
    expect(await focusedId(shop)).toBe('name');
    await shop.waitForTimeout(1000);
    expect(await teaser(shop).count()).toBe(0);
    // The field is left: the teaser appears; the chat stays closed and the focus stays on the page.
    await shop.locator('h1').click();
    await teaser(shop).waitFor();
    expect(await teaser(shop).locator('.tb').textContent()).toBe('Need help completing your order?');
    expect(await teaser(shop).locator('.tb').getAttribute('aria-label')).toBe('Open chat: Need help completing your order?');
    expect(await teaser(shop).locator('.tx').getAttribute('aria-label')).toBe('Dismiss message');
    expect(await launcherOpen(shop)).toBe('false');
    expect(await focusedId(shop)).not.toBe('parla-widget');
    expect(await shown(shop)).toEqual(['checkout-help']);
    expect(await shop.locator('#addr').inputValue()).toBe(address);
    expect(conversations()).toBe(0);
    // Opened: the chat with the message from "Our team", the focus inside it.
    await teaser(shop).locator('.tb').click();
    const bubble = shop.locator('#parla-widget .m:not(.me) .b');
    await bubble.filter({ hasText: 'Need help completing your order?' }).waitFor();
    expect(await launcherOpen(shop)).toBe('true');
    expect(await shop.locator('#parla-widget .m:not(.me) .who').first().textContent()).toBe('Our team');
    expect(await focusedId(shop)).toBe('parla-widget');
    expect(await teaser(shop).count()).toBe(0);
    expect(await shop.locator('#parla-widget textarea#parla-input').inputValue()).toBe('');
    expect(conversations()).toBe(0);
    await shop.locator('#parla-widget .x').click();

    // The same visit: the first rule is not shown again, the sentinel is (and only it); its close button hides it.
    await shop.reload();
    await teaser(shop).filter({ hasText: 'Still there? We can help.' }).waitFor();
    expect(await shown(shop)).toEqual(['checkout-help', 'sentinel']);
    await teaser(shop).locator('.tx').click();
    expect(await teaser(shop).count()).toBe(0);
    expect(await launcherOpen(shop)).toBe('false');
    expect(conversations()).toBe(0);

    // An Italian shopper answers: a conversation marked proactive, the site's message first, seen by the agent.
    const itShopper = await shopper('it-IT');
    const it = itShopper.page;
    await it.goto(`${shopUrl}/checkout`);
    await teaser(it).filter({ hasText: "Serve aiuto per completare l'ordine?" }).waitFor();
    expect(await teaser(it).locator('.tx').getAttribute('aria-label')).toBe('Chiudi il messaggio');
    await teaser(it).locator('.tb').click();
    await it.locator('#parla-widget .m:not(.me) .b', { hasText: "Serve aiuto per completare l'ordine?" }).waitFor();
    const input = it.locator('#parla-widget textarea#parla-input');
    await input.fill('Sì, il codice sconto non funziona');
    await input.press('Enter');
    await it.locator('#parla-widget .m.me .b', { hasText: 'codice sconto' }).waitFor();
    await expect.poll(conversations).toBe(1);
    const row = app.parla.db.sqlite.prepare('SELECT id, proactive FROM conversations').get() as { id: string; proactive: number };
    expect(row.proactive).toBe(1);
    const stored = app.parla.conversations.itemsAfter(row.id, 0)!.items.flatMap((i) => (i.kind === 'message' ? [[i.authorType, i.body, i.proactive ?? false]] : []));
    expect(stored).toEqual([
      ['bot', "Serve aiuto per completare l'ordine?", true],
      ['visitor', 'Sì, il codice sconto non funziona', false],
    ]);
    // Shown once in the widget (the local one gave way to the stored one), also after a reload; no teaser during a conversation.
    await it.reload();
    await it.locator('#parla-widget button.l').click();
    await it.locator('#parla-widget .m.me .b', { hasText: 'codice sconto' }).waitFor();
    expect(await it.locator('#parla-widget .m:not(.me) .b', { hasText: 'Serve aiuto' }).count()).toBe(1);
    expect(await teaser(it).count()).toBe(0);
    // The agent sees the conversation begin with the site's message.
    await console_.locator(`[data-testid=inbox-item][data-conversation-id="${row.id}"]`).click();
    await console_.locator('[data-testid=message]', { hasText: 'Serve aiuto per completare' }).waitFor();
    await console_.getByTestId('proactive-badge').waitFor();

    // A phone: the teaser stays small, the chat does not open by itself (let alone full screen).
    const phone = await shopper('en-US', { width: 390, height: 844 });
    await phone.page.goto(`${shopUrl}/checkout`);
    await teaser(phone.page).waitFor();
    const box = (await teaser(phone.page).boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390 - 40);
    expect(box.height).toBeLessThan(844 / 4);
    expect(await launcherOpen(phone.page)).toBe('false');
    expect(await phone.page.locator('#parla-widget .p').count()).toBe(0); // the chat is not even loaded
    expect(await focusedId(phone.page)).not.toBe('parla-widget');

    // The page's own JavaScript: Parla.showMessage on the product page shows the same teaser.
    const js = await shopper();
    await js.page.goto(`${shopUrl}/`);
    await js.page.locator('#parla-widget button.l').waitFor();
    await js.page.evaluate(() => (window as unknown as { Parla: { showMessage(t: string): void } }).Parla.showMessage('Questions about the moka pot sizes?'));
    await teaser(js.page).filter({ hasText: 'moka pot sizes' }).waitFor();
    expect(await launcherOpen(js.page)).toBe('false');
    // The launcher opens the chat with the message in it too.
    await js.page.locator('#parla-widget button.l').click();
    await js.page.locator('#parla-widget .m:not(.me) .b', { hasText: 'moka pot sizes' }).waitFor();
    expect(await teaser(js.page).count()).toBe(0);
    expect(conversations()).toBe(1);
    expect(errors).toEqual([]);
    console.log(`proactive: rules ${rules.map((r) => `${r.id}@${r.minSeconds}s`).join(', ')}; typed "${address}" with the rule due: all in #addr; conversation ${row.id} proactive=${row.proactive}`);
    await Promise.all([nobody.ctx.close(), ctx.close(), agentCtx.close(), itShopper.ctx.close(), phone.ctx.close(), js.ctx.close()]);
  });
});
