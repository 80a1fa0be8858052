/**
 * KPI scenario: a deterministic clock drives six conversations through the real server (real
 * sockets, real SQLite): handled, bot-resolved, missed, reopened, across midnight and outside
 * business hours, and a call-back. Every figure below was worked out by hand from the timeline.
 *
 * Timeline (t in minutes from Monday 23 Nov 2026 09:00 UTC = 10:00 in Rome; business hours
 * Mon-Fri 09:00-18:00 Europe/Rome, i.e. t -60..480 on Monday and 1380..1920 on Tuesday):
 *   A (orders) t0 "operator" in answer to a proactive message (queued) · t2 Ada takes · t3 Ada replies · t4, t5 visitor · t7 Ada · t10 resolved · t11 rated 5
 *   B          t20 shipping question, the bot answers · t21 "yes, it helped" (self-service) · t22 rated 2
 *   C (orders) t30 "human" (queued) · t31 the visitor leaves; nobody ever answers (missed)
 *   D (tech)   t38 shipping question, the bot answers · t40 "operator" (queued) · t45 Bob replies · t50 resolved · t70 visitor writes (reopened) · t75 Bob · t80 resolved
 *   E (tech)   t470 (Mon 17:50 Rome) "operator" · t1390 (Tue 09:10) Ada replies · t1400 resolved
 *   F          t1420 call-back request (callback channel), still waiting, visitor connected
 * Figures are computed at t1500 (Tue 11:00 Rome).
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { DEFAULT_SITE_SETTINGS, type DurationKpi, type FaqEntry, type KpiSet, type Metrics, type ServerToVisitor, type VisitorToServer } from '@parla/protocol';
import { onlineAgent, SHOP_ORIGIN, SITE, TestClient, useServer } from './harness.ts';

const ctx = useServer({ fakeClock: true });
const BASE = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;
const at = (t: number) => {
  ctx.s.clock.now = BASE + t * MIN;
};
const kb: FaqEntry[] = [
  { id: 'en-ship', lang: 'en', question: 'How much does shipping cost?', alternatives: ['delivery charges'], answer: '€4.90, free over €49.', quickReplies: [], departmentId: null, tags: [] },
];
const weekday: [string, string][] = [['09:00', '18:00']];
const HOURS = { timezone: 'Europe/Rome', weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] }, holidays: [] };

function shopper() {
  return ctx.track(new TestClient<VisitorToServer, ServerToVisitor>(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 4, lang: 'en' }), { origin: SHOP_ORIGIN }));
}
async function say(v: ReturnType<typeof shopper>, body: string, departmentId?: string, proactive?: string) {
  const clientId = newClientId();
  v.session.sendReliable({ type: 'message.send', clientId, body, ...(departmentId ? { departmentId } : {}), ...(proactive ? { proactive: { ruleId: null, text: proactive } } : {}) });
  return (await v.frame('ack', (a) => a.clientId === clientId)).conversationId;
}
type Agent = Awaited<ReturnType<typeof onlineAgent>>;
async function reply(a: Agent, conversationId: string, body: string) {
  const clientId = newClientId();
  a.session.sendReliable({ type: 'message.send', clientId, conversationId, body });
  await a.frame('ack', (f) => f.clientId === clientId);
}
async function resolve(a: Agent, conversationId: string) {
  a.session.send({ type: 'conversation.resolve', conversationId });
  await a.frame('inbox.upsert', (f) => f.conversation.id === conversationId && f.conversation.state === 'resolved' && f.conversation.resolvedAt === ctx.s.clock.now);
}
async function rate(v: ReturnType<typeof shopper>, conversationId: string, rating: number, comment?: string) {
  v.session.send({ type: 'csat.submit', conversationId, rating, ...(comment ? { comment } : {}) });
  await v.frame('conversation', (f) => f.conversation.id === conversationId && f.conversation.csat?.rating === rating);
}

async function runScenario() {
  const s = ctx.s;
  const p = s.app.parla;
  await p.bot.replaceFaqs(SITE, kb);
  const orders = await p.sites.createDepartment(SITE, { name: 'Orders' });
  const tech = await p.sites.createDepartment(SITE, { name: 'Technical' });
  await p.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, routingMode: 'manual', botMode: 'first', businessHours: HOURS, slaFirstResponseSec: 300, slaResolutionSec: 3600 });
  const adaId = await s.addAgent('ada@shop.test', 'Ada');
  const bobId = await s.addAgent('bob@shop.test', 'Bob');
  at(-1);
  const ada = await onlineAgent(ctx, 'ada@shop.test');
  const bob = await onlineAgent(ctx, 'bob@shop.test');

  const vA = shopper();
  await vA.frame('welcome');
  at(0);
  // The site spoke first (a bot message at t0: not a first response, not an interaction).
  const A = await say(vA, 'operator please', orders.id, 'Need help completing your order?');
  at(2);
  ada.session.send({ type: 'conversation.take', conversationId: A });
  await ada.frame('inbox.upsert', (f) => f.conversation.id === A && f.conversation.state === 'assigned');
  at(3);
  await reply(ada, A, 'Hi, Ada here');
  at(4);
  await say(vA, 'my order is late');
  at(5);
  await say(vA, 'it is A-1042');
  at(7);
  await reply(ada, A, 'It leaves today');
  at(10);
  await resolve(ada, A);
  at(11);
  await rate(vA, A, 5, 'great');

  const vB = shopper();
  await vB.frame('welcome');
  at(20);
  const B = await say(vB, 'How much does shipping cost?');
  await vB.waitFor(() => vB.items.some((i) => i.item.kind === 'message' && i.item.authorType === 'bot'), 'bot answer');
  at(21);
  vB.session.send({ type: 'bot.feedback', helpful: true });
  await vB.frame('conversation', (f) => f.conversation.id === B && f.conversation.state === 'resolved');
  at(22);
  await rate(vB, B, 2);

  const vC = shopper();
  await vC.frame('welcome');
  at(30);
  const C = await say(vC, 'I want a human', orders.id);
  at(31);
  vC.close();
  await vC.waitFor(() => p.store.visitorById(p.store.conversation(C)!.visitorId)!.lastSeenAt === BASE + 31 * MIN, 'visitor C gone');

  const vD = shopper();
  await vD.frame('welcome');
  at(38);
  const D = await say(vD, 'How much does shipping cost?', tech.id);
  await vD.waitFor(() => vD.items.some((i) => i.item.kind === 'message' && i.item.authorType === 'bot'), 'bot answer');
  at(40);
  expect(await say(vD, 'operator')).toBe(D);
  at(45);
  await reply(bob, D, 'Bob here');
  at(50);
  await resolve(bob, D);
  at(70);
  expect(await say(vD, 'one more thing')).toBe(D); // within 24 h: the same conversation, reopened
  at(75);
  await reply(bob, D, 'Sure');
  at(80);
  await resolve(bob, D);

  const vE = shopper();
  await vE.frame('welcome');
  at(470);
  const E = await say(vE, 'operator', tech.id);
  at(1390);
  await reply(ada, E, 'Good morning');
  at(1400);
  await resolve(ada, E);

  const vF = shopper();
  await vF.frame('welcome');
  at(1420);
  const clientId = newClientId();
  vF.session.sendReliable({ type: 'callback.request', clientId, phone: '+39 333 123 4567', preferredTime: 'afternoon' });
  const F = (await vF.frame('ack', (a) => a.clientId === clientId)).conversationId;

  at(1500);
  return { A, B, C, D, E, F, adaId, bobId, orders: orders.id, tech: tech.id };
}

const FROM = BASE - 600 * MIN; // Monday 00:00 in Rome
const TO = BASE + 2280 * MIN; // Wednesday 00:00 in Rome

async function metrics(query: Record<string, string | number>): Promise<Metrics> {
  const cookie = await ctx.s.login('ada@shop.test');
  const qs = new URLSearchParams({ from: String(FROM), to: String(TO), tz: 'Europe/Rome', groupBy: 'day', ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  const res = await fetch(`${ctx.s.url}/api/metrics?${qs}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as Metrics;
}

const m = (n: number) => n * MIN;
/** A duration KPI against values in minutes worked out by hand. */
function expectDur(actual: DurationKpi, values: number[], median: number, p90: number) {
  expect(actual.count).toBe(values.length);
  expect(actual.avgMs).toBeCloseTo(m(values.reduce((a, b) => a + b, 0) / values.length), 3);
  expect(actual.medianMs).toBe(m(median));
  expect(actual.p90Ms).toBe(m(p90));
}

