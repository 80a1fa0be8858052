/**
 * Pure helpers of the reports view (no DOM, no state): periods in a time zone, the query string
 * of GET /api/metrics (and its CSVs) from the filters, the KPI tiles, uPlot data arrays from the
 * series, chart summaries, and readable durations, shares and counts.
 */
import type { BacklogPoint, DurationKpi, KpiSet, Metrics } from '@parla/protocol';
import { formatDuration, type DurationUnits } from './format.ts';
import { reportsDict, type ReportsDict } from './i18n-reports.ts';
import { lang, type Lang } from './i18n.ts';

// -------------------------------------------------------------------------------------------
// Calendar dates in a time zone
// -------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** GET /api/metrics refuses longer periods. */
export const MAX_PERIOD_DAYS = 400;

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function zoneParts(ms: number, tz: string): Record<string, number> {
  let f = partsFormat.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormat.set(tz, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** How far the zone's wall clock is ahead of UTC at `ms` (Europe/Rome in winter: 3_600_000). */
export function zoneOffsetMs(ms: number, tz: string): number {
  const p = zoneParts(ms, tz);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The calendar date ('YYYY-MM-DD') of an instant in a zone. */
export function localDate(ms: number, tz: string): string {
  const p = zoneParts(ms, tz);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The instant a calendar date begins in a zone (its local midnight). */
export function startOfDate(date: string, tz: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - zoneOffsetMs(wall, tz);
  // Across a change of offset the first guess is off by the difference: correct once.
  const again = wall - zoneOffsetMs(t, tz);
  if (again !== t) t = again;
  return t;
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

// -------------------------------------------------------------------------------------------
// Filters, periods and the query string
// -------------------------------------------------------------------------------------------

export type Preset = '7d' | '30d' | 'week' | 'custom';
export const PRESETS: readonly Preset[] = ['7d', '30d', 'week', 'custom'];
export type GroupBy = 'day' | 'week';

export interface ReportFilters {
  preset: Preset;
  /** Custom period, inclusive calendar dates 'YYYY-MM-DD' in the report's zone. */
  fromDate: string;
  toDate: string;
  /** '' = all. */
  siteId: string;
  agentId: string;
  departmentId: string;
  channel: string;
  /** A conversation tag's id ('' or absent = all). */
  tag?: string;
  groupBy: GroupBy;
}

export function defaultFilters(now: number, tz: string): ReportFilters {
  const today = localDate(now, tz);
  return { preset: '7d', fromDate: addDays(today, -6), toDate: today, siteId: '', agentId: '', departmentId: '', channel: '', groupBy: 'day' };
}

/** The reports' address keeps the filters and the zone (reload, Back, a shared link); defaults are left out. */
export function reportQuery(f: ReportFilters, tz: string): Record<string, string> {
  return {
    preset: f.preset === '7d' ? '' : f.preset,
    from: f.preset === 'custom' ? f.fromDate : '',
    to: f.preset === 'custom' ? f.toDate : '',
    site: f.siteId,
    agent: f.agentId,
    department: f.departmentId,
    channel: f.channel,
    group: f.groupBy === 'day' ? '' : f.groupBy,
    tz,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUERY_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The filters and the chosen zone ('' = the site's) of an address; anything malformed keeps the default. */
export function filtersFromQuery(q: Record<string, string | undefined>, base: ReportFilters, isZone: (tz: string) => boolean): { filters: ReportFilters; tz: string } {
  const id = (v: string | undefined, fallback: string) => (v !== undefined && QUERY_ID.test(v) ? v : fallback);
  const preset = PRESETS.find((p) => p === q.preset) ?? base.preset;
  const custom = preset === 'custom' && DATE.test(q.from ?? '') && DATE.test(q.to ?? '');
  return {
    filters: {
      preset: preset === 'custom' && !custom ? base.preset : preset,
      fromDate: custom ? q.from! : base.fromDate,
      toDate: custom ? q.to! : base.toDate,
      siteId: id(q.site, base.siteId),
      agentId: id(q.agent, base.agentId),
      departmentId: id(q.department, base.departmentId),
      channel: id(q.channel, base.channel),
      groupBy: q.group === 'week' || q.group === 'day' ? q.group : base.groupBy,
    },
    tz: q.tz && q.tz.length <= 64 && isZone(q.tz) ? q.tz : '',
  };
}

export interface Period {
  from: number;
  to: number;
  /** Inclusive calendar dates, for display. */
  firstDate: string;
  lastDate: string;
}

/**
 * [from, to) of the filters' period in a zone: whole local days. Last 7 / 30 days end with today;
 * this week runs Monday to Sunday; a custom period from its first date's midnight to the midnight
 * after its last date. Null when a custom period is incomplete, reversed or too long.
 */
export function periodOf(f: Pick<ReportFilters, 'preset' | 'fromDate' | 'toDate'>, now: number, tz: string): Period | null {
  const today = localDate(now, tz);
  let first: string;
  let last: string;
  if (f.preset === '7d' || f.preset === '30d') {
    first = addDays(today, f.preset === '7d' ? -6 : -29);
    last = today;
  } else if (f.preset === 'week') {
    first = addDays(today, -weekdayIndex(today));
    last = addDays(first, 6);
  } else {
    if (!isDate(f.fromDate) || !isDate(f.toDate) || f.fromDate > f.toDate) return null;
    first = f.fromDate;
    last = f.toDate;
  }
  const from = startOfDate(first, tz);
  const to = startOfDate(addDays(last, 1), tz);
  if (!(from < to) || to - from > MAX_PERIOD_DAYS * DAY_MS) return null;
  return { from, to, firstDate: first, lastDate: last };
}

/**
 * The query string of GET /api/metrics, /api/metrics.csv and /api/metrics/conversations.csv.
 * Empty filters are left out; `tz` only when given (the server defaults to the site's zone).
 */
export function metricsQueryString(p: Pick<Period, 'from' | 'to'>, f: Pick<ReportFilters, 'siteId' | 'agentId' | 'departmentId' | 'channel' | 'tag' | 'groupBy'>, tz?: string): string {
  const q = new URLSearchParams();
  q.set('from', String(Math.floor(p.from)));
  q.set('to', String(Math.floor(p.to)));
  if (f.siteId) q.set('siteId', f.siteId);
  if (f.agentId) q.set('agentId', f.agentId);
  if (f.departmentId) q.set('departmentId', f.departmentId);
  if (f.channel) q.set('channel', f.channel);
  if (f.tag) q.set('tag', f.tag);
  q.set('groupBy', f.groupBy);
  if (tz) q.set('tz', tz);
  return q.toString();
}

// -------------------------------------------------------------------------------------------
// Numbers for people
// -------------------------------------------------------------------------------------------

/** Spelled-out units: "3 min 20 s", "15 h 20 min", "2 d 4 h" (Italian "2 g 4 h"). */
export function reportUnits(l: Lang = lang): DurationUnits {
  return { s: ' s', m: ' min', h: ' h', d: l === 'it' ? ' g' : ' d' };
}

export function localeOf(l: Lang = lang): string {
  return l === 'it' ? 'it-IT' : 'en-GB';
}

/** A duration in ms for the reports; '—' when there is none. */
export function formatSpan(ms: number | null | undefined, l: Lang = lang): string {
  return formatDuration(ms, reportUnits(l), '—');
}

/** A share 0..1 as a percentage with at most one decimal ("83.3%", "83,3%"); '—' when null. */
export function formatShare(share: number | null | undefined, l: Lang = lang): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(localeOf(l), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A count or an average ("1,204", "3.5"); '—' when null. */
export function formatNumber(n: number | null | undefined, l: Lang = lang, maxDigits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(localeOf(l), { maximumFractionDigits: maxDigits }).format(n);
}

/** A calendar date 'YYYY-MM-DD' as "1 Dec" (or "1 Dec 2026"); the server labels buckets in the report's zone. */
export function formatDay(date: string, l: Lang = lang, withYear = false): string {
  if (!isDate(date)) return date;
  const opts: Intl.DateTimeFormatOptions = withYear ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(localeOf(l), opts).format(new Date(`${date}T00:00:00Z`));
}

export function channelName(channel: string, d: ReportsDict = reportsDict()): string {
  return d.channels[channel] ?? channel;
}

// -------------------------------------------------------------------------------------------
// Tiles
// -------------------------------------------------------------------------------------------

export interface TilePart {
  id: string;
  label: string;
  text: string;
  /** The figure itself (ms, count or share), for tests and data attributes. */
  raw: number | null;
}

export interface Tile {
  id: string;
  label: string;
  text: string;
  raw: number | null;
  /** What the big figure is (e.g. "median"). */
  caption?: string;
  parts: TilePart[];
  note?: string;
}

export type Clock = 'calendar' | 'business';
type DurationKey = 'firstResponse' | 'queueWait' | 'averageResponse' | 'resolution' | 'handle';
const DURATIONS: [DurationKey, string, keyof ReportsDict][] = [
  ['firstResponse', 'frt', 'firstResponse'],
  ['queueWait', 'queue-wait', 'queueWait'],
  ['averageResponse', 'avg-response', 'averageResponse'],
  ['resolution', 'resolution', 'resolution'],
  ['handle', 'handle', 'handle'],
];

function durationTile(id: string, label: string, k: DurationKpi, d: ReportsDict, l: Lang): Tile {
  return {
    id,
    label,
    text: formatSpan(k.medianMs, l),
    raw: k.medianMs,
    caption: d.median,
    parts: [
      { id: 'avg', label: d.avg, text: formatSpan(k.avgMs, l), raw: k.avgMs },
      { id: 'p90', label: d.p90, text: formatSpan(k.p90Ms, l), raw: k.p90Ms },
    ],
    note: d.basedOn(k.count),
  };
}

function slaTile(id: string, label: string, k: KpiSet['sla']['firstResponse'], d: ReportsDict, l: Lang): Tile {
  return {
    id,
    label,
    text: formatNumber(k.breached, l),
    raw: k.breached,
    parts: [
      { id: 'share', label: d.breachedShare, text: formatShare(k.share, l), raw: k.share },
      { id: 'measured', label: d.measured, text: formatNumber(k.measured, l), raw: k.measured },
    ],
  };
}

/**
 * Every figure of a KPI set as tiles, in reading order. `clock` 'business' uses the
 * business-hours durations when the set has them (else calendar time).
 */
export function kpiTiles(k: KpiSet, backlog: BacklogPoint, clock: Clock = 'calendar', l: Lang = lang): Tile[] {
  const d = reportsDict(l);
  const durations = clock === 'business' && k.business ? k.business : k;
  const top = k.channels[0];
  return [
    { id: 'conversations', label: d.conversations, text: formatNumber(k.conversations, l), raw: k.conversations, parts: [] },
    { id: 'resolved', label: d.resolved, text: formatNumber(k.resolved, l), raw: k.resolved, parts: [], note: d.ofCreated(k.conversations) },
    { id: 'resolution-rate', label: d.resolutionRate, text: formatShare(k.resolutionRate, l), raw: k.resolutionRate, parts: [] },
    ...DURATIONS.map(([key, id, label]) => durationTile(id, d[label] as string, durations[key], d, l)),
    {
      id: 'interactions',
      label: d.interactions,
      text: formatNumber(k.interactions.avg, l),
      raw: k.interactions.avg,
      caption: d.avg,
      parts: [
        { id: 'median', label: d.median, text: formatNumber(k.interactions.median, l), raw: k.interactions.median },
        { id: 'p90', label: d.p90, text: formatNumber(k.interactions.p90, l), raw: k.interactions.p90 },
      ],
    },
    {
      id: 'csat',
      label: d.csat,
      text: formatShare(k.csat.score, l),
      raw: k.csat.score,
      caption: d.csatNote,
      parts: [
        { id: 'response-rate', label: d.responseRate, text: formatShare(k.csat.responseRate, l), raw: k.csat.responseRate },
        { id: 'ratings', label: d.ratings, text: formatNumber(k.csat.ratings, l), raw: k.csat.ratings },
      ],
    },
    slaTile('sla-first-response', d.slaFirstResponse, k.sla.firstResponse, d, l),
    slaTile('sla-resolution', d.slaResolution, k.sla.resolution, d, l),
    {
      id: 'missed',
      label: d.missed,
      text: formatNumber(k.missed.count, l),
      raw: k.missed.count,
      parts: [{ id: 'share', label: d.ofQueued, text: formatShare(k.missed.share, l), raw: k.missed.share }],
    },
    {
      id: 'self-service',
      label: d.selfService,
      text: formatShare(k.selfService.rate, l),
      raw: k.selfService.rate,
      parts: [{ id: 'count', label: d.byBot, text: formatNumber(k.selfService.count, l), raw: k.selfService.count }],
    },
    ...(k.resolvedByInactivity
      ? [
          {
            id: 'resolved-by-inactivity',
            label: d.resolvedByInactivity,
            text: formatNumber(k.resolvedByInactivity.count, l),
            raw: k.resolvedByInactivity.count,
            caption: d.resolvedByInactivityNote,
            parts: [{ id: 'share', label: d.ofResolved, text: formatShare(k.resolvedByInactivity.share, l), raw: k.resolvedByInactivity.share }],
          },
        ]
      : []),
    ...(k.proactive
      ? [
          {
            id: 'proactive',
            label: d.proactive,
            text: formatNumber(k.proactive.count, l),
            raw: k.proactive.count,
            parts: [{ id: 'share', label: d.ofAll, text: formatShare(k.proactive.share, l), raw: k.proactive.share }],
          },
        ]
      : []),
    {
      id: 'backlog',
      label: d.backlog,
      text: formatNumber(backlog.open, l),
      raw: backlog.open,
      caption: d.backlogNote,
      parts: [{ id: 'overdue', label: d.overdue, text: formatNumber(backlog.overdue, l), raw: backlog.overdue }],
    },
    {
      id: 'channel',
      label: d.preferredChannel,
      text: top ? channelName(top.channel, d) : '—',
      raw: top ? top.share : null,
      parts: k.channels.map((c) => ({ id: c.channel, label: channelName(c.channel, d), text: formatShare(c.share, l), raw: c.share })),
    },
  ];
}

// -------------------------------------------------------------------------------------------
// Charts
// -------------------------------------------------------------------------------------------

type Bucket = Metrics['series'][number];
type Value = number | null;

/** uPlot's data: x (the bucket index) then one array per series, null for a gap. */
export type ChartData = [number[], ...Value[][]];

export function chartData(series: readonly Bucket[], columns: readonly ((b: Bucket) => Value)[]): ChartData {
  return [series.map((_, i) => i), ...columns.map((col) => series.map((b) => { const v = col(b); return v === null || !Number.isFinite(v) ? null : v; }))];
}

const secs = (ms: number | null) => (ms === null ? null : ms / 1000);

/** Created, resolved and self-service conversations per bucket. */
export const volumeData = (s: readonly Bucket[]) => chartData(s, [(b) => b.kpis.conversations, (b) => b.kpis.resolved, (b) => b.kpis.selfService.count]);
/** Median and p90 first response per bucket, in seconds (null where nobody was answered). */
export const frtData = (s: readonly Bucket[]) => chartData(s, [(b) => secs(b.kpis.firstResponse.medianMs), (b) => secs(b.kpis.firstResponse.p90Ms)]);
/** CSAT score per bucket in percent (null without ratings). */
export const csatData = (s: readonly Bucket[]) => chartData(s, [(b) => (b.kpis.csat.score === null ? null : b.kpis.csat.score * 100)]);
/** Open and overdue conversations at the end of each bucket. */
export const backlogData = (s: readonly Bucket[]) => chartData(s, [(b) => b.backlog.open, (b) => b.backlog.overdue]);

/** True when some series has a non-zero value (an all-zero or all-empty chart says nothing). */
export function hasData(data: ChartData): boolean {
  return data.slice(1).some((col) => (col as Value[]).some((v) => v !== null && v !== 0));
}

export interface SeriesSpec {
  label: string;
  /** Counts are summed in the summary; durations and scores are not. */
  additive: boolean;
  format: (v: number) => string;
}

/** A sentence or two describing a chart, for screen readers and the figure's caption. */
export function chartSummary(title: string, labels: readonly string[], data: ChartData, specs: readonly SeriesSpec[], l: Lang = lang): string {
  const d = reportsDict(l);
  if (labels.length === 0) return `${title}: ${d.noChartData}`;
  const out = [d.chartSummary(title, labels.length, labels[0]!, labels[labels.length - 1]!)];
  specs.forEach((spec, i) => {
    const col = (data[i + 1] ?? []) as Value[];
    let max: number | null = null;
    let at = 0;
    let total = 0;
    col.forEach((v, j) => {
      if (v === null) return;
      total += v;
      if (max === null || v > max) {
        max = v;
        at = j;
      }
    });
    if (max === null) out.push(d.seriesEmpty(spec.label));
    else out.push(d.seriesSummary(spec.label, spec.format(max), labels[at]!, spec.additive ? spec.format(total) : null));
  });
  return out.join(' ');
}
