/**
 * Load-generator process (child_process.fork of this file). It speaks the real protocol with the
 * `ws` package: visitors (hello, message.send with a clientId, acks, sync after a seq, resend of
 * unacknowledged messages after a reconnect) and agents (login cookie, hello, sync of the
 * conversations assigned to them, live items). Several of these run at once because one process
 * may hold at most 20,000 open files here.
 *
 * Every visitor message carries `b|<step>|<monotonic ns>|` so the agent process measures
 * visitor -> agent delivery on the machine-wide monotonic clock.
 */
import WebSocket from 'ws';
import { nowMs } from './util.ts';

export type Cmd =
  | { cmd: 'visitors'; url: string; origin: string; count: number; reconnect?: boolean }
  | { cmd: 'agents'; url: string; origin: string; cookies: string[]; reconnect?: boolean }
  | { cmd: 'active'; url: string; origin: string; count: number; reconnect?: boolean }
  | { cmd: 'rate'; perSecond: number; step: number }
  | { cmd: 'report' }
  | { cmd: 'stat' }
  | { cmd: 'resumeMark' }
  | { cmd: 'close' };

export interface Report {
  ev: 'report';
  /** visitor -> agent delivery (ms), by step, measured in this process's agents. */
  delivery: Record<number, number[]>;
  /** send -> ack (ms), by step, measured in this process's visitors. */
  ack: Record<number, number[]>;
  sent: Record<number, number>;
  received: Record<number, number>;
  following: number;
  open: number;
  errors: Record<string, number>;
  /** Per conversation: the seqs of visitor messages the agents received, and those the visitors saw acknowledged. */
  agentSeqs: Record<string, number[]>;
  ackedSeqs: Record<string, number[]>;
  unacked: number;
  /** Monotonic ms at which every client of this process was resumed after the last resumeMark (NaN if not yet). */
  resumedAt: number;
  notResumed: number;
  duplicates: number;
}

const send = (msg: object) => process.send!(msg);
const wid = process.pid;
let counter = 0;
const clientId = () => `w${wid.toString(36)}x${(counter++).toString(36).padStart(6, '0')}`;
const errors: Record<string, number> = {};
const err = (k: string) => (errors[k] = (errors[k] ?? 0) + 1);
const RETRY_MIN_MS = Number(process.env.RETRY_MIN_MS ?? 100);
const RETRY_MAX_MS = Number(process.env.RETRY_MAX_MS ?? 1000);
const PAD = ' — the moka pot arrived, but the handle is loose; can you help?';

interface Client {
  ws: WebSocket | null;
  resumed: boolean;
  close(): void;
}
const clients: Client[] = [];

/** Opens a socket; on close, reconnects after a short random delay when asked to (a server restart). */
function connect(url: string, headers: Record<string, string>, onOpen: (ws: WebSocket, c: Client) => void, onFrame: (f: any, ws: WebSocket, c: Client) => void, reconnect: boolean): Client {
  const c: Client = {
    ws: null,
    resumed: false,
    close() {
      reconnect = false;
      c.ws?.terminate();
    },
  };
  let attempt = 0;
  const open = () => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    c.ws = ws;
    ws.on('open', () => {
      attempt = 0;
      onOpen(ws, c);
    });
    ws.on('message', (d) => onFrame(JSON.parse(d.toString()), ws, c));
    ws.on('error', (e: NodeJS.ErrnoException) => err(e.code ?? e.message.slice(0, 40)));
    ws.on('close', () => {
      c.resumed = false;
      // packages/client's full-jitter exponential backoff, with a shorter floor and cap.
      if (reconnect) setTimeout(open, Math.max(RETRY_MIN_MS / 2, Math.random() * Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt++)));
    });
  };
  open();
  clients.push(c);
  return c;
}

/** Opens `n` clients with at most `inFlight` handshakes pending; resolves when all are ready (or after two minutes, with errors counted). */
async function openMany(n: number, inFlight: number, one: (ready: () => void) => void): Promise<void> {
  let started = 0;
  let done = 0;
  await new Promise<void>((resolve) => {
    if (n === 0) return resolve();
    setTimeout(() => {
      if (done < n) err(`not ready after 120 s: ${n - done} of ${n}`);
      resolve();
    }, 120_000).unref();
    const next = () => {
      while (started < n && started - done < inFlight) {
        started++;
        one(() => {
          done++;
          if (done === n) resolve();
          else next();
        });
      }
    };
    next();
  });
}

// ---- visitors -------------------------------------------------------------------------------

