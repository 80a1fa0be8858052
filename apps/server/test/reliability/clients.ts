/**
 * Clients for the reliability tests: the real Session (packages/client) over `ws`, recording
 * what it was acknowledged and what it delivered, per conversation.
 */
import type { AgentToServer, ServerToAgent, ServerToVisitor, StreamItem, VisitorToServer } from '@parla/protocol';
import { newClientId } from '@parla/client';
import { TestClient } from '../harness.ts';

export const PROTOCOL = 3;

/** A visitor that keeps its token across reconnects, like the widget. */
export function visitorAt(wsUrl: string, origin: string, site: string, opts: { pingMs?: number } = {}) {
  let token: string | undefined;
  const c = new TestClient<VisitorToServer, ServerToVisitor>(
    `${wsUrl}/ws/visitor?site=${site}`,
    () => ({ type: 'hello', protocol: PROTOCOL, ...(token ? { visitorToken: token } : {}), page: { url: `${origin}/`, title: 'Shop' } }),
    { origin },
    opts,
  );
  c.session.on('frame', (f) => {
    if (f.type === 'welcome' && 'visitorToken' in f && f.visitorToken) token = f.visitorToken;
  });
  return new Recorder(c);
}

/** An agent; it follows every conversation it hears of (inbox at welcome, inbox.upsert). */
export function agentAt(wsUrl: string, origin: string, cookie: string, opts: { pingMs?: number } = {}) {
  const c = new TestClient<AgentToServer, ServerToAgent>(`${wsUrl}/ws/agent`, () => ({ type: 'hello', protocol: PROTOCOL }), { origin, cookie }, opts);
  const r = new Recorder(c);
  /** The newest lastSeq the server reported per conversation. */
  const known = new Map<string, number>();
  const follow = (id: string, lastSeq: number) => {
    known.set(id, Math.max(known.get(id) ?? 0, lastSeq));
    if (c.session.lastSeqOf(id) === undefined) c.session.track(id);
  };
  c.session.on('frame', (f) => {
    if (f.type === 'welcome' && 'inbox' in f) for (const s of f.inbox) follow(s.id, s.lastSeq);
    if (f.type === 'inbox.upsert') follow(f.conversation.id, f.conversation.lastSeq);
  });
  return Object.assign(r, { known });
}

export class Recorder<Out extends { type: string }> {
  /** clientId -> body, in send order. */
  readonly sent = new Map<string, string>();
  readonly acked = new Set<string>();
  /** Sends the server confirmed: an ack, or the message itself seen in the stream (the Session settles on either). */
  readonly confirmed = new Set<string>();
  readonly refused: string[] = [];
  /** Per conversation, the seqs delivered, in delivery order. */
  readonly seqs = new Map<string, number[]>();
  /** Per conversation, the messages delivered (in delivery order). */
  readonly delivered = new Map<string, Extract<StreamItem, { kind: 'message' }>[]>();
  welcomes = 0;

  constructor(readonly client: TestClient<Out>) {
    const s = client.session;
    s.on('ack', (a) => {
      this.acked.add(a.clientId);
      this.confirmed.add(a.clientId);
    });
    s.on('sendError', (id, e) => this.refused.push(`${id}: ${e.code} ${e.message}`));
    s.on('frame', (f) => {
      if (f.type === 'welcome') this.welcomes++;
    });
    s.on('item', (conversationId, item) => {
      const list = this.seqs.get(conversationId) ?? [];
      list.push(item.seq);
      this.seqs.set(conversationId, list);
      if (item.kind === 'message') {
        if (item.clientId && this.sent.has(item.clientId)) this.confirmed.add(item.clientId);
        const m = this.delivered.get(conversationId) ?? [];
        m.push(item);
        this.delivered.set(conversationId, m);
      }
    });
  }

  get session() {
    return this.client.session;
  }

  /** Sends a message through the Session's outbox (resent after reconnects until acknowledged). */
  send(frame: Record<string, unknown>, body: string): string {
    const clientId = newClientId();
    this.sent.set(clientId, body);
    this.session.sendReliable({ type: 'message.send', clientId, body, ...frame } as unknown as Out & { clientId: string });
    return clientId;
  }

  /** The last seq delivered for a conversation (0 when none). */
  lastSeq(conversationId: string): number {
    return this.seqs.get(conversationId)?.at(-1) ?? 0;
  }

  close(): void {
    this.client.close();
  }
}

/** Polls `cond` every 25 ms; throws with `what()` after `timeoutMs`. */
export async function until(cond: () => boolean, what: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seeded, so a failing run can be replayed with its printed seed. */
export { prng } from '../../src/lib/prng.ts';

/** `1, 2, ..., n`. */
export const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
