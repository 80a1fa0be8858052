/**
 * The console's frame in Chromium: at 768 px (a tablet) and 390 px (a phone) the page never
 * scrolls sideways and every control of the header can be reached and clicked; on the phone the
 * agent goes inbox → conversation → back, and opens the visitor panel on demand. Every view and
 * every conversation has an address that survives a reload and Back.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

let adaId = '';
const env = useProduct(async (p) => {
  const s = p.app.parla;
  const { visitor } = await s.visitors.hello('demo', undefined, undefined);
  adaId = (await s.conversations.visitorMessage({ id: visitor.id, siteId: 'demo', name: null }, randomUUID().replaceAll('-', ''), 'Where is my order 10042?', { name: 'Ada Shopper', noBot: true })).conversationId;
});

const HEADER_CONTROLS = ['nav-inbox', 'nav-queue', 'nav-agents', 'nav-sites', 'nav-reports', 'nav-kb', 'nav-settings', 'sound-toggle', 'presence-toggle', 'agent-name', 'logout-button'];

async function noSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${where}: page width`).toBeLessThanOrEqual(innerWidth);
}

/** Every header control is inside the viewport's width, visible, and would take a click (not covered). */
async function headerReachable(page: Page, where: string) {
  const width = await page.evaluate(() => window.innerWidth);
  for (const id of HEADER_CONTROLS) {
    const el = page.getByTestId(id);
    expect(await el.isVisible(), `${where}: ${id} visible`).toBe(true);
    const box = (await el.boundingBox())!;
    expect(box.x, `${where}: ${id} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${where}: ${id} right edge`).toBeLessThanOrEqual(width);
    await el.click({ trial: true, timeout: 2000 });
  }
}

describe('the console on a tablet and a phone', () => {
  for (const [width, height] of [
    [768, 1024],
    [390, 844],
  ] as const) {
    it(`fits ${width} px: no sideways scroll, every header control reachable`, async () => {
      const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width, height } });
      const page = await ctx.newPage();
      await loginConsole(page, env.product);
      await page.getByTestId('inbox-item').first().waitFor();
      await noSidewaysScroll(page, 'inbox');
      await headerReachable(page, 'inbox');
      await page.getByTestId('inbox-item').filter({ hasText: 'Ada Shopper' }).locator('.inbox-open').click();
      await page.getByTestId('conversation').waitFor();
      await noSidewaysScroll(page, 'conversation');
      await headerReachable(page, 'conversation');
      await page.getByTestId('reply-input').click({ trial: true });
      for (const view of ['queue', 'reports', 'agents', 'sites', 'kb', 'settings'] as const) {
        await page.getByTestId(`nav-${view}`).click();
        await page.waitForURL(new RegExp(`/console/${view}`));
        await page.waitForLoadState('networkidle');
        await noSidewaysScroll(page, view);
        await headerReachable(page, view);
      }
      // Log out is really clickable: it signs out.
      await page.getByTestId('logout-button').click();
      await page.getByTestId('login-email').waitFor();
      await ctx.close();
    });
  }

  it('goes inbox → conversation → back on a phone, the visitor panel on demand', async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await loginConsole(page, env.product);
    const item = page.getByTestId('inbox-item').filter({ hasText: 'Ada Shopper' });
    await item.locator('.inbox-open').click();
    await page.waitForURL(`**/console/c/${adaId}`);
    await page.getByTestId('conversation').waitFor();
    expect(await page.getByTestId('inbox').isVisible()).toBe(false);
    expect(await page.getByTestId('visitor-panel').isVisible()).toBe(false);
    await page.getByTestId('visitor-toggle').click();
    expect(await page.getByTestId('visitor-panel').isVisible()).toBe(true);
    expect(await page.getByTestId('visitor-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('visitor-toggle').click();
    expect(await page.getByTestId('visitor-panel').isVisible()).toBe(false);
    await page.getByTestId('back-to-inbox').click();
    await page.waitForURL('**/console/inbox');
    await item.waitFor();
    expect(await page.getByTestId('conversation').count()).toBe(0);
    // The browser's Back goes to the conversation again.
    await page.goBack();
    await page.waitForURL(`**/console/c/${adaId}`);
    await page.getByTestId('conversation').waitFor();
    await ctx.close();
  });
});