describe('KPIs over a scenario with known timestamps', () => {
  it('computes every KPI of domain.md as worked out by hand, per period, agent, department and channel', async () => {
    const ids = await runScenario();
    const r = await metrics({});
    expect(r.tz).toBe('Europe/Rome');
    expect(r.computedAt).toBe(BASE + 1500 * MIN);
    const t = r.totals;
    expect(t.conversations).toBe(6);
    expect(t.resolved).toBe(4);
    expect(t.resolutionRate).toBeCloseTo(4 / 6, 10);
    // FRT: A 3, D 5, E 920 (15 h 20 across the night); queue wait: A 2, D 5, E 920.
    expectDur(t.firstResponse, [3, 5, 920], 5, 920);
    expectDur(t.queueWait, [2, 5, 920], 5, 920);
    // Average response: A (3 + 3) / 2, D (5 + 5) / 2 (its first run counts from the handover at t40,
    // not from the question the bot answered at t38; the second is the run after the reopen), E 920.
    expectDur(t.averageResponse, [3, 5, 920], 5, 920);
    // Resolution: A 10, B 1, D 42 (from creation to the second resolution), E 930; handle: A 8, D 35, E 10.
    expectDur(t.resolution, [10, 1, 42, 930], 26, 930);
    expectDur(t.handle, [8, 35, 10], 10, 35);
    // Business hours: E's night does not count (10 min on Monday + 10 on Tuesday to the reply, +10 to the resolution).
    expectDur(t.business!.firstResponse, [3, 5, 20], 5, 20);
    expectDur(t.business!.queueWait, [2, 5, 20], 5, 20);
    expectDur(t.business!.averageResponse, [3, 5, 20], 5, 20);
    expectDur(t.business!.resolution, [10, 1, 42, 30], 20, 42);
    expectDur(t.business!.handle, [8, 35, 10], 10, 35);
    // Interactions until resolution (visitor + agent, no bot): A 5, B 1, D 5, E 2.
    expect(t.interactions).toEqual({ count: 4, avg: 3.25, median: 3.5, p90: 5 });
    // CSAT: A 5, B 2; surveyed: the four resolved web conversations.
    expect(t.csat).toEqual({ surveyed: 4, ratings: 2, positive: 1, score: 0.5, responseRate: 0.5, avgRating: 3.5 });
    // First-response SLA (5 min): A met, D met at exactly 5 min, E breached, C and F unanswered past it; B never queued.
    expect(t.sla.firstResponse).toEqual({ measured: 5, breached: 3, share: 0.6 });
    // Resolution SLA (1 h): E (930 min), C and F (open past an hour) breached.
    expect(t.sla.resolution).toEqual({ measured: 6, breached: 3, share: 0.5 });
    // Missed: C (queued, never answered, visitor gone). F is unanswered but its visitor is still here.
    expect(t.missed).toEqual({ count: 1, share: 1 / 5 });
    expect(t.selfService).toEqual({ count: 1, rate: 1 / 6 });
    // Proactive: A began as the answer to the site's message.
    expect(t.proactive).toEqual({ count: 1, share: 1 / 6 });
    expect(t.channels).toEqual([
      { channel: 'web', count: 5, share: 5 / 6 },
      { channel: 'callback', count: 1, share: 1 / 6 },
    ]);
    // Backlog now: C and F open, both older than the 1 h resolution target.
    expect(r.backlog).toEqual({ at: BASE + 1500 * MIN, open: 2, overdue: 2 });

    // Per day in Rome: Monday holds A-E (E at 17:50), Tuesday F.
    expect(r.series.map((b) => [b.label, b.start, b.end, b.kpis.conversations])).toEqual([
      ['2026-11-23', FROM, BASE + 840 * MIN, 5],
      ['2026-11-24', BASE + 840 * MIN, TO, 1],
    ]);
    // At Monday's end C and E were open (D had been resolved, reopened and resolved again).
    expect(r.series[0]!.backlog).toEqual({ at: BASE + 840 * MIN, open: 2, overdue: 2 });
    expectDur(r.series[0]!.kpis.firstResponse, [3, 5, 920], 5, 920);
    expect(r.series[1]!.kpis.firstResponse.count).toBe(0);
    expect(r.series[1]!.backlog).toEqual({ at: BASE + 1500 * MIN, open: 2, overdue: 2 });

    // Per agent: Ada holds A and E, Bob D.
    expect(r.perAgent.map((a) => [a.name, a.kpis.conversations, a.kpis.firstResponse.count])).toEqual([
      ['Ada', 2, 2],
      ['Bob', 1, 1],
    ]);
    const ada = await metrics({ agentId: ids.adaId, groupBy: 'none' });
    expectDur(ada.totals.firstResponse, [3, 920], (3 + 920) / 2, 920);
    expect(ada.totals.csat).toMatchObject({ ratings: 1, score: 1 });
    const bob = await metrics({ agentId: ids.bobId });
    expectDur(bob.totals.handle, [35], 35, 35);
    expectDur(bob.totals.averageResponse, [5], 5, 5);

    // Per department.
    const orders = await metrics({ departmentId: ids.orders });
    expect(orders.totals.conversations).toBe(2);
    expect(orders.totals.missed).toEqual({ count: 1, share: 0.5 });
    expect(orders.backlog).toEqual({ at: BASE + 1500 * MIN, open: 1, overdue: 1 });
    const tech = await metrics({ departmentId: ids.tech });
    expectDur(tech.totals.resolution, [42, 930], 486, 930);
    expect(r.perDepartment.find((d) => d.departmentId === ids.tech)!.kpis.conversations).toBe(2);

    // Per channel.
    const cb = await metrics({ channel: 'callback' });
    expect(cb.totals).toMatchObject({ conversations: 1, resolved: 0, resolutionRate: 0 } satisfies Partial<KpiSet>);
    expect(cb.totals.sla.firstResponse).toEqual({ measured: 1, breached: 1, share: 1 });

    // A period that ends before D's reopen: D counts as resolved then (backlog), yet it is one conversation.
    const early = await metrics({ to: BASE + 60 * MIN, groupBy: 'none' });
    expect(early.totals.conversations).toBe(4); // A, B, C, D
    expect(early.backlog).toEqual({ at: BASE + 60 * MIN, open: 1, overdue: 0 }); // only C, 30 min old
    const midReopen = await metrics({ to: BASE + 72 * MIN, groupBy: 'none' });
    expect(midReopen.backlog.open).toBe(2); // C and the reopened D

    // Weekly buckets: one ISO week, Monday to Sunday, clipped to the period.
    const weekly = await metrics({ groupBy: 'week' });
    expect(weekly.series.map((b) => [b.label, b.kpis.conversations])).toEqual([['2026-11-23', 6]]);
  });

  it('exports the same figures as CSV: the KPI table and the raw conversations agree with the API', async () => {
    const ids = await runScenario();
    const api = await metrics({});
    const cookie = await ctx.s.login('ada@shop.test');
    const qs = new URLSearchParams({ from: String(FROM), to: String(TO), tz: 'Europe/Rome', groupBy: 'day' });
    const res = await fetch(`${ctx.s.url}/api/metrics.csv?${qs}`, { headers: { cookie } });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const rows = parseCsv(await res.text());
    const header = rows[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => r[0])).toEqual(['period', '2026-11-23', '2026-11-24', 'total']);
    const total = rows[3]!;
    const num = (v: number | null) => (v === null ? '' : String(Math.round(v * 1000) / 1000));
    expect(col(total, 'conversations')).toBe(String(api.totals.conversations));
    expect(col(total, 'first_response_median_ms')).toBe(num(api.totals.firstResponse.medianMs));
    expect(col(total, 'first_response_avg_ms')).toBe(num(api.totals.firstResponse.avgMs));
    expect(col(total, 'business_first_response_p90_ms')).toBe(num(api.totals.business!.firstResponse.p90Ms));
    expect(col(total, 'resolution_rate')).toBe(num(api.totals.resolutionRate));
    expect(col(total, 'csat_score')).toBe(num(api.totals.csat.score));
    expect(col(total, 'missed')).toBe(String(api.totals.missed.count));
    expect(col(total, 'self_service_rate')).toBe(num(api.totals.selfService.rate));
    expect(col(total, 'proactive')).toBe('1');
    expect(col(total, 'backlog_overdue')).toBe(String(api.backlog.overdue));
    expect(col(total, 'channels')).toBe('web:5 callback:1');
    expect(col(rows[1]!, 'conversations')).toBe(String(api.series[0]!.kpis.conversations));
    expect(col(rows[1]!, 'backlog_open')).toBe(String(api.series[0]!.backlog.open));

    const raw = await fetch(`${ctx.s.url}/api/metrics/conversations.csv?${qs}`, { headers: { cookie } });
    const conv = parseCsv(await raw.text());
    const h = conv[0]!;
    const byId = new Map(conv.slice(1).map((r) => [r[h.indexOf('id')]!, r]));
    expect([...byId.keys()].sort()).toEqual([ids.A, ids.B, ids.C, ids.D, ids.E, ids.F].sort());
    expect(byId.get(ids.E)![h.indexOf('firstResponseMs')]).toBe(String(920 * MIN));
    expect(byId.get(ids.C)![h.indexOf('missed')]).toBe('1');
    expect(byId.get(ids.B)![h.indexOf('selfService')]).toBe('1');
    expect([...byId].filter(([, r]) => r[h.indexOf('proactive')] === '1').map(([id]) => id)).toEqual([ids.A]);
    expect(byId.get(ids.A)![h.indexOf('rating')]).toBe('5');
    // The raw rows sum up to the table: FRTs of the conversations = the API's count and average.
    const frts = conv.slice(1).map((r) => r[h.indexOf('firstResponseMs')]!).filter(Boolean).map(Number);
    expect(frts.length).toBe(api.totals.firstResponse.count);
    expect(frts.reduce((a, b) => a + b, 0) / frts.length).toBeCloseTo(api.totals.firstResponse.avgMs!, 6);
  });
});

