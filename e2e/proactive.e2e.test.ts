/**
 * Proactive messages on the demo checkout page in headless Chromium. The demo's own rule ("Need
 * help completing your order?" after 30 s) is replaced through the settings API by a 1-second one
 * and a 3-second sentinel on the same page: at most one message per page and each once per visit,
 * so a reload in the same visit shows the sentinel instead. An ignored message creates nothing; an
 * answered one starts a conversation marked proactive, with the site's message first.
 * Parla.showMessage shows one from the page's own JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PROACTIVE } from '@parla/server/demo';
import type { SiteSettings } from '@parla/protocol';
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

describe('proactive messages on the demo shop', () => {
  it('the demo checkout page has one; a short rule set through the API opens the widget once per visit; an answer starts a proactive conversation', async () => {
    const { chatUrl, shopUrl, app } = env.product;
    const { cookie, csrf } = await adminSession();
    const url = `${chatUrl}/api/sites/demo/settings`;
    const settings = (await (await fetch(url, { headers: { cookie } })).json()) as SiteSettings;
    expect(settings.proactive).toEqual(DEMO_PROACTIVE); // the demo's rule, as seeded
    const [demo] = DEMO_PROACTIVE;
    const rules = [
      { ...demo!, minSeconds: 1 },
      { ...demo!, id: 'sentinel', minSeconds: 3, message: { en: 'Still there? We can help.', it: 'Ancora qui? Possiamo aiutarti.' } },
    ];
    const put = await fetch(url, { method: 'PUT', headers: { cookie, 'x-parla-csrf': csrf, origin: chatUrl, 'content-type': 'application/json' }, body: JSON.stringify({ ...settings, proactive: rules }) });
    expect(put.status).toBe(200);

    // A shopper ignores it: nothing is stored.
    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await ctx.newPage();
    const errors: string[] = [];
    shop.on('pageerror', (e) => errors.push(String(e)));
    await shop.goto(`${shopUrl}/`);
    await shop.locator('#parla-widget button.l').waitFor();
    // Not the checkout page: the product page loads the rules but shows nothing; the chat is not even loaded.
    await expect.poll(() => shop.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/widget/proactive.js')))).toBe(true);
    await shop.goto(`${shopUrl}/checkout`);
    const bubble = shop.locator('#parla-widget .m:not(.me) .b');
    await bubble.filter({ hasText: 'Need help completing your order?' }).waitFor();
    expect(await shop.locator('#parla-widget button.l').getAttribute('aria-expanded')).toBe('true');
    expect(await shop.locator('#parla-widget .m:not(.me) .who').first().textContent()).toBe('Our team');
    expect(await shop.evaluate(() => JSON.parse(sessionStorage.getItem('parla:demo:shown') ?? '[]'))).toEqual(['checkout-help']);
    expect(conversations()).toBe(0);
    // One message per page: the sentinel's time passes on this page without it.
    await shop.locator('#parla-widget .x').click();
    // The same visit: the first rule is not shown again, the sentinel is (and only it).
    await shop.reload();
    await bubble.filter({ hasText: 'Still there? We can help.' }).waitFor();
    expect(await bubble.filter({ hasText: 'Need help completing' }).count()).toBe(0);
    expect(await shop.evaluate(() => JSON.parse(sessionStorage.getItem('parla:demo:shown') ?? '[]'))).toEqual(['checkout-help', 'sentinel']);
    expect(conversations()).toBe(0);

    // An Italian shopper answers: a conversation marked proactive, the site's message first, seen by the agent.
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const console_ = await agentCtx.newPage();
    await loginConsole(console_, env.product);
    const itCtx = await env.browser.newContext({ locale: 'it-IT' });
    const it = await itCtx.newPage();
    await it.goto(`${shopUrl}/checkout`);
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
    // Shown once in the widget (the local one gave way to the stored one), also after a reload.
    await it.reload();
    await it.locator('#parla-widget button.l').click();
    await it.locator('#parla-widget .m.me .b', { hasText: 'codice sconto' }).waitFor();
    expect(await it.locator('#parla-widget .m:not(.me) .b', { hasText: 'Serve aiuto' }).count()).toBe(1);
    // The agent sees the conversation begin with the site's message.
    await console_.locator(`[data-testid=inbox-item][data-conversation-id="${row.id}"]`).click();
    await console_.locator('[data-testid=message]', { hasText: 'Serve aiuto per completare' }).waitFor();
    await console_.getByTestId('proactive-badge').waitFor();

    // The page's own JavaScript: Parla.showMessage on the product page (a third shopper).
    const jsCtx = await env.browser.newContext({ locale: 'en-US' });
    const js = await jsCtx.newPage();
    await js.goto(`${shopUrl}/`);
    await js.locator('#parla-widget button.l').waitFor();
    await js.evaluate(() => (window as unknown as { Parla: { showMessage(t: string): void } }).Parla.showMessage('Questions about the moka pot sizes?'));
    await js.locator('#parla-widget .m:not(.me) .b', { hasText: 'moka pot sizes' }).waitFor();
    expect(conversations()).toBe(1);
    expect(errors).toEqual([]);
    console.log(`proactive: rules ${rules.map((r) => `${r.id}@${r.minSeconds}s`).join(', ')}; conversation ${row.id} proactive=${row.proactive}`);
    await Promise.all([ctx.close(), agentCtx.close(), itCtx.close(), jsCtx.close()]);
  });
});
