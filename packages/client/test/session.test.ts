import { describe, expect, it, vi } from 'vitest';
import { CLOSE_OVER_BUDGET, CLOSE_RATE_LIMITED, CLOSE_TOO_SLOW as PROTOCOL_TOO_SLOW, type ServerFrame, type StreamItem } from '@parla/protocol';
import { BACK_OFF_CODES, CLOSE_TOO_SLOW, newClientId, Session, storageOutbox } from '../src/index.ts';
import { MemorySocket } from '../src/testing.ts';

const Pipe = MemorySocket;

const msg = (seq: number, body = `m${seq}`): StreamItem => ({ kind: 'message', seq, id: `id${seq}`, clientId: null, authorType: 'agent', authorId: 'a', authorName: 'A', body, createdAt: seq });
const own = (seq: number, clientId: string): StreamItem => ({ kind: 'message', seq, id: `id${seq}`, clientId, authorType: 'visitor', authorId: 'v', authorName: null, body: 'x', createdAt: seq });
const welcome = { type: 'welcome', protocol: 1, visitorId: 'v', returning: false, visitCount: 1, conversation: null, agentsOnline: 0 } as ServerFrame;

function setup() {
  const pipes: MemorySocket[] = [];
  const s = new Session<{ type: string }>({ url: 'ws://x', hello: () => ({ type: 'hello' }), createSocket: () => (pipes.push(new Pipe()), pipes[pipes.length - 1]!), random: () => 0.5, minDelayMs: 1, maxDelayMs: 2 });
  const got: number[] = [];
  s.on('item', (_c, it) => got.push(it.seq));
  s.connect();
  return { s, pipes, got };
}

