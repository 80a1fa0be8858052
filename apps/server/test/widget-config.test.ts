/**
 * The widget's public config (GET /widget/config): branding validated when saved and delivered
 * only when set (a site that set nothing gets `{}`), the text colour chosen by contrast, agents'
 * initials and the bucketed median first response; proactive rules that need someone to answer
 * are left out while nobody can (no agent online in their department, bot off).
 */
import { describe, expect, it } from 'vitest';
import { contrast, DEFAULT_SITE_SETTINGS, inkOn, type ProactiveRule, type SiteSettings, type WidgetConfig } from '@parla/protocol';
import { DEMO_PROACTIVE } from '../src/modules/demo/index.ts';
import { initials, replyBucket } from '../src/modules/engagement/widget-config.ts';
import { SHOP_ORIGIN, SITE, useServer, withCsrf } from './harness.ts';

const ctx = useServer();
const json = { 'content-type': 'application/json' };

/** The demo's checkout rule (it needs someone to answer, like every rule by default). */
const rule: ProactiveRule = { ...DEMO_PROACTIVE[0]!, id: 'checkout' };

async function config(): Promise<WidgetConfig> {
  const r = await fetch(`${ctx.s.url}/widget/config?site=${SITE}`, { headers: { origin: SHOP_ORIGIN } });
  expect(r.status).toBe(200);
  expect(r.headers.get('access-control-allow-origin')).toBe('*');
  return (await r.json()) as WidgetConfig;
}

const presence = (id: string, p: 'online' | 'offline') => ctx.s.app.parla.db.sqlite.prepare('UPDATE agents SET presence = ? WHERE id = ?').run(p, id);

