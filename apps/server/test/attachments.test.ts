/**
 * Attachments over real HTTP: the type is read from the bytes (an HTML file named .png is
 * refused, so is SVG), the size is limited, a real PNG is accepted, sent in a message and served
 * with strict headers only to the conversation's visitor and agents, PDFs as downloads, CORS only
 * for the site's origins, and erasing the visitor deletes the files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newClientId } from '@parla/client';
import { describe, expect, it } from 'vitest';
import { SHOP_ORIGIN, SITE, onlineAgent, startServer, useServer, visitor, type TestServer, withCsrf } from './harness.ts';

const MAX = 64 * 1024;
const ctx = useServer({ env: { ATTACHMENT_MAX_BYTES: String(MAX) } });

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function upload(s: TestServer, bytes: Buffer, name: string, auth: { visitorToken?: string; cookie?: string; conversationId?: string; origin?: string }) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: name.endsWith('.png') ? 'image/png' : 'application/octet-stream' }), name);
  const q = auth.cookie ? `conversationId=${auth.conversationId}` : `site=${SITE}`;
  const res = await fetch(`${s.url}/api/attachments?${q}`, {
    method: 'POST',
    headers: {
      ...(auth.visitorToken ? { authorization: `Visitor ${auth.visitorToken}` } : {}),
      ...(auth.cookie ? { ...withCsrf(auth.cookie), origin: s.url } : {}),
      ...(auth.origin ? { origin: auth.origin } : auth.visitorToken ? { origin: SHOP_ORIGIN } : {}),
    },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

async function shopper(s: TestServer) {
  const v = ctx.track(visitor(s));
  const w = await v.frame('welcome');
  return { v, id: w.visitorId, token: w.visitorToken! };
}

describe('attachments', () => {
  it('refuses an HTML file named .png (415, by content), SVG, an empty file, and oversized files (413)', async () => {
    const s = ctx.s;
    const { token } = await shopper(s);
    const html = await upload(s, HTML, 'cat.png', { visitorToken: token });
    expect(html.status).toBe(415);
    expect(html.body).toMatchObject({ error: 'unsupported_type', message: expect.stringContaining('content of the file') });
    expect((await upload(s, SVG, 'logo.svg', { visitorToken: token })).status).toBe(415);
    expect((await upload(s, Buffer.alloc(0), 'empty.png', { visitorToken: token })).status).toBe(400);
    // Just over the limit (read and cut while streaming), and far over it (refused by its length).
    const over = Buffer.concat([PNG, Buffer.alloc(MAX - PNG.length + 1, 1)]);
    const big = await upload(s, over, 'big.png', { visitorToken: token });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: 'too_large' });
    expect((await upload(s, Buffer.concat([PNG, Buffer.alloc(4 * MAX)]), 'huge.png', { visitorToken: token })).status).toBe(413);
    // A file exactly at the limit is fine.
    expect((await upload(s, Buffer.concat([PNG, Buffer.alloc(MAX - PNG.length)]), 'max.png', { visitorToken: token })).status).toBe(201);
    // Nothing refused reached the disk.
    expect(readdirSync(join(s.dir, 'attachments'))).toHaveLength(1);
  });

  it('a real PNG is accepted, sent with a message, and served with strict headers to the visitor and agents only', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const cookie = await s.login('ada@shop.test');
    const { v, id: visitorId, token } = await shopper(s);
    const other = await shopper(s);

    expect((await upload(s, PNG, 'x.png', {})).status).toBe(401); // no credentials
    const up = await upload(s, PNG, '../..\\etc\\photo<b>|x.png', { visitorToken: token });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ mime: 'image/png', size: PNG.length, name: 'photo_b__x.png' });
    expect(up.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    const attachmentId = String(up.body.id);
    expect(existsSync(join(s.dir, 'attachments', attachmentId))).toBe(true);

    // Another visitor can neither send it nor fetch it.
    other.v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'mine now', attachmentId });
    expect(await other.v.frame('error')).toMatchObject({ code: 'not_found' });
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'photo of the damage', attachmentId });
    const ack = await v.frame('ack');
    a.session.track(ack.conversationId);
    const item = await a.waitFor(() => a.items.find((i) => i.item.kind === 'message' && i.item.attachment), 'the message with its attachment');
    expect(item.item).toMatchObject({ body: 'photo of the damage', attachment: { id: attachmentId, mime: 'image/png', size: PNG.length } });
    // Sent once only.
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'again', attachmentId });
    expect(await v.frame('error')).toMatchObject({ code: 'conflict' });

    const get = (headers: Record<string, string>, id = attachmentId) => fetch(`${s.url}/api/attachments/${id}`, { headers });
    const asAgent = await get({ cookie });
    expect(asAgent.status).toBe(200);
    expect(asAgent.headers.get('content-type')).toBe('image/png');
    expect(asAgent.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asAgent.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(asAgent.headers.get('content-disposition')).toMatch(/^inline; filename="photo_b__x.png"/);
    expect(Buffer.from(await asAgent.arrayBuffer()).equals(PNG)).toBe(true);
    const asVisitor = await get({ authorization: `Visitor ${token}`, origin: SHOP_ORIGIN });
    expect(asVisitor.status).toBe(200);
    expect(asVisitor.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(Buffer.from(await asVisitor.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await get({ authorization: `Visitor ${other.token}` })).status).toBe(404);
    expect((await get({ authorization: `Visitor ${other.token}` }, 'no-such-id')).status).toBe(404);
    expect((await get({})).status).toBe(401);
    expect((await fetch(`${s.url}/api/attachments/${attachmentId}?token=${token}`)).status).toBe(401); // never in the URL

    // An agent's PDF for the visitor: a download, never rendered inline.
    const pdf = await upload(s, PDF, 'invoice 1042.pdf', { cookie, conversationId: ack.conversationId });
    expect(pdf.status).toBe(201);
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Your invoice', attachmentId: String(pdf.body.id) });
    await v.waitFor(() => v.items.find((i) => i.item.kind === 'message' && i.item.attachment?.mime === 'application/pdf'), 'the PDF in the widget');
    const dl = await get({ authorization: `Visitor ${token}` }, String(pdf.body.id));
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice 1042.pdf"/);
    expect(Buffer.from(await dl.arrayBuffer()).equals(PDF)).toBe(true);
    expect(visitorId).toBeTruthy();
  });

  it('CORS only for the site’s origins; erasing the visitor deletes their files', async () => {
    const s = ctx.s;
    await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: 'correct horse battery', role: 'admin' });
    const admin = await s.login('boss@shop.test');
    const { v, id, token } = await shopper(s);
    const pre = (origin: string) => fetch(`${s.url}/api/attachments?site=${SITE}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect((await pre(SHOP_ORIGIN)).headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect((await pre('https://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await upload(s, PNG, 'a.png', { visitorToken: token, origin: 'https://evil.test' })).status).toBe(403);

    const sent = await upload(s, PNG, 'sent.png', { visitorToken: token });
    const unsent = await upload(s, PNG, 'unsent.png', { visitorToken: token });
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'look', attachmentId: String(sent.body.id) });
    await v.frame('ack');
    const files = () => readdirSync(join(s.dir, 'attachments'));
    expect(files().sort()).toEqual([String(sent.body.id), String(unsent.body.id)].sort());
    const exported = (await (await fetch(`${s.url}/api/visitors/${id}/export`, { headers: { cookie: admin } })).json()) as { attachments: { name: string }[] };
    expect(exported.attachments.map((a) => a.name).sort()).toEqual(['sent.png', 'unsent.png']);
    const del = await fetch(`${s.url}/api/visitors/${id}`, { method: 'DELETE', headers: { ...withCsrf(admin), origin: s.url } });
    expect(del.status).toBe(204);
    expect(files()).toEqual([]);
    expect(s.app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });

  it('a client that stops reading a large file does not hold up a shutdown', async () => {
    const s = await startServer({ env: { ATTACHMENT_MAX_BYTES: String(8 * 1024 * 1024) } });
    await s.addAgent('ada@shop.test', 'Ada');
    const cookie = await s.login('ada@shop.test');
    const v = visitor(s);
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'hello' });
    const ack = await v.frame('ack');
    const pdf = await upload(s, Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024, 32)]), 'big.pdf', { cookie, conversationId: ack.conversationId });
    expect(pdf.status).toBe(201);
    // Three downloads whose bodies are never read (more than the socket buffers hold).
    const stalled = await Promise.all([1, 2, 3].map(() => fetch(`${s.url}/api/attachments/${String(pdf.body.id)}`, { headers: { cookie } })));
    expect(stalled.map((r) => r.status)).toEqual([200, 200, 200]);
    v.close();
    await s.close(); // without the preClose hook this never returns and the test times out
    expect(s.app.server.listening).toBe(false);
  });
});
