import type { DurationStats, MetricsSummary } from '@parla/protocol';

export interface MetricsRow {
  id: string;
  createdAt: number;
  queuedAt: number | null;
  firstAgentReplyAt: number | null;
  resolvedAt: number | null;
}

/** FRT as domain.md defines it: firstAgentReplyAt − queuedAt (none for a conversation no human answered). */
export function firstResponseMs(r: Pick<MetricsRow, 'queuedAt' | 'firstAgentReplyAt'>): number | null {
  return r.queuedAt !== null && r.firstAgentReplyAt !== null ? r.firstAgentReplyAt - r.queuedAt : null;
}

/** Resolution time: resolvedAt − createdAt (none while unresolved). */
export function resolutionMs(r: Pick<MetricsRow, 'createdAt' | 'resolvedAt'>): number | null {
  return r.resolvedAt !== null ? r.resolvedAt - r.createdAt : null;
}

export function stats(values: number[]): DurationStats {
  if (values.length === 0) return { count: 0, avgMs: null, medianMs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: values.length, avgMs: values.reduce((a, b) => a + b, 0) / values.length, medianMs: median };
}

/** The period summary over conversations created in [from, to). */
export function summarize(rows: MetricsRow[], from: number | null, to: number | null): MetricsSummary {
  const perConversation = rows.map((r) => ({ id: r.id, createdAt: r.createdAt, firstResponseMs: firstResponseMs(r), resolutionMs: resolutionMs(r) }));
  const frt = perConversation.map((p) => p.firstResponseMs).filter((v): v is number => v !== null);
  const res = perConversation.map((p) => p.resolutionMs).filter((v): v is number => v !== null);
  return {
    from,
    to,
    conversations: rows.length,
    resolved: res.length,
    firstResponse: stats(frt),
    resolution: stats(res),
    perConversation,
  };
}
