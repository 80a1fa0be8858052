import { describe, expect, it } from 'vitest';
import type { Metrics } from '@parla/protocol';
import { seedDemo } from '../src/modules/demo/seed.ts';
import { useServer } from './harness.ts';

const ctx = useServer();

describe('demo history', () => {
  it('seeds weeks of consistent sample conversations, marked as demo data, out of the agents’ inbox', async () => {
    const s = ctx.s;
    await seedDemo(s.app.parla, ['http://localhost:3001'], { historyDays: 28 });
    const db = s.app.parla.db.sqlite;
    const total = (db.prepare(`SELECT count(*) AS n FROM conversations WHERE demo = 1`).get() as { n: number }).n;
    expect(total).toBeGreaterThan(300);
    // Every seeded conversation is resolved, its seqs are 1..lastSeq with no gap, and it ends a day ago.
    expect(db.prepare(`SELECT count(*) AS n FROM conversations WHERE demo = 1 AND state != 'resolved'`).get()).toEqual({ n: 0 });
    const gaps = db
      .prepare(
        `SELECT c.id FROM conversations c WHERE c.demo = 1 AND c.last_seq != (SELECT count(*) FROM (SELECT seq FROM messages WHERE conversation_id = c.id UNION ALL SELECT seq FROM conversation_events WHERE conversation_id = c.id))`,
      )
      .all();
    expect(gaps).toEqual([]);
    expect(s.app.parla.conversations.inbox().filter((c) => c.state !== 'resolved')).toEqual([]);
    // The reports have something to show, and say it is demo data.
    const cookie = await s.login('agent@demo.parla.chat', 'parla-demo-2026');
    const res = await fetch(`${s.url}/api/metrics?siteId=demo&from=${Date.now() - 30 * 86_400_000}&to=${Date.now()}&groupBy=week`, { headers: { cookie } });
    const m = (await res.json()) as Metrics;
    expect(m.demoConversations).toBe(total);
    expect(m.totals.conversations).toBe(total);
    expect(m.totals.selfService.count).toBeGreaterThan(0);
    expect(m.totals.missed.count).toBeGreaterThan(0);
    expect(m.totals.csat.ratings).toBeGreaterThan(0);
    expect(m.totals.sla.firstResponse.breached).toBeGreaterThan(0);
    expect(m.totals.firstResponse.medianMs).toBeGreaterThan(0);
    expect(m.perAgent.map((a) => a.name).sort()).toEqual(['Giulia', 'Marco']);
    expect(m.totals.channels.map((c) => c.channel).sort()).toEqual(['callback', 'web']);
    // Seeding again does nothing (only a fresh install gets history).
    await seedDemo(s.app.parla, ['http://localhost:3001'], { historyDays: 28 });
    expect((db.prepare(`SELECT count(*) AS n FROM conversations WHERE demo = 1`).get() as { n: number }).n).toBe(total);
  });
});