describe('satisfaction survey rules', () => {
  it('one rating per conversation, changeable for 24 hours, only for the visitor’s own resolved conversation', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada');
    const ada = await onlineAgent(ctx, 'ada@shop.test');
    const v = shopper();
    await v.frame('welcome');
    const id = await say(v, 'hello');
    // Not resolved yet: refused.
    v.session.send({ type: 'csat.submit', conversationId: id, rating: 4 });
    expect((await v.frame('error', (e) => e.code === 'conflict')).message).toMatch(/resolved/);
    await reply(ada, id, 'hi');
    await resolve(ada, id);
    await rate(v, id, 4);
    // Another visitor cannot rate it.
    const other = shopper();
    await other.frame('welcome');
    other.session.send({ type: 'csat.submit', conversationId: id, rating: 1 });
    await other.frame('error', (e) => e.code === 'not_found');
    // Changed within 24 h: one row, the new value; the agent sees it.
    s.clock.advance(23 * 3600_000);
    await rate(v, id, 2, 'slow after all');
    await ada.frame('inbox.upsert', (f) => f.conversation.id === id && f.conversation.csat?.rating === 2);
    expect(s.app.parla.store.csatOf(id)).toMatchObject({ rating: 2, comment: 'slow after all' });
    // After 24 h it is final.
    s.clock.advance(2 * 3600_000);
    v.session.send({ type: 'csat.submit', conversationId: id, rating: 5 });
    expect((await v.frame('error', (e) => e.code === 'conflict' && /no longer/.test(e.message))).code).toBe('conflict');
    expect(s.app.parla.store.csatOf(id)!.rating).toBe(2);
    // Out-of-range ratings are bad frames.
    v.session.send({ type: 'csat.submit', conversationId: id, rating: 6 } as never);
    await v.frame('error', (e) => e.code === 'bad_frame');
  });

  it('a bot answer the visitor walked away from counts as solved by the bot after 30 minutes', async () => {
    const s = ctx.s;
    await s.app.parla.bot.replaceFaqs(SITE, kb);
    await s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, botMode: 'first' });
    const v = shopper();
    await v.frame('welcome');
    const id = await say(v, 'How much does shipping cost?');
    await v.waitFor(() => v.items.some((i) => i.item.kind === 'message' && i.item.authorType === 'bot'), 'bot answer');
    s.clock.advance(29 * MIN);
    expect(await s.app.parla.conversations.resolveIdleBot()).toBe(0);
    s.clock.advance(2 * MIN);
    expect(await s.app.parla.conversations.resolveIdleBot()).toBe(1);
    expect(s.app.parla.store.conversation(id)).toMatchObject({ state: 'resolved', queuedAt: null, assignedAt: null });
  });
});

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
