/**
 * The honest offline mode, on the server's side: the welcome and the conversation frames say
 * whether anyone could answer (`available`); a place in the queue and a wait estimate are told
 * only while someone could; the estimate is the median of recent queue waits × place ÷ agents
 * online, and it moves as the queue drains.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import type { ServerToVisitor, VisitorToServer } from '@parla/protocol';
import { agent, SHOP_ORIGIN, SITE, TestClient, useServer, visitor, type TestServer } from './harness.ts';

const ctx = useServer({ fakeClock: true });
const track = ctx.track;

async function manualRouting(s: TestServer) {
  const sites = s.app.parla.sites;
  await sites.saveSettings(SITE, { ...sites.settings(SITE)!, routingMode: 'manual' });
}

/** Past conversations whose queue waits were these (ms): the basis of the estimate. */
async function pastWaits(s: TestServer, waits: number[]) {
  for (const w of waits) {
    const { visitor: v } = await s.app.parla.visitors.hello(SITE, undefined, undefined);
    const r = await s.app.parla.conversations.visitorMessage({ id: v.id, siteId: SITE, name: null }, newClientId(), 'earlier');
    s.app.parla.db.sqlite
      .prepare(`UPDATE conversations SET state = 'resolved', assigned_at = queued_at + ?, resolved_at = queued_at + ? WHERE id = ?`)
      .run(w, w + 1000, r.conversationId);
    s.app.parla.conversations.rowsChanged([r.conversationId]); // written behind the service's back: its queue index re-reads the row
  }
}

describe('offline mode on the wire', () => {
  it('the welcome says whether anyone could answer, for the site and for each department', async () => {
    const s = ctx.s;
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const v1 = track(visitor(s));
    const w1 = await v1.frame('welcome');
    expect(w1.site?.available).toBe(false);

    await s.app.parla.agents.setPresence(ada, 'online');
    const v2 = track(visitor(s));
    const w2 = await v2.frame('welcome');
    expect(w2.site?.available).toBe(true);
    // A department none of whose agents is online is not available, even when the site is.
    for (const d of w2.site!.departments) expect(d.available).toBe(s.app.parla.store.agentsOfDepartment(d.id).includes(ada));

    // Away is not online: nobody could answer.
    await s.app.parla.agents.setPresence(ada, 'away');
    const v3 = track(visitor(s));
    expect((await v3.frame('welcome')).site?.available).toBe(false);
  });

  it('tells a visitor already connected when someone comes online, steps away or goes offline', async () => {
    const s = ctx.s;
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const v = track(visitor(s));
    expect((await v.frame('welcome')).site?.available).toBe(false);
    const departments = s.app.parla.store.departmentsOf(SITE);

    await s.app.parla.agents.setPresence(ada, 'online');
    const on = await v.frame('availability', (f) => f.available);
    expect(on).toMatchObject({ agentsOnline: 1, open: true });
    for (const d of on.departments) expect(d.available).toBe(s.app.parla.store.agentsOfDepartment(d.id).includes(ada));
    expect(on.departments.map((d) => d.id).sort()).toEqual(departments.map((d) => d.id).sort());

    await s.app.parla.agents.setPresence(ada, 'away');
    expect(await v.frame('availability', (f) => !f.available)).toMatchObject({ agentsOnline: 0 });
    await s.app.parla.agents.setPresence(ada, 'online');
    await v.frame('availability', (f) => f.available && v.frames.filter((x) => x.type === 'availability').length === 3);
    // Told once per change: a presence set again to what it was sends nothing more.
    await s.app.parla.agents.setPresence(ada, 'online');
    await new Promise((r) => setTimeout(r, 400));
    expect(v.frames.filter((x) => x.type === 'availability').length).toBe(3);
  });

  it('tells a place and an estimate only while an agent is online; the estimate shrinks as the queue drains', async () => {
    const s = ctx.s;
    await manualRouting(s);
    const bo = await s.addAgent('bo@shop.test', 'Bo');
    // Median of 60 s, 120 s and 900 s: 120 s (an average would say 360 s).
    await pastWaits(s, [60_000, 900_000, 120_000]);

    const shoppers = [];
    for (let i = 0; i < 3; i++) {
      s.clock.advance(1000);
      const v = track(visitor(s));
      await v.frame('welcome');
      v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: `shopper ${i}` });
      const id = (await v.frame('ack')).conversationId;
      const c = await v.frame('conversation', (f) => f.conversation.state === 'queued');
      // Nobody online: no place, no estimate.
      expect(c.conversation).toMatchObject({ available: false, queuePosition: null, estimatedWaitMs: null });
      shoppers.push({ v, id });
    }
    const last = shoppers[2]!.v;

    // Bo comes online (routing is manual: nobody is taken): everyone waiting hears their place and estimate.
    const a = track(agent(s, await s.login('bo@shop.test')));
    await a.frame('welcome');
    const told = await last.frame('conversation', (f) => f.conversation.available === true);
    expect(told.conversation).toMatchObject({ queuePosition: 3, estimatedWaitMs: 3 * 120_000 });

    // Bo takes the first (after a 2 s wait): the last shopper moves up and the estimate with it;
    // that wait joins the basis: the median of 2, 60, 120 and 900 s is 90 s.
    a.session.send({ type: 'conversation.take', conversationId: shoppers[0]!.id });
    const moved = await last.frame('conversation', (f) => f.conversation.queuePosition === 2);
    expect(moved.conversation.estimatedWaitMs).toBe(2 * 90_000);

    // Bo leaves: no place any more, and the shopper is told nobody could answer.
    await s.app.parla.agents.setPresence(bo, 'offline');
    const gone = await last.frame('conversation', (f) => f.conversation.available === false);
    expect(gone.conversation).toMatchObject({ state: 'queued', queuePosition: null, estimatedWaitMs: null });
  });

  it('names departments in the visitor’s language when the department has a name for it', async () => {
    const s = ctx.s;
    const sites = s.app.parla.sites;
    const d = await sites.createDepartment(SITE, { name: 'Returns', nameIt: 'Resi' });
    const plain = await sites.createDepartment(SITE, { name: 'Wholesale' });
    expect(sites.department(d.id)?.nameIt).toBe('Resi');
    const hello = (lang: 'en' | 'it') =>
      track(new TestClient<VisitorToServer, ServerToVisitor>(`${s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 6, lang }), { origin: SHOP_ORIGIN }));
    const names = async (lang: 'en' | 'it') => (await hello(lang).frame('welcome')).site!.departments.map((x) => x.name).sort();
    expect(await names('it')).toEqual(['Resi', 'Wholesale']);
    expect(await names('en')).toEqual(['Returns', 'Wholesale']);
    // Cleared: the name again.
    await sites.updateDepartment(d.id, { nameIt: null });
    expect(await names('it')).toEqual(['Returns', 'Wholesale']);
    expect(plain.nameIt).toBeNull();
  });
});
