/**
 * The FAQ bot in the chat model: feedback and "talk to a person" frames, which answer offers
 * feedback and quick replies, and FAQ suggestions while typing (debounced, stale answers ignored).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySocket } from '@parla/client/testing';
import type { ServerToVisitor, StreamItem, VisitorConversation, WidgetSite } from '@parla/protocol';
import { dict } from './dict.ts';
import { createChat } from '../src/chat/model.ts';

class Pipe extends MemorySocket {
  override push(f: ServerToVisitor) {
    super.push(f);
  }
}

const site = (botMode: WidgetSite['botMode']): WidgetSite => ({
  open: true,
  nextOpenAt: null,
  preChat: { name: 'off', email: 'off', department: 'off' },
  departments: [],
  offerAlternativesAfterMs: 300_000,
  botMode,
});
const conv = (over: Partial<VisitorConversation> = {}): VisitorConversation => ({ id: 'c1', state: 'bot', agentName: null, lastSeq: 0, createdAt: 1, queuePosition: null, ...over });
const welcome = (s: WidgetSite, conversation: VisitorConversation | null = null): ServerToVisitor => ({
  type: 'welcome',
  protocol: 3,
  visitorId: 'v1',
  returning: false,
  visitCount: 1,
  conversation,
  agentsOnline: 1,
  site: s,
});
const bot = (seq: number, over: Partial<Extract<StreamItem, { kind: 'message' }>> = {}): StreamItem => ({
  kind: 'message',
  seq,
  id: `m${seq}`,
  clientId: null,
  authorType: 'bot',
  authorId: null,
  authorName: 'Assistant',
  body: `answer ${seq}`,
  createdAt: seq,
  faqId: `faq${seq}`,
  quickReplies: ['Track my order', 'Returns'],
  ...over,
});

function setup(botMode: WidgetSite['botMode'] = 'first', conversation: VisitorConversation | null = conv()) {
  let pipe!: Pipe;
  const chat = createChat({
    site: 'demo',
    base: 'http://localhost:3000/',
    lang: 'en',
    onChange: vi.fn(),
    storage: null,
    events: new EventTarget(),
    page: () => ({ url: 'https://shop.example/p', title: 'Shop' }),
    createSocket: (u) => (pipe = new Pipe(u)),
  });
  pipe.open();
  pipe.push(welcome(site(botMode), conversation));
  return { chat, pipe, items: (items: StreamItem[]) => pipe.push({ type: 'sync.result', conversationId: 'c1', items, lastSeq: items.at(-1)!.seq, hasMore: false }) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('bot answers', () => {
  it('offer feedback only for the last bot answer with a faqId, while the bot handles the conversation', () => {
    const { chat, pipe, items } = setup();
    expect(chat.botAnswer()).toBeNull();
    items([bot(1), bot(2, { authorType: 'visitor', authorName: null, faqId: undefined, quickReplies: undefined }), bot(3), bot(4, { faqId: null, body: 'Could you rephrase?' })]);
    expect(chat.botAnswer()?.id).toBe('m3'); // the newest with a faqId, not the rephrase request
    pipe.push({ type: 'conversation', conversation: conv({ state: 'queued', queuePosition: 1 }) });
    expect(chat.botAnswer()).toBeNull();
    pipe.push({ type: 'conversation', conversation: conv({ state: 'resolved' }) });
    expect(chat.botAnswer()).toBeNull();
  });

  it('"yes, thanks" and "not quite" send bot.feedback; "not quite" is not offered again for that answer', () => {
    const { chat, pipe, items } = setup();
    items([bot(1)]);
    expect(chat.feedback(true)).toBe(true);
    expect(pipe.sent.at(-1)).toEqual({ type: 'bot.feedback', helpful: true });
    expect(chat.feedback(false)).toBe(true);
    expect(pipe.sent.at(-1)).toEqual({ type: 'bot.feedback', helpful: false });
    expect(chat.state.rated).toBe('m1');
    items([bot(2)]);
    expect(chat.state.rated).not.toBe(chat.botAnswer()?.id); // a new answer asks again
  });

  it('"Did you mean…": its entries can be picked once (bot.pick), while it is the bot’s newest message and the bot handles the conversation', () => {
    const { chat, pipe, items } = setup();
    const offer = { faqId: undefined, quickReplies: undefined, body: 'Did you mean…', suggestions: [{ faqId: 'ship', question: 'Shipping cost?' }, { faqId: 'track', question: 'Track my order?' }] };
    items([bot(1), bot(2, offer)]);
    expect(chat.offer()?.id).toBe('m2');
    expect(chat.pick('track')).toBe(true);
    const sent = pipe.sent.at(-1) as { type: string; clientId: string; faqId: string };
    expect(sent).toEqual({ type: 'bot.pick', clientId: expect.any(String), faqId: 'track' });
    expect(chat.offer()).toBeNull(); // picked: the buttons are off
    expect(chat.pick('ship')).toBe(false);
    // Refused by the server: the buttons are back.
    pipe.push({ type: 'error', code: 'not_found', message: 'not offered', clientId: sent.clientId });
    expect(chat.offer()?.id).toBe('m2');
    // The answer came: an older offer is history.
    items([bot(3)]);
    expect(chat.offer()).toBeNull();
    items([bot(4, offer)]);
    expect(chat.offer()?.id).toBe('m4');
    pipe.push({ type: 'conversation', conversation: conv({ state: 'queued', queuePosition: 1 }) });
    expect(chat.offer()).toBeNull();
    expect(chat.pick('ship')).toBe(false);
  });

  it('"talk to a person" sends escalate, only once there is a conversation', () => {
    const { chat, pipe } = setup();
    expect(chat.escalate()).toBe(true);
    expect(pipe.sent.at(-1)).toEqual({ type: 'escalate' });
    const none = setup('first', null);
    const before = none.pipe.sent.length;
    expect(none.chat.escalate()).toBe(false);
    expect(none.pipe.sent).toHaveLength(before);
  });

  it('a quick reply is sent as the visitor message', () => {
    const { chat, pipe, items } = setup();
    items([bot(1)]);
    const label = chat.botAnswer()!.quickReplies![0]!;
    chat.send(label);
    expect(pipe.sent.at(-1)).toMatchObject({ type: 'message.send', body: 'Track my order' });
    expect(chat.state.pending.map((p) => p.body)).toEqual(['Track my order']);
  });

  it('has every new string in English and Italian', () => {
    for (const k of ['bot', 'assistant', 'helpful', 'yes', 'no', 'notQuite', 'human', 'suggested'] as const) {
      expect(dict('en')[k]).toBeTruthy();
      expect(dict('it')[k]).toBeTruthy();
    }
    expect(dict('it').no).toBe('No, parla con una persona');
  });
});

describe('FAQ suggestions while typing', () => {
  const sent = (pipe: Pipe) => pipe.sent.filter((f) => f.type === 'faq.suggest');
  const answer = (text: string, n = 2): Extract<ServerToVisitor, { type: 'faq.suggestions' }> => ({
    type: 'faq.suggestions',
    text,
    items: Array.from({ length: n }, (_, i) => ({ id: `f${i}`, question: `Q${i} ${text}?`, answer: 'A' })),
  });

  it('asks 300 ms after the visitor stops typing, from 4 characters', () => {
    const { chat, pipe } = setup('first', null);
    chat.suggest('shi');
    vi.advanceTimersByTime(1000);
    expect(sent(pipe)).toEqual([]);
    chat.suggest('ship');
    vi.advanceTimersByTime(200);
    chat.suggest('shipp ');
    vi.advanceTimersByTime(299);
    expect(sent(pipe)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent(pipe)).toEqual([{ type: 'faq.suggest', text: 'shipp' }]);
    pipe.push(answer('shipp', 4)); // more than the protocol allows: 3 are shown
    expect(chat.state.suggestions.map((x) => x.question)).toEqual(['Q0 shipp?', 'Q1 shipp?', 'Q2 shipp?']);
  });

  it('ignores answers for text that is no longer in the input, and hides them on send or empty input', () => {
    const { chat, pipe } = setup();
    chat.suggest('shipping');
    vi.advanceTimersByTime(300);
    chat.suggest('shipping cost');
    pipe.push(answer('shipping')); // stale
    expect(chat.state.suggestions).toEqual([]);
    vi.advanceTimersByTime(300);
    pipe.push(answer('shipping cost'));
    expect(chat.state.suggestions).toHaveLength(2);
    chat.suggest('');
    expect(chat.state.suggestions).toEqual([]);
    pipe.push(answer('shipping cost')); // arrives late
    expect(chat.state.suggestions).toEqual([]);

    chat.suggest('returns');
    vi.advanceTimersByTime(300);
    pipe.push(answer('returns'));
    chat.send('Q0 returns?');
    expect(chat.state.suggestions).toEqual([]);
    expect(sent(pipe).map((f) => f.text)).toEqual(['shipping', 'shipping cost', 'returns']);
  });

  it('never asks when the bot is off or a person is answering', () => {
    const off = setup('off', null);
    off.chat.suggest('shipping');
    vi.advanceTimersByTime(1000);
    expect(sent(off.pipe)).toEqual([]);
    const human = setup('first', conv({ state: 'assigned', agentName: 'Giulia' }));
    human.chat.suggest('shipping');
    vi.advanceTimersByTime(1000);
    expect(sent(human.pipe)).toEqual([]);
  });
});

describe('satisfaction survey', () => {
  it('rates only a resolved conversation, with the comment trimmed; the rating comes back on the conversation', () => {
    const { chat, pipe } = setup('off', conv({ state: 'assigned' }));
    expect(chat.rate(5)).toBe(false);
    pipe.push({ type: 'conversation', conversation: conv({ state: 'resolved' }) });
    expect(chat.rate(4, '  quick and kind  ')).toBe(true);
    expect(pipe.sent.at(-1)).toEqual({ type: 'csat.submit', conversationId: 'c1', rating: 4, comment: 'quick and kind' });
    expect(chat.rate(2, '   ')).toBe(true);
    expect(pipe.sent.at(-1)).toEqual({ type: 'csat.submit', conversationId: 'c1', rating: 2 });
    pipe.push({ type: 'conversation', conversation: conv({ state: 'resolved', csat: { rating: 2, comment: null, changeableUntil: 10 } }) });
    expect(chat.state.conversation?.csat?.rating).toBe(2);
  });
  it('has its words in both languages', () => {
    for (const lang of ['en', 'it'] as const) {
      const t = dict(lang);
      expect(t.rates).toHaveLength(5);
      expect(t.rateAsk.length).toBeGreaterThan(5);
    }
    expect(dict('it').rateThanks).not.toBe(dict('en').rateThanks);
  });
});
