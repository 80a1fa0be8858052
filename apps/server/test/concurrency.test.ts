/**
 * Many agents and visitors at once against a real server: visitors write concurrently, agents
 * answer and resolve as conversations reach them, one agent leaves mid-way. Afterwards the rows
 * and the replayed event log must show that no agent ever held more than their capacity, no
 * conversation was held by two agents, nothing waits while someone could take it, and every
 * message was stored exactly once.
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { agent, useServer, visitor } from './harness.ts';

const ctx = useServer();
const AGENTS = 5;
const VISITORS = 40;
const MESSAGES = 3;

describe('routing under concurrency', () => {
  it(`${AGENTS} agents and ${VISITORS} visitors at once keep the invariants`, async () => {
    const s = ctx.s;
    const caps = [1, 2, 2, 3, 3];
    const ids: string[] = [];
    for (let i = 0; i < AGENTS; i++) ids.push(await s.addAgent(`a${i}@shop.test`, `Agent ${i}`, undefined, caps[i]));
    const agents: ReturnType<typeof agent>[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const a = ctx.track(agent(s, await s.login(`a${i}@shop.test`)));
      const me = ids[i]!;
      const handled = new Set<string>();
      a.session.on('frame', (f) => {
        if (f.type !== 'inbox.upsert' || f.conversation.agentId !== me || f.conversation.state !== 'assigned' || handled.has(f.conversation.id)) return;
        handled.add(f.conversation.id);
        const cid = f.conversation.id;
        setTimeout(() => {
          a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: cid, body: 'on it' });
          setTimeout(() => a.session.send({ type: 'conversation.resolve', conversationId: cid }), 5 + Math.random() * 30);
        }, Math.random() * 20);
      });
      agents.push(a);
    }
    await Promise.all(agents.map((a) => a.frame('welcome')));

    const visitors = Array.from({ length: VISITORS }, () => ctx.track(visitor(s)));
    await Promise.all(visitors.map((v) => v.frame('welcome')));
    await Promise.all(
      visitors.map(async (v, i) => {
        for (let m = 0; m < MESSAGES; m++) {
          v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: `visitor ${i} message ${m}` });
          await new Promise((r) => setTimeout(r, Math.random() * 10));
        }
      }),
    );
    setTimeout(() => agents[4]!.close(), 30); // one agent leaves; their chats must move on

    const db = s.app.parla.db.sqlite;
    const settled = async () => {
      for (let i = 0; i < 200; i++) {
        const open = db.prepare("SELECT count(*) AS n FROM conversations WHERE state != 'resolved'").get() as { n: number };
        const pending = visitors.reduce((n, v) => n + v.session.pending().length, 0);
        if (open.n === 0 && pending === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the conversations did not all get resolved');
    };
    await settled();

    // Every visitor message stored exactly once.
    const stored = db.prepare("SELECT count(*) AS n, count(DISTINCT author_id || client_id) AS d FROM messages WHERE author_type = 'visitor'").get();
    expect(stored).toEqual({ n: VISITORS * MESSAGES, d: VISITORS * MESSAGES });

    // Replay the event log in commit order: loads never exceed capacity; one owner at a time.
    const events = db.prepare('SELECT conversation_id AS c, kind, agent_id AS a FROM conversation_events ORDER BY rowid').all() as { c: string; kind: string; a: string | null }[];
    const owner = new Map<string, string>();
    const load = new Map<string, number>();
    const cap = new Map(ids.map((id, i) => [id, caps[i]!]));
    let maxSeen = 0;
    const release = (c: string) => {
      const o = owner.get(c);
      if (o) load.set(o, load.get(o)! - 1);
      owner.delete(c);
    };
    for (const e of events) {
      if (e.kind === 'assigned' || (e.kind === 'transferred' && e.a)) {
        release(e.c);
        owner.set(e.c, e.a!);
        const n = (load.get(e.a!) ?? 0) + 1;
        load.set(e.a!, n);
        maxSeen = Math.max(maxSeen, n);
        expect(n, `agent ${e.a} over capacity`).toBeLessThanOrEqual(cap.get(e.a!)!);
      } else if (['resolved', 'queued', 'reopened', 'transferred'].includes(e.kind)) {
        release(e.c);
      }
    }
    expect(maxSeen).toBeGreaterThan(1); // the test did load agents beyond one chat each
    // Every conversation reached an agent.
    const reached = new Set(events.filter((e) => e.kind === 'assigned').map((e) => e.c)).size;
    expect(reached).toBe((db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n);

    // The agent who left holds nothing and is offline.
    await new Promise((r) => setTimeout(r, 100));
    expect(s.app.parla.store.agentById(ids[4]!)!.presence).toBe('offline');
    expect(s.app.parla.store.agentLoad(ids[4]!)).toBe(0);
    // Nothing waits.
    expect(db.prepare("SELECT count(*) AS n FROM conversations WHERE state = 'queued'").get()).toEqual({ n: 0 });
  }, 60_000);
});
