/**
 * "Suggest when unsure" in the conversation (issue #17): between answering and handing over, the
 * bot offers the nearest entries ("Did you mean…"); the shopper picks one with bot.pick and gets
 * its answer, which counts as self-service unless they then ask for a person.
 * Real server on port 0, real WebSocket clients. The questions sit between the site's calibrated
 * suggest and answer bars: each test asks POST /bot/answer first and fails loudly if the
 * calibration moved them out of 'suggest'.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { DEFAULT_SITE_SETTINGS, type BotAnswer, type FaqEntry, type MessageItem, type ServerToVisitor, type VisitorToServer } from '@parla/protocol';
import { BOT_IDLE_RESOLVE_MS } from '../src/modules/conversations/service.ts';
import { onlineAgent, SHOP_ORIGIN, SITE, TestClient, useServer, withCsrf } from './harness.ts';

const ctx = useServer({ fakeClock: true });

const entry = (id: string, lang: 'en' | 'it', question: string, answer: string, quickReplies: string[] = []): FaqEntry => ({
  id,
  lang,
  question,
  alternatives: [],
  answer,
  quickReplies,
  departmentId: null,
  tags: [],
});
const kb: FaqEntry[] = [
  entry('en-ship', 'en', 'How much does shipping cost?', '€4.90, free over €49.', ['Track my order']),
  entry('en-track', 'en', 'How can I track my order?', 'Use the link in your confirmation email.'),
  entry('en-return', 'en', 'How do I return an item?', 'Within 30 days, from your account.'),
  entry('en-gift', 'en', 'Do you sell gift cards?', 'Yes, from 10 to 200 euros.'),
  entry('it-sped', 'it', 'Quanto costa la spedizione?', '4,90 €, gratis sopra 49 €.'),
  entry('it-traccia', 'it', 'Come posso tracciare il mio ordine?', 'Con il link nella email di conferma.'),
  entry('it-reso', 'it', 'Come faccio un reso?', 'Entro 30 giorni, dal tuo account.'),
];
/** Vague: half about shipping, half about an order. */
const VAGUE_EN = 'i need help with my order and shipping';
const VAGUE_IT = 'aiuto con il mio ordine e la spedizione';

async function setup() {
  const s = ctx.s;
  await s.app.parla.bot.replaceFaqs(SITE, kb);
  await s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, botMode: 'first' });
  await s.addAgent('ada@shop.test', 'Ada');
}

