/**
 * What an idle socket keeps: not the HTTP request it was upgraded from.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
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
