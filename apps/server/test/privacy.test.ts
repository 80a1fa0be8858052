/**
 * Export and erase one visitor. After the erase (secure_delete=ON, then wal_checkpoint(TRUNCATE))
 * the raw bytes of the database file and its WAL hold no trace of a unique marker the visitor
 * wrote in a message, their name, an attribute and a page title; another visitor's marker, written
 * the same way, is still there (so the scan can see what it looks for).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { VisitorExport, type ServerToVisitor, type VisitorToServer } from '@parla/protocol';
import { onlineAgent, SHOP_ORIGIN, SITE, TestClient, useServer, type TestServer, withCsrf } from './harness.ts';

const ctx = useServer();

function scan(s: TestServer, needle: string): { found: string[]; bytes: number } {
  const found: string[] = [];
  let bytes = 0;
  for (const f of ['parla.db', 'parla.db-wal']) {
    const file = join(s.dir, f);
    if (!existsSync(file)) continue;
    const b = readFileSync(file);
    bytes += b.length;
    if (b.includes(Buffer.from(needle, 'utf8'))) found.push(f);
  }
  return { found, bytes };
}

/** A visitor whose name, email, attribute, page title and messages all carry `marker`. */
async function marked(s: TestServer, marker: string, agentReply: (conversationId: string) => Promise<void>) {
  const v = ctx.track(
    new TestClient<VisitorToServer, ServerToVisitor>(
      `${s.wsUrl}/ws/visitor?site=${SITE}`,
      () => ({ type: 'hello', protocol: 4, page: { url: `${SHOP_ORIGIN}/p/${marker}`, title: `Page ${marker}` }, attributes: { orderId: `order-${marker}`, tier: 'vip' } }),
      { origin: SHOP_ORIGIN },
    ),
  );
  const w = await v.frame('welcome');
  v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: `my secret is ${marker}`, name: `Name ${marker}`, email: `${marker.toLowerCase()}@example.com` });
  const ack = await v.frame('ack');
  v.session.send({ type: 'page.view', page: { url: `${SHOP_ORIGIN}/checkout`, title: `Checkout ${marker}` } });
  await agentReply(ack.conversationId);
  return { v, visitorId: w.visitorId, conversationId: ack.conversationId };
}

describe('privacy: export and erase a visitor', () => {
  it('exports everything of one visitor as JSON (admins only), then erases it so no byte of it is left in the database files', async () => {
    const s = ctx.s;
    await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: 'correct horse battery', role: 'admin' });
    await s.addAgent('agent@shop.test', 'Agent');
    const admin = await s.login('boss@shop.test');
    const agentCookie = await s.login('agent@shop.test');
    const a = await onlineAgent(ctx, 'boss@shop.test');
    const reply = async (conversationId: string) => {
      a.session.track(conversationId);
      await a.waitFor(() => a.items.some((i) => i.conversationId === conversationId && i.item.kind === 'message'), 'the visitor message at the agent');
      const cid = newClientId();
      a.session.sendReliable({ type: 'message.send', clientId: cid, conversationId, body: 'Thanks, we will look into it' });
      await a.frame('ack', (f) => f.clientId === cid);
    };

    const marker = `MRK${randomBytes(12).toString('hex')}`;
    const control = `CTL${randomBytes(12).toString('hex')}`;
    const gone = await marked(s, marker, reply);
    const kept = await marked(s, control, reply);
    await new Promise((r) => setTimeout(r, 100)); // the page view

    // Export: admins only, everything there.
    const get = (cookie: string) => fetch(`${s.url}/api/visitors/${gone.visitorId}/export`, { headers: { cookie } });
    expect((await get(agentCookie)).status).toBe(403);
    const res = await get(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = VisitorExport.parse(await res.json());
    expect(data.visitor).toMatchObject({ id: gone.visitorId, name: `Name ${marker}`, email: `${marker.toLowerCase()}@example.com` });
    expect(data.attributes).toEqual({ orderId: `order-${marker}`, tier: 'vip' });
    expect(data.visits.length).toBe(1);
    expect(data.pageViews.map((p) => p.title)).toEqual([`Page ${marker}`, `Checkout ${marker}`]);
    expect(data.conversations.map((c) => c.id)).toEqual([gone.conversationId]);
    expect(data.messages.map((m) => m.body)).toEqual([`my secret is ${marker}`, 'Thanks, we will look into it']);
    expect(data.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'queued', 'assigned']));
    expect(JSON.stringify(data)).not.toContain(control);
    expect(JSON.stringify(data)).not.toMatch(/token/i);

    // Before: the scan finds both markers (checkpointed into the file).
    s.app.parla.commit.flush();
    s.app.parla.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(scan(s, marker).found).toContain('parla.db');

    // Erase: agents may not; the admin's erase closes the visitor's socket.
    const del = (cookie: string) => fetch(`${s.url}/api/visitors/${gone.visitorId}`, { method: 'DELETE', headers: { ...withCsrf(cookie), origin: s.url } });
    expect((await del(agentCookie)).status).toBe(403);
    // The page stays open in a real browser and its widget says hello again as a new visitor (with the
    // same page and attributes); this test's page is gone: no reconnect may write the marker again.
    const closed = new Promise<void>((r) => gone.v.session.on('status', (st) => st !== 'open' && (gone.v.close(), r())));
    expect((await del(admin)).status).toBe(204);
    await closed;
    expect((await get(admin)).status).toBe(404);
    expect((await del(admin)).status).toBe(404);

    const db = s.app.parla.db.sqlite;
    const count = (sql: string, ...p: string[]) => (db.prepare(sql).get(...p) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM visitors WHERE id = ?', gone.visitorId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM conversations WHERE visitor_id = ?', gone.visitorId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM messages WHERE conversation_id = ?', gone.conversationId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM conversation_events WHERE conversation_id = ?', gone.conversationId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM visits WHERE visitor_id = ?', gone.visitorId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM visitors WHERE id = ?', kept.visitorId)).toBe(1);

    // After the checkpoint: no byte of the marker in the database file or the WAL; the control is still there.
    s.app.parla.commit.flush();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const after = scan(s, marker);
    expect(after.found).toEqual([]);
    expect(scan(s, control).found).toContain('parla.db');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    console.log(`erase: marker in 0 of the database files (${after.bytes} bytes scanned); the other visitor's marker still found; export had ${data.messages.length} messages, ${data.events.length} events, ${data.pageViews.length} page views`);
  });
});
