/**
 * Fan-out per site (issue #18, must have 2): an agent who works on some sites receives the rows,
 * erasures and page views of those sites only, is never routed another site's conversation, and
 * cannot open one by id over the socket; an agent with no sites set works on every site (what
 * a one-shop install never has to think about). Changing an agent's sites moves their open
 * console at once. Real server, real sockets, the team API as an admin uses it.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { agent, SHOP_ORIGIN, SITE, useServer, visitor, withCsrf, type TestServer } from './harness.ts';

const ctx = useServer();
const track = ctx.track;
const OUTLET = 'outlet';
const OUTLET_ORIGIN = 'http://outlet.test';

async function setSites(s: TestServer, adminCookie: string, agentId: string, siteIds: string[]) {
  const res = await fetch(`${s.url}/api/agents/${agentId}`, {
    method: 'PATCH',
    headers: { ...withCsrf(adminCookie), 'content-type': 'application/json', origin: s.url },
    body: JSON.stringify({ siteIds }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { siteIds?: string[] | null };
}

async function ask(s: TestServer, site: string, origin: string, body: string) {
  const v = track(visitor(s, { site, origin, page: { url: `${origin}/cart`, title: 'Cart' } }));
  await v.frame('welcome');
  v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body });
  return { v, id: (await v.frame('ack')).conversationId };
}

describe('agents and the sites they work on', () => {
  it('a row, an erasure and a page view of a site reach only the agents who work on it; routing follows', async () => {
    const s = ctx.s;
    await s.app.parla.sites.create({ id: OUTLET, name: 'Outlet', origins: [OUTLET_ORIGIN] }, s.url);
    const adminId = await s.addAgent('admin@shop.test', 'Admin');
    await s.app.parla.store.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(adminId);
    const adaId = await s.addAgent('ada@shop.test', 'Ada'); // the shop only
    const boId = await s.addAgent('bo@shop.test', 'Bo'); // every site (nothing set)
    const adminCookie = await s.login('admin@shop.test');
    expect((await setSites(s, adminCookie, adaId, [SITE])).siteIds).toEqual([SITE]);

    const ada = track(agent(s, await s.login('ada@shop.test')));
    await ada.frame('welcome');
    const bo = track(agent(s, await s.login('bo@shop.test')));
    await bo.frame('welcome');
    await s.app.parla.agents.setPresence(adminId, 'offline');

    // An outlet shopper: routed to Bo (Ada does not work there, though she is free and idle longer).
    const outlet = await ask(s, OUTLET, OUTLET_ORIGIN, 'outlet question');
    await outlet.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(s.app.parla.store.conversation(outlet.id)!.agentId).toBe(boId);
    // A shop shopper: both could take it, and both see its row.
    const shop = await ask(s, SITE, SHOP_ORIGIN, 'shop question');
    await ada.frame('inbox.upsert', (f) => f.conversation.id === shop.id);
    await bo.frame('inbox.upsert', (f) => f.conversation.id === shop.id);
    await bo.frame('inbox.upsert', (f) => f.conversation.id === outlet.id);

    // Ada cannot open the outlet conversation by its id, nor write in it.
    ada.session.send({ type: 'sync', conversationId: outlet.id, afterSeq: 0 });
    expect(await ada.frame('error', (f) => f.code === 'not_found')).toMatchObject({ code: 'not_found' });
    // Bo cannot hand it to Ada either.
    bo.session.send({ type: 'conversation.transfer', conversationId: outlet.id, toAgentId: adaId, note: 'take this' });
    expect((await bo.frame('error', (f) => f.code === 'conflict')).message).toMatch(/does not work on this site/);

    // The outlet visitor is erased: only Bo hears of it.
    await s.app.parla.security.privacy.erase(s.app.parla.store.conversation(outlet.id)!.visitorId);
    await bo.frame('conversation.erased', (f) => f.conversationId === outlet.id);

    // Nothing of the outlet ever reached Ada: no row, no erasure, no page view, not in her welcome.
    const outletFrames = ada.frames.filter((f) => JSON.stringify(f).includes(outlet.id) || JSON.stringify(f).includes(OUTLET_ORIGIN));
    expect(outletFrames.filter((f) => f.type !== 'error')).toEqual([]);
    expect(bo.frames.some((f) => f.type === 'visitor.page' && f.page.url.startsWith(OUTLET_ORIGIN))).toBe(true);
    // And no agent frame ever reached a shopper (their site's availability topic is another one).
    for (const v of [outlet.v, shop.v]) expect(v.frames.map((f) => f.type as string).filter((t) => ['inbox.upsert', 'visitor.page', 'conversation.erased', 'presence'].includes(t))).toEqual([]);
  });

  it('a change of sites moves the agent’s open console at once; [] means every site again', async () => {
    const s = ctx.s;
    await s.app.parla.sites.create({ id: OUTLET, name: 'Outlet', origins: [OUTLET_ORIGIN] }, s.url);
    const adminId = await s.addAgent('admin@shop.test', 'Admin');
    await s.app.parla.store.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(adminId);
    const adaId = await s.addAgent('ada@shop.test', 'Ada');
    const adminCookie = await s.login('admin@shop.test');
    await s.app.parla.sites.saveSettings(OUTLET, { ...s.app.parla.sites.settings(OUTLET)!, routingMode: 'manual' });
    const waiting = await ask(s, OUTLET, OUTLET_ORIGIN, 'anyone?');

    const ada = track(agent(s, await s.login('ada@shop.test')));
    const first = await ada.frame('welcome');
    expect(first.inbox.map((c) => c.id)).toContain(waiting.id);

    // Ada now works on the shop only: her console reconnects and its inbox no longer has the outlet.
    await setSites(s, adminCookie, adaId, [SITE]);
    await ada.waitFor(() => ada.frames.filter((f) => f.type === 'welcome').length === 2, 'a fresh welcome');
    const second = ada.frames.filter((f) => f.type === 'welcome').at(-1)!;
    expect(second.type === 'welcome' && second.inbox.map((c) => c.id)).not.toContain(waiting.id);
    const outletRows = () => ada.frames.filter((f) => f.type === 'inbox.upsert' && f.conversation.siteId === OUTLET).length;
    const before = outletRows();
    waiting.v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'still here' });
    await waiting.v.frame('ack');
    const shop = await ask(s, SITE, SHOP_ORIGIN, 'shop');
    await ada.frame('inbox.upsert', (f) => f.conversation.id === shop.id);
    expect(outletRows()).toBe(before);

    // Back to every site.
    expect((await setSites(s, adminCookie, adaId, [])).siteIds ?? null).toBeNull();
    await ada.waitFor(() => ada.frames.filter((f) => f.type === 'welcome').length === 3, 'a third welcome');
    const third = ada.frames.filter((f) => f.type === 'welcome').at(-1)!;
    expect(third.type === 'welcome' && third.inbox.map((c) => c.id)).toContain(waiting.id);

    // A site that does not exist is refused with the reason.
    const bad = await fetch(`${s.url}/api/agents/${adaId}`, {
      method: 'PATCH',
      headers: { ...withCsrf(adminCookie), 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({ siteIds: ['nowhere'] }),
    });
    expect(bad.status).toBe(404);
    expect(await bad.json()).toMatchObject({ message: 'no such site: nowhere' });
  });
});
