/**
 * Inbox search over >= 1,000,000 messages (SQLite FTS5, kept in step by the migration's triggers):
 * builds a database (CONVERSATIONS visitors with a name, an email and an order id attribute, one
 * conversation each, PER messages each: one prepared statement per table, in big transactions,
 * the triggers indexing as the server's own writes would), then times GET
 * /api/conversations/search on the real server (Fastify inject: the route, zod, the query, the
 * summaries, JSON) for a rare word, a common word, an order id, a surname, an email, filters
 * alone, and words with filters; p50/p99 of QUERIES runs each, and the query alone in SQLite.
 * Run: npx pnpm@10 bench:search   (CONVERSATIONS=20000 PER=50 QUERIES=300)
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { InboxQueries, ftsTerms, openDb } from '@parla/db';
import { BENCH_ORIGIN, BENCH_SITE, tempDir } from './lib/server.ts';
import { envNum, fmt, machine, mib, nowMs, pct, table } from './lib/util.ts';

const CONVERSATIONS = envNum('CONVERSATIONS', 20_000);
const PER = envNum('PER', 50);
const QUERIES = envNum('QUERIES', 300);

const FIRST = ['Marta', 'Luca', 'Giulia', 'Marco', 'Sara', 'Paolo', 'Elena', 'Davide', 'Chiara', 'Andrea', 'Anna', 'Matteo'];
const LAST = ['Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'Esposito', 'Fontana'];
const PRODUCTS = ['moka pot', 'espresso cups', 'kettle', 'grinder', 'milk frother', 'teapot', 'coffee beans', 'filter papers', 'tamper', 'scale'];
const VISITOR_LINES = [
  'Hello, where is my order? It should have arrived by now',
  'My {p} arrived broken, can I get a replacement?',
  'Do you ship the {p} to Malta?',
  'How long does delivery take for the {p}?',
  'I would like to return the {p}, it is not what I expected',
  'The tracking link does not work for my parcel',
  'Can I pay the {p} with PayPal?',
  'Is the {p} dishwasher safe?',
  'I was charged twice for the same order',
  'Ciao, il mio ordine non è ancora arrivato',
];
const AGENT_LINES = [
  'Thanks for writing, let me check that for you.',
  'I have found your order, it left our warehouse yesterday.',
  'I am sorry about that, I will send a replacement today.',
  'Yes, we ship there in 3 to 5 working days.',
  'You can return it within 30 days from the orders page.',
];
/** A word in about one message in 50,000 (the rare-word query). */
const RARE = 'zabaglione';

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

