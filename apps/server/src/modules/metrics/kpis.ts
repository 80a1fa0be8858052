/**
 * Aggregation of the per-conversation facts (computed in SQL, packages/db/src/metrics.ts) into
 * domain.md's KPIs. Pure: facts in, figures out, so a test can compute any figure by hand and
 * compare. Durations: average, median (mean of the two middle values for an even count) and p90
 * (nearest rank: the smallest value with at least 90% of the values at or below it).
 */
import type { ConversationFact } from '@parla/db';
import type { BusinessHours, DurationKpi, KpiSet } from '@parla/protocol';
import { localDate, localWeekday, openMsBetween, startOfLocalDay } from '../sites/hours.ts';

export function durationKpi(values: number[]): DurationKpi {
  const n = values.length;
  if (n === 0) return { count: 0, avgMs: null, medianMs: null, p90Ms: null };
  const s = [...values].sort((a, b) => a - b);
  const mid = n >> 1;
  return {
    count: n,
    avgMs: s.reduce((a, b) => a + b, 0) / n,
    medianMs: n % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2,
    p90Ms: s[Math.ceil(0.9 * n) - 1]!,
  };
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const defined = (v: number | null): v is number => v !== null;

/** The business hours that apply to a conversation (its department's, else its site's), or null. */
export type HoursOf = (f: ConversationFact) => BusinessHours | null;

function businessDurations(facts: ConversationFact[], hoursOf: HoursOf): NonNullable<KpiSet['business']> {
  const frt: number[] = [];
  const wait: number[] = [];
  const avgResp: number[] = [];
  const res: number[] = [];
  const handle: number[] = [];
  for (const f of facts) {
    const h = hoursOf(f);
    if (f.queuedAt !== null && f.firstAgentReplyAt !== null) frt.push(openMsBetween(h, f.queuedAt, f.firstAgentReplyAt));
    if (f.queuedAt !== null && f.assignedAt !== null) wait.push(openMsBetween(h, f.queuedAt, f.assignedAt));
    if (f.resolvedAt !== null) res.push(openMsBetween(h, f.createdAt, f.resolvedAt));
    if (f.resolvedAt !== null && f.assignedAt !== null) handle.push(openMsBetween(h, f.assignedAt, f.resolvedAt));
    if (f.responseRuns) {
      const runs = JSON.parse(f.responseRuns) as [number, number][];
      if (runs.length) avgResp.push(runs.reduce((a, [s, r]) => a + openMsBetween(h, s, r), 0) / runs.length);
    }
  }
  return { firstResponse: durationKpi(frt), queueWait: durationKpi(wait), averageResponse: durationKpi(avgResp), resolution: durationKpi(res), handle: durationKpi(handle) };
}

/**
 * Every KPI over a set of conversations. `hoursOf` null: no business hours are configured for
 * any of them, so there is no business-hours variant.
 */
export function kpiSet(facts: ConversationFact[], hoursOf: HoursOf | null): KpiSet {
  const n = facts.length;
  const resolved = facts.filter((f) => f.resolvedAt !== null);
  const queued = facts.filter((f) => f.queuedAt !== null);
  const interactions = resolved.map((f) => f.interactions).filter(defined);
  const ints = durationKpi(interactions);
  const rated = facts.filter((f) => f.rating !== null);
  const surveyed = facts.filter((f) => f.surveyed);
  const fr = facts.filter((f) => f.slaFirstResponseBreached !== null);
  const rs = facts.filter((f) => f.slaResolutionBreached !== null);
  const missed = facts.filter((f) => f.missed).length;
  const self = facts.filter((f) => f.selfService).length;
  const inactive = facts.filter((f) => f.autoResolved !== null).length;
  const proactive = facts.filter((f) => f.proactive).length;
  const channels = new Map<string, number>();
  for (const f of facts) channels.set(f.channel, (channels.get(f.channel) ?? 0) + 1);
  const frBreached = fr.filter((f) => f.slaFirstResponseBreached).length;
  const rsBreached = rs.filter((f) => f.slaResolutionBreached).length;
  return {
    conversations: n,
    resolved: resolved.length,
    resolutionRate: share(resolved.length, n),
    firstResponse: durationKpi(facts.map((f) => f.firstResponseMs).filter(defined)),
    queueWait: durationKpi(facts.map((f) => f.queueWaitMs).filter(defined)),
    averageResponse: durationKpi(facts.map((f) => f.averageResponseMs).filter(defined)),
    resolution: durationKpi(facts.map((f) => f.resolutionMs).filter(defined)),
    handle: durationKpi(facts.map((f) => f.handleMs).filter(defined)),
    business: hoursOf ? businessDurations(facts, hoursOf) : null,
    interactions: { count: ints.count, avg: ints.avgMs, median: ints.medianMs, p90: ints.p90Ms },
    csat: {
      surveyed: surveyed.length,
      ratings: rated.length,
      positive: rated.filter((f) => f.rating! >= 4).length,
      score: share(rated.filter((f) => f.rating! >= 4).length, rated.length),
      responseRate: share(surveyed.filter((f) => f.rating !== null).length, surveyed.length),
      avgRating: rated.length ? rated.reduce((a, f) => a + f.rating!, 0) / rated.length : null,
    },
    sla: {
      firstResponse: { measured: fr.length, breached: frBreached, share: share(frBreached, fr.length) },
      resolution: { measured: rs.length, breached: rsBreached, share: share(rsBreached, rs.length) },
    },
    missed: { count: missed, share: share(missed, queued.length) },
    selfService: { count: self, rate: share(self, n) },
    resolvedByInactivity: { count: inactive, share: share(inactive, resolved.length) },
    proactive: { count: proactive, share: share(proactive, n) },
    channels: [...channels]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([channel, count]) => ({ channel, count, share: share(count, n) })),
  };
}

export interface Bucket {
  start: number;
  end: number;
  label: string;
}

/** Splits [from, to) into local days or ISO weeks (Monday first) of the zone; the first and last are clipped to the period. */
export function buckets(from: number, to: number, groupBy: 'day' | 'week' | 'none', tz: string): Bucket[] {
  if (groupBy === 'none') return [{ start: from, end: to, label: `${localDate(from, tz)}…${localDate(to - 1, tz)}` }];
  const out: Bucket[] = [];
  let start = startOfLocalDay(from, tz);
  if (groupBy === 'week') start = startOfLocalDay(start, tz, -((localWeekday(start, tz) + 6) % 7));
  const step = groupBy === 'week' ? 7 : 1;
  while (start < to && out.length < 500) {
    const end = startOfLocalDay(start + 3600_000, tz, step); // +1 h: safely inside the local day even across DST
    out.push({ start: Math.max(start, from), end: Math.min(end, to), label: localDate(start, tz) });
    start = end;
  }
  return out;
}

/** Index of the bucket holding `at` (buckets are sorted and contiguous). */
export function bucketIndex(bs: Bucket[], at: number): number {
  let lo = 0;
  let hi = bs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bs[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
