/**
 * Webhooks against a real HTTP receiver on loopback: signatures, order, retries after 500s with
 * growing waits, one delivery id per event, the delivery log, redelivery, and no delivery for a
 * write that failed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { newClientId } from '@parla/client';
import type { WebhookCreated, WebhookDelivery, WebhookPayload } from '@parla/protocol/api';
import { afterEach, describe, expect, it } from 'vitest';
import { isPrivateAddress, targetProblem } from '../src/modules/integrations/targets.ts';
import { verify } from '../src/modules/integrations/signature.ts';
import { agent, SITE, startServer, visitor, type TestServer, withCsrf } from './harness.ts';

const WAITS = [40, 120, 360, 1000];
const ENV = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SCHEDULE: WAITS.map((w) => `${w}ms`).join(','), WEBHOOK_TIMEOUT_MS: '3000' };

interface Arrival {
  delivery: string;
  event: string;
  attempt: number;
  at: number;
  signatureOk: boolean;
  body: string;
  status: number;
  signature: string;
}

/** A webhook receiver: checks the signature itself (node:crypto, not the server's code), records every arrival, answers per `policy`. */
class Receiver {
  readonly arrivals: Arrival[] = [];
  /** First body per delivery id, among the accepted (2xx) ones: a receiver that dedupes. */
  readonly accepted = new Map<string, WebhookPayload>();
  secret = '';
  private server: Server;
  url = '';
  constructor(private policy: (a: Omit<Arrival, 'status' | 'signature'>, payload: WebhookPayload) => number) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }
  async listen(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const a = this.server.address();
    this.url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/hooks/parla`;
  }
  setPolicy(p: Receiver['policy']) {
    this.policy = p;
  }
  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const sig = String(req.headers['x-parla-signature'] ?? '');
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig);
    const expected = m ? createHmac('sha256', this.secret).update(`${m[1]}.${body}`).digest() : Buffer.alloc(32);
    const signatureOk = !!m && timingSafeEqual(expected, Buffer.from(m[2]!, 'hex')) && Math.abs(Date.now() - Number(m[1])) < 5 * 60_000;
    const a = { delivery: String(req.headers['x-parla-delivery']), event: String(req.headers['x-parla-event']), attempt: Number(req.headers['x-parla-attempt']), at: performance.now(), signatureOk, body };
    const payload = JSON.parse(body) as WebhookPayload;
    const status = signatureOk ? this.policy(a, payload) : 401;
    this.arrivals.push({ ...a, status, signature: sig });
    if (status < 300 && !this.accepted.has(a.delivery)) this.accepted.set(a.delivery, payload);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver says no');
  }
  async waitAccepted(n: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.accepted.size < n) {
      if (Date.now() > deadline) throw new Error(`receiver accepted ${this.accepted.size} of ${n}: ${JSON.stringify(this.arrivals.map((a) => [a.event, a.attempt, a.status]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  close() {
    this.server.close();
    this.server.closeAllConnections();
  }
}

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(env: Record<string, string> = ENV) {
  const s = await startServer({ env });
  closers.push(() => s.close());
  await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: 'correct horse battery', role: 'admin' });
  const admin = await s.login('boss@shop.test');
  const http = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${s.url}${path}`, {
      method,
      headers: { ...withCsrf(admin), origin: s.url, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as unknown };
  };
  return { s, http };
}

async function endpoint(http: Awaited<ReturnType<typeof setup>>['http'], r: Receiver, events?: string[]) {
  const res = await http('POST', `/api/sites/${SITE}/webhooks`, { url: r.url, events: events ?? ['conversation.created', 'conversation.queued', 'conversation.assigned', 'conversation.resolved', 'message.created', 'csat.submitted'] });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const created = res.json as WebhookCreated;
  r.secret = created.secret;
  return created;
}

async function chat(s: TestServer) {
  const agentId = await s.addAgent('ada@shop.test', 'Ada');
  const a = agent(s, await s.login('ada@shop.test'));
  closers.push(() => a.close());
  await a.frame('welcome');
  const v = visitor(s);
  closers.push(() => v.close());
  await v.frame('welcome');
  return { a, v, agentId };
}

describe('webhooks', () => {
  it('signs every event, delivers in order, holds the rest while one delivery is retried after three 500s, with growing waits', async () => {
    const { s, http } = await setup();
    /** The wait the server chose after each failed attempt, read from the delivery row when the next attempt arrives. */
    const chosenWaits: number[] = [];
    let failing: string | null = null;
    const r = new Receiver((a, p) => {
      if (failing === null && p.type === 'message.created') failing = a.delivery;
      if (a.delivery !== failing) return 200;
      if (a.attempt > 1) {
        const row = s.app.parla.db.sqlite.prepare('SELECT next_attempt_at - updated_at AS wait FROM webhook_deliveries WHERE id = ?').get(a.delivery) as { wait: number };
        chosenWaits.push(row.wait);
      }
      return a.attempt <= 3 ? 500 : 204;
    });
    await r.listen();
    closers.push(() => r.close());
    const ep = await endpoint(http, r);
    const { a, v, agentId } = await chat(s);

    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Where is my parcel?' });
    const ack = await v.frame('ack');
    a.session.track(ack.conversationId);
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'On its way!' });
    await v.waitFor(() => v.messages().includes('On its way!'), 'reply');
    await s.app.parla.conversations.resolve({ id: agentId, name: 'Ada' }, ack.conversationId);
    await s.app.parla.conversations.rate({ id: (await v.frame('welcome')).visitorId }, ack.conversationId, 5, 'quick');

    await r.waitAccepted(7);
    const expected = ['conversation.created', 'message.created', 'conversation.queued', 'conversation.assigned', 'message.created', 'conversation.resolved', 'csat.submitted'];
    const accepted = [...r.accepted.values()];
    expect(accepted.map((p) => p.type)).toEqual(expected);
    expect(r.arrivals.every((x) => x.signatureOk)).toBe(true);

    // Arrivals: the failing delivery four times in a row (three 500s, then success), nothing of the later ones before it succeeded.
    const ids = [...r.accepted.keys()];
    expect(r.arrivals.map((x) => [x.delivery, x.attempt, x.status])).toEqual([
      [ids[0], 1, 200],
      [ids[1], 1, 500],
      [ids[1], 2, 500],
      [ids[1], 3, 500],
      [ids[1], 4, 204],
      ...ids.slice(2).map((id) => [id, 1, 200]),
    ]);
    // Waits: each at least the configured one (never early), and growing.
    const tries = r.arrivals.filter((x) => x.delivery === ids[1]).map((x) => x.at);
    const gaps = tries.slice(1).map((t, i) => t - tries[i]!);
    for (let i = 0; i < gaps.length; i++) expect(gaps[i]!, `gap ${i + 1}`).toBeGreaterThanOrEqual(WAITS[i]! - 2);
    expect(chosenWaits).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      expect(chosenWaits[i]!).toBeGreaterThanOrEqual(WAITS[i]!);
      expect(chosenWaits[i]!).toBeLessThanOrEqual(WAITS[i]! * 1.25);
    }
    expect(chosenWaits[0]! < chosenWaits[1]! && chosenWaits[1]! < chosenWaits[2]!).toBe(true);
    console.log(`webhooks: 7 events, ${r.arrivals.length} requests; waits chosen ${chosenWaits.join(', ')} ms, observed ${gaps.map((g) => g.toFixed(0)).join(', ')} ms`);

    // One delivery id per event, one event id per delivery (one endpoint).
    expect(new Set(accepted.map((p) => p.id)).size).toBe(7);
    expect(new Set(r.arrivals.map((x) => x.delivery)).size).toBe(7);

    // What the events say.
    expect(accepted[1]!.data.message?.body).toBe('Where is my parcel?');
    expect(accepted[1]!.data.message?.authorType).toBe('visitor');
    expect(accepted[3]!.data.agent).toEqual({ id: agentId, name: 'Ada' });
    expect(accepted[3]!.data.conversation.state).toBe('assigned');
    expect(accepted[4]!.data.message?.body).toBe('On its way!');
    expect(accepted[5]!.data.conversation.resolvedAt).not.toBeNull();
    expect(accepted[6]!.data.csat).toEqual({ rating: 5, comment: 'quick', changed: false });
    expect(accepted.every((p) => p.siteId === SITE && p.data.conversation.id === ack.conversationId)).toBe(true);

    // The delivery log in the console (the last delivery is recorded once its answer is back: the
    // receiver may have counted it a moment before).
    let log: WebhookDelivery[] = [];
    await expect
      .poll(async () => {
        log = (await http('GET', `/api/webhooks/${ep.id}/deliveries`)).json as WebhookDelivery[];
        return log.length === 7 && log.every((d) => d.status === 'delivered');
      })
      .toBe(true);
    const retried = log.find((d) => d.id === ids[1])!;
    expect(retried.attempts).toBe(4);
    expect(retried.lastStatus).toBe(204);
    expect(log.filter((d) => d.id !== ids[1]).every((d) => d.attempts === 1)).toBe(true);
    // The secret is the admin's on demand, and verifies with the server's own helper too.
    const sec = (await http('GET', `/api/webhooks/${ep.id}/secret`)).json as { secret: string };
    expect(sec.secret).toBe(r.secret);
    const last = r.arrivals[r.arrivals.length - 1]!;
    expect(verify(sec.secret, last.body, last.signature, Date.now())).toBe(true);
    expect(verify(sec.secret, `${last.body} `, last.signature, Date.now())).toBe(false);
    expect(verify(`${sec.secret}x`, last.body, last.signature, Date.now())).toBe(false);
    expect(verify(sec.secret, last.body, last.signature, Date.now() + 10 * 60_000)).toBe(false); // a replay, ten minutes later
  });

  it('writes no delivery for a write that failed, and the next one goes', async () => {
    const { s, http } = await setup();
    const r = new Receiver(() => 200);
    await r.listen();
    closers.push(() => r.close());
    await endpoint(http, r, ['message.created']);
    const { a, v, agentId } = await chat(s);
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'hello' });
    const ack = await v.frame('ack');
    await r.waitAccepted(1);

    // The store fails after the message and its outbox row were written, inside the same savepoint.
    const store = s.app.parla.store;
    const real = store.setLastMessage.bind(store);
    store.setLastMessage = () => {
      throw new Error('disk I/O error (injected)');
    };
    await expect(s.app.parla.conversations.agentMessage({ id: agentId, name: 'Ada' }, ack.conversationId, newClientId(), 'LOST-REPLY')).rejects.toThrow(/injected/);
    store.setLastMessage = real;
    await s.app.parla.conversations.agentMessage({ id: agentId, name: 'Ada' }, ack.conversationId, newClientId(), 'kept reply');
    await r.waitAccepted(2);
    await new Promise((res) => setTimeout(res, 100));

    expect([...r.accepted.values()].map((p) => p.data.message?.body)).toEqual(['hello', 'kept reply']);
    expect(r.arrivals).toHaveLength(2);
    const rows = s.app.parla.db.sqlite.prepare(`SELECT count(*) AS n FROM webhook_deliveries WHERE payload LIKE '%LOST-REPLY%'`).get() as { n: number };
    expect(rows.n).toBe(0);
    expect((s.app.parla.db.sqlite.prepare(`SELECT count(*) AS n FROM messages WHERE body = 'LOST-REPLY'`).get() as { n: number }).n).toBe(0);
    a.close();
  });

  it('gives up after the last attempt, lets the next delivery go, and redelivers on request with the same id', async () => {
    const { s, http } = await setup({ ...ENV, WEBHOOK_RETRY_SCHEDULE: '30ms' });
    let down = true;
    const r = new Receiver((_a, p) => (down && p.data.message?.body === 'first' ? 503 : 200));
    await r.listen();
    closers.push(() => r.close());
    const ep = await endpoint(http, r, ['message.created']);
    const { v } = await chat(s);
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'first' });
    await v.frame('ack');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'second' });
    await r.waitAccepted(1);

    const log = (await http('GET', `/api/webhooks/${ep.id}/deliveries`)).json as WebhookDelivery[];
    const failed = log.find((d) => d.status === 'failed')!;
    expect(failed.attempts).toBe(2);
    expect(failed.lastStatus).toBe(503);
    expect(failed.lastError).toMatch(/^HTTP 503: receiver says no/);
    expect([...r.accepted.values()].map((p) => p.data.message?.body)).toEqual(['second']);
    const eps = (await http('GET', `/api/sites/${SITE}/webhooks`)).json as { failed: number; pending: number }[];
    expect(eps[0]).toMatchObject({ failed: 1, pending: 0 });

    down = false;
    expect((await http('POST', `/api/webhook-deliveries/${failed.id}/redeliver`)).status).toBe(200);
    await r.waitAccepted(2);
    expect([...r.accepted.keys()][1]).toBe(failed.id);
    expect(r.arrivals.filter((x) => x.delivery === failed.id).map((x) => x.attempt)).toEqual([1, 2, 1]);
    const detail = (await http('GET', `/api/webhook-deliveries/${failed.id}`)).json as { status: string; payload: string };
    expect(detail.status).toBe('delivered');
    expect((JSON.parse(detail.payload) as WebhookPayload).data.message?.body).toBe('first');
    // A pending delivery cannot be redelivered; a disabled endpoint gets nothing new.
    expect((await http('PATCH', `/api/webhooks/${ep.id}`, { enabled: false })).status).toBe(200);
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'while disabled' });
    await v.frame('ack', (f) => f.type === 'ack');
    await new Promise((res) => setTimeout(res, 100));
    expect(r.accepted.size).toBe(2);
  });

  it('refuses loopback and private targets unless WEBHOOK_ALLOW_PRIVATE, and non-http URLs', async () => {
    const { http } = await setup({});
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://10.1.2.3/', 'http://192.168.1.10/', 'http://[::1]/', 'http://169.254.169.254/latest', 'http://[::ffff:127.0.0.1]/']) {
      const res = await http('POST', `/api/sites/${SITE}/webhooks`, { url, events: ['message.created'] });
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(res.json)).toMatch(/private network|WEBHOOK_ALLOW_PRIVATE/);
    }
    for (const url of ['ftp://example.com/', 'javascript:alert(1)', 'https://user:pw@example.com/', 'not a url']) {
      expect((await http('POST', `/api/sites/${SITE}/webhooks`, { url, events: ['message.created'] })).status, url).toBe(400);
    }
    expect((await http('POST', `/api/sites/${SITE}/webhooks`, { url: 'https://hooks.example.com/parla', events: ['message.created'] })).status).toBe(201);
    expect((await http('POST', `/api/sites/${SITE}/webhooks`, { url: 'https://hooks.example.com/parla', events: ['nope'] })).status).toBe(400);
    expect((await http('POST', `/api/sites/no-such-site/webhooks`, { url: 'https://hooks.example.com/parla', events: ['message.created'] })).status).toBe(404);
    // Before each attempt every resolved address is checked (a name for this machine is refused).
    expect(await targetProblem('http://localhost.:8080/', false)).toMatch(/private/);
    expect(await targetProblem('https://hooks.example.com/', false, async () => ['93.184.216.34', '10.0.0.7'])).toMatch(/resolves to a private address \(10\.0\.0\.7\)/);
    expect(await targetProblem('https://hooks.example.com/', false, async () => ['93.184.216.34'])).toBeNull();
    expect(await targetProblem('http://127.0.0.1:8080/', true)).toBeNull();
    expect(['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.0.1', '169.254.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1'].filter((ip) => !isPrivateAddress(ip))).toEqual([]);
    expect(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1'].filter(isPrivateAddress)).toEqual([]);
  });
});
