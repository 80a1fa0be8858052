/**
 * A widget that reconnects (a server restart, a network blip) resumes its visit: on the same page
 * it writes no new visit and no page view and agents are told nothing new; on another page, or
 * after the visit gap, it counts as before.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { onlineAgent, SHOP_ORIGIN, startServer, useServer, visitor } from './harness.ts';

const ctx = useServer();
const home = { url: `${SHOP_ORIGIN}/`, title: 'Home' };

const count = (sql: string, ...args: unknown[]) => (ctx.s.app.parla.db.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('a widget reconnecting', () => {
  it('on the same page resumes the visit: no new visit, no page view, no visitor.page for agents', async () => {
    await ctx.s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const v = ctx.track(visitor(ctx.s, { page: home }));
    const w = await v.frame('welcome');
    const id = w.visitorId;
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'before the blip' });
    const ack = await v.frame('ack');
    await a.frame('visitor.page', (f) => f.visitorId === id);
    const pagesSeen = () => a.frames.filter((f) => f.type === 'visitor.page' && f.visitorId === id).length;
    expect(pagesSeen()).toBe(1);

    for (let i = 0; i < 3; i++) {
      const welcomes = v.frames.filter((f) => f.type === 'welcome').length;
      v.session.reconnectNow();
      await v.waitFor(() => v.frames.filter((f) => f.type === 'welcome').length > welcomes, 'the welcome after the reconnect');
    }
    const last = v.frames.filter((f) => f.type === 'welcome').at(-1)!;
    expect(last.type === 'welcome' && last.visitorId).toBe(id);
    expect(last.type === 'welcome' && last.visitCount).toBe(1);
    expect(last.type === 'welcome' && last.conversation?.id).toBe(ack.conversationId);

    expect(count('SELECT count(*) AS n FROM visits WHERE visitor_id = ?', id)).toBe(1);
    expect(count('SELECT count(*) AS n FROM page_views WHERE visit_id IN (SELECT id FROM visits WHERE visitor_id = ?)', id)).toBe(1);
    // What an agent was sent goes before what follows on its socket: a message after the reconnects
    // reaches the agent after any visitor.page they caused.
    a.session.track(ack.conversationId);
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'after the blip' });
    await a.waitFor(() => a.messages().includes('after the blip'), 'the message after the reconnects');
    expect(pagesSeen()).toBe(1);
    expect(ctx.s.app.parla.visitors.detail(id)!.pages.map((p) => p.title)).toEqual(['Home']);
  });

  it('on another page records the page view and tells the agents', async () => {
    await ctx.s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const v = ctx.track(visitor(ctx.s, { page: home }));
    const w = await v.frame('welcome');
    const token = w.type === 'welcome' ? w.visitorToken! : '';
    await a.frame('visitor.page', (f) => f.visitorId === w.visitorId && f.page.title === 'Home');
    v.close();

    // The same visitor on another page (a new page of the shop opens the chat again).
    const v2 = ctx.track(visitor(ctx.s, { token, page: { url: `${SHOP_ORIGIN}/checkout`, title: 'Checkout' } }));
    const w2 = await v2.frame('welcome');
    expect(w2.visitorId).toBe(w.visitorId);
    await a.frame('visitor.page', (f) => f.visitorId === w.visitorId && f.page.title === 'Checkout');
    // And back on the first page: a page view again (the visit's last page was the checkout).
    v2.close();
    const v3 = ctx.track(visitor(ctx.s, { token, page: home }));
    await v3.frame('welcome');
    await a.waitFor(() => a.frames.filter((f) => f.type === 'visitor.page' && f.visitorId === w.visitorId).length === 3, 'the third visitor.page');
    expect(ctx.s.app.parla.visitors.detail(w.visitorId)!.pages.map((p) => p.title)).toEqual(['Home', 'Checkout', 'Home']);
    expect(count('SELECT count(*) AS n FROM visits WHERE visitor_id = ?', w.visitorId)).toBe(1);
  });

  it('after the visit gap starts a new visit with its page view, even on the same page', async () => {
    const clocked = await startServer({ fakeClock: true });
    try {
      const v = visitor(clocked, { page: home });
      const w = await v.frame('welcome');
      const token = w.type === 'welcome' ? w.visitorToken! : '';
      v.close();
      clocked.clock.advance(2 * 60 * 60 * 1000);
      const v2 = visitor(clocked, { token, page: home });
      const w2 = await v2.frame('welcome');
      v2.close();
      expect(w2.type === 'welcome' && w2.visitCount).toBe(2);
      const detail = clocked.app.parla.visitors.detail(w.visitorId)!;
      expect(detail.pages.map((p) => p.title)).toEqual(['Home']); // the pages of the new visit
      const n = (clocked.app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM page_views WHERE visit_id IN (SELECT id FROM visits WHERE visitor_id = ?)').get(w.visitorId) as { n: number }).n;
      expect(n).toBe(2);
    } finally {
      await clocked.close();
    }
  });
});
