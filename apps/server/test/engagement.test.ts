/**
 * Canned responses (roles, unique shortcut per language, bad input) and proactive messages (the
 * loader's public rules endpoint; a conversation starts only when the visitor answers, with the
 * site's message first, marked proactive, counted in the KPIs).
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { DEFAULT_SITE_SETTINGS, type CannedResponse, type Metrics, type ProactiveRule, type ServerToVisitor, type VisitorToServer } from '@parla/protocol';
import { onlineAgent, SHOP_ORIGIN, SITE, TestClient, useServer, visitor, withCsrf } from './harness.ts';

const ctx = useServer();
const json = { 'content-type': 'application/json' };

async function admin() {
  const s = ctx.s;
  const id = await s.addAgent('boss@shop.test', 'Boss');
  s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(id);
  return s.login('boss@shop.test');
}

const checkout: ProactiveRule = {
  id: 'checkout',
  enabled: true,
  urlPattern: '/checkout',
  minSeconds: 30,
  minVisits: 1,
  minCartValue: null,
  message: { en: 'Need help completing your order?', it: "Serve aiuto per completare l'ordine?" },
  requireAvailable: false,
  departmentId: null,
};

describe('canned responses', () => {
  it('admins create, edit and delete them; agents read them; a shortcut is unique per site and language; bad input is refused with a reason', async () => {
    const s = ctx.s;
    const boss = await admin();
    await s.addAgent('ada@shop.test', 'Ada');
    const ada = await s.login('ada@shop.test');
    const url = `${s.url}/api/sites/${SITE}/canned`;
    const post = (cookie: string, body: unknown) => fetch(url, { method: 'POST', headers: { ...json, ...withCsrf(cookie), origin: s.url }, body: JSON.stringify(body) });
    const ship = { shortcut: 'shipping', title: 'Shipping times', body: 'Hi {{visitor.name}}, parcels leave within 24 h. {{agent.name}}', lang: 'en' };

    expect((await post(ada, ship)).status).toBe(403);
    const created = await post(boss, ship);
    expect(created.status).toBe(201);
    const c = (await created.json()) as CannedResponse;
    expect(c).toMatchObject({ ...ship, siteId: SITE, departmentId: null });
    // The same shortcut in Italian is another response; twice in English is a conflict.
    expect((await post(boss, { ...ship, lang: 'it', body: 'Ciao {{visitor.name}}, spediamo entro 24 ore.' })).status).toBe(201);
    const dup = await post(boss, ship);
    expect(dup.status).toBe(409);
    expect((await dup.json()).message).toContain('/shipping');
    const bad = await post(boss, { ...ship, shortcut: '/Ship it' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('shortcut');
    expect((await post(boss, { ...ship, shortcut: 'x', departmentId: 'no-such-department' })).status).toBe(404);

    const list = (await (await fetch(url, { headers: { cookie: ada } })).json()) as CannedResponse[];
    expect(list.map((r) => `${r.shortcut}:${r.lang}`)).toEqual(['shipping:en', 'shipping:it']);

    const patch = (cookie: string, body: unknown) => fetch(`${s.url}/api/canned/${c.id}`, { method: 'PATCH', headers: { ...json, ...withCsrf(cookie), origin: s.url }, body: JSON.stringify(body) });
    expect((await patch(ada, { title: 'x' })).status).toBe(403);
    expect((await patch(boss, { lang: 'it' })).status).toBe(409); // would collide with the Italian one
    const edited = await patch(boss, { title: 'Delivery times' });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ title: 'Delivery times', body: ship.body, lang: 'en' });

    expect((await fetch(`${s.url}/api/canned/${c.id}`, { method: 'DELETE', headers: { ...withCsrf(ada), origin: s.url } })).status).toBe(403);
    expect((await fetch(`${s.url}/api/canned/${c.id}`, { method: 'DELETE', headers: { ...withCsrf(boss), origin: s.url } })).status).toBe(204);
    expect((await fetch(`${s.url}/api/canned/${c.id}`, { method: 'DELETE', headers: { ...withCsrf(boss), origin: s.url } })).status).toBe(404);
    expect(((await (await fetch(url, { headers: { cookie: ada } })).json()) as CannedResponse[]).map((r) => r.lang)).toEqual(['it']);
  });
});

describe('proactive messages', () => {
  it('the loader reads the enabled rules without logging in, from any origin; a site without rules gets []', async () => {
    const s = ctx.s;
    const rules = `${s.url}/widget/proactive?site=${SITE}`;
    let r = await fetch(rules, { headers: { origin: SHOP_ORIGIN } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual([]);
    await s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, proactive: [checkout, { ...checkout, id: 'off', enabled: false }] });
    r = await fetch(rules, { headers: { origin: SHOP_ORIGIN } });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const { enabled: _, ...shown } = checkout;
    expect(await r.json()).toEqual([shown]);
    expect((await fetch(`${s.url}/widget/proactive?site=nope`)).status).toBe(404);
    expect((await fetch(`${s.url}/widget/proactive?site=Bad%20Site`)).status).toBe(400);
    // An admin saves rules through the settings; a bad one is refused with a reason.
    const boss = await admin();
    const put = await fetch(`${s.url}/api/sites/${SITE}/settings`, {
      method: 'PUT',
      headers: { ...json, ...withCsrf(boss), origin: s.url },
      body: JSON.stringify({ ...DEFAULT_SITE_SETTINGS, proactive: [checkout, checkout] }),
    });
    expect(put.status).toBe(400);
    expect((await put.json()).message).toContain('unique');
  });

  it('a conversation starts only when the visitor answers: the site message first (the rule’s own text, in the visitor’s language), marked proactive, counted in the KPIs', async () => {
    const s = ctx.s;
    const p = s.app.parla;
    await p.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, proactive: [checkout] });
    await s.addAgent('ada@shop.test', 'Ada');
    const ada = await onlineAgent(ctx, 'ada@shop.test');
    const t0 = Date.now();

    // Shown and ignored: nothing is stored.
    const idle = ctx.track(visitor(s));
    await idle.frame('welcome');
    const count = () => (p.db.sqlite.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
    expect(count()).toBe(0);

    // An Italian visitor answers the rule's message; the page claimed other words for it: the rule's text wins.
    const it = ctx.track(new TestClient<VisitorToServer, ServerToVisitor>(`${s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 4, lang: 'it' }), { origin: SHOP_ORIGIN }));
    await it.frame('welcome');
    const clientId = newClientId();
    it.session.sendReliable({ type: 'message.send', clientId, body: 'Sì, il codice sconto non va', proactive: { ruleId: 'checkout', text: 'Give me your password' } });
    const ack = await it.frame('ack', (a) => a.clientId === clientId);
    await it.waitFor(() => it.items.filter((i) => i.item.kind === 'message').length >= 2, 'both messages');
    const msgs = it.items.flatMap(({ item }) => (item.kind === 'message' ? [item] : []));
    expect(msgs.map((m) => [m.authorType, m.body, m.proactive ?? false])).toEqual([
      ['bot', "Serve aiuto per completare l'ordine?", true],
      ['visitor', 'Sì, il codice sconto non va', false],
    ]);
    const up = await ada.frame('inbox.upsert', (f) => f.conversation.id === ack.conversationId && f.conversation.lastMessage === 'Sì, il codice sconto non va');
    expect(up.conversation.proactive).toBe(true);

    // A message the host page showed itself (Parla.showMessage): its text, no rule.
    const en = ctx.track(visitor(s));
    await en.frame('welcome');
    const c2 = newClientId();
    en.session.sendReliable({ type: 'message.send', clientId: c2, body: 'yes please', proactive: { ruleId: null, text: 'Questions about sizes?' } });
    await en.frame('ack', (a) => a.clientId === c2);
    await en.waitFor(() => en.messages().length >= 2, 'both messages');
    expect(en.messages()).toEqual(['Questions about sizes?', 'yes please']);

    // A plain conversation is not proactive.
    const plain = ctx.track(visitor(s));
    await plain.frame('welcome');
    const c3 = newClientId();
    plain.session.sendReliable({ type: 'message.send', clientId: c3, body: 'hello' });
    await plain.frame('ack', (a) => a.clientId === c3);
    expect(count()).toBe(3);

    // The proactive text is a bot message: neither the first response nor an interaction.
    const cookie = await s.login('ada@shop.test');
    const qs = new URLSearchParams({ from: String(t0 - 1000), to: String(Date.now() + 1000), groupBy: 'none' });
    const m = (await (await fetch(`${s.url}/api/metrics?${qs}`, { headers: { cookie } })).json()) as Metrics;
    expect(m.totals.conversations).toBe(3);
    expect(m.totals.proactive).toEqual({ count: 2, share: 2 / 3 });
    expect(m.totals.firstResponse.count).toBe(0);
    const csv = await (await fetch(`${s.url}/api/metrics/conversations.csv?${qs}`, { headers: { cookie } })).text();
    const [head, ...rows] = csv.trim().split('\r\n').map((l) => l.split(','));
    const col = head!.indexOf('proactive');
    expect(rows.map((r) => r[col]).sort()).toEqual(['0', '1', '1']);
  });
});
