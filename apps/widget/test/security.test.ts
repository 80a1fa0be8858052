/**
 * The widget's side of security: identify goes in the hello (cleaned, userId untouched) and as an
 * identify frame when the host page calls it later; a new token from the answering welcome is
 * kept; a rate_limited refusal is told to the visitor in their language with when to try again.
 */
import { describe, expect, it, vi } from 'vitest';
import { MemorySocket } from '@parla/client/testing';
import type { ServerToVisitor } from '@parla/protocol';
import { dict } from './dict.ts';
import { cleanIdentity, createChat } from '../src/chat/model.ts';

function chatWith(identity: () => Record<string, unknown> | undefined) {
  const kept = new Map<string, string>();
  const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v), removeItem: (k: string) => void kept.delete(k) };
  let socket: MemorySocket | undefined;
  const chat = createChat({
    site: 'demo',
    base: 'http://localhost:3000/',
    lang: 'it',
    identity,
    storage,
    onChange: vi.fn(),
    events: new EventTarget(),
    page: () => ({ url: 'https://shop.example/', title: 'Shop' }),
    createSocket: (u) => (socket = new MemorySocket(u)),
  });
  socket!.open();
  const push = (f: ServerToVisitor) => socket!.push(f);
  return { chat, socket: socket!, push, kept };
}
const welcome = (over: Partial<Extract<ServerToVisitor, { type: 'welcome' }>> = {}): ServerToVisitor => ({
  type: 'welcome', protocol: 4, visitorId: 'v1', returning: false, visitCount: 1, conversation: null, agentsOnline: 1, ...over,
});

describe('identify in the widget', () => {
  it('keeps only what the server accepts, and the user id exactly as given', () => {
    const hash = 'a'.repeat(64);
    expect(cleanIdentity({ userId: ' u 1 ', hash, name: '  Ada ', email: 'ada@example.com' })).toEqual({ userId: ' u 1 ', hash, name: 'Ada', email: 'ada@example.com' });
    expect(cleanIdentity({ userId: 42, email: 'not an email', name: 'x'.repeat(121) })).toEqual({ userId: '42' });
    expect(cleanIdentity({ userId: '' })).toBeUndefined();
    expect(cleanIdentity({ userId: { toString: () => 'x' } })).toBeUndefined();
    expect(cleanIdentity(undefined)).toBeUndefined();
  });

  it('goes in every hello, and as an identify frame when the host page calls it later; the new token is kept', () => {
    let who: Record<string, unknown> | undefined;
    const { chat, socket, push, kept } = chatWith(() => who);
    expect(socket.sent[0]).not.toHaveProperty('identity');
    push(welcome({ visitorToken: 'first-token-0123456789' }));
    who = { userId: 'u1', hash: 'b'.repeat(64) };
    chat.identityChanged();
    expect(socket.sent.at(-1)).toEqual({ type: 'identify', identity: { userId: 'u1', hash: 'b'.repeat(64) } });
    push(welcome({ visitorId: 'v2', identified: true, visitorToken: 'second-token-0123456789' }));
    expect(kept.get('parla:demo:token')).toBe('second-token-0123456789');
  });
});

describe('rate limits in the widget', () => {
  it('a refused message says, in the visitor’s language, when to try again', () => {
    const { chat, socket, push } = chatWith(() => undefined);
    push(welcome());
    chat.send('ciao');
    const clientId = String(socket.sent.find((f) => f.type === 'message.send')?.clientId);
    push({ type: 'error', code: 'rate_limited', message: 'too many messages; try again in 3 s', clientId, retryAfterMs: 2100 });
    const p = chat.state.pending[0]!;
    expect(p.state).toBe('failed');
    expect(p.retryAfterMs).toBe(2100);
    expect(dict('it').tooFast(2100)).toBe('Non inviato: stai scrivendo troppo in fretta. Riprova tra 3 s');
    expect(dict('en').tooFast(2100)).toBe('Not sent: you are writing too fast. Try again in 3 s');

    // An offline message refused the same way.
    chat.request('offline', { body: 'call me', email: 'ada@example.com' });
    const req = chat.state.request!;
    push({ type: 'error', code: 'rate_limited', message: 'too many new conversations; try again in 60 s', clientId: req.clientId, retryAfterMs: 60_000 });
    expect(chat.state.request).toMatchObject({ state: 'failed', retryAfterMs: 60_000 });
  });
});
