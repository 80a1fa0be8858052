/**
 * The widget's outbox survives a reload: what the visitor wrote while offline is kept in the host
 * page's localStorage (`parla:<site>:outbox`), shown as pending again after the reload, sent with
 * the same clientId once connected (so the server dedupes), and removed once acknowledged.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySocket } from '@parla/client/testing';
import type { ServerToVisitor } from '@parla/protocol';
import { createChat } from '../src/chat/model.ts';

class Mem {
  m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

const welcome: ServerToVisitor = { type: 'welcome', protocol: 3, visitorId: 'v1', visitorToken: 'tok_0123456789abcdef', returning: false, visitCount: 1, conversation: null, agentsOnline: 1 };

/** A page with the chat on it; its sockets stay closed (offline) until the test opens one. */
function page(storage: Mem, site = 'demo') {
  const sockets: MemorySocket[] = [];
  const chat = createChat({
    site,
    base: 'http://localhost:3000/',
    lang: 'en',
    onChange: () => {},
    storage,
    events: new EventTarget(),
    page: () => ({ url: 'https://shop.example/', title: 'Shop' }),
    createSocket: (u) => {
      const s = new MemorySocket(u);
      sockets.push(s);
      return s;
    },
  });
  return { chat, sockets };
}

const sends = (s: MemorySocket) => s.sent.filter((f) => f.type !== 'hello' && f.type !== 'typing' && f.type !== 'sync');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('widget outbox', () => {
  it('keeps a message written offline across a reload and sends it once, with the same clientId', () => {
    const storage = new Mem();
    const first = page(storage);
    expect(first.chat.send('written offline')).toBe(true);
    expect(first.chat.state.pending).toMatchObject([{ body: 'written offline', state: 'sending' }]);
    const clientId = first.chat.state.pending[0]!.clientId;
    expect(JSON.parse(storage.getItem('parla:demo:outbox')!)).toMatchObject([{ clientId, frame: { type: 'message.send', body: 'written offline' } }]);
    first.chat.destroy(); // the reload: nothing was ever sent
    expect(sends(first.sockets[0]!)).toEqual([]);

    const second = page(storage);
    expect(second.chat.state.pending).toEqual([{ clientId, body: 'written offline', state: 'sending' }]);
    const s = second.sockets[0]!;
    s.open();
    expect(sends(s)).toEqual([]); // nothing before the welcome
    s.push(welcome);
    expect(sends(s)).toEqual([{ type: 'message.send', clientId, body: 'written offline' }]);
    s.push({ type: 'ack', clientId, conversationId: 'c1', messageId: 'm1', seq: 2, createdAt: 5 });
    expect(second.chat.state.pending[0]!.state).toBe('sent');
    expect(storage.getItem('parla:demo:outbox')).toBeNull();

    // A third load has nothing left to send.
    second.chat.destroy();
    const third = page(storage);
    third.sockets[0]!.open();
    third.sockets[0]!.push(welcome);
    expect(sends(third.sockets[0]!)).toEqual([]);
    expect(third.chat.state.pending).toEqual([]);
    third.chat.destroy();
  });

  it('a send that was never acknowledged before a reload is sent again after it; the stream settles it', () => {
    const storage = new Mem();
    const first = page(storage);
    first.sockets[0]!.open();
    first.sockets[0]!.push(welcome);
    first.chat.send('maybe saved');
    const clientId = first.chat.state.pending[0]!.clientId;
    expect(sends(first.sockets[0]!)).toHaveLength(1); // on the wire, the ack never came
    first.chat.destroy();

    const second = page(storage);
    const s = second.sockets[0]!;
    s.open();
    s.push(welcome);
    expect(sends(s)).toEqual([{ type: 'message.send', clientId, body: 'maybe saved' }]);
    // The server had stored it: the stream carries it back, which settles the pending bubble.
    s.push({ type: 'item', conversationId: 'c1', item: { kind: 'message', seq: 1, id: 'm1', clientId, authorType: 'visitor', authorId: 'v1', authorName: null, body: 'maybe saved', createdAt: 1 } });
    expect(second.chat.state.pending).toEqual([]);
    expect(storage.getItem('parla:demo:outbox')).toBeNull();
    second.chat.destroy();
  });

  it('keeps an offline message form across a reload, and each site its own outbox', () => {
    const storage = new Mem();
    const first = page(storage);
    expect(first.chat.request('offline', { body: 'call me', email: 'ada@example.com' })).toEqual({});
    first.chat.destroy();
    const other = page(storage, 'othersite');
    expect(other.chat.state.request).toBeNull();
    expect(other.chat.state.pending).toEqual([]);
    other.chat.destroy();
    const second = page(storage);
    expect(second.chat.state.request).toMatchObject({ kind: 'offline', state: 'sending', fields: { body: 'call me', email: 'ada@example.com' } });
    second.sockets[0]!.open();
    second.sockets[0]!.push(welcome);
    expect(sends(second.sockets[0]!)).toMatchObject([{ type: 'offline.message', body: 'call me', email: 'ada@example.com' }]);
    second.chat.destroy();
  });

  it('a message the server refused for good leaves the outbox and shows as failed', () => {
    const storage = new Mem();
    const { chat, sockets } = page(storage);
    sockets[0]!.open();
    sockets[0]!.push(welcome);
    chat.send('hi');
    const clientId = chat.state.pending[0]!.clientId;
    sockets[0]!.push({ type: 'error', code: 'forbidden', message: 'no', clientId });
    expect(chat.state.pending[0]!.state).toBe('failed');
    expect(storage.getItem('parla:demo:outbox')).toBeNull();
    chat.destroy();
  });
});
