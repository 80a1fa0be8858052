/**
 * Every console page through axe-core (the engine injected into the page, all rules that apply to
 * WCAG 2.x A/AA and best practices): the login, the setup page of a fresh install, the inbox with
 * conversations, a conversation, the queue, reports, each section of Settings, the team, sites and
 * the knowledge base. Zero violations of any impact; the counts per page are printed for the note.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp } from '@parla/server/app';
import { makeConfig } from '@parla/server/config';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENT_2 } from '@parla/server/demo';
import { loginConsole, useProduct } from './harness.ts';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** Runs axe over the whole document; returns its violations. */
export async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the console's CSP (script-src 'self') stays on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

const counts: Record<string, number> = {};
const details: Record<string, string[]> = {};

async function check(page: Page, name: string) {
  // Let the view settle (lazy chunks, fetches) before measuring.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
  const v = await axe(page);
  counts[name] = v.reduce((n, x) => n + x.nodes.length, 0);
  details[name] = v.map((x) => `${x.id} (${x.impact}) ×${x.nodes.length}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const env = useProduct(async (p) => {
  const s = p.app.parla;
  const { visitor } = await s.visitors.hello('demo', undefined, undefined);
  await s.conversations.visitorMessage({ id: visitor.id, siteId: 'demo', name: null }, randomUUID().replaceAll('-', ''), 'Where is my order 10042?', { name: 'Ada Shopper', noBot: true });
  const other = await s.visitors.hello('demo', undefined, undefined);
  await s.conversations.visitorMessage({ id: other.visitor.id, siteId: 'demo', name: null }, randomUUID().replaceAll('-', ''), 'Do you ship to Milan?', { name: 'Bruno', noBot: true });
});

describe('axe-core over every console page', () => {
  it('finds no violation on the login and the setup page of a fresh install', async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${env.product.chatUrl}/console/`);
    await page.getByTestId('login-email').waitFor();
    await check(page, 'login');

    const dir = mkdtempSync(join(tmpdir(), 'parla-a11y-'));
    const fresh = await buildApp(makeConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    try {
      await fresh.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(fresh.server.address() as { port: number }).port}`;
      await page.goto(`${url}/console/`);
      await page.getByTestId('setup-form').waitFor();
      await check(page, 'setup');
    } finally {
      await ctx.close();
      await fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds no violation on the pages of a signed-in admin', async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await loginConsole(page, env.product);
    await page.getByTestId('inbox-item').first().waitFor();
    await check(page, 'inbox');
    await page.getByTestId('inbox-item').filter({ hasText: 'Ada Shopper' }).click();
    await page.getByTestId('conversation').waitFor();
    await check(page, 'conversation');
    for (const view of ['queue', 'reports', 'agents', 'sites', 'kb'] as const) {
      await page.getByTestId(`nav-${view}`).click();
      await check(page, view);
    }
    // Every section of Settings, by its address.
    await page.getByTestId('nav-settings').click();
    const nav = page.getByTestId('settings-nav');
    await nav.waitFor();
    const sections = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')!.replace('settings-nav-', '')));
    expect(sections.length).toBeGreaterThanOrEqual(10);
    for (const id of sections) {
      await page.goto(`${env.product.chatUrl}/console/settings/${id}`);
      await page.getByTestId(`settings-section-${id}`).waitFor();
      await check(page, `settings/${id}`);
    }
    await ctx.close();
  });

  it('finds no violation for an agent (not an admin) in Italian', async () => {
    const ctx = await env.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await loginConsole(page, env.product, DEMO_AGENT_2.email, DEMO_AGENT_2.password);
    for (const path of ['inbox', 'queue', 'reports', 'agents', 'kb', 'settings/routing', 'settings/canned']) {
      await page.goto(`${env.product.chatUrl}/console/${path}`);
      await page.getByTestId('presence-toggle').waitFor();
      await check(page, `it-agent/${path}`);
    }
    // Sites is for admins: its address shows an agent the inbox.
    await page.goto(`${env.product.chatUrl}/console/sites`);
    await page.getByTestId('inbox').waitFor();
    expect(await page.getByTestId('nav-sites').count()).toBe(0);
    await ctx.close();
  });

  it('prints the counts per page', () => {
    console.log('axe violations (nodes) per console page:', JSON.stringify(counts));
    for (const [page, lines] of Object.entries(details)) for (const l of lines) console.log(`  ${page}: ${l}`);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(26);
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
  });
});
