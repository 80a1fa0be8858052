import { describe, expect, it } from 'vitest';
import type { ServerFrame, StreamItem } from '@parla/protocol';
import { newClientId, Session } from '../src/index.ts';
import { MemorySocket } from '../src/testing.ts';

const Pipe = MemorySocket;

const msg = (seq: number, body = `m${seq}`): StreamItem => ({ kind: 'message', seq, id: `id${seq}`, clientId: null, authorType: 'agent', authorId: 'a', authorName: 'A', body, createdAt: seq });
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

  it('makes 21-character URL-safe client ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newClientId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });
});
