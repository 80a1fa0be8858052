/**
 * What an idle socket keeps: not the HTTP request it was upgraded from, and no per-socket
 * closures or sets where one shared listener or the socket alone will do.
 */
import { EventEmitter } from 'node:events';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { Sockets } from '../src/modules/security/sockets.ts';
import { onlineAgent, useServer, visitor } from './harness.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ctx = useServer();

async function collected(refs: WeakRef<object>[]): Promise<number> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  return refs.filter((r) => r.deref() === undefined).length;
}

describe('an open socket does not keep its upgrade request', () => {
  it('the requests of connected visitors and agents are garbage once their sockets are open', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada');
    const refs: WeakRef<object>[] = [];
    s.app.websocketServer.on('connection', (_ws: unknown, req: object) => refs.push(new WeakRef(req)));
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const vs = [ctx.track(visitor(s)), ctx.track(visitor(s)), ctx.track(visitor(s))];
    for (const v of vs) await v.frame('welcome');
    expect(refs).toHaveLength(4);
    expect(await collected(refs)).toBe(4);
    // ...and the sockets still work: errors are still handled, frames still flow.
    vs[0]!.session.send({ type: 'typing', isTyping: true });
    expect(a.session.state).toBe('open');
  });
});

describe('per-connection limiter state', () => {
  it('the frame bucket of a visitor connection goes when the connection closes', async () => {
    const s = ctx.s;
    const frames = (s.app.parla.security.limits as unknown as { frames: { size: number } }).frames;
    const v = visitor(s);
    await v.frame('welcome');
    v.session.send({ type: 'typing', isTyping: true }); // any frame but the hello takes from the bucket
    await v.waitFor(() => frames.size === 1, 'a frame bucket');
    v.close();
    await v.waitFor(() => frames.size === 0, 'the bucket dropped');
  });
});

class FakeSocket extends EventEmitter {
  closed: number | null = null;
  close(code: number) {
    this.closed = code;
    setImmediate(() => this.emit('close')); // as ws: the close handshake first
  }
}
const fake = () => new FakeSocket() as unknown as WebSocket & FakeSocket;

describe('Sockets (open sockets by key)', () => {
  it('closes every socket of a key, forgets closed sockets, and follows a socket that changes key', async () => {
    const m = new Sockets();
    const [a, b, c] = [fake(), fake(), fake()];
    m.add('v1', a);
    m.add('v1', b);
    m.add('v2', c);
    expect(m.keys().sort()).toEqual(['v1', 'v2']);
    b.emit('close'); // closed by the client
    expect(m.close('v1', 4404, 'erased')).toBe(1);
    expect([a.closed, b.closed]).toEqual([4404, null]);
    expect(m.keys()).toEqual(['v2']);
    // c becomes visitor v3 (an identify that merged it): only v3 closes it now.
    m.remove('v2', c);
    m.add('v3', c);
    expect(c.listenerCount('close')).toBe(1); // one shared listener, never one per add
    expect(m.close('v2', 4001, 'merged')).toBe(0);
    expect(m.close('v3', 4001, 'merged')).toBe(1);
    expect(c.closed).toBe(4001);
    expect(m.keys()).toEqual([]);
  });
});