describe('addresses', () => {
  it('keeps the place on reload and Back: a conversation, reports, a settings section', async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await loginConsole(page, env.product);
    await page.getByTestId('inbox-item').filter({ hasText: 'Ada Shopper' }).locator('.inbox-open').click();
    await page.waitForURL(`**/console/c/${adaId}`);
    expect(await page.getByTestId('conversation').getAttribute('data-conversation-id')).toBe(adaId);

    await page.reload();
    await page.getByTestId('conversation').waitFor();
    expect(await page.getByTestId('conversation').getAttribute('data-conversation-id')).toBe(adaId);

    await page.getByTestId('nav-reports').click();
    await page.waitForURL('**/console/reports**');
    await page.getByTestId('reports').waitFor();
    await page.goBack();
    await page.waitForURL(`**/console/c/${adaId}`);
    expect(await page.getByTestId('conversation').getAttribute('data-conversation-id')).toBe(adaId);
    await page.goForward();
    await page.getByTestId('reports').waitFor();
    await page.reload();
    await page.getByTestId('reports').waitFor();

    // A conversation's address opened directly (a shared link), in a fresh tab.
    const other = await ctx.newPage();
    await other.goto(`${env.product.chatUrl}/console/c/${adaId}`);
    await other.getByTestId('conversation').waitFor();
    expect(await other.getByTestId('conversation').getAttribute('data-conversation-id')).toBe(adaId);
    // An address that is no conversation of ours lands on the inbox.
    await other.goto(`${env.product.chatUrl}/console/c/nosuchconversation`);
    await other.waitForURL('**/console/inbox');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('has Settings in sections with an address each and a Save that saves only its own section', async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const settings = () => env.product.app.parla.sites.settings('demo')!;
    const before = settings();
    await loginConsole(page, env.product);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-section-routing').waitFor();
    // An edit in Routing, left unsaved…
    await page.getByTestId('routing-mode').selectOption(before.routingMode === 'auto' ? 'manual' : 'auto');
    // …then the Service section, by its link: its own address and its own Save.
    await page.getByTestId('settings-nav-service').click();
    await page.waitForURL('**/console/settings/service');
    expect(await page.getByTestId('settings-nav-service').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('sla-minutes').fill('7');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => settings().slaFirstResponseSec).toBe(420);
    expect(settings().routingMode).toBe(before.routingMode);
    await page.reload();
    await page.getByTestId('settings-section-service').waitFor();
    expect(await page.getByTestId('sla-minutes').inputValue()).toBe('7');
    await page.goBack();
    await page.getByTestId('settings-section-routing').waitFor();
    expect(await page.getByTestId('routing-mode').inputValue()).toBe(before.routingMode);
    await ctx.close();
  });

  it("reports: real legends at rest, a time-zone selector (the site's zone by default) kept in the address", async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await loginConsole(page, env.product);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-zone').waitFor();
    expect(await page.getByTestId('report-tz').inputValue()).toBe('');
    const zone = (await page.getByTestId('reports-zone').textContent()) ?? '';
    expect(await page.getByTestId('report-tz').locator('option[value=""]').textContent()).toContain(zone.replace('Times in ', ''));
    // Every drawn chart names its series, with their colours, before any hover; uPlot's own "—" legend is gone.
    const legends = page.locator('[data-testid$="-legend"]');
    await legends.first().waitFor();
    expect(await legends.count()).toBeGreaterThan(0);
    for (const legend of await legends.all()) {
      const items = legend.getByTestId('chart-legend-item');
      expect(await items.count()).toBeGreaterThan(0);
      for (const item of await items.all()) expect(((await item.textContent()) ?? '').trim()).not.toBe('');
    }
    expect(await page.locator('.u-legend').count()).toBe(0);
    // Another zone: the report is cut in it, the address keeps it through a reload.
    await page.getByTestId('report-tz').selectOption('Asia/Tokyo');
    await expect.poll(() => page.getByTestId('reports-zone').textContent()).toBe('Times in Asia/Tokyo');
    expect(page.url()).toContain('tz=Asia%2FTokyo');
    await page.getByTestId('group-week').click();
    await page.reload();
    await expect.poll(() => page.getByTestId('reports-zone').textContent()).toBe('Times in Asia/Tokyo');
    expect(await page.getByTestId('report-tz').inputValue()).toBe('Asia/Tokyo');
    expect(await page.getByTestId('group-week').getAttribute('aria-pressed')).toBe('true');
    await ctx.close();
  });
});