/** What the bot would do with `question` (the console's "Try the bot"): the test's precondition. */
async function wouldSuggest(question: string, lang: 'en' | 'it'): Promise<BotAnswer> {
  const cookie = await ctx.s.login('ada@shop.test');
  const res = await fetch(`${ctx.s.url}/api/sites/${SITE}/bot/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...withCsrf(cookie) },
    body: JSON.stringify({ question, lang }),
  });
  expect(res.status).toBe(200);
  const a = (await res.json()) as BotAnswer;
  // Precondition: if the calibration moves, this is where the test says so.
  expect(a.decision, `"${question}" is expected between the suggest and answer bars (${JSON.stringify(a.thresholds)}, score ${a.score})`).toBe('suggest');
  expect(a.suggestions.length).toBeGreaterThan(0);
  expect(a.suggestions.map((x) => x.faqId)).not.toContain('en-gift');
  return a;
}

function shopper(lang: 'en' | 'it' = 'en') {
  return ctx.track(
    new TestClient<VisitorToServer, ServerToVisitor>(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 7, lang }), { origin: SHOP_ORIGIN }),
  );
}
type Shopper = ReturnType<typeof shopper>;
async function say(v: Shopper, body: string) {
  const clientId = newClientId();
  v.session.sendReliable({ type: 'message.send', clientId, body });
  return (await v.frame('ack', (a) => a.clientId === clientId)).conversationId;
}
const botSaid = (v: Shopper) => v.items.flatMap((i) => (i.item.kind === 'message' && i.item.authorType === 'bot' ? [i.item] : []));
const row = (id: string) => ctx.s.app.parla.store.conversation(id)!;
const stored = (id: string) => ctx.s.app.parla.store.messagesAfter(id, 0, 1000);

/** A shopper whose vague question got "Did you mean…": the conversation and the bot's message. */
async function unsure(lang: 'en' | 'it' = 'en') {
  const v = shopper(lang);
  await v.frame('welcome');
  const id = await say(v, lang === 'en' ? VAGUE_EN : VAGUE_IT);
  const offer = await v.waitFor(() => botSaid(v).find((m) => m.suggestions), 'suggestions');
  return { v, id, offer };
}

async function pick(v: Shopper, faqId: string, clientId = newClientId()) {
  v.session.sendReliable({ type: 'bot.pick', clientId, faqId });
  return v.waitFor(() => v.frames.find((f) => (f.type === 'ack' || f.type === 'error') && f.clientId === clientId), `answer to the pick of ${faqId}`);
}

describe('suggest when unsure', () => {
  it('offers the nearest entries in the shopper’s language, stores them, and agents and a sync see them', async () => {
    await setup();
    const api = await wouldSuggest(VAGUE_EN, 'en');
    const { id, offer } = await unsure('en');
    expect(offer).toMatchObject({ body: "I'm not sure I understood. Did you mean…", authorName: 'Assistant' });
    expect(offer.suggestions).toEqual(api.suggestions.map((x) => ({ faqId: x.faqId, question: x.question })));
    expect(offer.faqId).toBeUndefined(); // not an answer: no helpful yes/no for it
    expect(row(id)).toMatchObject({ state: 'bot', queuedAt: null, agentId: null });
    // Persisted in messages.meta: a reload (sync) gets the same item.
    const synced = ctx.s.app.parla.conversations.itemsAfter(id, 0)!.items.find((i): i is MessageItem => i.kind === 'message' && i.id === offer.id);
    expect(synced?.suggestions).toEqual(offer.suggestions);
    // The agent who opens it sees what was offered.
    const a = await onlineAgent(ctx, 'ada@shop.test');
    a.session.track(id);
    const seen = await a.waitFor(() => a.items.find((i) => i.item.kind === 'message' && i.item.id === offer.id), 'the offer at the agent');
    expect(seen.item).toMatchObject({ suggestions: offer.suggestions });

    const apiIt = await wouldSuggest(VAGUE_IT, 'it');
    const it = await unsure('it');
    expect(it.offer).toMatchObject({ body: 'Non sono sicuro di aver capito. Intendevi…', authorName: 'Assistente' });
    expect(it.offer.suggestions?.map((x) => x.faqId)).toEqual(apiIt.suggestions.map((x) => x.faqId));
  });

  it('a pick of an offered entry is the shopper’s message and the entry’s answer; "yes" resolves it as self-service', async () => {
    await setup();
    await wouldSuggest(VAGUE_EN, 'en');
    const { v, id, offer } = await unsure('en');
    const chosen = offer.suggestions![0]!;
    const clientId = newClientId();
    const ack = await pick(v, chosen.faqId, clientId);
    expect(ack).toMatchObject({ type: 'ack', conversationId: id });
    const answer = await v.waitFor(() => botSaid(v).find((m) => m.faqId === chosen.faqId), 'the answer of the pick');
    const want = kb.find((e) => e.id === chosen.faqId)!;
    expect(answer).toMatchObject({ body: want.answer, quickReplies: want.quickReplies, authorName: 'Assistant' });
    const rows = stored(id);
    const asked = rows.find((m) => m.clientId === clientId)!;
    expect(asked).toMatchObject({ authorType: 'visitor', body: chosen.question });
    expect(asked.seq).toBeLessThan(answer.seq);
    // Recorded as a pick (reports can count it), the KPIs' rows untouched.
    expect(JSON.parse(rows.find((m) => m.id === answer.id)!.meta!)).toEqual({ faqId: chosen.faqId, quickReplies: want.quickReplies, pick: true });
    // A resend of the same pick (a reconnect) is the same message, not a second one.
    const again = await pick(v, chosen.faqId, clientId);
    expect(again).toMatchObject({ type: 'ack', messageId: ack.type === 'ack' ? ack.messageId : '' });
    expect(stored(id)).toHaveLength(rows.length);
    expect(row(id).state).toBe('bot');

    v.session.send({ type: 'bot.feedback', helpful: true });
    await v.frame('conversation', (f) => f.conversation.state === 'resolved');
    expect(row(id)).toMatchObject({ state: 'resolved', queuedAt: null, assignedAt: null, firstAgentReplyAt: null, agentId: null });
  });

  it('refuses a pick of an entry not offered, an unknown one, or outside a bot conversation, with a typed error, writing nothing', async () => {
    await setup();
    await wouldSuggest(VAGUE_EN, 'en');
    // No conversation yet.
    const early = shopper();
    await early.frame('welcome');
    expect(await pick(early, 'en-ship')).toMatchObject({ type: 'error', code: 'conflict' });
    expect(ctx.s.app.parla.store.latestConversationOf(early.frames.find((f) => f.type === 'welcome')!.visitorId)).toBeUndefined();

    const { v, id, offer } = await unsure('en');
    const before = stored(id).length;
    const lastSeq = row(id).lastSeq;
    expect(await pick(v, 'en-gift')).toMatchObject({ type: 'error', code: 'not_found' }); // exists, never offered
    expect(await pick(v, 'no-such-entry')).toMatchObject({ type: 'error', code: 'not_found' });
    v.session.send({ type: 'bot.pick', clientId: newClientId(), faqId: '<b>x</b>' } as VisitorToServer);
    expect(await v.frame('error', (e) => e.code === 'bad_frame')).toMatchObject({ code: 'bad_frame' });
    expect(stored(id)).toHaveLength(before);
    expect(row(id)).toMatchObject({ state: 'bot', lastSeq });

    // Once a person is asked for, the bot's offer is over.
    v.session.send({ type: 'escalate' });
    await v.frame('conversation', (f) => f.conversation.state === 'queued');
    const n = stored(id).length;
    expect(await pick(v, offer.suggestions![0]!.faqId)).toMatchObject({ type: 'error', code: 'conflict' });
    expect(stored(id)).toHaveLength(n);
  });

  it('a pick left without reply is resolved by the bot when idle; an offer nobody picked is not', async () => {
    await setup();
    await wouldSuggest(VAGUE_EN, 'en');
    const picked = await unsure('en');
    expect(await pick(picked.v, picked.offer.suggestions![0]!.faqId)).toMatchObject({ type: 'ack' });
    await picked.v.waitFor(() => botSaid(picked.v).find((m) => m.faqId), 'the answer');
    const left = await unsure('en');
    ctx.s.clock.advance(BOT_IDLE_RESOLVE_MS + 1000);
    expect(await ctx.s.app.parla.conversations.resolveIdleBot()).toBe(1);
    expect(row(picked.id)).toMatchObject({ state: 'resolved', queuedAt: null, assignedAt: null });
    // Offered but not answered: not self-service.
    expect(row(left.id)).toMatchObject({ state: 'bot', resolvedAt: null });
  });

  it('a pick followed by "talk to a person" goes to the queue (not self-service)', async () => {
    await setup();
    await wouldSuggest(VAGUE_EN, 'en');
    const { v, id, offer } = await unsure('en');
    expect(await pick(v, offer.suggestions![0]!.faqId)).toMatchObject({ type: 'ack' });
    await v.waitFor(() => botSaid(v).find((m) => m.faqId), 'the answer');
    ctx.s.clock.advance(30_000);
    v.session.send({ type: 'escalate' });
    await v.frame('conversation', (f) => f.conversation.state === 'queued');
    expect(row(id)).toMatchObject({ state: 'queued', queuedAt: ctx.s.clock.now, resolvedAt: null });
    ctx.s.clock.advance(BOT_IDLE_RESOLVE_MS + 1000);
    expect(await ctx.s.app.parla.conversations.resolveIdleBot()).toBe(0);
    expect(row(id).state).toBe('queued');
  });
});