describe('branding', () => {
  it('text on the brand colour is white or dark, whichever reaches 4.5:1', () => {
    for (const c of ['#2563eb', '#7c2d12', '#fde047', '#22c55e', '#777777', '#000000', '#ffffff', '#0ea5e9']) {
      const ink = inkOn(c);
      expect(contrast(c, ink), `${c} with ${ink}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(inkOn('#fde047')).toBe('#000000');
    expect(inkOn('#1e3a8a')).toBe('#ffffff');
    expect(initials('Giulia Rossi')).toBe('GR');
    expect(initials(' marco ')).toBe('M');
    expect([replyBucket(null), replyBucket(60_000), replyBucket(20 * 60_000), replyBucket(5 * 3_600_000), replyBucket(3 * 86_400_000)]).toEqual([undefined, 'm', 'h', 'd', undefined]);
  });

  it('is validated when saved (#rrggbb, bounded texts) and delivered only when set', async () => {
    const s = ctx.s;
    const id = await s.addAgent('boss@shop.test', 'Boss Lady');
    s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(id);
    const boss = await s.login('boss@shop.test');
    const put = (branding: unknown) =>
      fetch(`${s.url}/api/sites/${SITE}/branding`, {
        method: 'PUT',
        headers: { ...json, ...withCsrf(boss), origin: s.url },
        body: JSON.stringify(branding),
      });
    // Nothing set: nothing more is sent.
    expect(await config()).toEqual({});
    for (const bad of [{ color: 'red' }, { color: '#12345' }, { position: 'top' }, { teamName: 'x'.repeat(41) }, { greeting: { en: 'y'.repeat(201) } }]) {
      const r = await put(bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(((await r.json()) as { message: string }).message.length).toBeGreaterThan(0);
    }
    expect((await put({ color: '#FDE047', position: 'left', teamName: 'Caffè Roma', greeting: { it: 'Ciao! Come possiamo aiutarti?' } })).status).toBe(200);
    expect(s.app.parla.sites.settings(SITE)!.branding!.color).toBe('#fde047');
    // The settings form (loaded before, or from an older console) leaves the branding as it is.
    const settings = await fetch(`${s.url}/api/sites/${SITE}/settings`, {
      method: 'PUT',
      headers: { ...json, ...withCsrf(boss), origin: s.url },
      body: JSON.stringify({ ...DEFAULT_SITE_SETTINGS, slaFirstResponseSec: 600, branding: { color: '#000000' } }),
    });
    expect(settings.status).toBe(200);
    expect(((await settings.json()) as SiteSettings).branding!.color).toBe('#fde047');
    // Agents may read it but not change it; a request without the CSRF token is refused.
    await s.addAgent('ada@shop.test', 'ada');
    const ada = await s.login('ada@shop.test');
    expect((await fetch(`${s.url}/api/sites/${SITE}/branding`, { method: 'PUT', headers: { ...json, ...withCsrf(ada), origin: s.url }, body: '{}' })).status).toBe(403);
    expect((await fetch(`${s.url}/api/sites/${SITE}/branding`, { method: 'PUT', headers: { ...json, cookie: boss, origin: s.url }, body: '{}' })).status).toBe(403);
    expect(await config()).toEqual({ brand: { color: '#fde047', ink: '#000000', position: 'left', team: 'Caffè Roma', greeting: { it: 'Ciao! Come possiamo aiutarti?' } } });

    // Agents' initials (online first, at most 3) and the median first response of the last 7 days.
    expect((await put({ showAgents: true })).status).toBe(200);
    expect(await config()).toEqual({}); // nobody online, nobody answered: nothing to show
    presence(id, 'online');
    expect(await config()).toEqual({ brand: { agents: ['BL'] } });
    expect((await put({ showAgents: true, showReplyTime: true })).status).toBe(200);
    const db = s.app.parla.db.sqlite;
    const now = Date.now();
    db.prepare("INSERT INTO visitors (id, site_id, token_hash, first_seen_at, last_seen_at) VALUES ('v1', ?, 'h1', ?, ?)").run(SITE, now, now);
    const conv = db.prepare("INSERT INTO conversations (id, site_id, visitor_id, state, created_at, queued_at, first_agent_reply_at) VALUES (?, ?, 'v1', 'resolved', ?, ?, ?)");
    // First responses of 1, 2 and 30 minutes: the median (2 minutes) is "a few minutes"; one of 8 days ago does not count.
    for (const [i, min] of [1, 2, 30].entries()) conv.run(`c${i}`, SITE, now - 3_600_000, now - 3_600_000, now - 3_600_000 + min * 60_000);
    conv.run('old', SITE, now - 8 * 86_400_000, now - 8 * 86_400_000, now - 8 * 86_400_000 + 5 * 3_600_000);
    expect(await config()).toEqual({ brand: { agents: ['BL'], reply: 'm' } });
    // An agent offline who answered this week still shows; online ones come first.
    const adaId = (db.prepare("SELECT id FROM agents WHERE email = 'ada@shop.test'").get() as { id: string }).id;
    db.prepare("UPDATE conversations SET agent_id = ? WHERE id = 'c0'").run(adaId);
    expect((await config()).brand!.agents).toEqual(['BL', 'A']);
  });
});

describe('proactive rules that need someone to answer', () => {
  it('are left out while no agent is online in their department and the bot is off', async () => {
    const s = ctx.s;
    const p = s.app.parla;
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const dept = await p.sites.createDepartment(SITE, { name: 'Technical', agentIds: [] });
    const always: ProactiveRule = { ...rule, id: 'always', requireAvailable: false };
    const tech: ProactiveRule = { ...rule, id: 'tech', departmentId: dept.id };
    await p.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, proactive: [rule, always, tech, { ...rule, id: 'off', enabled: false }] });
    const ids = async () => ((await config()).proactive ?? []).map((r) => r.id);
    expect(await ids()).toEqual(['always']);
    presence(ada, 'online');
    expect(await ids()).toEqual(['checkout', 'always']);
    await p.sites.updateDepartment(dept.id, { agentIds: [ada] });
    expect(await ids()).toEqual(['checkout', 'always', 'tech']);
    // Outside the site's hours the agent online cannot answer either.
    await p.sites.saveSettings(SITE, { ...p.sites.settings(SITE)!, businessHours: { timezone: 'UTC', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] } });
    presence(ada, 'offline');
    expect(await ids()).toEqual(['always']);
    // The bot answers whoever comes.
    await p.sites.saveSettings(SITE, { ...p.sites.settings(SITE)!, businessHours: null, botMode: 'fallback' });
    expect(await ids()).toEqual(['checkout', 'always', 'tech']);
  });

  it('rules stored before the setting existed need someone to answer', async () => {
    const s = ctx.s;
    const { requireAvailable: _, departmentId: __, ...legacy } = rule;
    s.app.parla.db.sqlite.prepare('UPDATE sites SET settings = ? WHERE id = ?').run(JSON.stringify({ proactive: [legacy] }), SITE);
    s.app.parla.sites.forget(SITE);
    expect(s.app.parla.sites.settings(SITE)!.proactive![0]!.requireAvailable).toBe(true);
    expect(await config()).toEqual({});
    expect((await fetch(`${s.url}/widget/config?site=nope`)).status).toBe(404);
    expect((await fetch(`${s.url}/widget/config?site=Bad%20Site`)).status).toBe(400);
  });
});
