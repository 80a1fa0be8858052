/**
 * The host-page API on the demo shop in headless Chromium: calls queued before the script loads,
 * events (ready, open, close, message, unread) and their unsubscribe functions, setAttributes
 * reaching the agent's visitor panel, history.pushState/replaceState and trackPage recorded as
 * page views, sendMessage arriving in the console, shutdown forgetting the shopper; and the
 * loader's stand-in methods while widget/api.js has not arrived yet.
 */
import { describe, expect, it } from 'vitest';
import { loginConsole, useProduct } from './harness.ts';

const env = useProduct();

interface TestWindow {
  Parla: {
    open(): void;
    close(): void;
    setAttributes(a: object): void;
    trackPage(): void;
    sendMessage(t: string): void;
    shutdown(): void;
    on(e: string, f: (d?: unknown) => void): () => void;
  };
  __events: [string, unknown][];
}

describe('host-page API on the demo shop', () => {
  it('queues calls before load, emits events with working unsubscribes, and reaches the console', async () => {
    const { app, shopUrl } = env.product;
    const agentCtx = await env.browser.newContext({ locale: 'en-US' });
    const console_ = await agentCtx.newPage();
    await loginConsole(console_, env.product);
    await console_.getByTestId('presence-toggle').waitFor();

    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await ctx.newPage();
    const errors: string[] = [];
    shop.on('pageerror', (e) => errors.push(String(e)));
    // Before the loader: listeners and attributes go into the queue (the array the loader replaces).
    await shop.addInitScript(() => {
      const w = window as unknown as { Parla?: unknown[]; __events: [string, unknown][] };
      w.__events = [];
      const q = (w.Parla = w.Parla || []);
      for (const e of ['ready', 'open', 'close', 'message', 'unread']) q.push(['on', e, (d: unknown) => w.__events.push([e, d ?? null])]);
      q.push(['setAttributes', { plan: 'pro', cartValue: 120, orderId: 'A-77' }]);
    });
    await shop.goto(`${shopUrl}/`);
    const events = () => shop.evaluate(() => (window as unknown as TestWindow).__events.map(([e]) => e));
    await expect.poll(events).toContain('ready');
    expect(await shop.evaluate(() => typeof (window as unknown as TestWindow).Parla.on)).toBe('function');
    // A listener added after ready is called at once.
    expect(await shop.evaluate(() => new Promise((r) => (window as unknown as TestWindow).Parla.on('ready', () => r('late ready'))))).toBe('late ready');

    // open/close events; an unsubscribed listener is not called again.
    const counts = await shop.evaluate(async () => {
      const P = (window as unknown as TestWindow).Parla;
      let n = 0;
      const off = P.on('open', () => n++);
      P.open();
      P.close();
      const first = n;
      off();
      P.open();
      P.close();
      return { first, after: n };
    });
    expect(counts).toEqual({ first: 1, after: 1 });
    expect((await events()).filter((e) => e === 'open' || e === 'close')).toEqual(['open', 'close', 'open', 'close']);

    // sendMessage: opens the chat and sends as the shopper; the console gets it with the attributes.
    await shop.evaluate(() => (window as unknown as TestWindow).Parla.sendMessage('Hello from the page: is A-77 on its way?'));
    await shop.locator('#parla-widget .m.me .b', { hasText: 'A-77 on its way' }).waitFor();
    const row = console_.getByTestId('inbox-item').filter({ hasText: 'A-77 on its way' });
    await row.waitFor();
    const conversationId = (await row.getAttribute('data-conversation-id'))!;
    await row.click();
    await console_.locator('[data-testid=message][data-author-type=visitor]', { hasText: 'A-77 on its way' }).waitFor();
    const attrs = console_.getByTestId('visitor-attributes');
    await attrs.filter({ hasText: 'A-77' }).waitFor();
    expect(await attrs.textContent()).toContain('pro');
    // A change after load reaches the server at once and is used by routing: a cart of 200 or more raises the priority.
    const visitorId = app.parla.store.conversation(conversationId)!.visitorId;
    expect(await console_.getByTestId('conversation-priority').count()).toBe(0);
    await shop.evaluate(() => (window as unknown as TestWindow).Parla.setAttributes({ cartValue: 260 }));
    await expect.poll(() => app.parla.visitors.detail(visitorId)!.attributes).toEqual({ plan: 'pro', cartValue: 260, orderId: 'A-77' });
    await console_.getByTestId('conversation-priority').waitFor();

    // Single-page navigation: pushState and replaceState are page views.
    const pages = () => app.parla.visitors.detail(visitorId)!.pages.map((p) => new URL(p.url).pathname + new URL(p.url).hash);
    await shop.evaluate(() => history.pushState({}, '', '/spa/cart'));
    await expect.poll(pages).toContain('/spa/cart');
    await shop.evaluate(() => history.replaceState({}, '', '/spa/cart?step=2'));
    await expect.poll(() => app.parla.visitors.detail(visitorId)!.pages.some((p) => p.url.endsWith('/spa/cart?step=2'))).toBe(true);
    await console_.getByTestId('visitor-current-page').filter({ hasText: 'step=2' }).waitFor();

    // An agent reply: the page hears 'message'; with the panel closed, 'unread' counts it.
    await shop.evaluate(() => (window as unknown as TestWindow).Parla.close());
    await console_.getByTestId('reply-input').fill('Yes, it left this morning.');
    await console_.getByTestId('reply-send').click();
    await expect
      .poll(() => shop.evaluate(() => (window as unknown as TestWindow).__events.filter(([e]) => e === 'message' || e === 'unread')))
      .toEqual([
        ['message', expect.objectContaining({ body: 'Yes, it left this morning.', authorType: 'agent', authorName: 'Giulia' })],
        ['unread', 1],
      ]);
    // The demo shop's own listener shows the count in its header.
    await shop.locator('#unread', { hasText: '1 new' }).waitFor();
    await shop.evaluate(() => (window as unknown as TestWindow).Parla.open());
    await expect.poll(() => shop.evaluate(() => (window as unknown as TestWindow).__events.at(-1))).toEqual(['unread', 0]);

    // shutdown: the shopper is forgotten on this device; the next message is a new visitor's.
    await shop.evaluate(() => (window as unknown as TestWindow).Parla.shutdown());
    expect(await shop.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('parla:demo:')))).toEqual([]);
    await shop.evaluate(() => (window as unknown as TestWindow).Parla.sendMessage('A new shopper here'));
    await shop.locator('#parla-widget .m.me .b', { hasText: 'A new shopper here' }).waitFor();
    expect(await shop.locator('#parla-widget .b', { hasText: 'A-77' }).count()).toBe(0);
    await expect.poll(() => app.parla.db.sqlite.prepare('SELECT count(DISTINCT visitor_id) AS n FROM conversations').get()).toEqual({ n: 2 });
    expect(errors).toEqual([]);
    console.log(`host API: events ${JSON.stringify(await events())}; page views ${JSON.stringify(pages())}`);
    await ctx.close();
    await agentCtx.close();
  });
  it('before widget/api.js arrives, the methods already exist: they queue, load it, and their unsubscribe works; the old array then reaches the API', async () => {
    const { shopUrl } = env.product;
    const ctx = await env.browser.newContext({ locale: 'en-US' });
    const shop = await ctx.newPage();
    const errors: string[] = [];
    shop.on('pageerror', (e) => errors.push(String(e)));
    // Hold api.js until the page has used the stand-ins.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let asked = 0;
    await shop.route('**/widget/api.js', async (route) => {
      asked++;
      await held;
      await route.continue();
    });
    await shop.addInitScript(() => {
      const w = window as unknown as { Parla?: unknown[]; __array: unknown[]; __events: [string, unknown][] };
      w.__events = [];
      w.__array = w.Parla = w.Parla || [];
    });
    await shop.goto(`${shopUrl}/`);
    await shop.locator('#parla-widget button.l').waitFor();
    const before = await shop.evaluate(() => {
      const w = window as unknown as TestWindow & { __offs: (() => void)[] };
      const P = w.Parla;
      const isArray = Array.isArray(P);
      w.__offs = [P.on('open', () => w.__events.push(['open', null])), P.on('close', () => w.__events.push(['close', null]))];
      P.on('ready', () => w.__events.push(['ready', null]));
      P.setAttributes({ plan: 'pro' });
      P.open();
      return { isArray, open: typeof P.open };
    });
    expect(before).toEqual({ isArray: true, open: 'function' });
    await expect.poll(() => asked).toBeGreaterThan(0); // asked for (by the first call, if the page's idle time has not come yet)
    expect(await shop.locator('#parla-widget textarea#parla-input').count()).toBe(0);
    release();
    // The queued calls run in order once it has arrived: the panel opens, with its events.
    await shop.locator('#parla-widget textarea#parla-input').waitFor();
    await expect.poll(() => shop.evaluate(() => (window as unknown as TestWindow).__events.map(([e]) => e))).toEqual(['open', 'ready']);
    expect(await shop.locator('#parla-widget button.l').getAttribute('aria-expanded')).toBe('true');
    // The stand-in's unsubscribe works after the hand-over; the array the page kept now reaches the API.
    const after = await shop.evaluate(() => {
      const w = window as unknown as TestWindow & { __offs: (() => void)[]; __array: unknown[] & { push(c: unknown): void } };
      w.__offs[0]!();
      w.__array.push(['close']);
      w.Parla.open();
      return w.__events.map(([e]) => e);
    });
    expect(after).toEqual(['open', 'ready', 'close']);
    expect(await shop.locator('#parla-widget button.l').getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
