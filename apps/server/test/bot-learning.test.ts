/**
 * The bot's learning loop (issue #17, must have 5): shoppers' unanswered questions grouped by
 * normalised text with the entry they came closest to, "Try the bot" questions kept apart as
 * trials, one-click learning (a question becomes a phrasing of an entry, and the bot then answers
 * it) and dismissing a group.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { BotMissList, DEFAULT_SITE_SETTINGS, type BotMissGroup, type FaqEntry, type ServerToVisitor, type VisitorToServer } from '@parla/protocol';
import { normaliseQuestion } from '../src/modules/bot/service.ts';
import { SHOP_ORIGIN, SITE, TestClient, useServer, withCsrf } from './harness.ts';

describe('normaliseQuestion', () => {
  it('folds case, accents, punctuation, symbols and spacing', () => {
    expect(normaliseQuestion('  Is GIFT-wrapping available?? ')).toBe('is gift wrapping available');
    expect(normaliseQuestion('Perché   la spedizione è così CARA?!')).toBe('perche la spedizione e cosi cara');
    expect(normaliseQuestion("Dov'è il mio pacco…\n\t(ordine #123)")).toBe('dov e il mio pacco ordine 123');
    expect(normaliseQuestion('Ｆｕｌｌ　width ﬁne café 😀👍🏻')).toBe('full width fine cafe');
    expect(normaliseQuestion('<b>hi</b> & "bye"')).toBe('b hi b bye');
    expect(normaliseQuestion('😀 ?!… \u0000')).toBe('');
    // Different questions stay different.
    expect(normaliseQuestion('gift card')).not.toBe(normaliseQuestion('gift cards'));
  });
});

const ctx = useServer();
const json = { 'content-type': 'application/json' };

const kb: FaqEntry[] = [
  { id: 'en-ship', lang: 'en', question: 'How much does shipping cost?', alternatives: ['delivery charges'], answer: '€4.90, free over €49.', quickReplies: [], departmentId: null, tags: [] },
  { id: 'en-gift', lang: 'en', question: 'Do you sell gift cards?', alternatives: ['gift vouchers'], answer: 'Gift cards from €10, sent by email.', quickReplies: [], departmentId: null, tags: [] },
  { id: 'en-returns', lang: 'en', question: 'How do I return an item?', alternatives: [], answer: 'Within 30 days.', quickReplies: [], departmentId: null, tags: [] },
  { id: 'it-sped', lang: 'it', question: 'Quanto costa la spedizione?', alternatives: [], answer: '4,90 €.', quickReplies: [], departmentId: null, tags: [] },
  { id: 'it-regalo', lang: 'it', question: 'Vendete buoni regalo?', alternatives: [], answer: 'Sì, da 10 €, inviati per email.', quickReplies: [], departmentId: null, tags: [] },
];

/** An admin and an agent, the FAQ imported, and the bot answering first. */
async function setup() {
  const s = ctx.s;
  const adminId = await s.addAgent('boss@shop.test', 'Boss');
  s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(adminId);
  await s.addAgent('ada@shop.test', 'Ada');
  const admin = await s.login('boss@shop.test');
  const agent = await s.login('ada@shop.test');
  const put = await fetch(`${s.url}/api/sites/${SITE}/faqs`, { method: 'PUT', headers: { ...json, ...withCsrf(admin) }, body: JSON.stringify(kb) });
  expect(put.status).toBe(200);
  await s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, botMode: 'first' });
  return { admin, agent };
}

