/**
 * Sites as an admin runs them: created with validated origins and an embed snippet, renamed,
 * their origins changed at run time (the next WebSocket handshake and upload follow, no restart),
 * deleted with everything of theirs; SITE_ORIGINS merged with what the console set. And the start
 * that used to crash: DEMO with SITE_ORIGINS declaring the demo site on an empty DATA_DIR.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { makeConfig } from '../src/config.ts';
import { DEMO_DEPARTMENTS, DEMO_SITE, seedDemo } from '../src/modules/demo/seed.ts';
import { rawHandshake, SHOP_ORIGIN, SITE, useServer, visitor, type TestServer, withCsrf } from './harness.ts';

const ctx = useServer();
const PASSWORD = 'correct horse battery';

async function api(s: TestServer, method: string, path: string, o: { cookie?: string; body?: unknown; origin?: string } = {}) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { origin: o.origin ?? s.url, ...(o.cookie ? withCsrf(o.cookie) : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { message?: string; error?: string; id?: string } };
}

async function admin(s: TestServer) {
  await s.app.parla.team.createAdmin({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD });
  return s.login('boss@shop.test');
}

const handshake = (s: TestServer, site: string, origin: string) => rawHandshake(`${s.wsUrl}/ws/visitor?site=${site}`, { origin }).then((r) => (r.ws?.close(), r.status));

describe('sites', () => {
  it('an admin creates a site with validated origins and gets its snippet; bad input is refused with the reason', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const r = await api(s, 'POST', '/api/sites', { cookie: boss, body: { name: 'Bottega Rossì & Figli', origins: ['https://Bottega.example.com/', ' https://www.bottega.example.com:8443 '] } });
    expect(r.status).toBe(201);
    const pub = s.app.parla.config.PUBLIC_URL;
    expect(r.json).toMatchObject({
      id: 'bottega-rossi-figli',
      name: 'Bottega Rossì & Figli',
      origins: ['https://bottega.example.com', 'https://www.bottega.example.com:8443'],
      configOrigins: [],
      embed: {
        snippet: `<script async src="${pub}/widget.js" data-site="bottega-rossi-figli"></script>`,
        csp: `script-src ${pub}; connect-src ${pub} ${pub.replace('http', 'ws')}; style-src 'unsafe-inline'`,
      },
    });
    // The same name again: the next free id. An explicit id that exists: 409.
    expect((await api(s, 'POST', '/api/sites', { cookie: boss, body: { name: 'Bottega Rossi & Figli', origins: ['https://b2.example.com'] } })).json.id).toBe('bottega-rossi-figli-2');
    expect((await api(s, 'POST', '/api/sites', { cookie: boss, body: { id: SITE, name: 'X', origins: ['https://x.example.com'] } })).json.error).toBe('site_exists');

    for (const [origins, reason] of [
      [[], 'at least one origin'],
      [['shop.example.com'], 'not an origin'],
      [['ftp://shop.example.com'], 'only http:// and https://'],
      [['https://shop.example.com/checkout'], 'no path'],
      [['https://user:pw@shop.example.com'], 'no user name'],
      [['https://shop.example.com?x=1'], 'no path, query'],
    ] as [string[], string][]) {
      const bad = await api(s, 'POST', '/api/sites', { cookie: boss, body: { name: 'Bad', origins } });
      expect(bad.status, JSON.stringify(origins)).toBe(400);
      expect(bad.json.message).toContain(reason);
    }
    expect((await api(s, 'POST', '/api/sites', { cookie: boss, body: { name: 'Bad', origins: ['https://a.example.com'], id: 'Not Valid' } })).status).toBe(400);
    expect((await api(s, 'PATCH', '/api/sites/bottega-rossi-figli', { cookie: boss, body: { origins: [] } })).status).toBe(400);
    expect((await api(s, 'PATCH', '/api/sites/nope', { cookie: boss, body: { name: 'x' } })).status).toBe(404);
    expect((await api(s, 'GET', '/api/sites/nope', { cookie: boss })).status).toBe(404);
    expect((await api(s, 'POST', '/api/sites', { cookie: boss, body: { name: 'Evil', origins: ['https://e.example.com'] }, origin: 'https://evil.example.com' })).status).toBe(403);
    const names = ((await api(s, 'GET', '/api/sites', { cookie: boss })).json as unknown as { id: string }[]).map((x) => x.id);
    expect(names.sort()).toEqual(['bottega-rossi-figli', 'bottega-rossi-figli-2', SITE].sort());
  });

  it('origins change at run time: the next handshake and upload follow, without a restart', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const shop = 'http://negozio.test:8080';
    const created = await api(s, 'POST', '/api/sites', { cookie: boss, body: { name: 'Negozio', origins: ['http://other.test'] } });
    const id = created.json.id as string;
    expect(await handshake(s, id, shop)).toBe(403);
    const preflight = () => fetch(`${s.url}/api/attachments?site=${id}`, { method: 'OPTIONS', headers: { origin: shop, 'access-control-request-method': 'POST' } });
    expect((await preflight()).headers.get('access-control-allow-origin')).toBeNull();

    expect((await api(s, 'PATCH', `/api/sites/${id}`, { cookie: boss, body: { origins: ['http://other.test', shop], name: 'Negozio Due' } })).json).toMatchObject({ name: 'Negozio Due' });
    expect(await handshake(s, id, shop)).toBe(101);
    expect((await preflight()).headers.get('access-control-allow-origin')).toBe(shop);
    const v = ctx.track(visitor(s, { site: id, origin: shop }));
    await v.frame('welcome');

    await api(s, 'PATCH', `/api/sites/${id}`, { cookie: boss, body: { origins: ['http://other.test'] } });
    expect(await handshake(s, id, shop)).toBe(403);
    expect((await preflight()).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('SITE_ORIGINS origins are allowed besides the console’s, shown apart, and their site cannot be deleted', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const d = await api(s, 'GET', `/api/sites/${SITE}`, { cookie: boss });
    expect(d.json).toMatchObject({ id: SITE, configOrigins: [SHOP_ORIGIN] });
    await api(s, 'PATCH', `/api/sites/${SITE}`, { cookie: boss, body: { origins: ['https://second.shop.test'] } });
    expect(await handshake(s, SITE, SHOP_ORIGIN)).toBe(101);
    expect(await handshake(s, SITE, 'https://second.shop.test')).toBe(101);
    expect(await handshake(s, SITE, 'https://third.shop.test')).toBe(403);
    // With its configuration origins, a declared site may have no console origins.
    expect((await api(s, 'PATCH', `/api/sites/${SITE}`, { cookie: boss, body: { origins: [] } })).status).toBe(200);
    expect((await api(s, 'DELETE', `/api/sites/${SITE}`, { cookie: boss })).json.error).toBe('declared_site');
    expect(await handshake(s, SITE, SHOP_ORIGIN)).toBe(101);
  });

  it('deleting a site removes its conversations, visitors, files and settings, and closes its visitors’ sockets', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const shop = 'https://doomed.test';
    const id = (await api(s, 'POST', '/api/sites', { cookie: boss, body: { name: 'Doomed', origins: [shop] } })).json.id as string;
    await s.app.parla.sites.createDepartment(id, { name: 'Orders' });
    const v = ctx.track(visitor(s, { site: id, origin: shop }));
    const w = await v.frame('welcome');
    v.session.send({ type: 'message.send', clientId: 'doomed-msg-01', body: 'hello' });
    await v.frame('ack');
    // An uploaded file of the site's visitor.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'p.png');
    const up = await fetch(`${s.url}/api/attachments?site=${id}`, { method: 'POST', headers: { authorization: `Visitor ${w.visitorToken}`, origin: shop }, body: form });
    expect(up.status).toBe(201);
    const files = () => (existsSync(join(s.dir, 'attachments')) ? readdirSync(join(s.dir, 'attachments')) : []);
    expect(files().length).toBe(1);

    expect((await api(s, 'DELETE', `/api/sites/${id}`, { cookie: boss })).status).toBe(204);
    const count = (sql: string) => (s.app.parla.db.sqlite.prepare(sql).get(id) as { n: number }).n;
    for (const table of ['conversations', 'visitors', 'departments', 'attachments', 'sites'].map((t) => (t === 'sites' ? 'SELECT count(*) AS n FROM sites WHERE id = ?' : `SELECT count(*) AS n FROM ${t} WHERE site_id = ?`))) {
      expect(count(table), table).toBe(0);
    }
    expect((s.app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(0);
    expect(files()).toEqual([]);
    await v.waitFor(() => v.session.state !== 'open', 'the visitor socket to close');
    expect(await handshake(s, id, shop)).toBe(404);
    expect((await api(s, 'DELETE', `/api/sites/${id}`, { cookie: boss })).status).toBe(404);
    // The same id can be made again, empty.
    expect((await api(s, 'POST', '/api/sites', { cookie: boss, body: { id, name: 'Reborn', origins: [shop] } })).status).toBe(201);
    expect(s.app.parla.bot.faqCount(id)).toBe(0);
  });
});

describe('SITE_ORIGINS with the demo', () => {
  it('DEMO with SITE_ORIGINS declaring the demo site starts on an empty DATA_DIR, and again on the same one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parla-demo-origins-'));
    try {
      const env = { DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO: 'true', SITE_ORIGINS: 'demo=http://localhost:3001;kpi=http://kpi.test' };
      for (let start = 0; start < 2; start++) {
        // What server.ts does: build (SITE_ORIGINS creates the sites), then seed the demo.
        const config = makeConfig(env);
        const app = await buildApp(config);
        await seedDemo(app.parla, config.SITE_ORIGINS!.demo!, { historyDays: 2 });
        expect(app.parla.sites.departments(DEMO_SITE).map((d) => d.id).sort()).toEqual(DEMO_DEPARTMENTS.map((d) => d.id).sort());
        expect(app.parla.bot.faqCount(DEMO_SITE)).toBeGreaterThan(0);
        expect(app.parla.sites.settings(DEMO_SITE)).toMatchObject({ botMode: 'fallback' });
        expect(app.parla.sites.list().map((x) => x.id).sort()).toEqual(['demo', 'kpi']);
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a data folder left by the old crash (a bare demo site, no departments, no FAQ) starts and is completed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parla-demo-broken-'));
    try {
      const broken = await buildApp(makeConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
      // What the old start left behind: the site SITE_ORIGINS made, then the crash.
      broken.parla.store.upsertSite({ id: DEMO_SITE, name: DEMO_SITE, allowedOrigins: ['http://localhost:3001'], secret: 'x'.repeat(43), routingMode: 'auto', createdAt: Date.now() });
      await broken.close();
      const app = await buildApp(makeConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO: 'true', SITE_ORIGINS: 'demo=http://localhost:3001' }));
      await seedDemo(app.parla, ['http://localhost:3001']);
      expect(app.parla.sites.departments(DEMO_SITE)).toHaveLength(DEMO_DEPARTMENTS.length);
      expect(app.parla.bot.faqCount(DEMO_SITE)).toBeGreaterThan(0);
      expect(app.parla.store.countAgents()).toBe(2);
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
