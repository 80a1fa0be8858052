/**
 * Fan-out per site (issue #18, must have 2): AGENTS agents, CONVERSATIONS active conversations
 * across SITES sites; frames per message sent to agents <= the agents who see it.
 *
 * The real server (durable: synchronous=FULL) with SITES sites (declared through SITE_ORIGINS) and
 * AGENTS agents (MAX_CHATS each), created beforehand through the server's own services; each agent
 * works on one site (store.setAgentSites; AGENTS / SITES agents per site). The agents log in, open
 * their agent sockets and follow (sync) the conversations assigned to them, as the console does.
 * CONVERSATIONS visitors (spread evenly over the sites, in WORKERS load-generator processes,
 * lib/fanout-worker.ts) each send a first message (routing assigns them to their site's agents),
 * then messages at RATE/s in all for DURATION_S.
 *
 * The agents count every frame they receive during the measurement (and SETTLE_MS after it, so the
 * coalesced inbox rows of the last messages are counted) by type, and for `inbox.upsert` and `item`
 * the conversation's site (siteId of the inbox row; for items, the site of that conversation's inbox
 * row): a frame about a site the agent does not work on is counted as foreign (must be 0). The
 * agents who "see" a message are those who work on its site (AGENTS / SITES here); the target is
 * frames per message <= that. Delivery: the visitor's monotonic send time is in the body; the agent
 * that receives the live `item` measures send -> item.
 *
 * CONTROL=1 (default) also runs the same with every agent on every site (no agent_sites rows: the
 * behaviour before the per-site fan-out, every inbox row to every agent).
 * Run: npx pnpm@10 bench:fanout
 *   (AGENTS=20 SITES=10 CONVERSATIONS=1000 RATE=200 DURATION_S=20 MAX_CHATS=60 WORKERS=2 SETTLE_MS=3000)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { AGENT_PASSWORD, agentEmail, login, startServer, tempDir } from './lib/server.ts';
import type { FanoutCmd } from './lib/fanout-worker.ts';
import { cpuMsOf, envNum, fmt, machine, nowMs, pct, sleep, table } from './lib/util.ts';
import { forkProcesses, type IpcProcess } from './lib/workers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const AGENTS = envNum('AGENTS', 20);
const SITES = envNum('SITES', 10);
const CONVERSATIONS = envNum('CONVERSATIONS', 1000);
const RATE = envNum('RATE', 200);
const DURATION_S = envNum('DURATION_S', 20);
const MAX_CHATS = envNum('MAX_CHATS', 60);
const WORKERS = envNum('WORKERS', 2);
const SETTLE_MS = envNum('SETTLE_MS', 3000);
const OPEN_WAIT_MS = envNum('OPEN_WAIT_MS', 300_000);
const CONTROL = envNum('CONTROL', 1) === 1;

const siteId = (i: number) => `s${i}`;
const siteOrigin = (i: number) => `http://s${i}.bench.test`;
const SITE_ORIGINS = Array.from({ length: SITES }, (_, i) => `${siteId(i)}=${siteOrigin(i)}`).join(';');
/** The site agent i works on (per-site runs). */
const siteOfAgent = (i: number) => siteId(i % SITES);

// ---- load-generator processes ----------------------------------------------------------------

type Gen = IpcProcess<FanoutCmd>;

const startGens = (n: number): Promise<Gen[]> => forkProcesses<FanoutCmd>(join(here, 'lib/fanout-worker.ts'), n);

// ---- preparation: sites, agents, their sites ----------------------------------------------------

async function prepare(dataDir: string, perSite: boolean): Promise<void> {
  const { buildApp } = await import('@parla/server/app');
  const { makeConfig } = await import('@parla/server/config');
  const app = await buildApp(makeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_ORIGINS }));
  for (let i = 0; i < AGENTS; i++) {
    const a = await app.parla.agents.create({ email: agentEmail(i), name: `Agent ${i}`, password: AGENT_PASSWORD, maxChats: MAX_CHATS });
    if (perSite) app.parla.store.setAgentSites(a.id, [siteOfAgent(i)]);
  }
  await app.close();
}

// ---- agents (in this process) ------------------------------------------------------------------

interface Agent {
  ws: WebSocket;
  /** The sites they work on; null: every site. */
  sites: Set<string> | null;
  /** conversation -> site, from the inbox rows. */
  siteOf: Map<string, string>;
  followed: Set<string>;
  counting: boolean;
  byType: Record<string, number>;
  /** Frames about a site they do not work on, and item frames of a conversation whose site they never saw. */
  foreign: number;
  unknownSite: number;
  delivery: number[];
  errors: string[];
}

