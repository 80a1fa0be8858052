/**
 * The REST API: every /api/v1 route refuses no key and a revoked key (401), answers 404 to
 * another site's key for this site's resources, and 2xx to the right key; replies go through
 * the conversation service (fan-out to the visitor, first response); the OpenAPI document at
 * /api/docs validates and lists exactly the registered routes.
 */
import { validate } from '@readme/openapi-parser';
import { newClientId } from '@parla/client';
import type { ApiConversation, ApiConversationPage, ApiKey, ApiKeyCreated, ApiReplyResult } from '@parla/protocol/api';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP_ORIGIN, SITE, startServer, visitor, type TestServer, withCsrf } from './harness.ts';

const OTHER = 'other';
const OTHER_ORIGIN = 'http://other.test';
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(env: Record<string, string> = {}) {
  const s = await startServer({ env: { SITE_ORIGINS: `${SITE}=${SHOP_ORIGIN};${OTHER}=${OTHER_ORIGIN}`, ...env } });
  closers.push(() => s.close());
  await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: 'correct horse battery', role: 'admin' });
  const admin = await s.login('boss@shop.test');
  const console_ = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${s.url}${path}`, {
      method,
      headers: { ...withCsrf(admin), origin: s.url, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
  };
  const newKey = async (site: string, name: string) => {
    const r = await console_('POST', `/api/sites/${site}/api-keys`, { name });
    expect(r.status).toBe(201);
    return r.json as ApiKeyCreated;
  };
  return { s, console: console_, newKey };
}

function api(s: TestServer, key: string | null, method: string, path: string, body?: unknown) {
  return fetch(`${s.url}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
}

async function conversationOn(s: TestServer, site: string, origin: string, text: string) {
  const v = visitor(s, { site, origin, page: { url: `${origin}/`, title: 'Home' } });
  closers.push(() => v.close());
  const w = await v.frame('welcome');
  v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: text });
  const ack = await v.frame('ack');
  return { v, visitorId: w.visitorId, conversationId: ack.conversationId };
}

const v1Routes = (s: TestServer) => s.app.parla.security.routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'OPTIONS');

