/**
 * The widget looks like the shop: an admin sets the demo site's branding in the console
 * (Settings -> Branding: colour, left side, team name, greetings, agents' initials, reply time;
 * the preview follows), saves it with its own button, and a shopper on the demo shop sees the
 * launcher on the left in that colour, the team name and the greeting in their language, the
 * online agent's initial and the expected reply time in the header. A site with no branding keeps
 * the default look (right side, Parla's blue). The settings form saved afterwards (with the demo's
 * proactive rule now naming the department whose agents must be online) leaves the branding.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

const launcher = (p: Page) => p.locator('#parla-widget button.l');
const bg = (p: Page, sel: string) => p.locator(sel).evaluate((el) => getComputedStyle(el).backgroundColor);
const fg = (p: Page, sel: string) => p.locator(sel).evaluate((el) => getComputedStyle(el).color);

describe('branding', () => {
  it('a brand colour, the left side, a team name and a greeting set in the console reach the widget', async () => {
    const { shopUrl, app } = env.product;
    const errors: string[] = [];

    // Before: Parla's blue, on the right.
    const before = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const b = await before.newPage();
    await b.goto(`${shopUrl}/`);
    await launcher(b).waitFor();
    await expect.poll(() => b.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/widget/config')))).toBe(true);
    expect((await launcher(b).boundingBox())!.x).toBeGreaterThan(1280 / 2);
    expect(await bg(b, '#parla-widget button.l')).toBe('rgb(37, 99, 235)');
    expect(await b.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/widget/brand.js')))).toBe(false);
    await before.close();

    // The admin sets the branding in the console; the preview follows.
    const agentCtx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const admin = await agentCtx.newPage();
    await loginConsole(admin, env.product);
    await admin.getByTestId('nav-settings').click();
    await admin.getByTestId('settings-nav-branding').click();
    const section = admin.getByTestId('branding-settings');
    await section.waitFor();
    await section.getByTestId('brand-color').fill('#7c2d1');
    await section.getByTestId('brand-save').click();
    await section.locator('.form-error', { hasText: 'six hexadecimal digits' }).waitFor(); // refused before it is sent
    await section.getByTestId('brand-color').fill('#7C2D12');
    await section.getByTestId('brand-position').selectOption('left');
    await section.getByTestId('brand-teamName').fill('Caffè Roma');
    await section.getByTestId('brand-en').fill('Ciao! Ask us anything about coffee.');
    await section.getByTestId('brand-it').fill('Ciao! Chiedici tutto sul caffè.');
    await section.getByTestId('brand-agents').check();
    await section.getByTestId('brand-reply').check();
    const head = section.getByTestId('brand-preview-head');
    expect(await head.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(124, 45, 18)');
    expect(await head.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)'); // white on a dark colour
    expect(await head.locator('strong').textContent()).toBe('Caffè Roma');
    await section.getByTestId('brand-save').click();
    await section.locator('[role=status]', { hasText: 'Branding saved' }).waitFor();
    expect(app.parla.sites.settings('demo')!.branding).toEqual({
      color: '#7c2d12',
      position: 'left',
      teamName: 'Caffè Roma',
      greeting: { en: 'Ciao! Ask us anything about coffee.', it: 'Ciao! Chiedici tutto sul caffè.' },
      showAgents: true,
      showReplyTime: true,
    });
    // The other sections saved afterwards leave the branding as it is.
    // (With it, the demo's proactive rule: it needs someone to answer; the admin names the department whose agents count.)
    await admin.getByTestId('settings-nav-bot').click();
    await admin.getByTestId('settings-bot-mode').selectOption('first');
    await admin.getByTestId('settings-form-bot').getByTestId('settings-save').click();
    await expect.poll(() => app.parla.sites.settings('demo')!.botMode).toBe('first');
    await admin.getByTestId('settings-nav-proactive').click();
    const rule = admin.locator('[data-testid=proactive-rule][data-rule-id=checkout-help]');
    expect(await rule.getByTestId('proactive-available').isChecked()).toBe(true);
    await rule.getByTestId('proactive-department').selectOption({ label: 'Technical help' });
    await admin.getByTestId('settings-form-proactive').getByTestId('settings-save').click();
    await expect.poll(() => app.parla.sites.settings('demo')!.proactive![0]?.departmentId).toBe('demo-technical');
    expect(app.parla.sites.settings('demo')!.proactive![0]).toMatchObject({ id: 'checkout-help', requireAvailable: true, departmentId: 'demo-technical' });
    expect(app.parla.sites.settings('demo')!.branding?.color).toBe('#7c2d12');

    // This week's first responses: 1, 3 and 40 minutes (the median, 3 minutes, is "a few minutes").
    const db = app.parla.db.sqlite;
    const now = Date.now();
    db.prepare("INSERT INTO visitors (id, site_id, token_hash, first_seen_at, last_seen_at) VALUES ('v-brand', 'demo', 'h-brand', ?, ?)").run(now, now);
    for (const [i, min] of [1, 3, 40].entries())
      db.prepare("INSERT INTO conversations (id, site_id, visitor_id, state, created_at, queued_at, first_agent_reply_at) VALUES (?, 'demo', 'v-brand', 'resolved', ?, ?, ?)").run(`c-brand-${i}`, now - 86_400_000, now - 86_400_000, now - 86_400_000 + min * 60_000);

    // A shopper (in English, then in Italian): the launcher on the left in the brand colour, the team's header.
    for (const [locale, greeting, reply] of [
      ['en-US', 'Ciao! Ask us anything about coffee.', 'Usually replies in a few minutes'],
      ['it-IT', 'Ciao! Chiedici tutto sul caffè.', 'Di solito risponde in pochi minuti'],
    ] as const) {
      const ctx = await env.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
      const shop = await ctx.newPage();
      shop.on('pageerror', (e) => errors.push(String(e)));
      await shop.goto(`${shopUrl}/`);
      await expect.poll(() => bg(shop, '#parla-widget button.l')).toBe('rgb(124, 45, 18)');
      const box = (await launcher(shop).boundingBox())!;
      expect(box.x).toBeLessThan(100);
      expect(await fg(shop, '#parla-widget button.l')).toBe('rgb(255, 255, 255)');
      await launcher(shop).click();
      await shop.locator('#parla-widget .hd h2', { hasText: 'Caffè Roma' }).waitFor();
      expect(await bg(shop, '#parla-widget .hd')).toBe('rgb(124, 45, 18)');
      expect(await fg(shop, '#parla-widget .hd')).toBe('rgb(255, 255, 255)');
      expect(await fg(shop, '#parla-widget .at')).not.toBe('rgb(255, 255, 255)'); // the attach icon sits on white
      await shop.locator('#parla-widget .note', { hasText: greeting }).waitFor();
      // The panel opens on the left too (a desktop).
      expect((await shop.locator('#parla-widget .p').boundingBox())!.x).toBeLessThan(100);
      expect((await shop.locator('#parla-widget .av i').allTextContents())[0]).toBe('G'); // Giulia, online
      await expect.poll(() => shop.locator('#parla-widget .hd .st').textContent()).toBe(reply);
      await ctx.close();
    }
    expect(errors).toEqual([]);
    await agentCtx.close();
  });
});
