import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { DEFAULT_SITE_SETTINGS, type FaqEntry, type ServerToVisitor, type VisitorToServer } from '@parla/protocol';
import { onlineAgent, SHOP_ORIGIN, SITE, TestClient, useServer } from './harness.ts';

const ctx = useServer({ fakeClock: true });

const kb: FaqEntry[] = [
  { id: 'en-ship', lang: 'en', question: 'How much does shipping cost?', alternatives: ['delivery charges', 'shipping price'], answer: '€4.90, free over €49.', quickReplies: ['Track my order'], departmentId: null, tags: ['shipping'] },
  { id: 'it-sped', lang: 'it', question: 'Quanto costa la spedizione?', alternatives: ['costi di consegna'], answer: '4,90 €, gratis sopra 49 €.', quickReplies: [], departmentId: null, tags: ['spedizione'] },
];

async function setup(botMode: 'first' | 'fallback') {
  const s = ctx.s;
  await s.app.parla.bot.replaceFaqs(SITE, kb);
  await s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, botMode });
}

function shopper(lang: 'en' | 'it' = 'en') {
  return ctx.track(
    new TestClient<VisitorToServer, ServerToVisitor>(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 3, lang }), { origin: SHOP_ORIGIN }),
  );
}
async function say(v: ReturnType<typeof shopper>, body: string) {
  const clientId = newClientId();
  v.session.sendReliable({ type: 'message.send', clientId, body });
  return (await v.frame('ack', (a) => a.clientId === clientId)).conversationId;
}
const botSaid = (v: ReturnType<typeof shopper>) => v.items.flatMap((i) => (i.item.kind === 'message' && i.item.authorType === 'bot' ? [i.item] : []));
const row = (id: string) => ctx.s.app.parla.store.conversation(id)!;

describe('the FAQ bot in the conversation', () => {
  it('answers at once with the FAQ entry and quick replies; "yes" resolves it as self-service', async () => {
    await setup('first');
    const v = shopper();
    const w = await v.frame('welcome');
    expect(w.site?.botMode).toBe('first');
    const id = await say(v, 'what are your shipping charges?');
    const answer = await v.waitFor(() => botSaid(v)[0], 'bot answer');
    expect(answer).toMatchObject({ body: '€4.90, free over €49.', faqId: 'en-ship', quickReplies: ['Track my order'], authorName: 'Assistant' });
    expect(row(id)).toMatchObject({ state: 'bot', queuedAt: null, agentId: null });
    v.session.send({ type: 'bot.feedback', helpful: true });
    await v.frame('conversation', (f) => f.conversation.state === 'resolved');
    expect(row(id)).toMatchObject({ state: 'resolved', assignedAt: null, firstAgentReplyAt: null, queuedAt: null });
    // Self-service: no first response time, never counted as an agent's.
    const m = ctx.s.app.parla.conversations.summary(id)!;
    expect(m.firstAgentReplyAt).toBeNull();
  });

  it('hands over in one click; the agent sees the bot exchange; FRT starts at the handover', async () => {
    await setup('first');
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada');
    const v = shopper();
    await v.frame('welcome');
    const id = await say(v, 'shipping price?');
    await v.waitFor(() => botSaid(v)[0], 'bot answer');
    s.clock.advance(60_000);
    const a = await onlineAgent(ctx, 'ada@shop.test'); // online, but the bot has it: not assigned yet
    expect(row(id).state).toBe('bot');
    v.session.send({ type: 'escalate' });
    await v.frame('conversation', (f) => f.conversation.state === 'assigned');
    const handover = row(id).queuedAt!;
    expect(handover).toBe(s.clock.now);
    a.session.track(id);
    await a.waitFor(() => a.items.find((i) => i.item.kind === 'message' && i.item.authorType === 'bot' && i.item.faqId === 'en-ship'), 'bot exchange at agent');
    s.clock.advance(20_000);
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: id, body: 'Hi, Ada here' });
    await a.frame('ack');
    expect(s.app.parla.conversations.summary(id)!.firstAgentReplyAt! - handover).toBe(20_000);
  });

  it('hands over when asked in words, on an escalation keyword, when it cannot answer, and after two "no"s', async () => {
    await setup('first');
    const words = shopper('it');
    await words.frame('welcome');
    const c1 = await say(words, 'vorrei parlare con un operatore');
    await words.frame('conversation', (f) => f.conversation.state === 'queued');
    expect(botSaid(words)).toEqual([]);
    expect(row(c1).state).toBe('queued');

    const keyword = shopper('it');
    await keyword.frame('welcome');
    const c2 = await say(keyword, 'voglio fare un reclamo sulla spedizione');
    await keyword.frame('conversation', (f) => f.conversation.state === 'queued');
    expect(row(c2).state).toBe('queued');

    const unknown = shopper('en');
    await unknown.frame('welcome');
    const c3 = await say(unknown, 'do you sell bicycles?');
    await unknown.waitFor(() => botSaid(unknown)[0], 'handover message');
    expect(botSaid(unknown)[0]!.body).toContain('connect you');
    expect(row(c3).state).toBe('queued');

    const unhappy = shopper('en');
    await unhappy.frame('welcome');
    const c4 = await say(unhappy, 'shipping cost?');
    await unhappy.waitFor(() => botSaid(unhappy)[0], 'answer');
    unhappy.session.send({ type: 'bot.feedback', helpful: false });
    await unhappy.waitFor(() => botSaid(unhappy)[1], 'rephrase');
    expect(row(c4).state).toBe('bot');
    unhappy.session.send({ type: 'bot.feedback', helpful: false });
    await unhappy.frame('conversation', (f) => f.conversation.state === 'queued');
    expect(botSaid(unhappy).map((m) => m.body)).toEqual(['€4.90, free over €49.', expect.stringContaining('other words'), expect.stringContaining('connect you')]);
    // Unhelpful marks are internal events, never shown as messages to the visitor.
    expect(unhappy.items.filter((i) => i.item.kind === 'event' && i.item.event === 'bot_unhelpful')).toHaveLength(2);
  });

  it('a high-priority visitor skips the bot; feedback outside a bot conversation is refused', async () => {
    await setup('first');
    const vip = ctx.track(
      new TestClient<VisitorToServer, ServerToVisitor>(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 3, attributes: { tier: 'vip' } }), { origin: SHOP_ORIGIN }),
    );
    await vip.frame('welcome');
    const id = await say(vip, 'shipping cost?');
    await vip.frame('conversation', (f) => f.conversation.state === 'queued');
    expect(row(id).state).toBe('queued');
    vip.session.send({ type: 'bot.feedback', helpful: true });
    expect(await vip.frame('error')).toMatchObject({ code: 'conflict' });
  });

  it('fallback mode: the bot answers only when no agent can take the conversation', async () => {
    await setup('fallback');
    await ctx.s.addAgent('ada@shop.test', 'Ada');
    const before = shopper();
    await before.frame('welcome');
    const c1 = await say(before, 'shipping price?');
    await before.waitFor(() => botSaid(before)[0], 'bot answer while nobody is online');
    expect(row(c1).state).toBe('bot');
    await onlineAgent(ctx, 'ada@shop.test');
    const after = shopper();
    await after.frame('welcome');
    const c2 = await say(after, 'shipping price?');
    await after.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(botSaid(after)).toEqual([]);
    expect(row(c2).state).toBe('assigned');
  });
});

