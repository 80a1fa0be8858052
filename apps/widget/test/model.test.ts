/** The chat model against an in-memory socket: hello, token, history, pending bubbles, typing. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySocket } from '@parla/client/testing';
import type { ServerToVisitor, StreamItem, VisitorConversation } from '@parla/protocol';
import { createChat, socketUrl } from '../src/chat/model.ts';

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

function setup(storage = new Mem()) {
  const pipes: Pipe[] = [];
  const onChange = vi.fn();
  const onUnread = vi.fn();
  const events = new EventTarget();
  let url = 'https://shop.example/p';
  const chat = createChat({
    site: 'demo',
    base: 'http://localhost:3000/',
    lang: 'en',
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
  return { chat, pipe, storage, onUnread, events, go: (u: string) => (url = u) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('chat model', () => {
  it('connects to the visitor socket and says hello without a token the first time', () => {
    expect(socketUrl('http://localhost:3000/', 'demo')).toBe('ws://localhost:3000/ws/visitor?site=demo');
    expect(socketUrl('https://chat.example.com/parla/', 'a b')).toBe('wss://chat.example.com/parla/ws/visitor?site=a%20b');
    const { pipe } = setup();
    expect(pipe.url).toBe('ws://localhost:3000/ws/visitor?site=demo');
    expect(pipe.sent).toEqual([{ type: 'hello', protocol: 1, page: { url: 'https://shop.example/p', title: 'Shop' }, lang: 'en' }]);
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