interface Active {
  c: Client;
  conversationId: string | null;
  /** Sent and not yet acknowledged, resent after a reconnect. */
  outbox: Map<string, { body: string; step: number; at: number }>;
  lastSeq: number;
}
const active: Active[] = [];
const ack: Record<number, number[]> = {};
const sent: Record<number, number> = {};
const ackedSeqs: Record<string, number[]> = {};
let duplicates = 0;

function visitor(url: string, origin: string, reconnect: boolean, onReady: () => void, a?: Active): void {
  let token: string | undefined;
  let firstReady = true;
  const ready = (c: Client) => {
    c.resumed = true;
    checkResumed();
    if (firstReady) {
      firstReady = false;
      onReady();
    }
  };
  const c = connect(
    `${url}/ws/visitor?site=bench`,
    { origin },
    (ws) => ws.send(JSON.stringify({ type: 'hello', protocol: 3, ...(token ? { visitorToken: token } : {}), page: { url: `${origin}/product`, title: 'Moka pot' } })),
    (f, ws, c) => {
      if (f.type === 'welcome') {
        if (f.visitorToken) token = f.visitorToken;
        if (!a) return ready(c);
        for (const [id, m] of a.outbox) ws.send(JSON.stringify({ type: 'message.send', clientId: id, body: m.body }));
        if (f.conversation && a.conversationId) ws.send(JSON.stringify({ type: 'sync', conversationId: a.conversationId, afterSeq: a.lastSeq }));
        else if (a.conversationId || a.outbox.size === 0) ready(c);
        else ready(c); // first message still on its way
      } else if (a && f.type === 'ack') {
        const m = a.outbox.get(f.clientId);
        if (!m) return;
        a.outbox.delete(f.clientId);
        a.conversationId = f.conversationId;
        (ack[m.step] ??= []).push(nowMs() - m.at);
        (ackedSeqs[f.conversationId] ??= []).push(f.seq);
      } else if (a && f.type === 'item') {
        if (f.item.seq > a.lastSeq) a.lastSeq = f.item.seq;
      } else if (a && f.type === 'sync.result') {
        for (const it of f.items) if (it.seq > a.lastSeq) a.lastSeq = it.seq;
        if (f.hasMore) ws.send(JSON.stringify({ type: 'sync', conversationId: f.conversationId, afterSeq: a.lastSeq }));
        else ready(c);
      } else if (f.type === 'error') err(`visitor:${f.code}`);
    },
    reconnect,
  );
  if (a) a.c = c;
}

function sendMessage(a: Active, step: number): void {
  const id = clientId();
  const at = nowMs();
  const body = `b|${step}|${process.hrtime.bigint()}|${PAD}`;
  a.outbox.set(id, { body, step, at });
  sent[step] = (sent[step] ?? 0) + 1;
  if (a.c.ws?.readyState === WebSocket.OPEN) a.c.ws.send(JSON.stringify({ type: 'message.send', clientId: id, body }));
}

// ---- agents ---------------------------------------------------------------------------------

const delivery: Record<number, number[]> = {};
const received: Record<number, number> = {};
const agentSeqs: Record<string, Set<number>> = {};
const clientIds = new Set<string>();
let following = 0;

function agent(url: string, origin: string, cookie: string, reconnect: boolean, onReady: () => void): void {
  let me = '';
  let first = true;
  const followed = new Map<string, number>(); // conversation -> last seq seen
  const pendingSync = new Set<string>();
  const follow = (ws: WebSocket, id: string) => {
    if (!followed.has(id)) {
      followed.set(id, 0);
      following++;
    }
    pendingSync.add(id);
    ws.send(JSON.stringify({ type: 'sync', conversationId: id, afterSeq: followed.get(id)! }));
  };
  const seen = (id: string, item: any, live: boolean) => {
    if (item.kind !== 'message' || item.authorType !== 'visitor') return;
    const set = (agentSeqs[id] ??= new Set());
    if (set.has(item.seq)) return; // the same item twice (a sync page and a live item): not a new message
    set.add(item.seq);
    if (clientIds.has(item.clientId)) duplicates++; // one send stored twice
    clientIds.add(item.clientId);
    if (item.seq > (followed.get(id) ?? 0)) followed.set(id, item.seq);
    const parts = String(item.body).split('|');
    if (parts[0] !== 'b') return;
    const step = Number(parts[1]);
    received[step] = (received[step] ?? 0) + 1;
    if (live) (delivery[step] ??= []).push(Number(process.hrtime.bigint() - BigInt(parts[2]!)) / 1e6);
  };
  connect(
    `${url.replace(/^http/, 'ws')}/ws/agent`,
    { origin: url, cookie },
    (ws) => ws.send(JSON.stringify({ type: 'hello', protocol: 3 })),
    (f, ws, c) => {
      switch (f.type) {
        case 'welcome':
          me = f.agent.id;
          pendingSync.clear();
          for (const s of f.inbox) if (s.agentId === me && s.state === 'assigned') follow(ws, s.id);
          for (const id of followed.keys()) if (!pendingSync.has(id)) follow(ws, id);
          if (pendingSync.size === 0) {
            c.resumed = true;
            checkResumed();
          }
          if (first) {
            first = false;
            onReady();
          }
          return;
        case 'inbox.upsert':
          if (f.conversation.agentId === me && f.conversation.state === 'assigned' && !followed.has(f.conversation.id)) follow(ws, f.conversation.id);
          return;
        case 'sync.result': {
          for (const it of f.items) seen(f.conversationId, it, false);
          const last = f.items.length ? f.items[f.items.length - 1].seq : null;
          if (last !== null && last > (followed.get(f.conversationId) ?? 0)) followed.set(f.conversationId, last);
          if (f.hasMore) ws.send(JSON.stringify({ type: 'sync', conversationId: f.conversationId, afterSeq: followed.get(f.conversationId) }));
          else {
            pendingSync.delete(f.conversationId);
            if (pendingSync.size === 0 && !c.resumed) {
              c.resumed = true;
              checkResumed();
            }
          }
          return;
        }
        case 'item':
          seen(f.conversationId, f.item, true);
          return;
        case 'error':
          err(`agent:${f.code}`);
          return;
      }
    },
    reconnect,
  );
}

