/**
 * The chat model against an in-memory socket: hello, token, history, pending bubbles, typing;
 * protocol 3: pre-chat fields, data-department, offline messages and callback requests, the
 * queue's wait and the alternatives offered after a while, transfers, what is never shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_TOO_SLOW } from '@parla/client';
import { MemorySocket } from '@parla/client/testing';
import type { EventItem, ServerToVisitor, StreamItem, VisitorConversation, WidgetSite } from '@parla/protocol';
import { backAt } from '../src/chat/hours.ts';
import { eventText, queueText } from '../src/chat/i18n.ts';
import { dict } from './dict.ts';
import { check, cleanAttributes, createChat, PROTOCOL, socketUrl } from '../src/chat/model.ts';
import { hiddenLines } from '../src/chat/index.tsx';

class Pipe extends MemorySocket {
  override push(f: ServerToVisitor) {
    super.push(f);
  }
}

class Mem {
  m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

const TOKEN = 'tok_0123456789abcdef';
const conv = (over: Partial<VisitorConversation> = {}): VisitorConversation => ({ id: 'c1', state: 'queued', agentName: null, lastSeq: 0, createdAt: 1, queuePosition: 1, ...over });
const welcome = (over: Partial<Extract<ServerToVisitor, { type: 'welcome' }>> = {}): ServerToVisitor => ({
  type: 'welcome',
  protocol: 1,
  visitorId: 'v1',
  returning: false,
  visitCount: 1,
  conversation: null,
  agentsOnline: 1,
  ...over,
});
const message = (seq: number, over: Partial<Extract<StreamItem, { kind: 'message' }>> = {}): StreamItem => ({
  kind: 'message',
  seq,
  id: `m${seq}`,
  clientId: null,
  authorType: 'agent',
  authorId: 'a1',
  authorName: 'Giulia',
  body: `hello ${seq}`,
  createdAt: seq,
  ...over,
});
const event = (seq: number, ev: 'created' | 'queued' | 'assigned' | 'resolved'): StreamItem => ({ kind: 'event', seq, event: ev, agentId: null, agentName: null, createdAt: seq });

function setup(storage = new Mem(), department?: string, attributes?: () => Record<string, unknown>, identity?: () => Record<string, unknown> | undefined) {
  const pipes: Pipe[] = [];
  const onChange = vi.fn();
  const onUnread = vi.fn();
  const events = new EventTarget();
  let url = 'https://shop.example/p';
  const chat = createChat({
    site: 'demo',
    base: 'http://localhost:3000/',
    lang: 'en',
    department,
    attributes,
    identity,
    onChange,
    onUnread,
    storage,
    events,
    page: () => ({ url, title: 'Shop' }),
    createSocket: (u) => {
      const p = new Pipe(u);
      pipes.push(p);
      return p;
    },
  });
  const pipe = pipes[0]!;
  pipe.open();
  return { chat, pipe, pipes, storage, onUnread, events, go: (u: string) => (url = u) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('host page identify', () => {
  it('set after the hello and before the welcome is sent once the welcome arrives, and only once', () => {
    let who: Record<string, unknown> | undefined;
    const { chat, pipe } = setup(new Mem(), undefined, undefined, () => who);
    expect(pipe.sent[0]).not.toHaveProperty('identity');
    who = { userId: 'customer-7', name: 'Chiara', hash: 'ab'.repeat(32) };
    chat.identityChanged(); // the socket is not ready: it cannot go now
    expect(pipe.sent).toHaveLength(1);
    pipe.push(welcome());
    const identifies = () => pipe.sent.filter((f) => f.type === 'identify');
    expect(identifies()).toEqual([{ type: 'identify', identity: { userId: 'customer-7', name: 'Chiara', hash: 'ab'.repeat(32) } }]);
    pipe.push(welcome()); // the server's answer to the identify
    expect(identifies()).toHaveLength(1);
  });
});

describe('host page attributes', () => {
  it('go in the hello, cleaned so the server cannot refuse it, and changes are sent at once', () => {
    const attrs: Record<string, unknown> = { tier: 'vip', cartValue: 250, 'bad key': 1, nested: { x: 1 }, nan: Number.NaN, long: 'x'.repeat(600) };
    const { chat, pipe } = setup(new Mem(), undefined, () => attrs);
    expect(pipe.sent[0]).toMatchObject({ type: 'hello', attributes: { tier: 'vip', cartValue: 250, long: 'x'.repeat(500) } });
    expect(Object.keys((pipe.sent[0] as unknown as { attributes: object }).attributes)).toEqual(['tier', 'cartValue', 'long']);
    pipe.push(welcome());
    attrs.cartValue = 400;
    chat.attributesChanged();
    expect(pipe.sent.at(-1)).toEqual({ type: 'visitor.attributes', attributes: { tier: 'vip', cartValue: 400, long: 'x'.repeat(500) } });
  });
  it('keeps at most 30', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(cleanAttributes(many))).toHaveLength(30);
    expect(cleanAttributes(undefined)).toEqual({});
  });
});

describe('chat model', () => {
  it('connects to the visitor socket and says hello without a token the first time', () => {
    expect(socketUrl('http://localhost:3000/', 'demo')).toBe('ws://localhost:3000/ws/visitor?site=demo');
    expect(socketUrl('https://chat.example.com/parla/', 'a b')).toBe('wss://chat.example.com/parla/ws/visitor?site=a%20b');
    const { pipe } = setup();
    expect(pipe.url).toBe('ws://localhost:3000/ws/visitor?site=demo');
    expect(pipe.sent).toEqual([{ type: 'hello', protocol: PROTOCOL, page: { url: 'https://shop.example/p', title: 'Shop' }, lang: 'en' }]);
  });

  it('stores a new token, sends it back in the hello only, and tracks the open conversation', () => {
    const { chat, pipe, storage } = setup();
    pipe.push(welcome({ visitorToken: TOKEN, conversation: conv({ lastSeq: 2 }) }));
    expect(storage.getItem('parla:demo:token')).toBe(TOKEN);
    expect(storage.getItem('parla:demo:open')).toBe('1');
    expect(pipe.sent.at(-1)).toEqual({ type: 'sync', conversationId: 'c1', afterSeq: 0 });
    pipe.push({ type: 'sync.result', conversationId: 'c1', items: [event(1, 'created'), message(2, { authorType: 'visitor', authorName: null })], lastSeq: 2, hasMore: false });
    expect(chat.state.entries.map((e) => e.item.seq)).toEqual([2]); // 'created' is not shown
    expect(chat.state.unread).toBe(0); // history is not unread

    const next = setup(storage);
    expect(next.pipe.sent[0]).toMatchObject({ type: 'hello', visitorToken: TOKEN });
    expect(next.pipe.url).not.toContain(TOKEN);
  });

  it('asks for the transcript and says where it goes, or that a confirmation link went there first', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ conversation: conv({ state: 'resolved' }) }));
    chat.transcript('ann@example.com');
    expect(pipe.sent.at(-1)).toEqual({ type: 'transcript.request', conversationId: 'c1', email: 'ann@example.com' });
    pipe.push({ type: 'transcript.queued', conversationId: 'c1', email: 'ann@example.com', confirm: true });
    expect(chat.state).toMatchObject({ mailedTo: 'ann@example.com', mailConfirm: true });
    pipe.push({ type: 'transcript.queued', conversationId: 'c1', email: 'ann@example.com' });
    expect(chat.state).toMatchObject({ mailedTo: 'ann@example.com', mailConfirm: false });
    expect(dict('en').mailed('a@b.it', true)).toContain('link');
    expect(dict('it').mailed('a@b.it', true)).toContain('link');
    expect(dict('it').mailed('a@b.it')).toBe('La trascrizione è in arrivo a a@b.it.');
  });

  it('shows a sent message at once, marks it sent on ack and replaces it with the stream item', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome());
    expect(chat.send('   ')).toBe(false);
    expect(chat.send(' Hi there \n')).toBe(true);
    const frame = pipe.sent.at(-1)!;
    expect(frame).toMatchObject({ type: 'message.send', body: 'Hi there' });
    const clientId = frame.clientId as string;
    expect(chat.state.pending).toEqual([{ clientId, body: 'Hi there', state: 'sending' }]);

    pipe.push({ type: 'ack', clientId, conversationId: 'c1', messageId: 'm2', seq: 2, createdAt: 5 });
    expect(chat.state.pending[0]!.state).toBe('sent');
    pipe.push({ type: 'item', conversationId: 'c1', item: event(1, 'created') });
    pipe.push({ type: 'item', conversationId: 'c1', item: message(2, { clientId, authorType: 'visitor', body: 'Hi there' }) });
    pipe.push({ type: 'item', conversationId: 'c1', item: event(3, 'queued') });
    pipe.push({ type: 'conversation', conversation: conv({ lastSeq: 3, queuePosition: 2 }) });
    expect(chat.state.pending).toEqual([]);
    expect(chat.state.entries.map((e) => e.item.seq)).toEqual([2, 3]);
    expect(chat.state.conversation?.queuePosition).toBe(2);

    // The stream may also carry the item before the ack (the server publishes first).
    chat.send('again');
    const id2 = pipe.sent.at(-1)!.clientId as string;
    pipe.push({ type: 'item', conversationId: 'c1', item: message(4, { clientId: id2, authorType: 'visitor', body: 'again' }) });
    pipe.push({ type: 'ack', clientId: id2, conversationId: 'c1', messageId: 'm4', seq: 4, createdAt: 6 });
    expect(chat.state.pending).toEqual([]);
    expect(chat.state.entries.filter((e) => e.item.kind === 'message')).toHaveLength(2);
  });

  it('marks a refused message as failed with the reason', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome());
    chat.send('x');
    const clientId = pipe.sent.at(-1)!.clientId as string;
    pipe.push({ type: 'error', code: 'rate_limited', message: 'slow down', clientId });
    expect(chat.state.pending[0]).toMatchObject({ state: 'failed', error: 'slow down' });
  });

  it('follows state changes, counts unread agent messages while closed and forgets the open flag when resolved', () => {
    const { chat, pipe, storage, onUnread } = setup();
    pipe.push(welcome({ conversation: conv({ lastSeq: 0 }) }));
    pipe.push({ type: 'conversation', conversation: conv({ state: 'assigned', agentName: 'Giulia', queuePosition: null }) });
    pipe.push({ type: 'item', conversationId: 'c1', item: message(1) });
    expect(chat.state.unread).toBe(1);
    expect(onUnread).toHaveBeenLastCalledWith(1);
    chat.setOpen(true);
    expect(onUnread).toHaveBeenLastCalledWith(0);
    pipe.push({ type: 'item', conversationId: 'c1', item: message(2) });
    expect(chat.state.unread).toBe(0);
    pipe.push({ type: 'conversation', conversation: conv({ state: 'resolved', agentName: 'Giulia', queuePosition: null }) });
    expect(storage.getItem('parla:demo:open')).toBeNull();
  });

  it('throttles typing, stops after 3 s idle, and shows the agent typing for at most 6 s', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ conversation: conv() }));
    const typing = () => pipe.sent.filter((f) => f.type === 'typing').map((f) => f.isTyping);
    chat.typing();
    chat.typing();
    vi.advanceTimersByTime(1000);
    chat.typing();
    expect(typing()).toEqual([true]);
    vi.advanceTimersByTime(1500);
    chat.typing();
    expect(typing()).toEqual([true, true]);
    vi.advanceTimersByTime(3000);
    expect(typing()).toEqual([true, true, false]);

    pipe.push({ type: 'typing', conversationId: 'c1', from: 'agent', name: 'Giulia', isTyping: true });
    expect(chat.state.agentTyping).toBe(true);
    vi.advanceTimersByTime(6000);
    expect(chat.state.agentTyping).toBe(false);
  });

  it('reports page views on history navigation', () => {
    const { pipe, events, go } = setup();
    pipe.push(welcome());
    events.dispatchEvent(new Event('popstate')); // same page: nothing
    go('https://shop.example/checkout');
    events.dispatchEvent(new Event('popstate'));
    events.dispatchEvent(new Event('hashchange'));
    expect(pipe.sent.filter((f) => f.type === 'page.view')).toEqual([{ type: 'page.view', page: { url: 'https://shop.example/checkout', title: 'Shop' } }]);
  });
});

const site = (over: Partial<WidgetSite> = {}): WidgetSite => ({
  open: true,
  nextOpenAt: null,
  preChat: { name: 'off', email: 'off', department: 'off' },
  departments: [
    { id: 'sales', name: 'Sales', open: true },
    { id: 'support', name: 'Support', open: false },
  ],
  offerAlternativesAfterMs: 120_000,
  ...over,
});
const sentOf = (pipe: Pipe, type: string) => pipe.sent.filter((f) => f.type === type);
const en = dict('en');
const it_ = dict('it');

describe('pre-chat form and data-department', () => {
  it('asks the configured fields before the first message, sends them with it and remembers name and email', () => {
    const { chat, pipe, storage } = setup();
    expect(chat.preChat()).toEqual([]); // no welcome yet: nothing known
    pipe.push(welcome({ site: site({ preChat: { name: 'required', email: 'optional', department: 'required' } }) }));
    expect(chat.preChat()).toEqual([
      { id: 'name', required: true },
      { id: 'email', required: false },
      { id: 'department', required: true },
    ]);
    // What the view checks before sending: required fields, and an email that looks like one.
    expect(check({ name: ' ', email: 'ada@', department: '' }, ['name', 'department'])).toEqual({ name: 'required', email: 'email', department: 'required' });
    expect(check({ name: 'Ada', email: '', department: 'sales' }, ['name', 'department'])).toEqual({});

    chat.send('Do you ship to Rome?', { name: ' Ada Lovelace ', email: 'ada@example.com', department: 'sales' });
    expect(sentOf(pipe, 'message.send').at(-1)).toMatchObject({
      body: 'Do you ship to Rome?',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      departmentId: 'sales',
    });
    expect(JSON.parse(storage.getItem('parla:demo:profile')!)).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });

    // Once the conversation is open, later messages carry nothing extra and no form is shown.
    pipe.push({ type: 'conversation', conversation: conv() });
    expect(chat.preChat()).toEqual([]);
    chat.send('Thanks', { name: 'Other', department: 'support' });
    const later = sentOf(pipe, 'message.send').at(-1)!;
    expect(later).not.toHaveProperty('name');
    expect(later).not.toHaveProperty('departmentId');

    // A returning visitor is not asked for name or email again, and they go with the first message.
    const next = setup(storage);
    next.pipe.push(welcome({ site: site({ preChat: { name: 'required', email: 'optional', department: 'required' } }) }));
    expect(next.chat.state.profile).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(next.chat.preChat()).toEqual([{ id: 'department', required: true }]);
    next.chat.send('Hello again', { department: 'support' });
    expect(sentOf(next.pipe, 'message.send').at(-1)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', departmentId: 'support' });
  });

  it('ignores a stored profile that the server would refuse', () => {
    const storage = new Mem();
    storage.setItem('parla:demo:profile', JSON.stringify({ name: 'x'.repeat(200), email: 'not an email' }));
    expect(setup(storage).chat.state.profile).toEqual({});
    storage.setItem('parla:demo:profile', '{broken');
    expect(setup(storage).chat.state.profile).toEqual({});
  });

  it('a bad department fails the first message; the form comes back without losing the text', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ site: site({ preChat: { name: 'off', email: 'off', department: 'required' } }) }));
    chat.send('Hi', { department: 'gone' });
    const clientId = sentOf(pipe, 'message.send').at(-1)!.clientId as string;
    pipe.push({ type: 'error', code: 'not_found', message: 'no such department', clientId });
    expect(chat.state.pending).toEqual([{ clientId, body: 'Hi', state: 'failed', error: 'no such department' }]);
    expect(chat.preChat()).toEqual([{ id: 'department', required: true }]); // still no conversation: ask again
  });

  it('data-department goes with the first message and the pre-chat does not ask for a department', () => {
    const { chat, pipe } = setup(new Mem(), 'sales');
    pipe.push(welcome({ site: site({ preChat: { name: 'optional', email: 'off', department: 'required' } }) }));
    expect(chat.preChat()).toEqual([{ id: 'name', required: false }]);
    chat.send('Quote for 40 chairs', { department: 'support' }); // the host page's choice wins
    expect(sentOf(pipe, 'message.send').at(-1)).toMatchObject({ body: 'Quote for 40 chairs', departmentId: 'sales' });
    expect(sentOf(pipe, 'message.send').at(-1)).not.toHaveProperty('name');

    // Its own opening hours decide whether the chat is offline.
    const closed = setup(new Mem(), 'support');
    closed.pipe.push(welcome({ site: site() }));
    expect(closed.chat.isOpen()).toBe(false);
    expect(closed.chat.offline()).toBe(true);
  });
});

describe('offline messages and callback requests', () => {
  const closedSite = () => site({ open: false, nextOpenAt: Date.UTC(2030, 0, 7, 8, 0) });

  it('is offline outside hours with no open conversation, and not with one', () => {
    const a = setup();
    a.pipe.push(welcome({ site: closedSite() }));
    expect(a.chat.offline()).toBe(true);
    const b = setup();
    b.pipe.push(welcome({ site: closedSite(), conversation: conv() }));
    expect(b.chat.offline()).toBe(false);
    const c = setup();
    c.pipe.push(welcome()); // a server before protocol 3: always open
    expect(c.chat.offline()).toBe(false);
  });

  it('sends an offline message, shows the confirmation after the ack and remembers the email', () => {
    const { chat, pipe, storage } = setup(new Mem(), 'sales');
    pipe.push(welcome({ site: closedSite() }));
    expect(chat.request('offline', { body: '  ', email: 'nope', phone: 'not checked here' })).toEqual({ body: 'required', email: 'email' });
    expect(sentOf(pipe, 'offline.message')).toEqual([]);

    expect(chat.request('offline', { body: ' Is the red sofa back in stock? ', email: 'ada@example.com', name: '' })).toEqual({});
    const frame = sentOf(pipe, 'offline.message')[0]!;
    expect(frame).toEqual({ type: 'offline.message', clientId: frame.clientId, body: 'Is the red sofa back in stock?', email: 'ada@example.com', departmentId: 'sales' });
    expect(chat.state.request).toMatchObject({ kind: 'offline', state: 'sending' });
    expect(chat.state.pending).toEqual([]); // not a chat bubble: the form shows its own progress

    pipe.push({ type: 'ack', clientId: frame.clientId as string, conversationId: 'c9', messageId: 'm1', seq: 2, createdAt: 5 });
    expect(chat.state.request).toMatchObject({ state: 'done', fields: { email: 'ada@example.com' } });
    expect(en.thanks(chat.state.request!.fields.email!)).toBe("Thanks! We'll answer at ada@example.com");
    expect(it_.thanks('ada@example.com')).toBe('Grazie! Ti risponderemo a ada@example.com');
    expect(JSON.parse(storage.getItem('parla:demo:profile')!)).toEqual({ email: 'ada@example.com' });
  });

  it('sends a callback request and confirms the number', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ site: closedSite() }));
    expect(chat.request('callback', { phone: 'call me' })).toEqual({ phone: 'phone' });
    expect(chat.request('callback', { time: 'tomorrow' })).toEqual({ phone: 'required' });
    chat.request('callback', { phone: ' +39 02 1234 5678 ', time: 'tomorrow after 3pm', name: 'Ada', note: '' });
    const frame = sentOf(pipe, 'callback.request')[0]!;
    expect(frame).toEqual({ type: 'callback.request', clientId: frame.clientId, phone: '+39 02 1234 5678', preferredTime: 'tomorrow after 3pm', name: 'Ada' });
    pipe.push({ type: 'ack', clientId: frame.clientId as string, conversationId: 'c9', messageId: 'm1', seq: 2, createdAt: 5 });
    expect(chat.state.request).toMatchObject({ kind: 'callback', state: 'done', fields: { phone: '+39 02 1234 5678' } });
    expect(en.willCall('+39 02 1234 5678')).toBe("Thanks! We'll call you at +39 02 1234 5678");
    expect(it_.willCall('+39 02 1234 5678')).toBe('Grazie! Ti chiameremo al +39 02 1234 5678');
  });

  it('keeps the draft when the server refuses, and survives a reconnect until acknowledged', () => {
    const { chat, pipe, pipes } = setup();
    pipe.push(welcome({ site: closedSite() }));
    const draft = { body: 'Please call about order 1182', email: 'ada@example.com' };
    chat.request('offline', draft);
    const first = sentOf(pipe, 'offline.message')[0]!;
    pipe.push({ type: 'error', code: 'rate_limited', message: 'too many messages, try again in a minute', clientId: first.clientId as string });
    expect(chat.state.request).toMatchObject({ state: 'failed', error: 'too many messages, try again in a minute', fields: draft });
    expect(draft).toEqual({ body: 'Please call about order 1182', email: 'ada@example.com' }); // the view's draft is untouched

    // Try again: the network drops before the ack; the new connection sends it again.
    chat.request('offline', draft);
    const second = sentOf(pipe, 'offline.message')[1]!;
    expect(second.clientId).not.toBe(first.clientId);
    pipe.onclose?.({});
    vi.advanceTimersByTime(20_000);
    const again = pipes.at(-1)!;
    expect(again).not.toBe(pipe);
    again.open();
    again.push(welcome({ site: closedSite() }));
    expect(sentOf(again, 'offline.message')).toEqual([second]);
    again.push({ type: 'ack', clientId: second.clientId as string, conversationId: 'c9', messageId: 'm1', seq: 2, createdAt: 5 });
    expect(chat.state.request?.state).toBe('done');
  });

  it('after the close of a slow reader (4013) reconnects at once with its token and asks from the last seq it saw, showing nothing twice', () => {
    const { chat, pipe, pipes, storage } = setup();
    pipe.push(welcome({ visitorToken: TOKEN, conversation: conv({ state: 'assigned', agentName: 'Giulia', lastSeq: 2, queuePosition: null }) }));
    pipe.push({ type: 'sync.result', conversationId: 'c1', items: [message(1), message(2)], lastSeq: 2, hasMore: false });
    pipe.push({ type: 'item', conversationId: 'c1', item: message(3) });
    expect(chat.state.connected).toBe(true);
    // The server dropped what waited for this socket (items 4 and 5) and closed it.
    pipe.onclose?.({ code: CLOSE_TOO_SLOW, reason: 'too slow' });
    expect(chat.state.connected).toBe(false);
    vi.advanceTimersByTime(1_000); // the usual short backoff, not the wait after 4008/4029
    const again = pipes.at(-1)!;
    expect(pipes).toHaveLength(2);
    again.open();
    expect(again.sent[0]).toMatchObject({ type: 'hello', visitorToken: TOKEN });
    again.push(welcome({ conversation: conv({ state: 'assigned', agentName: 'Giulia', lastSeq: 5, queuePosition: null }) }));
    expect(again.sent.at(-1)).toEqual({ type: 'sync', conversationId: 'c1', afterSeq: 3 });
    again.push({ type: 'sync.result', conversationId: 'c1', items: [message(4), message(5)], lastSeq: 5, hasMore: false });
    expect(chat.state.connected).toBe(true);
    expect(chat.state.entries.map((e) => e.item.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(storage.getItem('parla:demo:token')).toBe(TOKEN); // not treated as a refusal: the visitor is kept
  });

  it("says when it's back, in the visitor's language", () => {
    const now = new Date(2030, 0, 7, 7, 0).getTime(); // local time, a Monday
    const today = new Date(2030, 0, 7, 9, 30).getTime();
    const tomorrow = new Date(2030, 0, 8, 9, 30).getTime();
    const later = new Date(2030, 0, 21, 9, 30).getTime();
    expect(backAt(today, 'en', en, now)).toMatch(/^We're back at 9:30\sAM$/); // today: the time only
    expect(backAt(today, 'it', it_, now)).toBe('Torniamo alle 9:30');
    expect(backAt(tomorrow, 'en', en, now)).toMatch(/^We're back on Tuesday at 9:30\sAM$/);
    expect(backAt(tomorrow, 'it', it_, now)).toBe('Torniamo martedì alle 9:30');
    expect(backAt(later, 'it', it_, now)).toBe('Torniamo lunedì 21 gennaio alle 9:30');
  });
});

describe('queue and alternatives', () => {
  it('shows position and estimated wait, updating from conversation frames', () => {
    expect(queueText({ queuePosition: 2, estimatedWaitMs: 170_000 }, en)).toBe('You are #2 in the queue · about 3 min');
    expect(queueText({ queuePosition: null, estimatedWaitMs: 20_000 }, en)).toBe('Estimated wait: under a minute');
    expect(queueText({ queuePosition: 1, estimatedWaitMs: null }, en)).toBe('You are #1 in the queue');
    expect(queueText({ queuePosition: null, estimatedWaitMs: null }, en)).toBe('You are in the queue…');
    expect(queueText({ queuePosition: 2, estimatedWaitMs: 170_000 }, it_)).toBe('Sei il n. 2 in coda · circa 3 min');
    expect(queueText({ queuePosition: null, estimatedWaitMs: 20_000 }, it_)).toBe('Attesa stimata: meno di un minuto');

    const { chat, pipe } = setup();
    pipe.push(welcome({ site: site(), conversation: conv({ queuePosition: 3, estimatedWaitMs: 300_000, queuedAt: Date.now() }) }));
    expect(queueText(chat.state.conversation!, en)).toBe('You are #3 in the queue · about 5 min');
    pipe.push({ type: 'conversation', conversation: conv({ queuePosition: 1, estimatedWaitMs: 40_000, queuedAt: Date.now() }) });
    expect(queueText(chat.state.conversation!, en)).toBe('You are #1 in the queue · under a minute');
  });

  it('offers a message or a call back after offerAlternativesAfterMs from queuedAt, sent into the conversation', () => {
    vi.setSystemTime(1_000_000);
    const { chat, pipe } = setup();
    const queuedAt = Date.now() - 30_000; // queued 30 s before this page loaded
    pipe.push(welcome({ site: site({ offerAlternativesAfterMs: 50_000 }), conversation: conv({ queuedAt }) }));
    expect(chat.state.offerAlternatives).toBe(false);
    vi.advanceTimersByTime(19_000);
    expect(chat.state.offerAlternatives).toBe(false);
    // Position updates do not restart the count.
    pipe.push({ type: 'conversation', conversation: conv({ queuedAt, queuePosition: 1 }) });
    vi.advanceTimersByTime(1_000);
    expect(chat.state.offerAlternatives).toBe(true);
    expect(chat.offline()).toBe(false); // the chat stays

    chat.request('callback', { phone: '02 1234 5678' });
    const frame = sentOf(pipe, 'callback.request')[0]!;
    pipe.push({ type: 'ack', clientId: frame.clientId as string, conversationId: 'c1', messageId: 'm3', seq: 3, createdAt: 5 });
    expect(chat.state.request?.state).toBe('done');
    expect(chat.state.conversation?.id).toBe('c1');

    // Taken by an agent: no more offer.
    pipe.push({ type: 'conversation', conversation: conv({ state: 'assigned', agentName: 'Giulia', queuePosition: null, queuedAt }) });
    expect(chat.state.offerAlternatives).toBe(false);
  });

  it('offers at once when the conversation has waited long enough already, and never outside hours', () => {
    const long = setup();
    long.pipe.push(welcome({ site: site({ offerAlternativesAfterMs: 60_000 }), conversation: conv({ queuedAt: Date.now() - 61_000 }) }));
    expect(long.chat.state.offerAlternatives).toBe(true);
    const closed = setup();
    closed.pipe.push(welcome({ site: site({ open: false, offerAlternativesAfterMs: 0 }), conversation: conv({ queuedAt: 0 }) }));
    expect(closed.chat.state.offerAlternatives).toBe(false);
    const callback = setup();
    callback.pipe.push(welcome({ site: site({ offerAlternativesAfterMs: 0 }), conversation: conv({ queuedAt: 0, channel: 'callback' }) }));
    expect(callback.chat.state.offerAlternatives).toBe(false);
  });
});

describe('what the visitor sees of the stream', () => {
  const ev = (seq: number, over: Partial<EventItem>): EventItem => ({ kind: 'event', seq, event: 'transferred', agentId: null, agentName: null, createdAt: seq, ...over });

  it('renders transfers, and never sla_breached events or system messages', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ site: site(), conversation: conv({ state: 'assigned', agentName: 'Giulia', queuePosition: null }) }));
    pipe.push({
      type: 'sync.result',
      conversationId: 'c1',
      items: [
        message(1, { authorType: 'visitor', authorName: null, body: 'Can I return a sofa?' }),
        message(2, { authorType: 'system', authorId: null, authorName: null, body: 'Callback: +39 02 1234 5678, tomorrow' }),
        ev(3, { event: 'sla_breached' }),
        ev(4, { agentId: 'a2', agentName: 'Marco' }),
        ev(5, { departmentId: 'support' }),
      ],
      lastSeq: 5,
      hasMore: false,
    });
    pipe.push({ type: 'item', conversationId: 'c1', item: message(6, { authorType: 'system', authorName: null, body: 'internal' }) });
    pipe.push({ type: 'item', conversationId: 'c1', item: ev(7, { event: 'sla_breached' }) });
    expect(chat.state.entries.map((e) => e.item.seq)).toEqual([1, 4, 5]);
    expect(chat.state.unread).toBe(0); // system messages never count as unread
    const texts = chat.state.entries.flatMap((e) => (e.item.kind === 'event' ? [eventText(e.item, en)] : []));
    expect(texts).toEqual(['You have been transferred to Marco', 'Your conversation was passed to the right team']);
    expect(chat.state.entries.flatMap((e) => (e.item.kind === 'event' ? [eventText(e.item, it_)] : []))).toEqual([
      'La tua conversazione è stata trasferita a Marco',
      'La tua conversazione è stata passata al team giusto',
    ]);
  });
});

describe('nobody to answer (protocol 6)', () => {
  it('knows from the server whether anyone could answer: the conversation, else the page’s department, else the site', () => {
    const a = setup();
    a.pipe.push(welcome({ site: site({ available: false }) }));
    expect(a.chat.available()).toBe(false);
    a.pipe.push({ type: 'conversation', conversation: conv({ available: true }) });
    expect(a.chat.available()).toBe(true);
    const b = setup(new Mem(), 'sales');
    b.pipe.push(welcome({ site: site({ available: true, departments: [{ id: 'sales', name: 'Sales', open: true, available: false }] }) }));
    expect(b.chat.available()).toBe(false);
    // An older server (no flag): open and someone online.
    const c = setup();
    c.pipe.push(welcome({ site: site(), agentsOnline: 0 }));
    expect(c.chat.available()).toBe(false);
  });

  it('follows the availability frames of a visitor already connected: the site and the page’s department', () => {
    const a = setup();
    a.pipe.push(welcome({ site: site({ available: false }) }));
    expect(a.chat.available()).toBe(false);
    a.pipe.push({ type: 'availability', agentsOnline: 1, open: true, available: true, departments: [] });
    expect(a.chat.available()).toBe(true);
    expect(a.chat.state.agentsOnline).toBe(1);
    const b = setup(new Mem(), 'sales');
    b.pipe.push(welcome({ site: site({ available: true, departments: [{ id: 'sales', name: 'Sales', open: true, available: false }] }) }));
    expect(b.chat.available()).toBe(false);
    b.pipe.push({ type: 'availability', agentsOnline: 2, open: true, available: true, departments: [{ id: 'sales', open: true, available: true }] });
    expect(b.chat.available()).toBe(true);
    expect(b.chat.state.site?.departments[0]).toMatchObject({ name: 'Sales', available: true }); // the name (in the visitor's language) kept
  });

  it('asks for the email while nobody could answer, sends it with the next message, and then asks no more', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ site: site({ available: false }), conversation: conv({ available: false, queuePosition: null }) }));
    expect(chat.preChat()).toEqual([{ id: 'email', required: false }]);
    chat.send('still there?', { email: 'marta@example.com' });
    expect(sentOf(pipe, 'message.send').at(-1)).toMatchObject({ body: 'still there?', email: 'marta@example.com' });
    expect(chat.preChat()).toEqual([]);
    expect(chat.state.profile.email).toBe('marta@example.com');
  });

  it('never shows the pre-chat fields in a resolved conversation', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ site: site({ preChat: { name: 'optional', email: 'optional', department: 'optional' } }) }));
    expect(chat.preChat().map((f) => f.id)).toEqual(['name', 'email', 'department']);
    pipe.push({ type: 'conversation', conversation: conv({ state: 'resolved', queuePosition: null }) });
    expect(chat.preChat()).toEqual([]);
  });

  it('offers the alternatives at once when the estimate passes the site’s limit', () => {
    const { chat, pipe } = setup();
    pipe.push(welcome({ site: site({ offerAlternativesAfterMs: 300_000 }), conversation: conv({ queuedAt: Date.now(), queuePosition: 2, estimatedWaitMs: 240_000 }) }));
    expect(chat.state.offerAlternatives).toBe(false);
    pipe.push({ type: 'conversation', conversation: conv({ queuedAt: Date.now(), queuePosition: 4, estimatedWaitMs: 480_000 }) });
    expect(chat.state.offerAlternatives).toBe(true);
  });

  it('shows one line of a run of system lines, and no queue line once an agent joined', () => {
    const e = (seq: number, ev: 'queued' | 'assigned' | 'resolved', conversationId = 'c1') => ({ conversationId, item: event(seq, ev) });
    const m = (seq: number) => ({ conversationId: 'c1', item: message(seq) });
    // Signed in and out eight times: sixteen lines, one shown.
    const flap = Array.from({ length: 16 }, (_, i) => e(i + 1, i % 2 ? 'assigned' : 'queued'));
    expect([...hiddenLines(flap)].length).toBe(15);
    expect(hiddenLines(flap).has(15)).toBe(false);
    // queued, a message, then joined: the queue line goes.
    expect([...hiddenLines([e(1, 'queued'), m(2), e(3, 'assigned'), m(4)])]).toEqual([0]);
    // Requeued after the agent left: that queue line stays.
    expect([...hiddenLines([e(1, 'assigned'), m(2), e(3, 'queued')])]).toEqual([]);
  });
});
