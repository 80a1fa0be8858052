import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import WebSocket from 'ws';
import { onlineAgent, SHOP_ORIGIN, SITE, useServer, visitor } from './harness.ts';

// 1,200 sockets from one address below: the per-address cap (WS_CONNECTIONS_PER_IP, 200) is raised.
const ctx = useServer({ env: { WS_PING_MS: '100', AGENT_OFFLINE_GRACE_MS: '50', WS_CONNECTIONS_PER_IP: '5000' } });

describe('dead sockets are reaped', () => {
  it('closes a socket that stops answering pings, and keeps live ones', async () => {
    const s = ctx.s;
    // A client that never answers pings, like a phone that lost its network.
    const dead = new WebSocket(`${s.wsUrl}/ws/visitor?site=${SITE}`, { headers: { origin: SHOP_ORIGIN }, autoPong: false });
    const closed = new Promise<number>((r) => dead.on('close', (code) => r(code)));
    const live = ctx.track(visitor(s));
    await live.frame('welcome');
    expect(await closed).toBe(1006); // terminated by the server
    await new Promise((r) => setTimeout(r, 350));
    expect(live.session.state).toBe('open');
    expect(live.frames.filter((f) => f.type === 'welcome')).toHaveLength(1); // never reconnected
  });

  it('sweeps many sockets in slices: every dead one of 1,200 is closed, the live ones stay', async () => {
    const s = ctx.s;
    const N = 1200; // more than two slices of 500
    const dead = Array.from({ length: N }, () => new WebSocket(`${s.wsUrl}/ws/visitor?site=${SITE}`, { headers: { origin: SHOP_ORIGIN }, autoPong: false }));
    const closed = dead.map((ws) => new Promise<number>((r) => ws.on('close', (code) => r(code))));
    const live = ctx.track(visitor(s));
    await live.frame('welcome');
    const codes = await Promise.all(closed);
    expect(codes.filter((c) => c === 1006)).toHaveLength(N);
    await new Promise((r) => setTimeout(r, 350));
    expect(live.session.state).toBe('open');
    expect(live.frames.filter((f) => f.type === 'welcome')).toHaveLength(1);
  });

  it('an agent whose connection silently died goes offline and their conversations move on', async () => {
    const s = ctx.s;
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const bo = await s.addAgent('bo@shop.test', 'Bo');
    const cookie = await s.login('ada@shop.test');
    const ws = new WebSocket(`${s.wsUrl}/ws/agent`, { headers: { origin: s.url, cookie }, autoPong: false });
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ type: 'hello', protocol: 3 }));
    await new Promise((r) => ws.once('message', r));
    expect(s.app.parla.store.agentById(ada)!.presence).toBe('online');
    const v = ctx.track(visitor(s));
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'hello?' });
    const c = await v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(c.conversation.agentName).toBe('Ada');
    await onlineAgent(ctx, 'bo@shop.test');
    await v.frame('conversation', (f) => f.conversation.agentName === 'Bo');
    expect(s.app.parla.store.agentById(ada)!.presence).toBe('offline');
    expect(s.app.parla.store.conversation(c.conversation.id)!.agentId).toBe(bo);
  });
});
