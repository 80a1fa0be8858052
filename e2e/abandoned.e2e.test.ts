/**
 * Abandoned conversations free the agent, in real browsers. Giulia may hold 1 active conversation:
 * a second shopper waits; her console does not offer Take (disabled, with the reason) nor a reply
 * box on the waiting conversation. She answers the first shopper, who then goes quiet: the sweep
 * (short limit: a few seconds) resolves that conversation by inactivity, with no survey for the
 * shopper, and the waiting shopper reaches Giulia at once. Behaviour is asserted, not time.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_AGENT } from '@parla/server/demo';
import { loginConsole, shopperWrites, shot, useProduct } from './harness.ts';

const SITE = 'demo';
/** The shopper's silence that resolves a conversation here: 3 seconds. */
const QUIET_MIN = 0.05;

const env = useProduct(
  async (p) => {
    const s = p.app.parla;
    await s.sites.saveSettings(SITE, { ...s.sites.settings(SITE)!, botMode: 'off', proactive: [], inactivityResolveMin: QUIET_MIN });
    const giulia = s.store.agentByEmail(DEMO_AGENT.email)!;
    await s.commit.run(() => s.store.setMaxChats(giulia.id, 1));
  },
  { SLA_SWEEP_MS: '250' },
);

describe('abandoned conversations free the agent', () => {
  it('at capacity Take is disabled with the reason; after the inactivity resolution the next shopper reaches the agent', async () => {
    const p = env.product;
    const agentCtx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await agentCtx.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await loginConsole(page, p);

    const first = await shopperWrites(env.browser, p, 'Where is my order 1042?');
    const mine = page.getByTestId('inbox-section-mine').getByTestId('inbox-item');
    await mine.first().waitFor();
    const firstId = (await mine.first().getAttribute('data-conversation-id'))!;
    expect(p.app.parla.store.conversation(firstId)).toMatchObject({ state: 'assigned' });

    const second = await shopperWrites(env.browser, p, 'Do you have the moka pot in red?');
    const waitingRow = page.getByTestId('inbox-section-waiting').getByTestId('inbox-item').filter({ hasText: 'moka pot in red' });
    await waitingRow.waitFor();
    const secondId = (await waitingRow.getAttribute('data-conversation-id'))!;

    // At the limit: Take disabled, the reason shown; the waiting conversation offers no reply box.
    const take = waitingRow.getByTestId('take-button');
    await expect(take.isDisabled()).resolves.toBe(true);
    await expect(take.getAttribute('title')).resolves.toBe('You are at your limit of 1 active conversation');
    await expect(page.getByTestId('capacity-note').textContent()).resolves.toContain('You are at your limit of 1 active conversation');
    await waitingRow.locator('.inbox-open').click();
    await page.getByTestId('reply-blocked').waitFor();
    await expect(page.getByTestId('reply-input').count()).resolves.toBe(0);
    await shot(page, 'abandoned-at-capacity-1280');

    // Giulia answers the first shopper, who then says nothing more.
    await mine.first().locator('.inbox-open').click();
    await page.getByTestId('reply-input').fill('It left our warehouse this morning. Anything else?');
    await page.getByTestId('reply-send').click();
    await first.shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'warehouse' }).waitFor();

    // The sweep resolves it by inactivity; the second shopper is routed to Giulia right away.
    await page.getByTestId('resolved-note').filter({ hasText: 'Resolved automatically: the shopper stopped replying' }).waitFor({ timeout: 30_000 });
    expect(p.app.parla.store.conversation(firstId)).toMatchObject({ state: 'resolved', autoResolved: 'inactivity' });
    // From here the default limit (30 minutes): the rest of the test is not raced by the sweep.
    const sites = p.app.parla.sites;
    await sites.saveSettings(SITE, { ...sites.settings(SITE)!, inactivityResolveMin: 30 });
    await page.getByTestId('inbox-section-mine').locator(`[data-conversation-id="${secondId}"]`).waitFor();
    expect(p.app.parla.store.conversation(secondId)).toMatchObject({ state: 'assigned', agentId: p.app.parla.store.agentByEmail(DEMO_AGENT.email)!.id });
    await expect(page.getByTestId('take-button').count()).resolves.toBe(0);

    // She answers the second shopper, whose widget shows it.
    await page.getByTestId('inbox-section-mine').locator(`[data-conversation-id="${secondId}"] .inbox-open`).click();
    await page.getByTestId('reply-input').fill('Yes, in red and in blue.');
    await page.getByTestId('reply-send').click();
    await second.shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'in red and in blue' }).waitFor();
    await shot(page, 'abandoned-next-shopper-1280');

    // Snooze until the shopper replies: the conversation moves to Snoozed and frees Giulia's place;
    // the shopper's next message brings it back to Mine, marked.
    await page.getByTestId('snooze-button').click();
    await page.getByTestId('snooze-menu').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('snooze-hour');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('snooze-menu').count()).resolves.toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('snooze-button');
    await page.keyboard.press('Enter');
    await page.getByTestId('snooze-menu').waitFor();
    await shot(page, 'abandoned-snooze-menu-1280');
    await page.getByTestId('snooze-reply').click();
    await page.getByTestId('inbox-section-snoozed').locator(`[data-conversation-id="${secondId}"]`).waitFor();
    await page.getByTestId('snooze-state').waitFor();
    await expect(page.getByTestId('capacity-note').count()).resolves.toBe(0);
    const giuliaId = p.app.parla.store.agentByEmail(DEMO_AGENT.email)!.id;
    expect(p.app.parla.store.agentLoad(giuliaId)).toBe(0);
    const input = second.shop.locator('#parla-widget textarea#parla-input');
    await input.fill('Great, the red one please');
    await input.press('Enter');
    await page.getByTestId('inbox-section-mine').locator(`[data-conversation-id="${secondId}"]`).getByTestId('woke-badge').waitFor();
    expect(p.app.parla.store.agentLoad(giuliaId)).toBe(1);

    // No survey for the shopper whose conversation was closed for them.
    await first.shop.locator('#parla-widget', { hasText: 'Closed after a quiet while' }).waitFor();
    await expect(first.shop.locator('#parla-widget .sv').count()).resolves.toBe(0);
    await shot(first.shop, 'abandoned-shopper-after-inactivity');

    // The KPI counts it.
    const res = await agentCtx.request.get(`${p.chatUrl}/api/metrics?from=${Date.now() - 3600_000}&to=${Date.now() + 60_000}&siteId=${SITE}`);
    const m = (await res.json()) as { totals: { resolvedByInactivity?: { count: number } } };
    expect(m.totals.resolvedByInactivity?.count).toBeGreaterThanOrEqual(1);
    await page.getByTestId('nav-reports').click();
    const tile = page.getByTestId('tile-resolved-by-inactivity');
    await tile.getByText('Resolved by inactivity').waitFor();
    await expect.poll(() => tile.getAttribute('data-value')).toBe(String(m.totals.resolvedByInactivity!.count));

    expect(problems).toEqual([]);
    expect(first.pageErrors).toEqual([]);
    expect(second.pageErrors).toEqual([]);
    await first.close();
    await second.close();
    await agentCtx.close();
  });

  it('an admin sets the two limits in Settings (Italian), with their own Save; a bad value is refused with a reason', async () => {
    const p = env.product;
    const ctx = await env.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await loginConsole(page, p);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-nav-inactivity').click();
    const section = page.getByTestId('inactivity-settings');
    await section.getByRole('heading', { name: 'Conversazioni abbandonate' }).waitFor();
    await expect.poll(() => section.getByTestId('auto-abandoned').inputValue()).toBe('10'); // the settings arrived

    await section.getByTestId('auto-abandoned').fill('-3');
    await section.getByTestId('auto-save').click();
    await section.getByRole('alert').filter({ hasText: 'Inserisci i minuti, da 0 a 10080.' }).waitFor();
    expect(p.app.parla.sites.settings(SITE)!.abandonedResolveMin).toBeUndefined();

    await section.getByTestId('auto-abandoned').fill('15');
    await section.getByTestId('auto-inactivity').fill('45');
    await section.getByTestId('auto-save').click();
    await section.getByRole('status').filter({ hasText: 'Salvato.' }).waitFor();
    expect(p.app.parla.sites.settings(SITE)).toMatchObject({ abandonedResolveMin: 15, inactivityResolveMin: 45, botMode: 'off' }); // the rest kept
    await shot(section, 'abandoned-settings-it');
    // Another section saved afterwards starts from the stored settings: it does not put the old minutes back.
    await page.getByTestId('settings-nav-bot').click();
    await page.getByTestId('settings-bot-mode').selectOption('first');
    await page.getByTestId('settings-form-bot').getByTestId('settings-save').click();
    await expect.poll(() => p.app.parla.sites.settings(SITE)!.botMode).toBe('first');
    expect(p.app.parla.sites.settings(SITE)).toMatchObject({ abandonedResolveMin: 15, inactivityResolveMin: 45 });
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
