/**
 * The reports page in headless Chromium: a visitor chats, the agent answers and resolves, the
 * visitor's rating shows in the console; the Reports page shows the same figures as a direct
 * GET /api/metrics for the same period, draws uPlot charts, offers a CSV whose total row agrees,
 * and its live panel follows the queue without a reload. Routing is manual here, so a new
 * conversation waits in the queue while the agent is online.
 */
import { readFileSync } from 'node:fs';
import type { LiveMetrics, Metrics } from '@parla/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatSpan, periodOf } from '../apps/console/src/reports.ts';
import { loginConsole, shopperWrites, useProduct } from './harness.ts';

const env = useProduct(async (p) => {
  const s = p.app.parla.sites;
  await s.saveSettings('demo', { ...s.settings('demo')!, routingMode: 'manual' });
});

/** A shopper on the demo shop writes `text`; resolves once the widget shows it. */
const visitorWrites = (text: string) => shopperWrites(env.browser, env.product, text);

function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  return problems;
}

/** The query the page used, read from its CSV link. */
async function pageQuery(page: Page): Promise<URLSearchParams> {
  const href = await page.getByTestId('csv-kpis').getAttribute('href');
  expect(href).toMatch(/^\/api\/metrics\.csv\?/);
  return new URLSearchParams(href!.split('?')[1]);
}

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split('\r\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

describe('reports in a real browser', () => {
  it('shows the API’s figures, charts them, downloads the CSV, and follows the queue live', async () => {
    // The browser is in Rome, the demo site's report zone is UTC: the page cuts its days in UTC.
    const ctx = await env.browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Rome', viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    const problems = watchPage(page);
    await loginConsole(page, env.product);

    // One conversation: queued, taken, answered, resolved, then rated by the visitor.
    const v1 = await visitorWrites('Where is my order A-1042?');
    const conversationId = (await page.getByTestId('inbox-item').filter({ hasText: 'A-1042' }).getAttribute('data-conversation-id'))!;
    const row = page.locator(`[data-testid=inbox-item][data-conversation-id="${conversationId}"]`);
    await row.getByTestId('take-button').click();
    await page.getByTestId('conversation').and(page.locator('[data-state=assigned]')).waitFor();
    await page.getByTestId('reply-input').fill('It left our warehouse this morning.');
    await page.getByTestId('reply-send').click();
    await page.locator('[data-testid=message][data-author-type=agent]', { hasText: 'warehouse' }).waitFor();
    await page.getByTestId('resolve-button').click();
    await page.getByTestId('conversation').and(page.locator('[data-state=resolved]')).waitFor();
    const conv = env.product.app.parla.store.conversation(conversationId)!;
    // The rating as the widget's csat.submit frame records it; the console shows it live.
    await env.product.app.parla.conversations.rate({ id: conv.visitorId }, conversationId, 4, 'Quick and kind');
    await row.getByTestId('csat-face').and(page.locator('[data-rating="4"]')).waitFor();
    await expect(page.getByTestId('kpi-csat').textContent()).resolves.toContain('4/5');
    await expect(page.getByTestId('csat-comment').textContent()).resolves.toContain('Quick and kind');
    await v1.close();

    // Reports: the tiles agree with GET /api/metrics for the period the page asked for.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-zone').waitFor();
    await expect(page.getByTestId('reports-zone').textContent()).resolves.toBe('Times in UTC');
    const query = await pageQuery(page);
    const res = await ctx.request.get(`${env.product.chatUrl}/api/metrics?${query}`);
    expect(res.status()).toBe(200);
    const m = (await res.json()) as Metrics;
    expect(m.tz).toBe('UTC');
    // The last 7 whole days of the report's zone, today included.
    const expected = periodOf({ preset: '7d', fromDate: '', toDate: '' }, Date.now(), m.tz)!;
    expect([Number(query.get('from')), Number(query.get('to'))]).toEqual([expected.from, expected.to]);
    expect(m.totals.conversations).toBeGreaterThanOrEqual(1);
    expect(m.totals.firstResponse.medianMs).not.toBeNull();

    await expect(page.getByTestId('tile-conversations-value').textContent()).resolves.toBe(formatNumber(m.totals.conversations, 'en'));
    await expect(page.getByTestId('tile-conversations').getAttribute('data-value')).resolves.toBe(String(m.totals.conversations));
    await expect(page.getByTestId('tile-resolved-value').textContent()).resolves.toBe(formatNumber(m.totals.resolved, 'en'));
    await expect(page.getByTestId('tile-frt-value').textContent()).resolves.toBe(formatSpan(m.totals.firstResponse.medianMs, 'en'));
    await expect(page.getByTestId('tile-frt').getAttribute('data-value')).resolves.toBe(String(m.totals.firstResponse.medianMs));
    await expect(page.getByTestId('tile-frt-p90').getAttribute('data-value')).resolves.toBe(String(m.totals.firstResponse.p90Ms));
    await expect(page.getByTestId('tile-csat').getAttribute('data-value')).resolves.toBe(String(m.totals.csat.score));
    await expect(page.getByTestId('tile-csat-ratings').getAttribute('data-value')).resolves.toBe(String(m.totals.csat.ratings));
    expect(m.totals.csat.ratings).toBeGreaterThanOrEqual(1);
    // Demo history (if the demo seeded any) is announced, with its count.
    if (m.demoConversations > 0) await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain(formatNumber(m.demoConversations, 'en'));
    else await expect(page.getByTestId('demo-banner').count()).resolves.toBe(0);

    // The per-agent table: Giulia's row with her conversations and median first response.
    const giulia = m.perAgent.find((a) => a.name === env.product.agent.name)!;
    const agentRow = page.getByTestId('per-agent-row').and(page.locator(`[data-id="${giulia.agentId}"]`));
    await expect(agentRow.getByTestId('cell-conversations').textContent()).resolves.toBe(formatNumber(giulia.kpis.conversations, 'en'));
    await expect(agentRow.getByTestId('cell-frt').textContent()).resolves.toBe(formatSpan(giulia.kpis.firstResponse.medianMs, 'en'));
    await expect(page.getByTestId('per-department-row').count()).resolves.toBe(m.perDepartment.length);

    // uPlot drew the volume chart into a canvas sized to its container, with a text summary.
    const canvas = page.locator('[data-testid=chart-volume] canvas');
    await canvas.waitFor();
    const [cbox, fbox] = [(await canvas.boundingBox())!, (await page.getByTestId('chart-volume').boundingBox())!];
    expect(cbox.width).toBeGreaterThan(100);
    expect(cbox.width).toBeLessThanOrEqual(fbox.width);
    await expect(page.locator('[data-testid=chart-volume] .chart-box').getAttribute('aria-label')).resolves.toContain(`Created: ${formatNumber(m.totals.conversations, 'en')} in all`);
    await page.locator('[data-testid=chart-frt] canvas').waitFor();

    // The KPI CSV for the same filters: its total row says what the tiles say.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-kpis').click()]);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    const total = rows.find((r) => r.period === 'total')!;
    expect(total).toBeDefined();
    expect(Number(total.conversations)).toBe(m.totals.conversations);
    expect(Number(total.first_response_median_ms)).toBe(m.totals.firstResponse.medianMs);
    expect(Number(total.csat_ratings)).toBe(m.totals.csat.ratings);
    expect(rows.length).toBe(m.series.length + 1);
    // And the raw conversations behind them: one row each, ours among them with its rating.
    const [raw] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-conversations').click()]);
    const facts = parseCsv(readFileSync((await raw.path())!, 'utf8'));
    expect(facts.length).toBe(m.totals.conversations);
    expect(facts.find((f) => f.id === conversationId)).toMatchObject({ rating: '4', ratingComment: 'Quick and kind' });

    // The live panel: a new visitor waits in the queue; the panel shows it without a reload.
    let liveCalls = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/metrics/live')) liveCalls++;
    });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const queue = page.getByTestId('live-queue');
    const liveNow = async () => (await (await ctx.request.get(`${env.product.chatUrl}/api/metrics/live`)).json()) as LiveMetrics;
    const waiting = (await liveNow()).queueLength;
    await expect.poll(() => queue.getAttribute('data-value')).toBe(String(waiting));
    const v2 = await visitorWrites('Can I change the delivery address?');
    await expect.poll(() => queue.getAttribute('data-value'), { timeout: 15_000 }).toBe(String(waiting + 1));
    const live = await liveNow();
    expect(live.queueLength).toBe(waiting + 1);
    await expect(page.getByTestId('live-open').getAttribute('data-value')).resolves.toBe(String(live.openConversations));
    await expect(page.getByTestId('live-longest-wait').getAttribute('data-value')).resolves.not.toBe('');
    await expect(page.locator(`[data-testid=live-agent][data-presence=online]`).count()).resolves.toBe(live.agents.filter((a) => a.presence === 'online').length);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42); // same page, no reload
    await v2.close();

    // With nothing happening it still refreshes every 5 s; leaving the page stops that.
    const seen = liveCalls;
    await expect.poll(() => liveCalls, { timeout: 12_000 }).toBeGreaterThan(seen);
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox').waitFor();
    const before = liveCalls;
    await page.waitForTimeout(6000);
    expect(liveCalls).toBe(before);

    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('speaks Italian, filters by channel, refuses a reversed period and shows an empty one', async () => {
    const ctx = await env.browser.newContext({ locale: 'it-IT', viewport: { width: 1200, height: 900 } });
    const page = await ctx.newPage();
    const problems = watchPage(page);
    await loginConsole(page, env.product);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-zone').waitFor();
    await expect(page.locator('#reports-title').textContent()).resolves.toBe('Report');
    await expect(page.getByTestId('reports-zone').textContent()).resolves.toBe('Orari nel fuso UTC');
    await expect(page.getByTestId('tile-frt').locator('.tile-label').textContent()).resolves.toBe('Prima risposta');

    // A channel: the query carries it and the tiles show that channel's figures.
    await page.getByTestId('report-channel').selectOption('callback');
    await expect.poll(async () => (await pageQuery(page)).get('channel')).toBe('callback');
    const byChannel = (await (await ctx.request.get(`${env.product.chatUrl}/api/metrics?${await pageQuery(page)}`)).json()) as Metrics;
    expect(byChannel.filters.channel).toBe('callback');
    await expect(page.getByTestId('tile-conversations-value').textContent()).resolves.toBe(formatNumber(byChannel.totals.conversations, 'it'));

    // A custom period: a reversed range is refused with a reason; a valid one long ago is empty.
    await page.getByTestId('report-channel').selectOption('');
    await page.getByTestId('preset-custom').click();
    await page.getByTestId('report-from').fill('2020-01-10');
    await page.getByTestId('report-to').fill('2020-01-05');
    await page.getByTestId('report-invalid').waitFor();
    await page.getByTestId('report-to').fill('2020-01-11');
    await expect.poll(async () => (await pageQuery(page).catch(() => null))?.get('from')).toBe(String(Date.UTC(2020, 0, 10)));
    const q = await pageQuery(page);
    expect(q.get('to')).toBe(String(Date.UTC(2020, 0, 12)));
    expect(q.get('channel')).toBeNull();
    await page.getByTestId('report-empty').waitFor();
    await expect(page.getByTestId('report-empty').textContent()).resolves.toBe('Nessuna conversazione nel periodo con questi filtri.');
    await expect(page.getByTestId('tile-conversations-value').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('tile-frt-value').textContent()).resolves.toBe('—');
    await expect(page.locator('[data-testid=chart-volume][data-empty=true]').count()).resolves.toBe(1);

    // Week buckets.
    await page.getByTestId('group-week').click();
    await expect.poll(async () => (await pageQuery(page)).get('groupBy')).toBe('week');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('cuts days in the site’s zone and switches to business-hours durations', async () => {
    const sites = env.product.app.parla.sites;
    const open: [string, string][] = [['09:00', '18:00']];
    const weekly = { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open, sun: open };
    await sites.saveSettings('demo', { ...sites.settings('demo')!, businessHours: { timezone: 'Europe/Rome', weekly, holidays: [] } });

    const ctx = await env.browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    const problems = watchPage(page);
    await loginConsole(page, env.product);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-zone').waitFor();
    await expect(page.getByTestId('reports-zone').textContent()).resolves.toBe('Times in Europe/Rome');
    const query = await pageQuery(page);
    const m = (await (await ctx.request.get(`${env.product.chatUrl}/api/metrics?${query}`)).json()) as Metrics;
    expect(m.tz).toBe('Europe/Rome');
    const expected = periodOf({ preset: '7d', fromDate: '', toDate: '' }, Date.now(), 'Europe/Rome')!;
    expect([Number(query.get('from')), Number(query.get('to'))]).toEqual([expected.from, expected.to]);
    expect(m.totals.business).not.toBeNull();

    const frt = page.getByTestId('tile-frt');
    await expect(frt.getAttribute('data-value')).resolves.toBe(String(m.totals.firstResponse.medianMs));
    await page.getByTestId('clock-business').click();
    await expect(page.getByTestId('kpi-tiles').getAttribute('data-clock')).resolves.toBe('business');
    await expect(frt.getAttribute('data-value')).resolves.toBe(String(m.totals.business!.firstResponse.medianMs));
    await expect(page.getByTestId('tile-resolution').getAttribute('data-value')).resolves.toBe(String(m.totals.business!.resolution.medianMs));
    await expect(page.getByTestId('tile-frt-value').textContent()).resolves.toBe(formatSpan(m.totals.business!.firstResponse.medianMs, 'en'));
    await page.getByTestId('clock-calendar').click();
    await expect(frt.getAttribute('data-value')).resolves.toBe(String(m.totals.firstResponse.medianMs));
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
