/**
 * The whole product in headless Chromium: the demo shop on its own origin loads the widget from
 * the script tag, a visitor writes, an agent answers from the console, the visitor reloads and
 * finds the conversation, the agent resolves it and the metrics report its FRT and resolution time.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

describe('visitor and agent in real browsers', () => {
  it('chats end to end across origins, survives a reload, and records the KPIs', async () => {
    expect(new URL(env.product.shopUrl).origin).not.toBe(new URL(env.product.chatUrl).origin);

    // The agent logs in first, so the conversation is routed to them.
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const console_ = await agentCtx.newPage();
    await loginConsole(console_, env.product);

    const visitorCtx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await visitorCtx.newPage();
    const pageErrors: string[] = [];
    shop.on('pageerror', (e) => pageErrors.push(String(e)));
    await shop.goto(`${env.product.shopUrl}/`);
    const launcher = shop.locator('#parla-widget button.l');
    await expect(launcher.getAttribute('aria-label')).resolves.toBe('Open chat');
    await launcher.click();
    const input = shop.locator('#parla-widget textarea#parla-input');
    await input.waitFor();
    // Focus moves into the panel (the pre-chat form's first field, or the message box).
    await expect(input.evaluate((el) => ['INPUT', 'TEXTAREA', 'SELECT'].includes((el.getRootNode() as ShadowRoot).activeElement?.tagName ?? ''))).resolves.toBe(true);
    await input.fill('Hi! Does the moka pot work on induction hobs?');
    await input.press('Enter');
    // Shown at once, then confirmed by the server (the bubble shows a time instead of Sending…/Sent).
    const mine = shop.locator('#parla-widget .m.me .b', { hasText: 'induction hobs' });
    await mine.waitFor();

    // The console: the conversation arrives live, the agent opens it and answers.
    const row = console_.getByTestId('inbox-item').first();
    await row.waitFor();
    const conversationId = await row.getAttribute('data-conversation-id');
    expect(conversationId).toBeTruthy();
    await row.click();
    await console_.locator('[data-testid=message][data-author-type=visitor]', { hasText: 'induction hobs' }).waitFor();
    await console_.getByTestId('reply-input').fill('Yes, the 6-cup model has an induction base.');
    await console_.getByTestId('reply-send').click();

    await shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'induction base' }).waitFor();
    await expect(shop.locator('#parla-widget .m:not(.me) .b').count()).resolves.toBe(1);

    // Reload: same visitor, same conversation, history back, nothing duplicated.
    await shop.reload();
    await shop.locator('#parla-widget button.l').click();
    await shop.locator('#parla-widget .m:not(.me) .b', { hasText: 'induction base' }).waitFor();
    await expect(shop.locator('#parla-widget .m.me .b', { hasText: 'induction hobs' }).count()).resolves.toBe(1);
    const conv = env.product.app.parla.store.conversation(conversationId!)!;
    expect(env.product.app.parla.visitors.detail(conv.visitorId)!.visitCount).toBe(1);

    // The agent resolves; the visitor is told.
    await console_.getByTestId('resolve-button').click();
    await shop.locator('#parla-widget .ev', { hasText: 'Conversation resolved' }).waitFor();

    // The metrics endpoint (with the agent's session) reports this conversation's times, as the row says.
    const res = await agentCtx.request.get(`${env.product.chatUrl}/api/metrics/summary`);
    expect(res.status()).toBe(200);
    const m = (await res.json()) as { perConversation: { id: string; firstResponseMs: number | null; resolutionMs: number | null }[]; resolved: number };
    const row2 = env.product.app.parla.store.conversation(conversationId!)!;
    const mine2 = m.perConversation.find((p) => p.id === conversationId)!;
    expect(mine2.firstResponseMs).toBe(row2.firstAgentReplyAt! - row2.queuedAt!);
    expect(mine2.resolutionMs).toBe(row2.resolvedAt! - row2.createdAt);
    expect(mine2.firstResponseMs).toBeGreaterThanOrEqual(0);
    expect(mine2.resolutionMs).toBeGreaterThan(0);
    expect(m.resolved).toBe(1);
    await console_.getByTestId('kpi-resolution').waitFor();

    expect(pageErrors).toEqual([]);
    await visitorCtx.close();
    await agentCtx.close();
  });

  it('speaks Italian to an Italian browser, goes full screen on a phone, and shrugs off the host page’s CSS', async () => {
    const ctx = await env.browser.newContext({ locale: 'it-IT', viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true });
    const shop = await ctx.newPage();
    await shop.goto(`${env.product.shopUrl}/checkout`);
    const launcher = shop.locator('#parla-widget button.l');
    await expect(launcher.getAttribute('aria-label')).resolves.toBe('Apri la chat');
    // The host page sets Comic Sans on every button with !important; the widget's button is untouched.
    await expect(launcher.evaluate((el) => getComputedStyle(el).fontFamily)).resolves.not.toContain('Comic');
    await launcher.click();
    const panel = shop.locator('#parla-widget [role=dialog]');
    await panel.waitFor();
    await expect(panel.getAttribute('aria-label')).resolves.toBe('Scrivici');
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeCloseTo(390, 0);
    expect(box.height).toBeCloseTo(780, 0);
    // Keyboard: Escape closes and gives focus back to the launcher.
    await shop.keyboard.press('Escape');
    await expect(panel.isHidden()).resolves.toBe(true);
    await ctx.close();
  });

  it('passes the host page’s attributes (queued before the script loads, and later changes) to the server', async () => {
    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await ctx.newPage();
    await shop.addInitScript(() => {
      const w = window as unknown as { Parla?: unknown[] };
      (w.Parla = w.Parla || []).push(['setAttributes', { tier: 'vip', cartValue: 300, orderId: 'A-1042' }]);
    });
    await shop.goto(`${env.product.shopUrl}/checkout`);
    await shop.locator('#parla-widget button.l').click();
    const input = shop.locator('#parla-widget textarea#parla-input');
    await input.fill('Is express delivery possible?');
    await input.press('Enter');
    await shop.locator('#parla-widget .m.me .b', { hasText: 'express delivery' }).waitFor();
    const db = env.product.app.parla.db.sqlite;
    const row = () =>
      db.prepare("SELECT v.attributes AS a, c.priority AS p FROM conversations c JOIN visitors v ON v.id = c.visitor_id JOIN messages m ON m.conversation_id = c.id WHERE m.body LIKE '%express delivery%'").get() as { a: string; p: number };
    // Committed, not only drawn: the bubble shows at once while the message is on its way.
    await expect.poll(() => row() ?? null).not.toBeNull();
    expect(JSON.parse(row().a)).toEqual({ tier: 'vip', cartValue: 300, orderId: 'A-1042' });
    expect(row().p).toBe(3); // default rules: vip +2, cart >= 200 +1
    await shop.evaluate(() => (window as unknown as { Parla: { setAttributes(a: object): void } }).Parla.setAttributes({ plan: 'pro' }));
    await expect.poll(() => JSON.parse(row().a).plan).toBe('pro');

    // The agent sees what the shop said in the visitor panel.
    const agentCtx = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const c = await agentCtx.newPage();
    await loginConsole(c, env.product);
    await c.getByTestId('inbox-item').filter({ hasText: 'express delivery' }).click();
    await c.getByTestId('visitor-attributes').filter({ hasText: 'A-1042' }).waitFor();
    await expect(c.getByTestId('visitor-attributes').textContent()).resolves.toContain('pro');
    await agentCtx.close();
    await ctx.close();
  });

  it('refuses the widget on a page whose origin is not allowed', async () => {
    const visitors = () => env.product.app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM visitors').get();
    const before = visitors();
    const ctx = await env.browser.newContext();
    const page = await ctx.newPage();
    const refused = new Promise<number>((resolve) => {
      page.on('websocket', (ws) => ws.on('socketerror', () => resolve(0)));
      setTimeout(() => resolve(-1), 10_000);
    });
    // The chat server's own origin is not on the demo site's allowlist.
    await page.route(`${env.product.chatUrl}/not-the-shop`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>x</title><script async src="${env.product.chatUrl}/widget.js" data-site="demo"></script>` }),
    );
    await page.goto(`${env.product.chatUrl}/not-the-shop`);
    await page.locator('#parla-widget button.l').click();
    await expect(refused).resolves.toBe(0);
    await expect(page.locator('#parla-widget .st').textContent()).resolves.toBe('Connecting…');
    expect(visitors()).toEqual(before); // no visitor was created for the refused page
    await ctx.close();
  });
});
