/**
 * A long queue: when it moves, every shopper waiting is told their new place; when a shopper
 * joins the end, nobody ahead of them is sent anything (their place did not change). The real
 * server and real visitor and agent sockets.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { agent, SITE, useServer, visitor, type TestServer } from './harness.ts';

const ctx = useServer({ fakeClock: true });
const track = ctx.track;

/** Manual routing: agents take from the queue, so connecting does not change it. */
async function manualRouting(s: TestServer) {
  const sites = s.app.parla.sites;
  await sites.saveSettings(SITE, { ...sites.settings(SITE)!, routingMode: 'manual' });
}

describe('queue positions told to the shoppers', () => {
  it('tells everyone behind a departure their new place, and nobody ahead of a new arrival anything', async () => {
    const s = ctx.s;
    await manualRouting(s);
    await s.addAgent('bo@shop.test', 'Bo');
    const shoppers: { v: ReturnType<typeof visitor>; id: string }[] = [];
    for (let i = 0; i < 6; i++) {
      s.clock.advance(1000);
      const v = track(visitor(s));
      await v.frame('welcome');
      v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: `shopper ${i}` });
      const id = (await v.frame('ack')).conversationId;
      await v.frame('conversation', (f) => f.conversation.queuePosition === i + 1);
      shoppers.push({ v, id });
    }
    const bo = track(agent(s, await s.login('bo@shop.test')));
    await bo.frame('welcome');
    bo.session.send({ type: 'conversation.take', conversationId: shoppers[0]!.id });
    await shoppers[0]!.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    for (const [i, { v }] of shoppers.slice(1).entries()) await v.frame('conversation', (f) => f.conversation.queuePosition === i + 1);
    // What each one heard, in order: its place when it arrived, then one step up; nothing when others joined behind.
    const heard = shoppers.map(({ v }) => v.frames.flatMap((f) => (f.type === 'conversation' ? [f.conversation.queuePosition ?? f.conversation.state] : [])));
    expect(heard).toEqual([[1, 'assigned'], [2, 1], [3, 2], [4, 3], [5, 4], [6, 5]]);
    for (const { v, id } of shoppers.slice(1)) expect(v.frames.filter((f) => f.type === 'conversation').at(-1)).toMatchObject({ conversation: { id, state: 'queued', agentName: null } });
  });
});
