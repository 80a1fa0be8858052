/**
 * The hub writes pre-encoded WebSocket frames (ws's own encoder) straight to the sockets: a real
 * `ws` client must read them as the very texts, at every length encoding (7-bit, 16-bit, 64-bit)
 * and with multi-byte UTF-8, also several frames sent back to back in one write. Its topics are
 * typed: a frame that is not the protocol's, or not for that kind of socket, does not compile.
 */
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { concatFrames, encodeFrame, Hub, wsTextFrame } from '../src/hub.ts';

describe('wsTextFrame', () => {
  it('is read back by a ws client as the same texts, one write or several frames together', async () => {
    const texts = ['{}', 'è'.repeat(62) + 'x', JSON.stringify({ body: 'ü'.repeat(300) }), 'a'.repeat(65_535), `{"x":"${'€'.repeat(30_000)}"}`];
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (ws) => {
      const raw = (ws as unknown as { _socket: Socket })._socket;
      raw.write(wsTextFrame(texts[0]!));
      raw.write(wsTextFrame(texts[1]!));
      raw.write(Buffer.concat(texts.slice(2).map(wsTextFrame)));
    });
    const got: { text: string; binary: boolean }[] = [];
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    await new Promise<void>((resolve, reject) => {
      client.on('message', (data, isBinary) => {
        got.push({ text: data.toString(), binary: isBinary });
        if (got.length === texts.length) resolve();
      });
      client.on('error', reject);
    });
    client.close();
    wss.close();
    expect(got.map((g) => g.binary)).toEqual(texts.map(() => false));
    expect(got.map((g) => g.text)).toEqual(texts);
    expect(wsTextFrame('a'.repeat(125)).length).toBe(127);
    expect(wsTextFrame('a'.repeat(126)).length).toBe(130);
    expect(wsTextFrame('a'.repeat(65_536)).length).toBe(65_546);
  });
});

describe('the hub\'s typed topics', () => {
  it('carry the protocol\'s frames for their kind of socket, encoded once for every subscriber', () => {
    const hub = new Hub();
    const got = (sub: { frames: Buffer[] }) => sub.frames.map((b) => b.toString('utf8', 2));
    const visitor = { frames: [] as Buffer[], send: (b: Buffer) => visitor.frames.push(b) };
    const agent = { frames: [] as Buffer[], send: (b: Buffer) => agent.frames.push(b) };
    const other = { frames: [] as Buffer[], send: (b: Buffer) => other.frames.push(b) };
    hub.subscribe('visitor:v1', visitor);
    hub.subscribe('conv:c1', agent);
    hub.subscribe('agents', agent);
    hub.subscribe('agents', other);
    hub.publish('visitor:v1', { type: 'privacy.erased' });
    hub.publishMany(['visitor:v1', 'conv:c1'], { type: 'typing', conversationId: 'c1', from: 'agent', name: 'Ada', isTyping: true });
    hub.publishEncoded('agents', concatFrames([encodeFrame({ type: 'conversation.erased', conversationId: 'c1' }), encodeFrame({ type: 'conversation.erased', conversationId: 'c2' })]));
    expect(got(visitor)).toEqual(['{"type":"privacy.erased"}', '{"type":"typing","conversationId":"c1","from":"agent","name":"Ada","isTyping":true}']);
    expect(agent.frames[0]).toBe(visitor.frames[1]); // the same bytes, encoded once
    expect(agent.frames[1]).toBe(other.frames[0]);
    expect(agent.frames[1]!.length).toBe(2 * (2 + '{"type":"conversation.erased","conversationId":"c1"}'.length));

    // Checked by the compiler (pnpm typecheck), never run:
    const wrong = () => {
      // @ts-expect-error an agent's frame on a visitor topic
      hub.publish('visitor:v1', { type: 'presence', agentId: 'a1', presence: 'online' });
      // @ts-expect-error a visitor's frame on an agent topic
      hub.publish('conv:c1', { type: 'privacy.erased' });
      // @ts-expect-error not a frame of the protocol
      hub.publish('agents', { type: 'test.burst', n: 1 });
      // @ts-expect-error a field of the wrong type
      hub.publish('agent:a1', { type: 'presence', agentId: 'a1', presence: 'asleep' });
      // @ts-expect-error to both kinds of socket, only a frame both understand
      hub.publishMany(['visitor:v1', 'conv:c1'], { type: 'privacy.erased' });
      // @ts-expect-error encoded visitor frames to agents
      hub.publishEncoded('agents', encodeFrame({ type: 'privacy.erased' }));
      // @ts-expect-error not a topic
      hub.subscribe('everyone', visitor);
    };
    expect(typeof wrong).toBe('function');
  });
});
