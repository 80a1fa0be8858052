/**
 * A sale day in headless Chromium: 521 shoppers wait (routing is manual, so they stay in the
 * queue). The console's Queue view and the inbox's Waiting section show the count that
 * GET /api/metrics/live gives, the longest-waiting shopper first, and every waiting shopper is
 * reachable (pages of the Queue view, the search, "show more" in the inbox), while the page draws
 * only a page of rows and stays usable: a new shopper and one taken are followed live, a take
 * from the last page works. Behaviour is asserted, not time.
 */
import type { LiveMetrics } from '@parla/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEMO_AGENT_2 } from '@parla/server/demo';
import { loginConsole, shopperWrites, useProduct } from './harness.ts';

const SITE = 'demo';
let firstId = '';

const env = useProduct(async (p) => {
  const s = p.app.parla;
  await s.sites.saveSettings(SITE, { ...s.sites.settings(SITE)!, routingMode: 'manual' });
  // The first shopper waits longest; 520 more come after (20 at a time, as on a busy evening).
  const shopper = async (name: string, body: string) => {
    const { visitor } = await s.visitors.hello(SITE, undefined, undefined);
    return (await s.conversations.visitorMessage({ id: visitor.id, siteId: SITE, name: null }, randomUUID().replaceAll('-', ''), body, { name, noBot: true })).conversationId;
  };
  firstId = await shopper('Ada Firstcomer', 'I have been waiting the longest');
  await new Promise((r) => setTimeout(r, 5));
  for (let i = 0; i < 520; i += 20) {
    await Promise.all(Array.from({ length: 20 }, (_, k) => shopper(`Shopper #${String(i + k + 1).padStart(3, '0')}`, `Question number ${i + k + 1}`)));
  }
});

const dbQueue = () => env.product.app.parla.store.queuedConversations().map((c) => c.id);

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}

describe('the queue on a sale day', () => {
  it('shows all 521 waiting, as /api/metrics/live counts them, the longest-waiting first, and stays usable', async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const page = await ctx.newPage();
    const problems = watch(page);
    await loginConsole(page, env.product);
    const live = async () => (await (await ctx.request.get(`${env.product.chatUrl}/api/metrics/live`)).json()) as LiveMetrics;
    expect((await live()).queueLength).toBe(521);

    // The inbox: the Waiting count is the API's, the longest-waiting shopper first, 50 rows drawn.
    const waiting = page.getByTestId('inbox-section-waiting');
    await expect.poll(() => page.getByTestId('inbox-count-waiting').getAttribute('data-value')).toBe('521');
    const inboxRows = waiting.getByTestId('inbox-item');
    await expect(inboxRows.first().getAttribute('data-conversation-id')).resolves.toBe(firstId);
    await expect(inboxRows.first().getByTestId('queue-position').getAttribute('data-position')).resolves.toBe('1');
    expect(await inboxRows.first().isVisible()).toBe(true);
    expect(await inboxRows.count()).toBe(50);
    await expect(waiting.getByTestId('inbox-shown').getAttribute('data-total')).resolves.toBe('521');
    await waiting.getByTestId('inbox-show-more').click();
    await expect.poll(() => inboxRows.count()).toBe(100);
    await expect(inboxRows.nth(99).getByTestId('queue-position').getAttribute('data-position')).resolves.toBe('100');

    // The Queue view: the same count, a page of 100, the first shopper at position 1 and in view.
    await waiting.getByTestId('inbox-open-queue').click();
    const count = page.getByTestId('queue-count');
    await expect(count.getAttribute('data-value')).resolves.toBe(String((await live()).queueLength));
    const rows = page.getByTestId('queue-item');
    expect(await rows.count()).toBe(100);
    await expect(rows.first().getAttribute('data-conversation-id')).resolves.toBe(firstId);
    await expect(rows.first().getAttribute('data-position')).resolves.toBe('1');
    await expect(rows.first().textContent()).resolves.toContain('Ada Firstcomer');
    expect(await rows.first().isVisible()).toBe(true);
    await expect(page.getByTestId('queue-range').textContent()).resolves.toContain('Showing 1–100 of 521');

    // Every page in turn: each waiting shopper exactly once, in the routing's order.
    const seen: string[] = [];
    for (let p = 1; ; p++) {
      await expect.poll(() => page.getByTestId('pager-status').getAttribute('data-page')).toBe(String(p));
      const ids = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-conversation-id')!, e.getAttribute('data-position')!] as const));
      expect(ids.map(([, pos]) => Number(pos))).toEqual(ids.map((_, i) => seen.length + i + 1));
      seen.push(...ids.map(([id]) => id));
      if (await page.getByTestId('pager-next').isDisabled()) break;
      await page.getByTestId('pager-next').click();
    }
    expect(seen).toEqual(dbQueue());
    await expect(page.getByTestId('pager-status').getAttribute('data-pages')).resolves.toBe('6');
    expect(await rows.count()).toBe(21);

    // The search finds a shopper anywhere in the queue, with their real position.
    await page.getByTestId('pager-first').click();
    await page.getByTestId('queue-search').fill('#517');
    await expect.poll(() => rows.count()).toBe(1);
    const target = dbQueue().findIndex((id) => env.product.app.parla.conversations.summary(id)?.visitorName === 'Shopper #517');
    expect(target).toBeGreaterThan(100); // not on the first page
    await expect(rows.first().getAttribute('data-position')).resolves.toBe(String(target + 1));
    await expect(rows.first().textContent()).resolves.toContain('Shopper #517');
    await page.getByTestId('queue-search').fill('nobody by this name');
    await page.getByTestId('queue-no-match').waitFor();
    await page.getByTestId('queue-search').fill('');
    await expect.poll(() => rows.count()).toBe(100);

    // Live: a shopper writes from the shop; the count follows the API.
    const newcomer = await shopperWrites(env.browser, env.product, 'Do you ship to Sardinia?');
    await expect.poll(async () => (await live()).queueLength, { timeout: 15_000 }).toBe(522);
    await expect.poll(() => count.getAttribute('data-value'), { timeout: 15_000 }).toBe('522');
    // The newcomer is last: on the last page.
    await page.getByTestId('pager-last').click();
    await expect.poll(() => rows.last().textContent()).toContain('Sardinia');
    await expect(rows.last().getAttribute('data-position')).resolves.toBe('522');

    // Another agent (Marco, through the service) takes the first shopper: gone from the queue.
    const s = env.product.app.parla;
    const marco = s.store.agentByEmail(DEMO_AGENT_2.email)!;
    await s.agents.setPresence(marco.id, 'online');
    await s.conversations.take(s.store.agentById(marco.id)!, firstId);
    await expect.poll(() => count.getAttribute('data-value')).toBe('521');
    expect((await live()).queueLength).toBe(521);
    await page.getByTestId('pager-first').click();
    await expect.poll(() => rows.first().getAttribute('data-conversation-id')).toBe(dbQueue()[0]);
    await expect(rows.first().getAttribute('data-position')).resolves.toBe('1');

    // And this agent takes the newcomer from the last page: the conversation opens, the count drops.
    await page.getByTestId('pager-last').click();
    const newcomerRow = rows.filter({ hasText: 'Sardinia' });
    await newcomerRow.getByTestId('take-button').click();
    await page.getByTestId('conversation').and(page.locator('[data-state=assigned]')).waitFor();
    await expect.poll(() => page.getByTestId('inbox-count-waiting').getAttribute('data-value')).toBe('520');
    expect((await live()).queueLength).toBe(520);

    expect(problems).toEqual([]);
    await newcomer.close();
    await ctx.close();
  }, 120_000);
});
