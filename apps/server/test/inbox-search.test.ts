/**
 * The inbox an agent can read: search (FTS5) by a word of a message, an order id attribute, a
 * name, with filters; hostile query text; tags (admins keep the list, agents tag, the API filters
 * by tag); internal notes that never reach the visitor; the preview is the shopper's last message.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import type { ConversationSummary } from '@parla/protocol';
import type { SearchResult, Tag } from '@parla/protocol/inbox';
import { ftsTerms, MailQueries } from '@parla/db';
import { onlineAgent, SITE, useServer, visitor, withCsrf, type TestServer } from './harness.ts';

const ctx = useServer({ fakeClock: true, env: { DB_SYNCHRONOUS: 'NORMAL' } });

async function shopper(s: TestServer, body: string, opts: { name?: string; email?: string; attributes?: Record<string, string | number>; departmentId?: string } = {}) {
  const { visitor: v } = await s.app.parla.visitors.hello(SITE, undefined, undefined, opts.attributes);
  s.clock.advance(1000);
  const r = await s.app.parla.conversations.visitorMessage({ id: v.id, siteId: SITE, name: null }, newClientId(), body, {
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.email ? { email: opts.email } : {}),
    ...(opts.departmentId ? { departmentId: opts.departmentId } : {}),
  });
  return { conversationId: r.conversationId, visitorId: v.id };
}

async function admin(s: TestServer): Promise<string> {
  const id = await s.addAgent('ada@shop.test', 'Ada');
  s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(id);
  return s.login('ada@shop.test');
}

async function search(s: TestServer, cookie: string, params: Record<string, string>): Promise<SearchResult> {
  const res = await fetch(`${s.url}/api/conversations/search?${new URLSearchParams(params)}`, { headers: { cookie } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SearchResult;
}
const ids = (r: SearchResult) => r.conversations.map((c) => c.id).sort();

async function send(s: TestServer, cookie: string, method: string, path: string, body?: unknown) {
  return fetch(`${s.url}${path}`, {
    method,
    headers: { ...withCsrf(cookie), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

describe('search', () => {
  it('finds a shopper by a word of their message, an order id attribute, a name or an email', async () => {
    const { s } = ctx;
    const cookie = await admin(s);
    const ship = await shopper(s, 'Where is my parcel? It was due yesterday', { name: 'Marta Rossi' });
    const order = await shopper(s, 'Hello', { attributes: { orderId: 'A-10042', plan: 'gold' } });
    const other = await shopper(s, 'Do you sell gift cards?', { email: 'luca@example.com' });

    expect(ids(await search(s, cookie, { q: 'parcel' }))).toEqual([ship.conversationId]);
    expect(ids(await search(s, cookie, { q: 'PARC' }))).toEqual([ship.conversationId]); // prefix, any case
    expect(ids(await search(s, cookie, { q: 'A-10042' }))).toEqual([order.conversationId]);
    expect(ids(await search(s, cookie, { q: '10042' }))).toEqual([order.conversationId]);
    expect(ids(await search(s, cookie, { q: 'A-10043' }))).toEqual([]);
    expect(ids(await search(s, cookie, { q: 'rossi' }))).toEqual([ship.conversationId]);
    expect(ids(await search(s, cookie, { q: 'luca@example.com' }))).toEqual([other.conversationId]);
    expect(ids(await search(s, cookie, { q: 'parcel yesterday' }))).toEqual([ship.conversationId]);
    expect(ids(await search(s, cookie, { q: 'parcel gift' }))).toEqual([]); // every word must match
    expect(ids(await search(s, cookie, { q: 'rossi yesterday' }))).toEqual([ship.conversationId]); // a name and a word of a message
    // No query: every conversation, newest activity first.
    expect((await search(s, cookie, {})).conversations.map((c) => c.id)).toEqual([other.conversationId, order.conversationId, ship.conversationId]);
  });

  it('filters by state, department, agent and channel, and pages with a cursor', async () => {
    const { s } = ctx;
    const cookie = await admin(s);
    const returns = await s.app.parla.sites.createDepartment(SITE, { name: 'Returns', urgency: 0, agentIds: [] });
    const a = await shopper(s, 'refund please', { departmentId: returns.id });
    const b = await shopper(s, 'refund for order 7');
    await s.app.parla.conversations.callbackRequest({ id: (await s.app.parla.visitors.hello(SITE, undefined, undefined)).visitor.id, siteId: SITE, name: null }, newClientId(), {
      phone: '+39 333 1234567',
      preferredTime: 'morning',
    });
    expect(ids(await search(s, cookie, { q: 'refund', departmentId: returns.id }))).toEqual([a.conversationId]);
    expect(ids(await search(s, cookie, { q: 'refund', state: 'queued' }))).toEqual([a.conversationId, b.conversationId].sort());
    expect(ids(await search(s, cookie, { q: 'refund', state: 'resolved' }))).toEqual([]);
    expect((await search(s, cookie, { channel: 'callback' })).conversations.map((c) => c.channel)).toEqual(['callback']);
    const adaId = s.app.parla.store.agentByEmail('ada@shop.test')!.id;
    expect(ids(await search(s, cookie, { agentId: adaId }))).toEqual([]);

    const first = await search(s, cookie, { limit: '2' });
    expect(first.conversations).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(s, cookie, { limit: '2', cursor: first.nextCursor! });
    expect(second.conversations).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.conversations, ...second.conversations].map((c) => c.id)).size).toBe(3);
    // The department's name and the channel come with every row.
    expect((await search(s, cookie, { departmentId: returns.id })).conversations[0]).toMatchObject({ departmentName: 'Returns', channel: 'web' });
  });

  it('takes hostile query text as plain words: quotes, asterisks, NEAR, column filters, operators', async () => {
    const { s } = ctx;
    const cookie = await admin(s);
    const c = await shopper(s, 'He said "NEAR" and OR meant body: nothing');
    for (const q of ['"', '""', '*', 'NEAR(a b)', 'body:said', 'said OR', 'AND', '^said', '(said', 'said)', "'; DROP TABLE messages; --", 'a"b*c', '-', '\u0000x']) {
      const r = await search(s, cookie, { q });
      expect(Array.isArray(r.conversations)).toBe(true);
    }
    expect(ids(await search(s, cookie, { q: '"near"' }))).toEqual([c.conversationId]);
    expect(ids(await search(s, cookie, { q: 'OR' }))).toEqual([c.conversationId]); // a word, not the operator
    expect(ids(await search(s, cookie, { q: 'body:' }))).toEqual([c.conversationId]);
    expect(ids(await search(s, cookie, { q: '*' }))).toEqual([]); // no word: nothing, not everything
    expect(ftsTerms('a"b NEAR')).toEqual(['"a""b"', '"NEAR"*']);
    // Bounded: a long query, a large page, a bad cursor are refused with a reason.
    for (const bad of [{ q: 'x'.repeat(201) }, { limit: '101' }, { cursor: 'abc' }, { state: 'gone' }] as Record<string, string>[]) {
      const res = await fetch(`${s.url}/api/conversations/search?${new URLSearchParams(bad)}`, { headers: { cookie } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('bad_request');
    }
    expect((await fetch(`${s.url}/api/conversations/search?q=x`)).status).toBe(401);
  });

  it('keeps the index in step: an erased visitor is no longer found, and their words leave the index', async () => {
    const { s } = ctx;
    const cookie = await admin(s);
    const c = await shopper(s, 'my secret zorblaxian parcel', { name: 'Quentinova Smith', attributes: { orderId: 'Z-777', code: 'plimsoxx' } });
    await shopper(s, 'another parcel');
    expect(ids(await search(s, cookie, { q: 'Z-777' }))).toEqual([c.conversationId]);
    expect(ids(await search(s, cookie, { q: 'zorblaxian' }))).toEqual([c.conversationId]);
    const sql = s.app.parla.db.sqlite;
    // The index's own pages hold the words (FTS5 stores each token once per segment).
    const inIndex = (token: string) =>
      (sql.prepare(`SELECT (SELECT count(*) FROM messages_fts_data WHERE instr(block, ?) > 0) + (SELECT count(*) FROM visitors_fts_data WHERE instr(block, ?) > 0) AS n`).get(token, token) as { n: number }).n;
    expect(inIndex('zorblaxian')).toBeGreaterThan(0);
    expect(inIndex('quentinova')).toBeGreaterThan(0);
    expect(inIndex('plimsoxx')).toBeGreaterThan(0);
    await s.app.parla.security.privacy.erase(c.visitorId);
    expect(ids(await search(s, cookie, { q: 'zorblaxian' }))).toEqual([]);
    expect(ids(await search(s, cookie, { q: 'Z-777' }))).toEqual([]);
    expect((await search(s, cookie, { q: 'parcel' })).conversations).toHaveLength(1);
    // secure-delete: gone from the index, not only marked deleted.
    expect(inIndex('zorblaxian')).toBe(0);
    expect(inIndex('quentinova')).toBe(0);
    expect(inIndex('plimsoxx')).toBe(0);
  });
});

describe('the preview', () => {
  it('is the shopper last message, never a bot, agent or system line', async () => {
    const { s } = ctx;
    await s.addAgent('bo@shop.test', 'Bo');
    const bo = await onlineAgent(ctx, 'bo@shop.test');
    const v = ctx.track(visitor(s));
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Is the blue sofa in stock?' });
    const ack = await v.frame('ack');
    const id = ack.conversationId;
    await bo.frame('inbox.upsert', (f) => f.conversation.id === id && f.conversation.state === 'assigned');
    bo.session.sendReliable({ type: 'message.send', conversationId: id, clientId: newClientId(), body: 'Let me check for you' });
    await v.waitFor(() => v.messages().includes('Let me check for you'), 'agent reply');
    const row = s.app.parla.conversations.summary(id)!;
    expect(row.lastMessage).toBe('Is the blue sofa in stock?');
    expect(row.lastMessageAt).toBeGreaterThanOrEqual(row.createdAt);
    // A system line (the shopper asks to be called back in the same conversation) does not either.
    const before = row.lastMessageAt!;
    s.clock.advance(1000);
    const visitorId = s.app.parla.store.conversation(id)!.visitorId;
    const cb = await s.app.parla.conversations.callbackRequest({ id: visitorId, siteId: SITE, name: null }, newClientId(), { phone: '+39 333 1234567', preferredTime: '' });
    expect(cb.conversationId).toBe(id);
    const after = s.app.parla.conversations.summary(id)!;
    expect(after.lastMessage).toBe('Is the blue sofa in stock?');
    expect(after.lastMessageAt).toBeGreaterThan(before);
    // A bot handover line does not replace it either.
    await s.app.parla.bot.replaceFaqs(SITE, [
      { id: 'ship', lang: 'en', question: 'How much does shipping cost?', alternatives: [], answer: 'Shipping is free over 50 euros.', quickReplies: [], departmentId: null, tags: [] },
    ]);
    await s.app.parla.sites.saveSettings(SITE, { ...s.app.parla.sites.settings(SITE)!, botMode: 'first' });
    const botted = await shopper(s, 'Quantum flux capacitor warranty');
    const lines = s.app.parla.conversations.itemsAfter(botted.conversationId, 0)!.items.flatMap((x) => (x.kind === 'message' ? [x.authorType] : []));
    expect(lines).toEqual(['visitor', 'bot']); // the bot could not help and handed over
    expect(s.app.parla.conversations.summary(botted.conversationId)!.lastMessage).toBe('Quantum flux capacitor warranty');
  });
});

describe('tags', () => {
  it('admins keep the list, agents tag and untag, the search and the rows follow', async () => {
    const { s } = ctx;
    const adminCookie = await admin(s);
    await s.addAgent('bo@shop.test', 'Bo');
    const agentCookie = await s.login('bo@shop.test');
    const bo = await onlineAgent(ctx, 'bo@shop.test');

    // An agent cannot create, rename or delete tags; an admin can, names unique per site (any case).
    expect((await send(s, agentCookie, 'POST', `/api/sites/${SITE}/tags`, { name: 'vip' })).status).toBe(403);
    const created = await send(s, adminCookie, 'POST', `/api/sites/${SITE}/tags`, { name: 'VIP' });
    expect(created.status).toBe(201);
    const vip = (await created.json()) as Tag;
    expect((await send(s, adminCookie, 'POST', `/api/sites/${SITE}/tags`, { name: 'vip' })).status).toBe(409);
    expect((await send(s, adminCookie, 'POST', `/api/sites/${SITE}/tags`, { name: ' ' })).status).toBe(400);
    expect((await send(s, adminCookie, 'POST', `/api/sites/nosuch/tags`, { name: 'x' })).status).toBe(404);
    const late = (await (await send(s, adminCookie, 'POST', `/api/sites/${SITE}/tags`, { name: 'late delivery' })).json()) as Tag;
    expect((await send(s, agentCookie, 'PATCH', `/api/tags/${late.id}`, { name: 'late' })).status).toBe(403);
    expect((await send(s, adminCookie, 'PATCH', `/api/tags/${late.id}`, { name: 'VIP' })).status).toBe(409);
    expect((await send(s, adminCookie, 'PATCH', `/api/tags/${late.id}`, { name: 'Late' })).status).toBe(200);
    const list = (await (await fetch(`${s.url}/api/sites/${SITE}/tags`, { headers: { cookie: agentCookie } })).json()) as Tag[];
    expect(list.map((t) => t.name)).toEqual(['Late', 'VIP']);
    // The CSRF check: no token, no change.
    expect((await fetch(`${s.url}/api/sites/${SITE}/tags`, { method: 'POST', headers: { cookie: adminCookie, 'content-type': 'application/json' }, body: '{"name":"x"}' })).status).toBe(403);

    const a = await shopper(s, 'order late again');
    const b = await shopper(s, 'another question');
    const put = await send(s, agentCookie, 'PUT', `/api/conversations/${a.conversationId}/tags/${vip.id}`);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ tags: [vip.id] });
    await bo.frame('inbox.upsert', (f) => f.conversation.id === a.conversationId && (f.conversation.tags ?? []).includes(vip.id));
    expect((await send(s, agentCookie, 'PUT', `/api/conversations/${a.conversationId}/tags/nosuch`)).status).toBe(404);
    expect(ids(await search(s, agentCookie, { tag: vip.id }))).toEqual([a.conversationId]);
    expect(ids(await search(s, agentCookie, { tag: vip.id, q: 'late' }))).toEqual([a.conversationId]);
    expect(ids(await search(s, agentCookie, { tag: late.id }))).toEqual([]);
    // The reports filter by tag too.
    const metrics = async (tag?: string) => {
      const res = await fetch(`${s.url}/api/metrics?${new URLSearchParams({ from: String(s.clock.now - 86_400_000), to: String(s.clock.now + 1), groupBy: 'none', ...(tag ? { tag } : {}) })}`, { headers: { cookie: agentCookie } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { totals: { conversations: number } }).totals.conversations;
    };
    expect(await metrics()).toBe(2);
    expect(await metrics(vip.id)).toBe(1);
    expect(await metrics(late.id)).toBe(0);
    const csv = await (await fetch(`${s.url}/api/metrics/conversations.csv?${new URLSearchParams({ from: String(s.clock.now - 86_400_000), to: String(s.clock.now + 1), tag: vip.id })}`, { headers: { cookie: agentCookie } })).text();
    expect(csv).toContain(a.conversationId);
    expect(csv).not.toContain(b.conversationId);

    expect((await send(s, agentCookie, 'DELETE', `/api/conversations/${a.conversationId}/tags/${vip.id}`)).status).toBe(200);
    expect(ids(await search(s, agentCookie, { tag: vip.id }))).toEqual([]);
    // Deleting a tag takes it off every conversation.
    await send(s, agentCookie, 'PUT', `/api/conversations/${b.conversationId}/tags/${late.id}`);
    expect((await send(s, adminCookie, 'DELETE', `/api/tags/${late.id}`)).status).toBe(204);
    expect(s.app.parla.conversations.summary(b.conversationId)!.tags).toEqual([]);
  });
});

describe('internal notes', () => {
  it('are written at any time, reach the agents, and never the visitor, their export or their transcript', async () => {
    const { s } = ctx;
    await s.addAgent('bo@shop.test', 'Bo');
    const cookie = await s.login('bo@shop.test');
    const bo = await onlineAgent(ctx, 'bo@shop.test');
    const v = ctx.track(visitor(s));
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'My order never came' });
    const id = (await v.frame('ack')).conversationId;
    const secret = 'Customer is a known fraud risk: check ID';
    const res = await send(s, cookie, 'POST', `/api/conversations/${id}/notes`, { body: secret });
    expect(res.status).toBe(201);
    const { seq } = (await res.json()) as { seq: number };
    // The visitor's stream has the event (no gap in seq) but not the text.
    const seen = await v.waitFor(() => v.items.find((x) => x.item.seq === seq), 'the note event at the visitor');
    expect(seen.item).toMatchObject({ kind: 'event', event: 'note', note: null });
    expect(JSON.stringify(v.frames)).not.toContain('fraud');
    // An agent reading the conversation gets the text.
    const items = s.app.parla.conversations.itemsAfter(id, 0)!.items;
    expect(items.find((x) => x.seq === seq)).toMatchObject({ kind: 'event', event: 'note', note: secret, agentName: 'Bo' });
    // After resolution too; the visitor's data export leaves it out.
    await s.app.parla.conversations.resolve({ id: s.app.parla.store.agentByEmail('bo@shop.test')!.id, name: 'Bo' }, id);
    expect(s.app.parla.store.conversation(id)!.state).toBe('resolved');
    expect((await send(s, cookie, 'POST', `/api/conversations/${id}/notes`, { body: 'after the end, also secret' })).status).toBe(201);
    const visitorId = s.app.parla.store.conversation(id)!.visitorId;
    expect(JSON.stringify(s.app.parla.security.privacy.export(visitorId))).not.toMatch(/fraud|also secret/);
    expect(JSON.stringify(new MailQueries(s.app.parla.db.sqlite).lines(id))).not.toMatch(/fraud|also secret/);
    expect(JSON.stringify(new MailQueries(s.app.parla.db.sqlite).lines(id))).toContain('My order never came');
    // Bad input: empty, too long, no such conversation.
    expect((await send(s, cookie, 'POST', `/api/conversations/${id}/notes`, { body: '  ' })).status).toBe(400);
    expect((await send(s, cookie, 'POST', `/api/conversations/${id}/notes`, { body: 'x'.repeat(4001) })).status).toBe(400);
    expect((await send(s, cookie, 'POST', `/api/conversations/nosuch/notes`, { body: 'x' })).status).toBe(404);
  });
});