console.log(`bench:search — ${machine()}\n`);
const tmp = tempDir('parla-bench-search-');
const file = join(tmp.dir, 'parla.db');
try {
  // ---- build ----------------------------------------------------------------------------------
  const t0 = nowMs();
  const base = Date.now() - CONVERSATIONS * PER * 1000;
  {
    const built = openDb(file, { synchronous: 'NORMAL' });
    const db = built.sqlite;
    db.prepare(`INSERT INTO sites (id, name, allowed_origins, secret, created_at) VALUES (?, 'Bench', ?, 'bench-secret-0123456789', ?)`).run(BENCH_SITE, JSON.stringify([BENCH_ORIGIN]), base);
    const depts = ['orders', 'returns', 'tech'];
    for (const d of depts) db.prepare(`INSERT INTO departments (id, site_id, name, created_at) VALUES (?, ?, ?, ?)`).run(d, BENCH_SITE, d, base);
    db.prepare(`INSERT INTO agents (id, email, name, password_hash, created_at) VALUES ('giulia', 'giulia@bench.test', 'Giulia', 'x', ?)`).run(base);
    const visitor = db.prepare(`INSERT INTO visitors (id, site_id, token_hash, name, email, attributes, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const conv = db.prepare(`INSERT INTO conversations (id, site_id, visitor_id, channel, state, agent_id, department_id, last_seq, last_message, last_message_at, created_at, queued_at, assigned_at, resolved_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const msg = db.prepare(`INSERT INTO messages (id, conversation_id, seq, author_type, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const chunk = db.transaction((from: number, to: number) => {
      for (let c = from; c < to; c++) {
        const at = base + c * PER * 1000;
        const first = pick(FIRST);
        const last = pick(LAST);
        visitor.run(`v${c}`, BENCH_SITE, `h${c}`, `${first} ${last}`, `shopper${c}@mail.test`, JSON.stringify({ orderId: `A-${100000 + c}`, plan: pick(['free', 'gold']) }), at, at);
        const state = c >= CONVERSATIONS - 200 ? pick(['queued', 'assigned', 'bot'] as const) : 'resolved';
        const bodies: string[] = [];
        let lastVisitor = '';
        for (let s = 1; s <= PER; s++) {
          let body = s % 2 === 1 ? pick(VISITOR_LINES).replace('{p}', pick(PRODUCTS)) : pick(AGENT_LINES);
          if (rand() < 1 / 50_000) body += ` and a ${RARE} recipe`;
          if (s % 2 === 1) lastVisitor = body;
          bodies.push(body);
        }
        conv.run(`c${c}`, BENCH_SITE, `v${c}`, c % 20 === 0 ? 'callback' : 'web', state, state === 'assigned' || state === 'resolved' ? 'giulia' : null, depts[c % 3]!, PER, lastVisitor, at + PER * 1000, at, at, at + 1000, state === 'resolved' ? at + PER * 1000 : null);
        bodies.forEach((body, i) => {
          const isVisitor = i % 2 === 0;
          msg.run(`m${c}-${i + 1}`, `c${c}`, i + 1, isVisitor ? 'visitor' : 'agent', isVisitor ? `v${c}` : 'giulia', isVisitor ? null : 'Giulia', body, at + (i + 1) * 1000);
        });
      }
    });
    for (let c = 0; c < CONVERSATIONS; c += 1000) chunk(c, Math.min(CONVERSATIONS, c + 1000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    await built.close();
  }
  const buildS = (nowMs() - t0) / 1000;
  const messages = CONVERSATIONS * PER;
  console.log(`built ${messages.toLocaleString('en')} messages in ${CONVERSATIONS.toLocaleString('en')} conversations in ${fmt(buildS)} s; database ${mib(statSync(file).size)}\n`);

  // ---- the real server on it --------------------------------------------------------------------
  const { buildApp } = await import('@parla/server/app');
  const { makeConfig } = await import('@parla/server/config');
  const app = await buildApp(makeConfig({ DATA_DIR: tmp.dir, LOG_LEVEL: 'silent', SITE_ORIGINS: `${BENCH_SITE}=${BENCH_ORIGIN}`, RATE_API_IP: '1000000/1m' }));
  await app.parla.agents.create({ email: 'bench@bench.test', name: 'Bench', password: 'bench-password-2026' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'bench@bench.test', password: 'bench-password-2026' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const queries = new InboxQueries(app.parla.db.sqlite);

  const cases: [string, Record<string, string>][] = [
    ['a rare word', { q: RARE }],
    ['a common word (~1 message in 20)', { q: 'PayPal' }],
    ['an order id', { q: `A-${100000 + Math.floor(CONVERSATIONS / 2)}` }],
    ['a surname', { q: 'Fontana' }],
    ['an email', { q: `shopper${Math.floor(CONVERSATIONS / 3)}@mail.test` }],
    ['a name and a word', { q: 'Rossi tracking' }],
    ['filters only: state + department', { state: 'queued', departmentId: 'returns' }],
    ['a word + state + department + channel', { q: 'replacement', state: 'resolved', departmentId: 'returns', channel: 'callback' }],
    ['no query (newest first)', {}],
  ];
  const rows: (string | number)[][] = [];
  for (const [label, params] of cases) {
    const url = `/api/conversations/search?${new URLSearchParams(params)}`;
    const first = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (first.statusCode !== 200) throw new Error(`${label}: ${first.statusCode} ${first.body}`);
    const found = (first.json() as { conversations: unknown[]; nextCursor: string | null }).conversations.length;
    const http: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = nowMs();
      await app.inject({ method: 'GET', url, headers: { cookie } });
      http.push(nowMs() - t);
    }
    const sql: number[] = [];
    const filter = {
      terms: params.q ? ftsTerms(params.q) : [],
      siteId: null,
      state: (params.state as 'queued' | undefined) ?? null,
      departmentId: params.departmentId ?? null,
      agentId: null,
      channel: params.channel ?? null,
      tagId: null,
      after: null,
      limit: 26,
    };
    for (let i = 0; i < QUERIES; i++) {
      const t = nowMs();
      queries.search(filter);
      sql.push(nowMs() - t);
    }
    rows.push([label, JSON.stringify(params), found, fmt(pct(sql, 0.5), 2), fmt(pct(sql, 0.99), 2), fmt(pct(http, 0.5), 2), fmt(pct(http, 0.99), 2)]);
    console.log(`  ${label}: SQL p50 ${fmt(pct(sql, 0.5), 2)} ms, HTTP p50 ${fmt(pct(http, 0.5), 2)} ms`);
  }
  await app.close();
  console.log(`\n${machine()}\n`);
  console.log(table(['query', 'params', 'rows (page 25)', 'SQL p50 ms', 'SQL p99 ms', 'HTTP p50 ms', 'HTTP p99 ms'], rows));
} finally {
  tmp.remove();
}
