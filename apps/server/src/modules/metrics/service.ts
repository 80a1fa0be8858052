/**
 * The KPIs for a period and filters: per-conversation facts from SQL, aggregated (kpis.ts) in
 * total, per day or week of the site's time zone, per agent and per department; the backlog at
 * each bucket's end; and the live view. The CSV exports are built from the same objects.
 */
import type { ConversationFact, MetricsQueries, Store } from '@parla/db';
import type { BusinessHours, KpiSet, LiveMetrics, Metrics, MetricsQuery } from '@parla/protocol';
import type { Sites } from '../sites/service.ts';
import { bucketIndex, buckets, kpiSet, type HoursOf } from './kpis.ts';

export class MetricsService {
  constructor(
    private readonly store: Store,
    private readonly queries: MetricsQueries,
    private readonly sites: Sites,
    /** Visitor ids with an open socket now (a connected visitor has not left). */
    private readonly connectedVisitors: () => string[],
    private readonly now: () => number = Date.now,
  ) {}

  /** The time zone of the report: asked for, else the site's business hours', else UTC. */
  private zone(q: MetricsQuery): string {
    if (q.tz) return q.tz;
    const siteId = q.siteId ?? (this.store.listSites().length === 1 ? this.store.listSites()[0]!.id : null);
    return (siteId && this.sites.settings(siteId)?.businessHours?.timezone) || 'UTC';
  }

  facts(q: MetricsQuery): ConversationFact[] {
    const filter = { from: q.from, to: q.to, siteId: q.siteId ?? null, agentId: q.agentId ?? null, departmentId: q.departmentId ?? null, channel: q.channel ?? null, tagId: q.tag ?? null };
    return this.queries.facts(filter, this.now(), this.connectedVisitors());
  }

  compute(q: MetricsQuery): Metrics {
    const at = this.now();
    const tz = this.zone(q);
    const facts = this.facts(q);
    const filters = { siteId: q.siteId ?? null, agentId: q.agentId ?? null, departmentId: q.departmentId ?? null, channel: q.channel ?? null, tagId: q.tag ?? null };

    // Business hours per (site, department), looked up once each.
    const cache = new Map<string, BusinessHours | null>();
    const hoursOf: HoursOf = (f) => {
      const key = `${f.siteId}\u0000${f.departmentId ?? ''}`;
      if (!cache.has(key)) cache.set(key, this.sites.hoursOf(f.siteId, f.departmentId));
      return cache.get(key)!;
    };
    const anyHours = facts.some((f) => hoursOf(f) !== null);
    const set = (fs: ConversationFact[]): KpiSet => kpiSet(fs, anyHours ? hoursOf : null);

    const bs = buckets(q.from, q.to, q.groupBy, tz);
    const perBucket: ConversationFact[][] = bs.map(() => []);
    for (const f of facts) perBucket[bucketIndex(bs, f.createdAt)]!.push(f);
    const points = [...bs.map((b) => Math.min(b.end, at)), Math.min(q.to, at)];
    const backlog = new Map(this.queries.backlog(filters, [...new Set(points)]).map((r) => [r.at, r] as const));
    const backlogAt = (t: number) => backlog.get(t) ?? { at: t, open: 0, overdue: 0 };

    const byAgent = new Map<string, { name: string; facts: ConversationFact[] }>();
    const byDept = new Map<string | null, { name: string; facts: ConversationFact[] }>();
    for (const f of facts) {
      if (f.agentId) {
        const g = byAgent.get(f.agentId) ?? { name: f.agentName ?? f.agentId, facts: [] };
        g.facts.push(f);
        byAgent.set(f.agentId, g);
      }
      const d = byDept.get(f.departmentId) ?? { name: f.departmentName ?? '', facts: [] };
      d.facts.push(f);
      byDept.set(f.departmentId, d);
    }

    return {
      from: q.from,
      to: q.to,
      tz,
      groupBy: q.groupBy,
      filters,
      computedAt: at,
      totals: set(facts),
      backlog: backlogAt(Math.min(q.to, at)),
      series: bs.map((b, i) => ({ ...b, kpis: set(perBucket[i]!), backlog: backlogAt(Math.min(b.end, at)) })),
      perAgent: [...byAgent]
        .map(([agentId, g]) => ({ agentId, name: g.name, kpis: set(g.facts) }))
        .sort((a, b) => b.kpis.conversations - a.kpis.conversations || a.name.localeCompare(b.name)),
      perDepartment: [...byDept]
        .map(([departmentId, g]) => ({ departmentId, name: g.name, kpis: set(g.facts) }))
        .sort((a, b) => b.kpis.conversations - a.kpis.conversations || a.name.localeCompare(b.name)),
      demoConversations: facts.filter((f) => f.demo).length,
    };
  }

  live(): LiveMetrics {
    const at = this.now();
    const queued = this.store.queuedConversations();
    const oldest = queued.reduce<number | null>((m, c) => (c.queuedAt !== null && (m === null || c.queuedAt < m) ? c.queuedAt : m), null);
    return {
      at,
      queueLength: queued.length,
      longestWaitMs: oldest === null ? null : at - oldest,
      openConversations: this.queries.openCount(),
      agents: this.store.allAgents().map((a) => ({ id: a.id, name: a.name, presence: a.presence, load: a.load, maxChats: a.maxChats })),
    };
  }
}
