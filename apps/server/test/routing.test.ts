import { beforeEach, describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import type { ServerToVisitor, VisitorToServer } from '@parla/protocol';
import { agent, onlineAgent, SHOP_ORIGIN, SITE, TestClient, useServer, visitor, type TestServer } from './harness.ts';

const ctx = useServer();
const track = ctx.track;
let s: TestServer;
beforeEach(() => {
  s = ctx.s;
});

async function department(id: string, urgency = 0) {
  await s.app.parla.commit.run(() => s.app.parla.store.insertDepartment({ id, siteId: SITE, name: id, urgency, createdAt: 1 }));
}
async function inDepartments(agentId: string, ids: string[]) {
  await s.app.parla.commit.run(() => s.app.parla.store.setAgentDepartments(agentId, ids));
}
const online = (email: string) => onlineAgent(ctx, email);
async function ask(body: string, departmentId?: string) {
  const v = track(visitor(s));
  await v.frame('welcome');
  v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body, ...(departmentId ? { departmentId } : {}) });
  const ack = await v.frame('ack');
  return { v, id: ack.conversationId };
}
const row = (id: string) => s.app.parla.store.conversation(id)!;

describe('routing by department', () => {
  it('sends a conversation only to agents of its department, and waits when none is free', async () => {
    await department('orders');
    await department('tech');
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const bo = await s.addAgent('bo@shop.test', 'Bo');
    await inDepartments(ada, ['orders']);
    await inDepartments(bo, ['tech']);
    await online('ada@shop.test');

    const tech = await ask('my app crashes', 'tech');
    const orders = await ask('where is my parcel', 'orders');
    await orders.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(orders.id)).toMatchObject({ agentId: ada, departmentId: 'orders' });
    expect(row(tech.id)).toMatchObject({ state: 'queued', agentId: null, departmentId: 'tech' });

    // Bo (tech) comes online: the tech conversation goes to him, not to Ada.
    await online('bo@shop.test');
    await tech.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(tech.id).agentId).toBe(bo);
  });

  it('refuses an unknown department without writing anything', async () => {
    const v = track(visitor(s));
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'hi', departmentId: 'nope' });
    const err = await v.frame('error');
    expect(err).toMatchObject({ code: 'not_found' });
    expect(s.app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 0 });
    expect(v.session.pending()).toHaveLength(0); // dropped from the outbox, not resent forever
  });

  it('serves the more urgent department first when capacity frees', async () => {
    await department('orders', 0);
    await department('urgent', 5);
    const ada = await s.addAgent('ada@shop.test', 'Ada', undefined, 1);
    await inDepartments(ada, ['orders', 'urgent']);
    const first = await ask('ordinary question', 'orders');
    const second = await ask('URGENT', 'urgent');
    await online('ada@shop.test');
    await second.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(second.id).agentId).toBe(ada);
    expect(row(first.id).state).toBe('queued'); // Ada is at capacity (1)
    const pos = await first.v.frame('conversation', (f) => f.conversation.state === 'queued' && f.conversation.queuePosition === 1);
    expect(pos.conversation.queuePosition).toBe(1);
  });
});