describe('Session', () => {
  it('sends hello first and holds other frames until welcome', () => {
    const { s, pipes } = setup();
    const p = pipes[0]!;
    p.open();
    expect(p.sent).toEqual([{ type: 'hello' }]);
    expect(s.send({ type: 'typing' })).toBe(false);
    p.push(welcome);
    expect(s.isReady).toBe(true);
    expect(s.send({ type: 'typing' })).toBe(true);
  });

  it('delivers items once and in order, and asks for the gap', () => {
    const { s, pipes, got } = setup();
    const p = pipes[0]!;
    p.open();
    p.push(welcome);
    s.track('c', 0);
    expect(p.sent.at(-1)).toEqual({ type: 'sync', conversationId: 'c', afterSeq: 0 });
    p.push({ type: 'sync.result', conversationId: 'c', items: [msg(1), msg(2)], lastSeq: 2, hasMore: false });
    p.push({ type: 'item', conversationId: 'c', item: msg(2) }); // duplicate: ignored
    p.push({ type: 'item', conversationId: 'c', item: msg(4) }); // gap: not delivered, sync asked
    expect(got).toEqual([1, 2]);
    expect(p.sent.at(-1)).toEqual({ type: 'sync', conversationId: 'c', afterSeq: 2 });
    p.push({ type: 'sync.result', conversationId: 'c', items: [msg(3), msg(4)], lastSeq: 4, hasMore: false });
    expect(got).toEqual([1, 2, 3, 4]);
  });

  it('keeps unacknowledged sends and resends them after reconnecting, then re-syncs', async () => {
    const { s, pipes } = setup();
    pipes[0]!.open();
    pipes[0]!.push(welcome);
    s.track('c', 0);
    pipes[0]!.push({ type: 'sync.result', conversationId: 'c', items: [msg(1)], lastSeq: 1, hasMore: false });
    const clientId = newClientId();
    s.sendReliable({ type: 'message.send', clientId } as { type: string; clientId: string });
    pipes[0]!.onclose?.({}); // the network drops before the ack
    await new Promise((r) => setTimeout(r, 10));
    const p2 = pipes[1]!;
    p2.open();
    p2.push(welcome);
    expect(p2.sent).toEqual([{ type: 'hello' }, { type: 'sync', conversationId: 'c', afterSeq: 1 }, { type: 'message.send', clientId }]);
    p2.push({ type: 'ack', clientId, conversationId: 'c', messageId: 'm', seq: 2, createdAt: 1 });
    expect(s.pending()).toEqual([]);
    s.close();
  });

  it('drops a send the server refused and reports it', () => {
    const { s, pipes } = setup();
    pipes[0]!.open();
    pipes[0]!.push(welcome);
    const errors: string[] = [];
    s.on('sendError', (id, e) => errors.push(`${id}:${e.code}`));
    s.sendReliable({ type: 'message.send', clientId: 'abcdefgh' } as { type: string; clientId: string });
    pipes[0]!.push({ type: 'error', code: 'bad_frame', message: 'empty', clientId: 'abcdefgh' });
    expect(errors).toEqual(['abcdefgh:bad_frame']);
    expect(s.pending()).toEqual([]);
  });

  it('keeps a send refused for a passing reason and sends it again later', async () => {
    const pipes: MemorySocket[] = [];
    const s = new Session<{ type: string }>({ url: 'ws://x', hello: () => ({ type: 'hello' }), createSocket: () => (pipes.push(new Pipe()), pipes.at(-1)!), retryMs: 5 });
    s.connect();
    const p = pipes[0]!;
    p.open();
    p.push(welcome);
    const refused: string[] = [];
    s.on('sendError', (id) => refused.push(id));
    s.sendReliable({ type: 'message.send', clientId: 'abcdefgh' } as { type: string; clientId: string });
    p.push({ type: 'error', code: 'internal', message: 'retry', clientId: 'abcdefgh' });
    p.push({ type: 'error', code: 'internal', message: 'retry', clientId: 'abcdefgh' });
    expect(refused).toEqual([]);
    expect(s.pending().map((x) => x.clientId)).toEqual(['abcdefgh']);
    await new Promise((r) => setTimeout(r, 30));
    expect(p.sent.filter((f) => f.type === 'message.send')).toHaveLength(2); // the first send and one retry
    p.push({ type: 'ack', clientId: 'abcdefgh', conversationId: 'c', messageId: 'm', seq: 1, createdAt: 1 });
    expect(s.pending()).toEqual([]);
    s.close();
  });

  it('with a stored outbox, unacknowledged sends survive a reload and are sent once connected', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    const make = () => {
      const pipes: MemorySocket[] = [];
      const s = new Session<{ type: string }>({ url: 'ws://x', hello: () => ({ type: 'hello' }), createSocket: () => (pipes.push(new Pipe()), pipes.at(-1)!), outbox: storageOutbox(storage, 'k') });
      s.connect();
      return { s, pipes };
    };
    const a = make(); // offline: the socket never opens
    a.s.sendReliable({ type: 'message.send', clientId: 'first-one', body: 'one' } as { type: string; clientId: string });
    a.s.sendReliable({ type: 'message.send', clientId: 'second-one', body: 'two' } as { type: string; clientId: string });
    expect(a.pipes[0]!.sent).toEqual([]);
    a.s.close(); // the page reloads

    const b = make();
    expect(b.s.pending().map((p) => p.clientId)).toEqual(['first-one', 'second-one']);
    const p = b.pipes[0]!;
    p.open();
    p.push(welcome);
    expect(p.sent.map((f) => f.clientId ?? f.type)).toEqual(['hello', 'first-one', 'second-one']);
    p.push({ type: 'ack', clientId: 'first-one', conversationId: 'c', messageId: 'm1', seq: 1, createdAt: 1 });
    expect(JSON.parse(data.get('k')!).map((x: { clientId: string }) => x.clientId)).toEqual(['second-one']);
    // Seen in the stream counts as acknowledged too.
    p.push({ type: 'item', conversationId: 'c', item: own(1, 'first-one') });
    p.push({ type: 'item', conversationId: 'c', item: own(2, 'second-one') });
    expect(data.has('k')).toBe(false);
    expect(b.s.pending()).toEqual([]);
    b.s.close();
  });

  it('storageOutbox: tabs sharing the key keep each other\'s entries; junk and blocked storage are survived', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    const tab1 = storageOutbox(storage, 'k');
    const tab2 = storageOutbox(storage, 'k');
    tab1.add({ clientId: 'aaaaaaaa', frame: { type: 'message.send', clientId: 'aaaaaaaa' } });
    tab2.add({ clientId: 'bbbbbbbb', frame: { type: 'message.send', clientId: 'bbbbbbbb' } });
    tab1.remove('aaaaaaaa');
    expect(tab1.load().map((p) => p.clientId)).toEqual(['bbbbbbbb']);
    data.set('k', '[{"clientId":"x"},null,{"clientId":"cccccccc","frame":{"type":"message.send","clientId":"cccccccc"}}]');
    expect(tab2.load().map((p) => p.clientId)).toEqual(['cccccccc']);
    data.set('k', '{not json');
    expect(tab2.load()).toEqual([]);
    const blocked = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    const b = storageOutbox(blocked, 'k');
    expect(() => b.add({ clientId: 'dddddddd', frame: { type: 't', clientId: 'dddddddd' } })).not.toThrow();
    expect(b.load()).toEqual([]);
  });

  it('gives up a handshake that never completes and tries again', async () => {
    const pipes: MemorySocket[] = [];
    const s = new Session<{ type: string }>({ url: 'ws://x', hello: () => ({ type: 'hello' }), createSocket: () => (pipes.push(new Pipe()), pipes.at(-1)!), pingMs: 10, minDelayMs: 1, maxDelayMs: 2 });
    s.connect(); // the first socket never opens (a connection lost in a black hole)
    await new Promise((r) => setTimeout(r, 60));
    expect(pipes.length).toBeGreaterThan(1);
    s.close();
  });

  it('stays away after a close for sending too much (4008, 4029): 30 s or what the server asked, not a reconnect loop', () => {
    expect(BACK_OFF_CODES).toEqual([CLOSE_OVER_BUDGET, CLOSE_RATE_LIMITED]); // the copy matches @parla/protocol
    vi.useFakeTimers();
    try {
      const pipes: MemorySocket[] = [];
      const s = new Session<{ type: string }>({ url: 'ws://x', hello: () => ({ type: 'hello' }), createSocket: () => (pipes.push(new Pipe()), pipes.at(-1)!), random: () => 0.5, minDelayMs: 1, maxDelayMs: 2 });
      s.connect();
      pipes[0]!.open();
      pipes[0]!.push(welcome);
      // An ordinary drop: back at once (the usual backoff).
      pipes[0]!.onclose?.({ code: 1006 });
      vi.advanceTimersByTime(5);
      expect(pipes).toHaveLength(2);
      pipes[1]!.open();
      pipes[1]!.push(welcome);
      // Over the connection's budget; the error before the close says 10 s: the floor of 30 s wins (x1.25 at random 0.5).
      pipes[1]!.push({ type: 'error', code: 'rate_limited', message: 'too many frames on this connection', retryAfterMs: 10_000 });
      pipes[1]!.onclose?.({ code: CLOSE_OVER_BUDGET });
      vi.advanceTimersByTime(37_000);
      expect(pipes).toHaveLength(2);
      vi.advanceTimersByTime(600);
      expect(pipes).toHaveLength(3);
      // Too many new visitors from this address, come back in 2 minutes: 2 minutes (x1.25).
      pipes[2]!.open();
      pipes[2]!.push({ type: 'error', code: 'rate_limited', message: 'too many new visitors', retryAfterMs: 120_000 });
      pipes[2]!.onclose?.({ code: CLOSE_RATE_LIMITED });
      vi.advanceTimersByTime(149_000);
      expect(pipes).toHaveLength(3);
      vi.advanceTimersByTime(2_000);
      expect(pipes).toHaveLength(4);
      // And the next ordinary drop is quick again.
      pipes[3]!.open();
      pipes[3]!.push(welcome);
      pipes[3]!.onclose?.({ code: 1006 });
      vi.advanceTimersByTime(5);
      expect(pipes).toHaveLength(5);
      s.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('after the close of a slow reader (4013) reconnects at once, resends what was not acknowledged and asks from the last seq it saw', () => {
    expect(CLOSE_TOO_SLOW).toBe(PROTOCOL_TOO_SLOW); // the copy matches @parla/protocol
    expect(BACK_OFF_CODES).not.toContain(CLOSE_TOO_SLOW);
    vi.useFakeTimers();
    try {
      const { s, pipes, got } = setup();
      const statuses: string[] = [];
      s.on('status', (st) => statuses.push(st));
      pipes[0]!.open();
      pipes[0]!.push(welcome);
      s.track('c', 0);
      pipes[0]!.push({ type: 'sync.result', conversationId: 'c', items: [msg(1), msg(2)], lastSeq: 2, hasMore: false });
      pipes[0]!.push({ type: 'item', conversationId: 'c', item: msg(3) });
      const clientId = newClientId();
      s.sendReliable({ type: 'message.send', clientId } as { type: string; clientId: string });
      // The server gave up on this socket: items 4.. were dropped with its queue.
      pipes[0]!.onclose?.({ code: CLOSE_TOO_SLOW, reason: 'too slow' });
      expect(statuses.at(-1)).toBe('connecting'); // not 'closed': nothing fatal
      vi.advanceTimersByTime(5); // the usual backoff (1-2 ms here), not the 30 s of BACK_OFF_CODES
      expect(pipes).toHaveLength(2);
      const p2 = pipes[1]!;
      p2.open();
      expect(p2.sent).toEqual([{ type: 'hello' }]);
      p2.push(welcome);
      expect(statuses.at(-1)).toBe('open');
      expect(p2.sent.slice(1)).toEqual([
        { type: 'sync', conversationId: 'c', afterSeq: 3 },
        { type: 'message.send', clientId },
      ]);
      p2.push({ type: 'sync.result', conversationId: 'c', items: [msg(3), msg(4), msg(5)], lastSeq: 5, hasMore: false });
      expect(got).toEqual([1, 2, 3, 4, 5]);
      s.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes 21-character URL-safe client ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newClientId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });
});