// ---- resume tracking ------------------------------------------------------------------------

let resumedAt = NaN;
let marked = false;
function checkResumed(): void {
  if (!marked || !Number.isNaN(resumedAt)) return;
  if (clients.every((c) => c.resumed)) resumedAt = nowMs();
}

// ---- rate -----------------------------------------------------------------------------------

let rate = 0;
let step = 0;
let owed = 0;
let last = nowMs();
let cursor = 0;
setInterval(() => {
  const t = nowMs();
  owed += (rate * (t - last)) / 1000;
  last = t;
  if (active.length === 0) return;
  while (owed >= 1) {
    owed--;
    sendMessage(active[cursor++ % active.length]!, step);
  }
}, 5);

process.on('message', async (m: Cmd) => {
  switch (m.cmd) {
    case 'visitors': {
      const t0 = nowMs();
      await openMany(m.count, 200, (ready) => visitor(m.url, m.origin, !!m.reconnect, ready));
      return send({ ev: 'visitors', n: m.count, ms: nowMs() - t0 });
    }
    case 'agents': {
      await openMany(m.cookies.length, 50, (ready) => agent(m.url, m.origin, m.cookies.pop()!, !!m.reconnect, ready));
      return send({ ev: 'agents' });
    }
    case 'active': {
      await openMany(m.count, 100, (ready) => {
        const a: Active = { c: null as unknown as Client, conversationId: null, outbox: new Map(), lastSeq: 0 };
        visitor(m.url, m.origin, !!m.reconnect, () => {
          active.push(a);
          sendMessage(a, -1); // starts the conversation (routed to an agent)
          ready();
        }, a);
      });
      return send({ ev: 'active' });
    }
    case 'rate':
      rate = m.perSecond;
      step = m.step;
      owed = 0;
      last = nowMs();
      return;
    case 'stat':
      return send({
        ev: 'stat',
        following,
        open: clients.filter((c) => c.ws?.readyState === WebSocket.OPEN).length,
        active: active.length,
        conversations: active.filter((a) => a.conversationId).length,
        errors,
        resumedAt,
        notResumed: clients.filter((c) => !c.resumed).length,
        unacked: active.reduce((n, a) => n + a.outbox.size, 0),
      });
    case 'resumeMark':
      // From now on, the moment every client of this process is connected and resumed again.
      marked = true;
      resumedAt = NaN;
      for (const c of clients) c.resumed = false;
      return;
    case 'report': {
      const r: Report = {
        ev: 'report',
        delivery,
        ack,
        sent,
        received,
        following,
        open: clients.filter((c) => c.ws?.readyState === WebSocket.OPEN).length,
        errors,
        agentSeqs: Object.fromEntries(Object.entries(agentSeqs).map(([k, v]) => [k, [...v]])),
        ackedSeqs,
        unacked: active.reduce((n, a) => n + a.outbox.size, 0),
        resumedAt,
        notResumed: clients.filter((c) => !c.resumed).length,
        duplicates,
      };
      return send(r);
    }
    case 'close':
      for (const c of clients) c.close();
      setTimeout(() => process.exit(0), 200);
      return;
  }
});
send({ ev: 'up' });
