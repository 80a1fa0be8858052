import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '@parla/protocol';
import { SITE, useServer, visitor, withCsrf } from './harness.ts';

const ctx = useServer({ fakeClock: true });

const json = { 'content-type': 'application/json' };
async function admin() {
  const s = ctx.s;
  const id = await s.addAgent('boss@shop.test', 'Boss');
  s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(id);
  return { id, cookie: await s.login('boss@shop.test') };
}
const hours: SiteSettings['businessHours'] = {
  timezone: 'Europe/Rome',
  weekly: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [], sun: [] },
  holidays: [],
};

describe('site settings', () => {
  it('start from the defaults; an admin saves them; an agent may not; a bad time zone is refused with a reason', async () => {
    const s = ctx.s;
    const { cookie } = await admin();
    await s.addAgent('ada@shop.test', 'Ada');
    const agentCookie = await s.login('ada@shop.test');
    const url = `${s.url}/api/sites/${SITE}/settings`;
    expect(await (await fetch(url, { headers: { cookie: agentCookie } })).json()).toEqual(DEFAULT_SITE_SETTINGS);

    const wanted: SiteSettings = { ...DEFAULT_SITE_SETTINGS, routingMode: 'manual', businessHours: hours, slaFirstResponseSec: 120, preChat: { name: 'required', email: 'optional', department: 'off' } };
    expect((await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(agentCookie) }, body: JSON.stringify(wanted) })).status).toBe(403);
    const bad = await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ ...wanted, businessHours: { ...hours, timezone: 'Mars/Olympus' } }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('time zone');
    const ok = await fetch(url, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify(wanted) });
    expect(ok.status).toBe(200);
    expect(await (await fetch(url, { headers: { cookie: agentCookie } })).json()).toEqual(wanted);
    expect(s.app.parla.store.getSite(SITE)!.routingMode).toBe('manual');
    expect((await fetch(`${s.url}/api/sites/nope/settings`, { headers: { cookie } })).status).toBe(404);
  });

  it('the widget is told whether the site is open, when it reopens, and what the pre-chat form asks', async () => {
    const s = ctx.s;
    await s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, businessHours: hours, preChat: { name: 'required', email: 'off', department: 'optional' } });
    await s.app.parla.sites.createDepartment(SITE, { name: 'Returns' });
    s.clock.now = Date.UTC(2026, 10, 28, 10); // Saturday
    const v = ctx.track(visitor(s));
    const w = await v.frame('welcome');
    expect(w.site).toMatchObject({
      open: false,
      nextOpenAt: Date.UTC(2026, 10, 30, 8, 0),
      preChat: { name: 'required', email: 'off', department: 'optional' },
      departments: [{ name: 'Returns', open: false }],
      offerAlternativesAfterMs: 300_000,
    });
    s.clock.now = Date.UTC(2026, 10, 30, 9, 0); // Monday 10:00 Rome
    const v2 = ctx.track(visitor(s));
    expect((await v2.frame('welcome')).site).toMatchObject({ open: true, nextOpenAt: null });
  });
});

describe('departments and agents API', () => {
  it('creates, edits and deletes departments with their agents (admins only)', async () => {
    const s = ctx.s;
    const { cookie } = await admin();
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const agentCookie = await s.login('ada@shop.test');
    const base = `${s.url}/api/sites/${SITE}/departments`;
    expect((await fetch(base, { method: 'POST', headers: { ...json, ...withCsrf(agentCookie) }, body: JSON.stringify({ name: 'X' }) })).status).toBe(403);
    expect((await fetch(base, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ name: '  ' }) })).status).toBe(400);
    expect((await fetch(base, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ name: 'Tech', agentIds: ['ghost'] }) })).status).toBe(404);
    const created = await fetch(base, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ name: 'Tech', urgency: 2, agentIds: [ada] }) });
    expect(created.status).toBe(201);
    const tech = await created.json();
    expect(tech).toMatchObject({ name: 'Tech', urgency: 2, agentIds: [ada], businessHours: null, slaFirstResponseSec: null, siteId: SITE });
    const patched = await (await fetch(`${s.url}/api/departments/${tech.id}`, { method: 'PATCH', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ slaFirstResponseSec: 60, agentIds: [] }) })).json();
    expect(patched).toMatchObject({ name: 'Tech', slaFirstResponseSec: 60, agentIds: [] });
    expect(await (await fetch(base, { headers: { cookie: agentCookie } })).json()).toHaveLength(1);
    expect((await fetch(`${s.url}/api/departments/${tech.id}`, { method: 'DELETE', headers: withCsrf(cookie) })).status).toBe(204);
    expect((await fetch(`${s.url}/api/departments/${tech.id}`, { method: 'DELETE', headers: withCsrf(cookie) })).status).toBe(404);
  });

  it('lists agents with load; an agent changes their own capacity but not someone else’s', async () => {
    const s = ctx.s;
    const { id: bossId, cookie } = await admin();
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const adaCookie = await s.login('ada@shop.test');
    const list = await (await fetch(`${s.url}/api/agents`, { headers: { cookie: adaCookie } })).json();
    expect(list.map((a: { name: string }) => a.name)).toEqual(['Ada', 'Boss']);
    expect(list[0]).toMatchObject({ presence: 'offline', load: 0, maxChats: 5, departmentIds: [] });
    const self = await fetch(`${s.url}/api/agents/${ada}`, { method: 'PATCH', headers: { ...json, ...withCsrf(adaCookie) }, body: JSON.stringify({ maxChats: 2 }) });
    expect(await self.json()).toMatchObject({ maxChats: 2 });
    expect((await fetch(`${s.url}/api/agents/${bossId}`, { method: 'PATCH', headers: { ...json, ...withCsrf(adaCookie) }, body: JSON.stringify({ maxChats: 9 }) })).status).toBe(403);
    expect((await fetch(`${s.url}/api/agents/${ada}`, { method: 'PATCH', headers: { ...json, ...withCsrf(adaCookie) }, body: JSON.stringify({ departmentIds: [] }) })).status).toBe(403);
    expect((await fetch(`${s.url}/api/agents/${ada}`, { method: 'PATCH', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ maxChats: 0 }) })).status).toBe(400);
    expect((await fetch(`${s.url}/api/agents/${ada}`, { method: 'PATCH', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ departmentIds: ['nope'] }) })).status).toBe(404);
  });
});
