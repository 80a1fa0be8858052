/**
 * The hub writes pre-encoded WebSocket frames straight to the sockets: a real `ws` client must read
 * them as the very texts, at every length encoding (7-bit, 16-bit, 64-bit) and with multi-byte UTF-8,
 * also several frames sent back to back in one write.
 */
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { wsTextFrame } from '../src/hub.ts';

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