describe('capacity and presence', () => {
  it('never assigns beyond capacity; raising it drains the queue', async () => {
    const ada = await s.addAgent('ada@shop.test', 'Ada', undefined, 1);
    await online('ada@shop.test');
    const a = await ask('one');
    const b = await ask('two');
    await a.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(b.id).state).toBe('queued');
    await s.app.parla.conversations.setCapacity(ada, 2);
    await b.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(b.id).agentId).toBe(ada);
  });

  it('an agent who goes away keeps their chats but gets no new ones', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await online('ada@shop.test');
    const first = await ask('before');
    await first.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    a.session.send({ type: 'presence.set', presence: 'away' });
    await a.frame('presence', (f) => f.presence === 'away');
    const second = await ask('after');
    await second.v.frame('conversation', (f) => f.conversation.state === 'queued');
    expect(row(first.id).state).toBe('assigned');
    expect(row(second.id).state).toBe('queued');
    a.session.send({ type: 'presence.set', presence: 'online' });
    await second.v.frame('conversation', (f) => f.conversation.state === 'assigned');
  });

  it('when an agent disconnects, after the grace period their conversations go to another agent, keeping their place', async () => {
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const bo = await s.addAgent('bo@shop.test', 'Bo');
    const a = await online('ada@shop.test');
    const c = await ask('help');
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(c.id).agentId).toBe(ada);
    const queuedAt = row(c.id).queuedAt;
    await online('bo@shop.test');
    a.close(); // the console tab closes; AGENT_OFFLINE_GRACE_MS is 50 in tests
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned' && f.conversation.agentName === 'Bo');
    expect(row(c.id)).toMatchObject({ agentId: bo, queuedAt });
    expect(s.app.parla.store.agentById(ada)!.presence).toBe('offline');
    const events = c.v.items.flatMap((i) => (i.item.kind === 'event' ? [i.item.event] : []));
    expect(events.slice(-2)).toEqual(['queued', 'assigned']);
  });

  it('a reload within the grace period is not a departure', async () => {
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const cookie = await s.login('ada@shop.test');
    const a = track(agent(s, cookie));
    await a.frame('welcome');
    const c = await ask('help');
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    a.close();
    const again = track(agent(s, cookie));
    await again.frame('welcome');
    await new Promise((r) => setTimeout(r, 150));
    expect(row(c.id).agentId).toBe(ada);
    expect(s.app.parla.store.agentById(ada)!.presence).toBe('online');
  });
});

describe('manual routing', () => {
  it('leaves conversations in the queue for agents to take; two agents cannot take the same one', async () => {
    s.app.parla.store.setRoutingMode(SITE, 'manual');
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    await s.addAgent('bo@shop.test', 'Bo');
    const a = await online('ada@shop.test');
    const b = await online('bo@shop.test');
    const c = await ask('anyone?');
    await a.frame('inbox.upsert', (f) => f.conversation.id === c.id);
    expect(row(c.id).state).toBe('queued');
    a.session.send({ type: 'conversation.take', conversationId: c.id });
    b.session.send({ type: 'conversation.take', conversationId: c.id });
    const err = await b.frame('error');
    expect(err).toMatchObject({ code: 'conflict' });
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(c.id).agentId).toBe(ada);
    const assigned = s.app.parla.db.sqlite.prepare("SELECT count(*) AS n FROM conversation_events WHERE kind = 'assigned'").get();
    expect(assigned).toEqual({ n: 1 });
  });
});

describe('priority from the host page’s attributes', () => {
  it('a VIP or a big cart is served first, and a change while waiting reorders the queue', async () => {
    const ada = await s.addAgent('ada@shop.test', 'Ada', undefined, 1);
    const plain = await ask('plain');
    // Attributes in the hello, as the widget sends what the host page set.
    const vip2 = track(
      new TestClient<VisitorToServer, ServerToVisitor>(`${s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 3, attributes: { tier: 'vip', plan: 'pro' } }), {
        origin: SHOP_ORIGIN,
      }),
    );
    await vip2.frame('welcome');
    vip2.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'I am important' });
    const vipId = (await vip2.frame('ack')).conversationId;
    expect(row(vipId).priority).toBe(2); // default rules: vip +2
    // Nobody is online yet: the shopper is told no place (protocol 6), but the queue has them second.
    await plain.v.waitFor(() => s.app.parla.store.queuePosition(plain.id) === 2, 'behind the VIP');
    expect(plain.v.frames.flatMap((f) => (f.type === 'conversation' ? [f.conversation.queuePosition] : []))).not.toContain(2);

    // The plain visitor's cart grows past the threshold: +1, still behind the VIP.
    plain.v.session.send({ type: 'visitor.attributes', attributes: { cartValue: 350, orderId: 'A-1042' } });
    await plain.v.waitFor(() => row(plain.id).priority === 1, 'reprioritized');
    const detail = s.app.parla.visitors.detail(row(plain.id).visitorId)!;
    expect(detail.attributes).toEqual({ cartValue: 350, orderId: 'A-1042' });

    await online('ada@shop.test');
    await vip2.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(row(vipId).agentId).toBe(ada);
    expect(row(plain.id).state).toBe('queued');

    plain.v.session.send({ type: 'visitor.attributes', attributes: { 'bad key!': 1 } });
    expect(await plain.v.frame('error')).toMatchObject({ code: 'bad_frame' });
  });
});
