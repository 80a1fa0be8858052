/**
 * axe-core over every state of the widget, in Chromium, on the demo shop: pre-chat with nobody
 * online (the honest offline notice and its alternatives), the leave-a-message and call-back forms,
 * "your data" with the widget's own erase confirmation, a bot answer, a chat with an agent, the
 * survey and its comment. The widget's root is an open shadow root: axe walks it from the host
 * element (#parla-widget), injected with page.evaluate (the shop's CSP does not apply to it).
 * Every impact counts: 0 violations. The widget adds no landmark to the host page: its panel is a
 * labelled dialog.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = useProduct();

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The widget's violations (every impact), as "rule: target — summary" lines. */
async function axeWidget(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run({ include: [['#parla-widget']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${n.failureSummary ?? ''}`));
}

/** Landmarks the widget would add to the host page (none: the panel is a labelled dialog). */
const landmarks = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('parla-widget')!.shadowRoot!;
    return [...root.querySelectorAll('header,main,nav,footer,aside,[role=banner],[role=main],[role=navigation],[role=contentinfo],[role=complementary],[role=region]')].map((e) => e.outerHTML.slice(0, 60));
  });

describe('widget accessibility (axe-core)', () => {
  it('has no violations in any state, and no landmark on the host page', async () => {
    const counts: Record<string, number> = {};
    const check = async (page: Page, state: string) => {
      const v = await axeWidget(page);
      counts[state] = v.length;
      expect(v, state).toEqual([]);
      expect(await landmarks(page), state).toEqual([]);
    };
    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await ctx.newPage();
    await shop.goto(`${env.product.shopUrl}/`);
    await shop.locator('#parla-widget button.l').click();
    const w = shop.locator('#parla-widget');
    const dialog = w.getByRole('dialog', { name: 'Chat with us' });
    await dialog.waitFor();
    // Nobody online: the notice, the email asked, the alternatives.
    await w.locator('.note', { hasText: 'No agent is available right now' }).waitFor();
    await check(shop, 'pre-chat (nobody online)');

    await w.getByRole('button', { name: 'Leave a message' }).click();
    await w.locator('form.alt #parla-body').waitFor();
    await check(shop, 'leave a message');
    await w.getByRole('button', { name: 'Back' }).click();
    await w.getByRole('button', { name: 'Request a call back' }).click();
    await w.locator('form.alt #parla-phone').waitFor();
    await check(shop, 'call back');
    await w.getByRole('button', { name: 'Back' }).click();

    await w.getByRole('button', { name: 'Your data' }).click();
    await w.getByRole('button', { name: 'Delete my data' }).click();
    await w.locator('.cf').waitFor();
    await check(shop, 'your data (erase confirmation)');
    await w.locator('.cf').getByRole('button', { name: 'Cancel' }).click();
    await w.getByRole('button', { name: 'Your data' }).click();

    // The FAQ bot answers (nobody online).
    await w.locator('#parla-input').fill('How much does shipping cost?');
    await w.locator('#parla-input').press('Enter');
    await w.locator('.m.bot .b').first().waitFor();
    await w.locator('button.fb-no').waitFor();
    await check(shop, 'bot answer');

    // A person: the agent signs in and takes it.
    await w.locator('button.fb-no').click();
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const c = await agentCtx.newPage();
    await loginConsole(c, env.product);
    await c.getByTestId('inbox-item').first().click();
    await c.getByTestId('reply-input').fill('Hello, I can help with the shipping.');
    await c.getByTestId('reply-send').click();
    await w.locator('.m:not(.me):not(.bot) .b', { hasText: 'I can help' }).waitFor();
    await check(shop, 'chatting');

    await c.getByTestId('resolve-button').click();
    await w.locator('.sv').waitFor();
    await check(shop, 'survey');
    await w.locator('.sv').getByRole('button', { name: 'Good', exact: true }).click();
    await w.locator('.sv textarea').waitFor();
    await check(shop, 'survey comment');
    console.log(`axe-core ${await shop.evaluate(() => (window as unknown as { axe: { version: string } }).axe.version)} violations per widget state: ${JSON.stringify(counts)}`);
    await agentCtx.close();
    await ctx.close();
  });
});