describe('REST API', () => {
  it('every route: no key and a revoked key 401, another site\'s key 404 on this site\'s resources, the right key 2xx', async () => {
    const { s, newKey, console: c } = await setup();
    const key = await newKey(SITE, 'CRM');
    const other = await newKey(OTHER, 'Other CRM');
    const revoked = await newKey(SITE, 'Old');
    expect((await c('DELETE', `/api/api-keys/${revoked.id}`)).status).toBe(200);
    const mine = await conversationOn(s, SITE, SHOP_ORIGIN, 'SHOP-SECRET-MARKER where is my order?');
    const theirs = await conversationOn(s, OTHER, OTHER_ORIGIN, 'other site question');

    const routes = v1Routes(s);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    // Erasing goes last, resolving after replying.
    const weight = (r: { method: string; url: string }) => (r.method === 'DELETE' ? 3 : r.url.endsWith('/resolve') ? 2 : 1);
    routes.sort((a, b) => weight(a) - weight(b));
    const from = Date.now() - 86_400_000;
    const to = Date.now() + 86_400_000;
    const fill = (url: string, who: typeof mine) => `${url.replace(':id', url.includes('/visitors/') ? who.visitorId : who.conversationId)}${url.endsWith('/metrics') ? `?from=${from}&to=${to}` : ''}`;
    const bodyOf = (r: { method: string; url: string }) => (r.url.endsWith('/messages') ? { body: 'Sent from the CRM', clientId: newClientId() } : r.url.endsWith('/faqs') && r.method === 'PUT' ? [] : undefined);
    let checked = 0;
    for (const r of routes) {
      const path = fill(r.url, mine);
      const what = `${r.method} ${r.url}`;
      expect((await api(s, null, r.method, path, bodyOf(r))).status, `${what} without a key`).toBe(401);
      expect((await api(s, revoked.key, r.method, path, bodyOf(r))).status, `${what} with a revoked key`).toBe(401);
      expect((await api(s, `${key.key.slice(0, -2)}xx`, r.method, path, bodyOf(r))).status, `${what} with a forged key`).toBe(401);
      const foreign = await api(s, other.key, r.method, path, bodyOf(r));
      const foreignText = await foreign.text();
      expect(foreignText, `${what} with the other site's key leaks`).not.toContain('SHOP-SECRET-MARKER');
      if (r.url.includes(':id')) expect(foreign.status, `${what} with the other site's key`).toBe(404);
      else expect(foreign.status, `${what} with the other site's key (its own site)`).toBeLessThan(300);
      const ok = await api(s, key.key, r.method, path, bodyOf(r));
      expect(ok.status, `${what} with the right key: ${await ok.clone().text()}`).toBeGreaterThanOrEqual(200);
      expect(ok.status).toBeLessThan(300);
      checked++;
    }
    console.log(`REST: ${checked} /api/v1 routes, each refused without a key, with a revoked and a forged one (401), to another site's key (404 on ids), admitted with the right key`);
    // The other site's conversation is still there, untouched by this site's key.
    expect((await api(s, key.key, 'GET', `/api/v1/conversations/${theirs.conversationId}`)).status).toBe(404);
    expect(s.app.parla.store.conversation(theirs.conversationId)?.state).not.toBe('resolved');
    // The key in a query string is not a key.
    expect((await fetch(`${s.url}/api/v1/conversations?access_token=${key.key}`)).status).toBe(401);
    // The visitor was erased by the last route.
    expect(s.app.parla.store.visitorById(mine.visitorId)).toBeUndefined();
    // The console lists keys without their secret part; last use is recorded.
    const listed = (await c('GET', `/api/sites/${SITE}/api-keys`)).json as ApiKey[];
    expect(JSON.stringify(listed)).not.toContain(key.key);
    expect(listed.find((k) => k.id === key.id)?.lastUsedAt).not.toBeNull();
    expect(listed.find((k) => k.id === revoked.id)?.revokedAt).not.toBeNull();
    const stored = s.app.parla.db.sqlite.prepare('SELECT key_hash AS h FROM api_keys').all() as { h: string }[];
    expect(stored.some((r) => r.h.includes(key.key) || key.key.includes(r.h))).toBe(false);
  });

  it('a reply goes to the visitor as a human reply, is idempotent by clientId, and conversations page by cursor', async () => {
    const { s, newKey } = await setup();
    const key = await newKey(SITE, 'Order system');
    const first = await conversationOn(s, SITE, SHOP_ORIGIN, 'first');
    const convs = [first.conversationId];
    for (const t of ['second', 'third']) convs.push((await conversationOn(s, SITE, SHOP_ORIGIN, t)).conversationId);

    const clientId = newClientId();
    const res = await api(s, key.key, 'POST', `/api/v1/conversations/${first.conversationId}/messages`, { body: 'Your order shipped today', clientId });
    expect(res.status).toBe(201);
    const sent = (await res.json()) as ApiReplyResult;
    expect(sent.message).toMatchObject({ authorType: 'agent', authorId: key.id, authorName: 'Order system', body: 'Your order shipped today' });
    await first.v.waitFor(() => first.v.messages().includes('Your order shipped today'), 'API reply at the visitor');
    expect(s.app.parla.store.conversation(first.conversationId)?.firstAgentReplyAt).toBe(sent.message.createdAt);
    const again = await api(s, key.key, 'POST', `/api/v1/conversations/${first.conversationId}/messages`, { body: 'Your order shipped today', clientId });
    expect(again.status).toBe(200);
    expect(((await again.json()) as ApiReplyResult).duplicate).toBe(true);
    expect((await api(s, key.key, 'POST', `/api/v1/conversations/${first.conversationId}/messages`, { body: '   ' })).status).toBe(400);

    const read = (await (await api(s, key.key, 'GET', `/api/v1/conversations/${first.conversationId}`)).json()) as ApiConversation;
    expect(read.messages.map((m) => m.body)).toEqual(['first', 'Your order shipped today']);
    // The console's queue tie-break (a counter over every site's conversations) is not for a site's key.
    expect(read.conversation).not.toHaveProperty('serial');

    const resolved = await api(s, key.key, 'POST', `/api/v1/conversations/${first.conversationId}/resolve`);
    expect(((await resolved.json()) as { state: string }).state).toBe('resolved');
    expect((await api(s, key.key, 'POST', `/api/v1/conversations/${first.conversationId}/messages`, { body: 'late' })).status).toBe(409);

    // Pages of one, oldest first, then the state filter.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page = (await (await api(s, key.key, 'GET', `/api/v1/conversations?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json()) as ApiConversationPage;
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(convs);
    const open = (await (await api(s, key.key, 'GET', '/api/v1/conversations?state=queued')).json()) as ApiConversationPage;
    expect(open.items.map((c) => c.id)).toEqual(convs.slice(1));
    expect(open.items.filter((c) => 'serial' in c)).toEqual([]);
    // The tag filter: by name (any case) or id, only this site's tags.
    const sql = s.app.parla.db.sqlite;
    sql.prepare(`INSERT INTO tags (id, site_id, name, created_at) VALUES ('tag-vip', ?, 'VIP', 1), ('tag-other', ?, 'VIP2', 1)`).run(SITE, OTHER);
    sql.prepare(`INSERT INTO conversation_tags (conversation_id, tag_id, created_at) VALUES (?, 'tag-vip', 1), (?, 'tag-other', 1)`).run(convs[1], convs[2]);
    for (const tag of ['vip', 'tag-vip']) {
      const tagged = (await (await api(s, key.key, 'GET', `/api/v1/conversations?tag=${tag}`)).json()) as ApiConversationPage;
      expect(tagged.items.map((c) => c.id)).toEqual([convs[1]]);
    }
    expect(((await (await api(s, key.key, 'GET', '/api/v1/conversations?tag=VIP2')).json()) as ApiConversationPage).items).toEqual([]);
    const later = (await (await api(s, key.key, 'GET', `/api/v1/conversations?since=${new Date(Date.now() + 60_000).toISOString()}`)).json()) as ApiConversationPage;
    expect(later.items).toEqual([]);
    expect((await api(s, key.key, 'GET', '/api/v1/conversations?limit=0')).status).toBe(400);
    expect((await api(s, key.key, 'GET', '/api/v1/conversations?cursor=bm9wZQ')).status).toBe(400);
    expect((await api(s, key.key, 'GET', `/api/v1/metrics?from=10&to=5`)).status).toBe(400);
    expect((await api(s, key.key, 'GET', `/api/v1/metrics?from=0&to=1000&siteId=${OTHER}`)).status).toBe(404);
  });

  it('limits requests per key (RATE_API_KEY), each key on its own', async () => {
    const { s, newKey } = await setup({ RATE_API_KEY: '3/1m' });
    const a = await newKey(SITE, 'A');
    const b = await newKey(SITE, 'B');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(s, a.key, 'GET', '/api/v1/faqs')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api(s, a.key, 'GET', '/api/v1/faqs');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api(s, b.key, 'GET', '/api/v1/faqs')).status).toBe(200);
  });

  it('serves an OpenAPI document that validates and lists exactly the registered /api/v1 routes', async () => {
    const { s } = await setup();
    const res = await fetch(`${s.url}/api/docs`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenAPIV3_1.Document;
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors, 'validation errors').toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item ?? {}).map((m) => `${m.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    const registered = v1Routes(s).map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(registered.sort());
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual(['conversation.assigned', 'conversation.created', 'conversation.queued', 'conversation.resolved', 'csat.submitted', 'message.created']);
    // Every operation says it needs the key and how it fails without one.
    for (const item of Object.values(doc.paths ?? {})) for (const op of Object.values(item ?? {}) as OpenAPIV3_1.OperationObject[]) expect(op.responses?.['401']).toBeDefined();
    expect(doc.components?.securitySchemes?.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    // A schema from packages/protocol made it in: the reply body's message limit.
    const reply = doc.paths?.['/api/v1/conversations/{id}/messages']?.post?.requestBody as OpenAPIV3_1.RequestBodyObject;
    expect(JSON.stringify(reply.content['application/json']?.schema)).toContain('"maxLength":4000');
  });
});