function agentSocket(url: string, cookie: string, sites: Set<string> | null): Promise<Agent> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/agent`, { headers: { origin: url, cookie }, perMessageDeflate: false });
  const a: Agent = { ws, sites, siteOf: new Map(), followed: new Set(), counting: false, byType: {}, foreign: 0, unknownSite: 0, delivery: [], errors: [] };
  let me = '';
  const follow = (id: string) => {
    if (a.followed.has(id)) return;
    a.followed.add(id);
    ws.send(JSON.stringify({ type: 'sync', conversationId: id, afterSeq: 0 }));
  };
  const checkSite = (site: string | undefined) => {
    if (!a.counting) return;
    if (site === undefined) a.unknownSite++;
    else if (a.sites && !a.sites.has(site)) a.foreign++;
  };
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 7 })));
    ws.on('message', (d) => {
      const t = nowMs();
      const f = JSON.parse(d.toString());
      if (a.counting) a.byType[f.type] = (a.byType[f.type] ?? 0) + 1;
      switch (f.type) {
        case 'welcome':
          me = f.agent.id;
          for (const s of f.inbox) {
            a.siteOf.set(s.id, s.siteId);
            if (s.agentId === me && s.state === 'assigned') follow(s.id);
          }
          resolve(a);
          return;
        case 'inbox.upsert': {
          const c = f.conversation;
          a.siteOf.set(c.id, c.siteId);
          checkSite(c.siteId);
          if (c.agentId === me && c.state === 'assigned') follow(c.id);
          return;
        }
        case 'item': {
          checkSite(a.siteOf.get(f.conversationId));
          const it = f.item;
          if (a.counting && it.kind === 'message' && it.authorType === 'visitor') {
            const parts = String(it.body).split('|');
            if (parts[0] === 'b') a.delivery.push(t - Number(BigInt(parts[2]!)) / 1e6);
          }
          return;
        }
        case 'error':
          a.errors.push(String(f.code));
          return;
        default:
          // Other frames that name a site (page views, erasures, ...): checked too.
          if (typeof f.siteId === 'string') checkSite(f.siteId);
      }
    });
  });
}

// ---- one run ----------------------------------------------------------------------------------

interface Result {
  name: string;
  seers: number;
  sent: number;
  frames: number;
  byType: Record<string, number>;
  foreign: number;
  unknownSite: number;
  assigned: number;
  p50: number;
  p99: number;
  delivered: number;
  cpuMsPerMessage: number;
  errors: Record<string, number>;
}

async function run(name: string, perSite: boolean): Promise<Result> {
  const seers = perSite ? AGENTS / SITES : AGENTS;
  console.log(`\n${name}: ${AGENTS} agents (${MAX_CHATS} chats each, ${perSite ? `one site each, ${seers} per site` : 'every site'}), ${CONVERSATIONS} conversations over ${SITES} sites, ${RATE} msg/s for ${DURATION_S} s, ${WORKERS} load-generator processes`);
  const data = tempDir('parla-bench-fanout-');
  await prepare(data.dir, perSite);
  const server = await startServer({ DATA_DIR: data.dir, DB_SYNCHRONOUS: 'FULL', SITE_ORIGINS, AGENT_OFFLINE_GRACE_MS: '600000' });
  const gens = await startGens(WORKERS);
  const agents: Agent[] = [];
  try {
    for (let i = 0; i < AGENTS; i++) {
      const cookie = await login(server.url, agentEmail(i));
      agents.push(await agentSocket(server.url, cookie, perSite ? new Set([siteOfAgent(i)]) : null));
    }
    // Visitors: site k gets every SITES-th visitor; each process a share.
    const all = Array.from({ length: CONVERSATIONS }, (_, i) => ({ site: siteId(i % SITES), origin: siteOrigin(i % SITES) }));
    const t0 = nowMs();
    await Promise.all(gens.map((g, w) => g.request({ cmd: 'open', url: server.wsUrl, visitors: all.filter((_, i) => i % WORKERS === w), inFlight: 50, waitMs: OPEN_WAIT_MS }, 'opened')));
    for (const deadline = Date.now() + 60_000; ; ) {
      const following = agents.reduce((n, a) => n + a.followed.size, 0);
      if (following >= CONVERSATIONS) break;
      if (Date.now() > deadline) {
        console.log(`  only ${following} of ${CONVERSATIONS} conversations assigned and followed`);
        break;
      }
      await sleep(200);
    }
    await sleep(SETTLE_MS); // the first messages' inbox rows are out
    const assigned = agents.reduce((n, a) => n + a.followed.size, 0);
    console.log(`  ${CONVERSATIONS} visitors open in ${fmt((nowMs() - t0) / 1000, 1)} s; assigned and followed: ${agents.map((a) => a.followed.size).join(' ')}; measuring ${DURATION_S} s`);

    for (const a of agents) a.counting = true;
    const cpu0 = cpuMsOf(server.pid);
    const rates = gens.map(() => RATE / gens.length);
    const reports = await Promise.all(gens.map((g, i) => g.request<{ sent: number; errors: Record<string, number> }>({ cmd: 'send', rate: rates[i]!, durationMs: DURATION_S * 1000 }, 'sent')));
    await sleep(SETTLE_MS); // the last coalesced inbox rows
    const cpuMs = cpuMsOf(server.pid) - cpu0;
    for (const a of agents) a.counting = false;

    const sent = reports.reduce((n, r) => n + r.sent, 0);
    const byType: Record<string, number> = {};
    for (const a of agents) for (const [k, v] of Object.entries(a.byType)) byType[k] = (byType[k] ?? 0) + v;
    const errors: Record<string, number> = {};
    for (const r of reports) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
    for (const a of agents) for (const e of a.errors) errors[`agent:${e}`] = (errors[`agent:${e}`] ?? 0) + 1;
    if (Object.keys(errors).length) console.log('  errors:', errors);
    const delivery = agents.flatMap((a) => a.delivery);
    return {
      name,
      seers,
      sent,
      frames: Object.values(byType).reduce((n, v) => n + v, 0),
      byType,
      foreign: agents.reduce((n, a) => n + a.foreign, 0),
      unknownSite: agents.reduce((n, a) => n + a.unknownSite, 0),
      assigned,
      delivered: delivery.length,
      p50: pct(delivery, 0.5),
      p99: pct(delivery, 0.99),
      cpuMsPerMessage: cpuMs / Math.max(1, sent),
      errors,
    };
  } finally {
    for (const a of agents) a.ws.terminate();
    await Promise.all(gens.map((g) => g.close()));
    await server.stop();
    data.remove();
  }
}

console.log(`bench:fanout — ${machine()}`);
const results = [await run('per site (this checkout)', true)];
if (CONTROL) results.push(await run('control: every agent on every site', false));

const types = [...new Set(results.flatMap((r) => Object.keys(r.byType)))].sort();
const per = (r: Result, n: number) => fmt(n / Math.max(1, r.sent), 2);
const rows: [string, (r: Result) => string][] = [
  ['conversations assigned and followed', (r) => String(r.assigned)],
  ['messages sent (measured)', (r) => `${r.sent} (${fmt(r.sent / DURATION_S, 0)}/s)`],
  ['agents who see each message (work on its site)', (r) => String(r.seers)],
  ['frames to agents', (r) => String(r.frames)],
  ['frames to agents per message (target <= agents who see it)', (r) => per(r, r.frames)],
  ...types.map((t): [string, (r: Result) => string] => [`  ${t} (per message)`, (r) => `${r.byType[t] ?? 0} (${per(r, r.byType[t] ?? 0)})`]),
  ['frames about a site the agent does not work on (must be 0)', (r) => String(r.foreign)],
  ['item frames of a conversation of unknown site', (r) => String(r.unknownSite)],
  ['live items delivered to agents', (r) => String(r.delivered)],
  ['delivery visitor -> agent p50 ms', (r) => fmt(r.p50, 2)],
  ['delivery visitor -> agent p99 ms', (r) => fmt(r.p99, 2)],
  ['server CPU ms per message', (r) => fmt(r.cpuMsPerMessage, 2)],
];
console.log();
console.log(table(['', ...results.map((r) => r.name)], rows.map(([label, f]) => [label, ...results.map(f)])));
console.log(`\nframes counted from the first measured message to ${SETTLE_MS} ms after the last (the coalesced inbox rows); delivery = the visitor's send -> the live item at the agent (same monotonic clock).`);
for (const r of results) {
  const fpm = r.frames / Math.max(1, r.sent);
  console.log(`${r.name}: ${fmt(fpm, 2)} frames per message vs ${r.seers} agents who see it: ${fpm <= r.seers ? 'meets' : 'misses'} the target; foreign-site frames ${r.foreign}`);
}
console.log(`\nbench:fanout — ${machine()}`);