/** A shopper asks one question over the widget's socket; the bot cannot answer: it hands over or suggests. */
async function shopperAsks(question: string, lang: 'en' | 'it' = 'en'): Promise<string> {
  const v = ctx.track(
    new TestClient<VisitorToServer, ServerToVisitor>(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 6, lang }), { origin: SHOP_ORIGIN }),
  );
  const w = await v.frame('welcome');
  const clientId = newClientId();
  v.session.sendReliable({ type: 'message.send', clientId, body: question });
  await v.frame('ack', (a) => a.clientId === clientId);
  // The bot's reply: a handover, or "Did you mean…" suggestions (either way not an answer).
  await v.frame('item', (f) => f.item.kind === 'message' && f.item.authorType === 'bot' && !f.item.faqId);
  return w.visitorId;
}

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${ctx.s.url}${path}`, {
    method,
    headers: method === 'GET' ? { cookie } : { ...(body === undefined ? {} : json), ...withCsrf(cookie) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & unknown[] };
}
const misses = async (cookie: string, query = ''): Promise<BotMissGroup[]> => {
  const r = await call('GET', `/api/sites/${SITE}/bot/misses${query}`, cookie);
  expect(r.status).toBe(200);
  return BotMissList.parse(r.body); // the response matches its schema
};
const tryBot = (cookie: string, question: string, lang = 'en') => call('POST', `/api/sites/${SITE}/bot/answer`, cookie, { question, lang });
const rows = () =>
  ctx.s.app.parla.db.sqlite
    .prepare('SELECT lang, question, normalised, reason, faq_id AS faqId, score, trial, handled_at AS handledAt, conversation_id AS conversationId FROM bot_misses ORDER BY id')
    .all() as { lang: string; question: string; normalised: string; reason: string; faqId: string | null; score: number | null; trial: number; handledAt: number | null; conversationId: string | null }[];
const faqsTable = () => ctx.s.app.parla.db.sqlite.prepare('SELECT * FROM faqs ORDER BY id').all();

const WRAP = 'is gift wrapping available';

describe('the unanswered-questions list', () => {
  it('records shoppers’ misses with their normalised text and closest entry, groups them, and keeps trials apart', async () => {
    const s = ctx.s;
    const { admin, agent } = await setup();
    // What the bot sees in these questions now (no answer; the gift card entry is the nearest).
    const before = s.app.parla.bot.answer(SITE, 'Is gift wrapping available??', 'en');
    expect(before.decision).not.toBe('answer');
    expect(before.nearest[0]).toMatchObject({ faqId: 'en-gift' });
    const visitorId = await shopperAsks('Is gift wrapping available??');
    await shopperAsks('is GIFT wrapping   available');
    await shopperAsks('Is gift-wrapping available?');
    await shopperAsks('Fate la confezione regalo?', 'it');
    await shopperAsks('😀😀😀'); // no words: handed over, nothing to learn from

    // Two questions in the console's "Try the bot": kept, but as trials.
    const tried = await tryBot(admin, 'Is gift wrapping available');
    expect(tried.status).toBe(200);
    expect(tried.body).toMatchObject({ decision: before.decision, faqId: null });
    expect((await tryBot(agent, 'Do you take PayPal?')).status).toBe(200);
    // An answered trial is not a miss.
    expect(await tryBot(agent, 'How much does shipping cost?')).toMatchObject({ body: { decision: 'answer', faqId: 'en-ship' } });

    const stored = rows();
    expect(stored).toHaveLength(6);
    expect(stored.slice(0, 3).map((r) => [r.normalised, r.faqId, r.score, r.reason, r.trial])).toEqual(
      Array(3).fill([WRAP, 'en-gift', before.nearest[0]!.score, before.decision === 'suggest' ? 'suggested' : 'abstained', 0]),
    );
    expect(stored[3]).toMatchObject({ lang: 'it', question: 'Fate la confezione regalo?', normalised: 'fate la confezione regalo', faqId: 'it-regalo', trial: 0 });
    expect(stored[4]).toMatchObject({ normalised: WRAP, trial: 1, conversationId: null, faqId: 'en-gift' });
    expect(stored[5]).toMatchObject({ normalised: 'do you take paypal', trial: 1, conversationId: null });
    expect(stored.every((r) => r.handledAt === null)).toBe(true);

    // The shoppers' list (any agent may read it): trials are not counted.
    const list = await misses(agent);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      lang: 'en',
      normalised: WRAP,
      count: 3,
      abstained: before.decision === 'abstain' ? 3 : 0,
      suggested: before.decision === 'suggest' ? 3 : 0,
      unhelpful: 0,
      closest: { faqId: 'en-gift', question: 'Do you sell gift cards?', score: before.nearest[0]!.score },
      proposed: { faqId: 'en-gift', question: 'Do you sell gift cards?' },
    });
    expect(['Is gift wrapping available??', 'is GIFT wrapping   available', 'Is gift-wrapping available?']).toContain(list[0]!.question);
    expect(list[1]).toMatchObject({ lang: 'it', normalised: 'fate la confezione regalo', count: 1, closest: { faqId: 'it-regalo' } });

    // ?trials=1: the trials only.
    const trials = await misses(agent, '?trials=1');
    expect(trials.map((g) => [g.normalised, g.count]).sort()).toEqual([
      ['do you take paypal', 1],
      [WRAP, 1],
    ]);
    expect((await call('GET', `/api/sites/${SITE}/bot/misses?trials=yes`, agent)).status).toBe(400);
    expect((await call('GET', `/api/sites/nope/bot/misses`, agent)).status).toBe(404);

    // The owner adds an entry: the proposal follows the FAQ as it is now, the closest stays what it was.
    const more = [...kb, { id: 'en-wrap', lang: 'en', question: 'Do you offer gift wrapping?', alternatives: [], answer: '€2 per order.', quickReplies: [], departmentId: null, tags: [] }];
    expect((await call('PUT', `/api/sites/${SITE}/faqs`, admin, more)).status).toBe(200);
    const fresh = (await misses(agent))[0]!;
    expect(fresh.closest).toMatchObject({ faqId: 'en-gift' });
    expect(fresh.proposed).toMatchObject({ faqId: 'en-wrap', question: 'Do you offer gift wrapping?' });

    // The shopper's misses are in their export, with the new columns, and go with their erasure.
    const exported = await call('GET', `/api/visitors/${visitorId}/export`, admin);
    expect(exported.status).toBe(200);
    expect((exported.body as unknown as { botMisses: unknown[] }).botMisses).toEqual([
      expect.objectContaining({ question: 'Is gift wrapping available??', normalised: WRAP, faqId: 'en-gift', reason: stored[0]!.reason, handledAt: null }),
    ]);
    expect((await call('DELETE', `/api/visitors/${visitorId}`, admin)).status).toBeLessThan(300);
    expect(rows()).toHaveLength(5);
    expect((await misses(agent))[0]).toMatchObject({ normalised: WRAP, count: 2 });
  });

  it('gives misses recorded before the learning loop their normalised text', async () => {
    const s = ctx.s;
    const { agent } = await setup();
    s.app.parla.store.recordMiss(SITE, null, 'en', '  Do you ship to CANADA?? ', 'abstained', Date.now());
    s.app.parla.store.recordMiss(SITE, null, 'en', 'do you ship to Canada', 'abstained', Date.now());
    expect(rows().map((r) => r.normalised)).toEqual([null, null]);
    expect(await s.app.parla.bot.normaliseOldMisses()).toBe(2);
    expect(rows().map((r) => r.normalised)).toEqual(['do you ship to canada', 'do you ship to canada']);
    expect((await misses(agent)).map((g) => [g.normalised, g.count])).toEqual([['do you ship to canada', 2]]);
    // A bare row recorded later joins its group as soon as the list is read.
    s.app.parla.store.recordMiss(SITE, null, 'en', 'Do you ship to Canada?!', 'suggested', Date.now());
    expect((await misses(agent)).map((g) => [g.normalised, g.count, g.suggested])).toEqual([['do you ship to canada', 3, 1]]);
  });
});

describe('one-click learning', () => {
  it('adds the question as a phrasing of the entry: the bot then answers it, and its group leaves both lists', async () => {
    const { admin, agent } = await setup();
    await shopperAsks('Is gift wrapping available??');
    await shopperAsks('is gift wrapping available');
    const asked = await tryBot(admin, 'Is gift wrapping available?');
    expect(asked.body).toMatchObject({ faqId: null });
    expect(asked.body.decision).not.toBe('answer');
    expect((await misses(agent))[0]).toMatchObject({ normalised: WRAP, count: 2, proposed: { faqId: 'en-gift' } });

    const learned = await call('POST', `/api/sites/${SITE}/faqs/en-gift/alternatives`, admin, { text: '  Is gift wrapping available?? ' });
    expect(learned.status).toBe(200);
    expect(learned.body).toMatchObject({ entry: { id: 'en-gift', alternatives: ['gift vouchers', 'Is gift wrapping available??'] }, handled: 3 });

    // The index was rebuilt: the same question (however written) is answered with that entry.
    for (const q of ['Is gift wrapping available?', 'IS GIFT-WRAPPING AVAILABLE']) {
      expect((await tryBot(admin, q)).body).toMatchObject({ decision: 'answer', faqId: 'en-gift', answer: 'Gift cards from €10, sent by email.' });
    }
    expect(await misses(agent)).toEqual([]);
    expect(await misses(agent, '?trials=1')).toEqual([]);
    expect(rows().every((r) => r.handledAt !== null)).toBe(true);
    const faqs = (await call('GET', `/api/sites/${SITE}/faqs`, agent)).body as unknown as FaqEntry[];
    expect(faqs.find((e) => e.id === 'en-gift')!.alternatives).toEqual(['gift vouchers', 'Is gift wrapping available??']);
    // A shopper asking it now gets the answer; no new miss.
    expect(ctx.s.app.parla.bot.answer(SITE, 'is gift wrapping available', 'en')).toMatchObject({ decision: 'answer', faqId: 'en-gift' });
  });

  it('refuses duplicates, a full entry, unknown entries, non-admins and bad bodies with a reason, and writes nothing', async () => {
    const s = ctx.s;
    const { admin, agent } = await setup();
    await shopperAsks('Is gift wrapping available??');
    const full = { ...kb[2]!, alternatives: Array.from({ length: 30 }, (_, i) => `way number ${i + 1}`) };
    expect((await call('PUT', `/api/sites/${SITE}/faqs`, admin, [...kb.slice(0, 2), full, ...kb.slice(3)])).status).toBe(200);
    const faqsBefore = faqsTable();
    const missesBefore = rows();
    const add = (faqId: string, body: unknown, cookie = admin, site = SITE) => call('POST', `/api/sites/${site}/faqs/${faqId}/alternatives`, cookie, body);

    const cases: [string, Awaited<ReturnType<typeof add>>, number, string, string][] = [
      ['the question itself', await add('en-gift', { text: 'do you sell GIFT cards!!' }), 409, 'duplicate', 'already a phrasing'],
      ['an alternative again', await add('en-gift', { text: 'Gift  vouchers.' }), 409, 'duplicate', 'already a phrasing'],
      ['past 30 alternatives', await add('en-returns', { text: WRAP }), 409, 'alternatives_limit', '30'],
      ['an unknown entry', await add('en-nope', { text: WRAP }), 404, 'not_found', 'en-nope'],
      ['another site', await add('en-gift', { text: WRAP }, admin, 'nope'), 404, 'not_found', 'en-gift'],
      ['an invalid id', await add('en gift!', { text: WRAP }), 400, 'bad_request', 'faqId'],
      ['a one-letter text', await add('en-gift', { text: 'x' }), 400, 'bad_request', 'text'],
      ['a text over 300', await add('en-gift', { text: 'y'.repeat(301) }), 400, 'bad_request', 'text'],
      ['no words', await add('en-gift', { text: '?!?! 😀' }), 400, 'bad_request', 'no words'],
      ['no text', await add('en-gift', {}), 400, 'bad_request', 'text'],
      ['not JSON', await add('en-gift', '{"text": '), 400, 'fst_err_ctp_invalid_json_body', 'JSON'],
      ['an agent', await add('en-gift', { text: WRAP }, agent), 403, 'forbidden', 'admin'],
    ];
    for (const [what, r, status, code, reason] of cases) {
      expect(r.status, what).toBe(status);
      expect(r.body.error, what).toBe(code);
      expect(String(r.body.message), what).toContain(reason);
      expect(String(r.body.message).length, `${what}: a reason`).toBeGreaterThan(0);
    }
    expect(faqsTable()).toEqual(faqsBefore);
    expect(rows()).toEqual(missesBefore);
    expect((await misses(agent)).map((g) => g.normalised)).toEqual([WRAP]);
  });

  it('dismisses a group without learning from it (admins only)', async () => {
    const { admin, agent } = await setup();
    await shopperAsks('Is gift wrapping available??');
    await shopperAsks('Fate la confezione regalo?', 'it');
    const faqsBefore = faqsTable();
    const dismiss = (body: unknown, cookie = admin) => call('POST', `/api/sites/${SITE}/bot/misses/dismiss`, cookie, body);

    expect((await dismiss({ lang: 'it', normalised: 'fate la confezione regalo' }, agent)).status).toBe(403);
    expect((await dismiss({ lang: 'de', normalised: 'fate la confezione regalo' })).status).toBe(400);
    expect((await dismiss({ lang: 'it' })).status).toBe(400);
    // The English group is not the Italian one.
    expect(await dismiss({ lang: 'en', normalised: 'fate la confezione regalo' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect((await misses(agent)).length).toBe(2);

    expect(await dismiss({ lang: 'it', normalised: 'fate la confezione regalo' })).toMatchObject({ status: 200, body: { handled: 1 } });
    expect((await misses(agent)).map((g) => g.normalised)).toEqual([WRAP]);
    expect(await dismiss({ lang: 'it', normalised: 'fate la confezione regalo' })).toMatchObject({ status: 404 });
    expect(faqsTable()).toEqual(faqsBefore); // nothing learned
    expect(ctx.s.app.parla.bot.answer(SITE, 'Fate la confezione regalo?', 'it').decision).not.toBe('answer');
  });
});