describe('suggestions while typing', () => {
  it('returns up to three matching FAQ entries in the visitor’s language', async () => {
    await setup('first');
    const v = shopper('it');
    await v.frame('welcome');
    v.session.send({ type: 'faq.suggest', text: 'spediz' });
    const f = await v.frame('faq.suggestions');
    expect(f).toMatchObject({ text: 'spediz', items: [{ id: 'it-sped', question: 'Quanto costa la spedizione?' }] });
    v.session.send({ type: 'faq.suggest', text: 'ciao' });
    expect(await v.frame('faq.suggestions', (x) => x.text === 'ciao')).toMatchObject({ items: [] });
  });
});

describe('learning loop', () => {
  it('lists the questions the bot could not answer or whose answer did not help, most frequent first', async () => {
    await setup('first');
    const s = ctx.s;
    for (const q of ['Do you sell bicycles?', 'do you sell bicycles?  ', 'gift wrapping?']) {
      const v = shopper();
      await v.frame('welcome');
      await say(v, q);
      await v.frame('conversation', (f) => f.conversation.state === 'queued');
    }
    const v = shopper();
    await v.frame('welcome');
    await say(v, 'shipping price please');
    await v.waitFor(() => botSaid(v)[0], 'answer');
    v.session.send({ type: 'bot.feedback', helpful: false });
    await v.waitFor(() => botSaid(v)[1], 'rephrase');
    await s.addAgent('ada@shop.test', 'Ada');
    const cookie = await s.login('ada@shop.test');
    const misses = await (await fetch(`${s.url}/api/sites/${SITE}/bot/misses`, { headers: { cookie } })).json();
    expect(misses.map((m: { question: string; count: number }) => [m.question.trim().toLowerCase(), m.count])).toEqual([
      ['do you sell bicycles?', 2],
      [expect.any(String), 1],
      [expect.any(String), 1],
    ]);
    expect(misses.find((m: { unhelpful: number }) => m.unhelpful === 1)).toMatchObject({ question: 'shipping price please', lang: 'en' });
    expect(misses.find((m: { question: string }) => m.question === 'gift wrapping?')).toMatchObject({ abstained: 1 });
    expect((await fetch(`${s.url}/api/sites/${SITE}/bot/misses?days=0`, { headers: { cookie } })).status).toBe(400);
  });
});

describe('what the bot leaves to people', () => {
  it('an offline message goes to the queue, not to the bot', async () => {
    await setup('first');
    const v = shopper();
    await v.frame('welcome');
    v.session.sendReliable({ type: 'offline.message', clientId: newClientId(), body: 'shipping price?', email: 'a@b.it' });
    const ack = await v.frame('ack');
    await v.frame('conversation', (f) => f.conversation.state === 'queued');
    expect(row(ack.conversationId).state).toBe('queued');
    expect(botSaid(v)).toEqual([]);
  });
});
