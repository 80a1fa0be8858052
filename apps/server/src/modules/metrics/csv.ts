/**
 * CSV exports: the KPI table (one row per day/week, and the total) and the raw conversations
 * (the SQL facts). Free-text cells (names, comments) that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR at the start) are prefixed with an apostrophe; ids and codes are left as
 * they are (a nanoid may start with "-").
 */
import type { ConversationFact } from '@parla/db';
import type { BacklogPoint, DurationKpi, KpiSet, Metrics } from '@parla/protocol';

type Cell = string | number | null;

/** One cell; `text`: free text someone typed, defused against spreadsheet formulas. */
export function csvCell(v: Cell, text = false): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '';
  const safe = text && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV; the columns whose index is in `textColumns` hold free text (defused). */
export function toCsv(rows: Cell[][], textColumns: ReadonlySet<number> = new Set()): string {
  return rows.map((r) => r.map((c, i) => csvCell(c, textColumns.has(i))).join(',')).join('\r\n') + '\r\n';
}

const dur = (name: string, d: DurationKpi): [string, Cell][] => [
  [`${name}_count`, d.count],
  [`${name}_avg_ms`, d.avgMs],
  [`${name}_median_ms`, d.medianMs],
  [`${name}_p90_ms`, d.p90Ms],
];

/** The KPI set as named columns, in a fixed order (the CSV header and the test read the same list). */
export function flatKpis(k: KpiSet, backlog: BacklogPoint): [string, Cell][] {
  return [
    ['conversations', k.conversations],
    ['resolved', k.resolved],
    ['resolution_rate', k.resolutionRate],
    ...dur('first_response', k.firstResponse),
    ...dur('queue_wait', k.queueWait),
    ...dur('average_response', k.averageResponse),
    ...dur('resolution', k.resolution),
    ...dur('handle', k.handle),
    ...(k.business
      ? [
          ...dur('business_first_response', k.business.firstResponse),
          ...dur('business_queue_wait', k.business.queueWait),
          ...dur('business_average_response', k.business.averageResponse),
          ...dur('business_resolution', k.business.resolution),
          ...dur('business_handle', k.business.handle),
        ]
      : []),
    ['interactions_avg', k.interactions.avg],
    ['interactions_median', k.interactions.median],
    ['interactions_p90', k.interactions.p90],
    ['csat_surveyed', k.csat.surveyed],
    ['csat_ratings', k.csat.ratings],
    ['csat_positive', k.csat.positive],
    ['csat_score', k.csat.score],
    ['csat_response_rate', k.csat.responseRate],
    ['csat_avg_rating', k.csat.avgRating],
    ['sla_first_response_measured', k.sla.firstResponse.measured],
    ['sla_first_response_breached', k.sla.firstResponse.breached],
    ['sla_first_response_breached_share', k.sla.firstResponse.share],
    ['sla_resolution_measured', k.sla.resolution.measured],
    ['sla_resolution_breached', k.sla.resolution.breached],
    ['sla_resolution_breached_share', k.sla.resolution.share],
    ['missed', k.missed.count],
    ['missed_share', k.missed.share],
    ['self_service', k.selfService.count],
    ['self_service_rate', k.selfService.rate],
    ['resolved_by_inactivity', k.resolvedByInactivity?.count ?? 0],
    ['resolved_by_inactivity_share', k.resolvedByInactivity?.share ?? null],
    ['proactive', k.proactive?.count ?? 0],
    ['proactive_share', k.proactive?.share ?? null],
    ['backlog_open', backlog.open],
    ['backlog_overdue', backlog.overdue],
    ['channels', k.channels.map((c) => `${c.channel}:${c.count}`).join(' ')],
  ];
}

/** One row per bucket and a last row "total". */
export function metricsCsv(m: Metrics): string {
  const rows = [...m.series.map((s) => ({ label: s.label, start: s.start, end: s.end, cols: flatKpis(s.kpis, s.backlog) })), { label: 'total', start: m.from, end: m.to, cols: flatKpis(m.totals, m.backlog) }];
  // Business columns appear only when business hours exist; every row then has them.
  const header = ['period', 'start', 'end', ...flatKpis(m.totals, m.backlog).map(([k]) => k)];
  return toCsv([header, ...rows.map((r) => [r.label, new Date(r.start).toISOString(), new Date(r.end).toISOString(), ...r.cols.map(([, v]) => v)])]);
}

const FACT_COLUMNS = [
  'id', 'siteId', 'channel', 'state', 'departmentId', 'departmentName', 'agentId', 'agentName', 'demo',
  'createdAt', 'queuedAt', 'assignedAt', 'firstAgentReplyAt', 'resolvedAt',
  'firstResponseMs', 'queueWaitMs', 'averageResponseMs', 'resolutionMs', 'handleMs', 'interactions',
  'slaFirstResponseMs', 'slaResolutionMs', 'slaFirstResponseBreached', 'slaResolutionBreached',
  'missed', 'selfService', 'proactive', 'autoResolved', 'surveyed', 'rating', 'ratingComment',
] as const satisfies readonly (keyof ConversationFact)[];

/** Typed by people (admins name departments and agents; visitors write comments). */
const TEXT_COLUMNS = new Set(FACT_COLUMNS.flatMap((c, i) => (c === 'departmentName' || c === 'agentName' || c === 'ratingComment' ? [i] : [])));

export function conversationsCsv(facts: ConversationFact[]): string {
  return toCsv([[...FACT_COLUMNS], ...facts.map((f) => FACT_COLUMNS.map((c) => f[c] as Cell))], TEXT_COLUMNS);
}
