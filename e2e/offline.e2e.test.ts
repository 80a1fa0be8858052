/**
 * Outside business hours the widget shows the offline mode: a visitor leaves a message (with an
 * email) or asks for a call back, and both reach the console as queued conversations.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct(async (product) => {
  const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  await env.product.app.parla.sites.saveSettings('demo', { ...product.app.parla.sites.settings('demo')!, businessHours: { timezone: 'Europe/Rome', weekly: closed, holidays: [] } });
});

describe('offline mode', () => {
  it('a left message and a call-back request reach the console', async () => {
    const shopCtx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await shopCtx.newPage();
    await shop.goto(`${env.product.shopUrl}/checkout`);
    await shop.locator('#parla-widget button.l').click();
    const w = shop.locator('#parla-widget');
    // Said at once: closed, the two forms offered, no queue and no promise of a reply soon.
    await w.locator('.st', { hasText: "We're offline right now" }).waitFor();
    await w.getByRole('button', { name: 'Request a call back' }).waitFor();
    expect(await w.locator('.p').innerText()).not.toMatch(/in the queue|#\d|reply soon/);
    await w.getByRole('button', { name: 'Leave a message' }).click();
    // Required fields are enforced in the widget first.
    await w.locator('form.alt button[type=submit]').click();
    await expect(w.locator('#parla-email').getAttribute('aria-invalid')).resolves.toBe('true');
    await w.locator('#parla-email').fill('luca@example.com');
    await w.locator('#parla-body').fill('Can I pay by bank transfer?');
    await w.locator('form.alt button[type=submit]').click();
    await w.locator('.note.ok', { hasText: "We'll answer at luca@example.com" }).waitFor();

    const other = await (await env.browser.newContext({ locale: 'it-IT' })).newPage();
    await other.goto(`${env.product.shopUrl}/`);
    await other.locator('#parla-widget button.l').click();
    const w2 = other.locator('#parla-widget');
    await w2.getByRole('button', { name: 'Chiedi di essere richiamato' }).click();
    await w2.locator('#parla-phone').fill('+39 333 123 4567');
    await w2.locator('#parla-time').fill('domani dopo le 15');
    await w2.locator('form.alt button[type=submit]').click();
    await w2.locator('.note.ok', { hasText: '+39 333 123 4567' }).waitFor();

    // The console: both are waiting, the message with its text and the visitor's email on record.
    const consoleCtx = await env.browser.newContext({ locale: 'en-US' });
    const c = await consoleCtx.newPage();
    await loginConsole(c, env.product);
    await expect.poll(() => c.getByTestId('inbox-item').count(), { timeout: 10_000 }).toBe(2);
    const rows = env.product.app.parla.db.sqlite
      .prepare('SELECT c.channel, c.state, v.email FROM conversations c JOIN visitors v ON v.id = c.visitor_id ORDER BY c.created_at')
      .all();
    expect(rows).toEqual([
      { channel: 'web', state: expect.stringMatching(/queued|assigned/), email: 'luca@example.com' },
      { channel: 'callback', state: expect.stringMatching(/queued|assigned/), email: null },
    ]);
    await c.getByTestId('inbox-item').filter({ hasText: 'bank transfer' }).click();
    await c.locator('[data-testid=message][data-author-type=visitor]', { hasText: 'Can I pay by bank transfer?' }).waitFor();
    await consoleCtx.close();
    await shopCtx.close();
  });
});
