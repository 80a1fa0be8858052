import { KpiSet, Metrics, MetricsQuery, type DurationKpi } from '@parla/protocol';
import { describe, expect, it } from 'vitest';
import { clampRating, csatMouth, csatTone } from '../src/format.ts';
import { reportsDict } from '../src/i18n-reports.ts';
import {
  addDays,
  backlogData,
  chartData,
  chartSummary,
  csatData,
  defaultFilters,
  formatDay,
  formatNumber,
  formatShare,
  formatSpan,
  frtData,
  hasData,
  isDate,
  kpiTiles,
  localDate,
  MAX_PERIOD_DAYS,
  metricsQueryString,
  periodOf,
  startOfDate,
  volumeData,
  weekdayIndex,
  zoneOffsetMs,
  type ReportFilters,
} from '../src/reports.ts';

const H = 3_600_000;
const DAY = 24 * H;

const dur = (medianMs: number | null, avgMs: number | null = medianMs, p90Ms: number | null = medianMs, count = medianMs === null ? 0 : 1): DurationKpi => ({ count, avgMs, medianMs, p90Ms });

/** A KPI set (checked against the wire schema, so the fixture cannot drift from the contract). */
function kpis(over: Partial<KpiSet> = {}): KpiSet {
  return KpiSet.parse({
    conversations: 12,
    resolved: 9,
    resolutionRate: 0.75,
    firstResponse: dur(200_000, 230_000, 480_000, 10),
    queueWait: dur(30_000, 40_000, 90_000, 10),
    averageResponse: dur(65_000, 70_000, 120_000, 10),
    resolution: dur(55_200_000, 60_000_000, 90_000_000, 9),
    handle: dur(3_600_000, 4_000_000, 7_200_000, 9),
    business: null,
    interactions: { count: 9, avg: 7.25, median: 7, p90: 12 },
    csat: { surveyed: 9, ratings: 6, positive: 5, score: 5 / 6, responseRate: 6 / 9, avgRating: 4.3 },
    sla: { firstResponse: { measured: 10, breached: 2, share: 0.2 }, resolution: { measured: 9, breached: 1, share: 1 / 9 } },
    missed: { count: 1, share: 1 / 11 },
    selfService: { count: 3, rate: 0.25 },
    channels: [
      { channel: 'web', count: 10, share: 10 / 12 },
      { channel: 'callback', count: 2, share: 2 / 12 },
    ],
    ...over,
  });
}

const base: ReportFilters = { preset: '7d', fromDate: '', toDate: '', siteId: '', agentId: '', departmentId: '', channel: '', groupBy: 'day' };

describe('dates in a time zone', () => {
  it('finds local midnight, also on the days the clocks change', () => {
    expect(startOfDate('2026-01-15', 'UTC')).toBe(Date.UTC(2026, 0, 15));
    expect(startOfDate('2026-01-15', 'Europe/Rome')).toBe(Date.UTC(2026, 0, 14, 23));
    expect(startOfDate('2026-07-15', 'Europe/Rome')).toBe(Date.UTC(2026, 6, 14, 22));
    // Rome goes to summer time at 02:00 on 29 March and back at 03:00 on 25 October 2026.
    expect(startOfDate('2026-03-29', 'Europe/Rome')).toBe(Date.UTC(2026, 2, 28, 23));
    expect(startOfDate('2026-03-30', 'Europe/Rome')).toBe(Date.UTC(2026, 2, 29, 22));
    expect(startOfDate('2026-10-25', 'Europe/Rome')).toBe(Date.UTC(2026, 9, 24, 22));
    expect(startOfDate('2026-10-26', 'Europe/Rome')).toBe(Date.UTC(2026, 9, 25, 23));
    expect(startOfDate('2026-11-02', 'America/New_York')).toBe(Date.UTC(2026, 10, 2, 5));
    expect(startOfDate('2026-01-15', 'Asia/Kolkata')).toBe(Date.UTC(2026, 0, 14, 18, 30));
  });

  it('reads the local date and offset of an instant', () => {
    expect(localDate(Date.UTC(2026, 0, 14, 23, 30), 'Europe/Rome')).toBe('2026-01-15');
    expect(localDate(Date.UTC(2026, 0, 14, 22, 59), 'Europe/Rome')).toBe('2026-01-14');
    expect(localDate(Date.UTC(2026, 0, 15, 3), 'America/New_York')).toBe('2026-01-14');
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), 'Europe/Rome')).toBe(H);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), 'Europe/Rome')).toBe(2 * H);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15, 12, 0, 0, 750), 'UTC')).toBe(0);
  });

  it('counts calendar days and weekdays', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayIndex('2026-11-30')).toBe(0); // a Monday
    expect(weekdayIndex('2026-12-06')).toBe(6); // a Sunday
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-2-3')).toBe(false);
    expect(isDate('')).toBe(false);
  });
});

describe('periodOf', () => {
  const rome = 'Europe/Rome';
  const wed = Date.UTC(2026, 11, 2, 10); // Wednesday 2 December 2026, 11:00 in Rome

  it('last 7 and 30 days are whole local days ending with today', () => {
    expect(periodOf(base, wed, rome)).toEqual({ from: Date.UTC(2026, 10, 25, 23), to: Date.UTC(2026, 11, 2, 23), firstDate: '2026-11-26', lastDate: '2026-12-02' });
    const p30 = periodOf({ ...base, preset: '30d' }, wed, rome)!;
    expect([p30.firstDate, p30.lastDate]).toEqual(['2026-11-03', '2026-12-02']);
    expect(p30.to - p30.from).toBe(30 * DAY);
    // Across the change to summer time the week is an hour short.
    const spring = periodOf(base, Date.UTC(2026, 2, 31, 12), rome)!;
    expect(spring.to - spring.from).toBe(7 * DAY - H);
  });

  it('today is the zone’s today, not the browser’s', () => {
    const lateUtc = Date.UTC(2026, 11, 2, 23, 30); // already 3 December in Rome
    expect(periodOf(base, lateUtc, rome)!.lastDate).toBe('2026-12-03');
    expect(periodOf(base, lateUtc, 'UTC')!.lastDate).toBe('2026-12-02');
  });

  it('this week runs Monday to Sunday', () => {
    expect(periodOf({ ...base, preset: 'week' }, wed, rome)).toEqual({ from: Date.UTC(2026, 10, 29, 23), to: Date.UTC(2026, 11, 6, 23), firstDate: '2026-11-30', lastDate: '2026-12-06' });
    const sunday = Date.UTC(2026, 11, 6, 20);
    expect(periodOf({ ...base, preset: 'week' }, sunday, rome)!.firstDate).toBe('2026-11-30');
    const monday = Date.UTC(2026, 10, 30, 8);
    expect(periodOf({ ...base, preset: 'week' }, monday, rome)!.firstDate).toBe('2026-11-30');
  });

  it('a custom period includes both dates; incomplete, reversed or too long is refused', () => {
    const c = { ...base, preset: 'custom' as const };
    expect(periodOf({ ...c, fromDate: '2026-11-01', toDate: '2026-11-01' }, wed, rome)).toEqual({ from: Date.UTC(2026, 9, 31, 23), to: Date.UTC(2026, 10, 1, 23), firstDate: '2026-11-01', lastDate: '2026-11-01' });
    expect(periodOf({ ...c, fromDate: '2026-11-02', toDate: '2026-11-01' }, wed, rome)).toBeNull();
    expect(periodOf({ ...c, fromDate: '', toDate: '2026-11-01' }, wed, rome)).toBeNull();
    expect(periodOf({ ...c, fromDate: '2026-02-30', toDate: '2026-03-01' }, wed, rome)).toBeNull();
    const last = addDays('2025-01-01', MAX_PERIOD_DAYS - 1);
    expect(periodOf({ ...c, fromDate: '2025-01-01', toDate: last }, wed, 'UTC')).not.toBeNull();
    expect(periodOf({ ...c, fromDate: '2025-01-01', toDate: addDays(last, 1) }, wed, 'UTC')).toBeNull();
  });

  it('accepts exactly the periods the server accepts', () => {
    const c = { ...base, preset: 'custom' as const, fromDate: '2025-01-01' };
    for (const days of [1, 399, 400, 401, 500]) {
      const toDate = addDays('2025-01-01', days - 1);
      const p = periodOf({ ...c, toDate }, wed, 'UTC');
      const span = { from: startOfDate('2025-01-01', 'UTC'), to: startOfDate(addDays(toDate, 1), 'UTC') };
      expect(p !== null, `${days} days`).toBe(MetricsQuery.safeParse({ from: String(span.from), to: String(span.to) }).success);
    }
  });

  it('the defaults are the last 7 days by day', () => {
    const f = defaultFilters(wed, rome);
    expect(f).toMatchObject({ preset: '7d', groupBy: 'day', fromDate: '2026-11-26', toDate: '2026-12-02', siteId: '', agentId: '' });
  });
});

describe('metricsQueryString', () => {
  const period = { from: 1_700_000_000_000.6, to: 1_700_600_000_000 };

  it('leaves out empty filters and parses back to the same query on the server', () => {
    const qs = metricsQueryString(period, base);
    expect(qs).toBe('from=1700000000000&to=1700600000000&groupBy=day');
    const q = MetricsQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
    expect(q).toEqual({ from: 1_700_000_000_000, to: 1_700_600_000_000, groupBy: 'day' });
  });

  it('carries the tag filter, which the server parses', () => {
    const qs = metricsQueryString(period, { ...base, tag: 'tag-vip' });
    expect(new URLSearchParams(qs).get('tag')).toBe('tag-vip');
    expect(MetricsQuery.parse(Object.fromEntries(new URLSearchParams(qs)))).toMatchObject({ tag: 'tag-vip' });
    expect(metricsQueryString(period, { ...base, tag: '' })).not.toContain('tag=');
  });

  it('carries every filter, encoded', () => {
    const qs = metricsQueryString(period, { ...base, siteId: 'demo', agentId: 'a b&c', departmentId: 'demo-orders', channel: 'callback', groupBy: 'week' }, 'Europe/Rome');
    const params = new URLSearchParams(qs);
    expect(params.get('agentId')).toBe('a b&c');
    expect(qs).toContain('agentId=a+b%26c');
    expect(MetricsQuery.parse(Object.fromEntries(params))).toEqual({
      from: 1_700_000_000_000,
      to: 1_700_600_000_000,
      siteId: 'demo',
      agentId: 'a b&c',
      departmentId: 'demo-orders',
      channel: 'callback',
      groupBy: 'week',
      tz: 'Europe/Rome',
    });
  });
});

describe('readable figures', () => {
  it('durations spell out their units', () => {
    expect(formatSpan(200_000, 'en')).toBe('3 min 20 s');
    expect(formatSpan(55_200_000, 'en')).toBe('15 h 20 min');
    expect(formatSpan(45_000, 'en')).toBe('45 s');
    expect(formatSpan(3_600_000, 'en')).toBe('1 h');
    expect(formatSpan(2 * DAY + 4 * H, 'en')).toBe('2 d 4 h');
    expect(formatSpan(2 * DAY + 4 * H, 'it')).toBe('2 g 4 h');
    expect(formatSpan(null)).toBe('—');
  });

  it('shares are percentages with at most one decimal, in the language’s notation', () => {
    expect(formatShare(5 / 6, 'en')).toBe('83.3%');
    expect(formatShare(5 / 6, 'it')).toBe('83,3%');
    expect(formatShare(1, 'en')).toBe('100%');
    expect(formatShare(0, 'en')).toBe('0%');
    expect(formatShare(null, 'en')).toBe('—');
    expect(formatNumber(1204, 'en')).toBe('1,204');
    expect(formatNumber(7.25, 'it')).toBe('7,3');
    expect(formatNumber(null)).toBe('—');
  });

  it('bucket dates read as days', () => {
    expect(formatDay('2026-12-01', 'en')).toBe('1 Dec');
    expect(formatDay('2026-12-01', 'it')).toBe('1 dic');
    expect(formatDay('2026-12-01', 'en', true)).toBe('1 Dec 2026');
    expect(formatDay('2026-12-01…2026-12-07', 'en')).toBe('2026-12-01…2026-12-07');
  });

  it('ratings are drawn faces from a frown to a smile', () => {
    // The mouth's control point goes from above the corners (frown) to below them (smile).
    expect([1, 2, 3, 4, 5].map(csatMouth)).toEqual(['M7.5 16Q12 10 16.5 16', 'M7.5 16Q12 13 16.5 16', 'M7.5 16Q12 16 16.5 16', 'M7.5 16Q12 19 16.5 16', 'M7.5 16Q12 22 16.5 16']);
    expect([1, 2, 3, 4, 5].map(csatTone)).toEqual(['bad', 'bad', 'neutral', 'good', 'good']);
    expect([0, 2.6, 9].map(clampRating)).toEqual([1, 3, 5]);
  });
});

describe('kpiTiles', () => {
  const backlog = { at: 1, open: 4, overdue: 1 };

  it('has a tile for every figure of the totals, with its value', () => {
    const tiles = kpiTiles(kpis(), backlog, 'calendar', 'en');
    const byId = Object.fromEntries(tiles.map((t) => [t.id, t]));
    expect(tiles.map((t) => t.id)).toEqual([
      'conversations', 'resolved', 'resolution-rate', 'frt', 'queue-wait', 'avg-response', 'resolution', 'handle',
      'interactions', 'csat', 'sla-first-response', 'sla-resolution', 'missed', 'self-service', 'backlog', 'channel',
    ]);
    expect(byId.conversations).toMatchObject({ text: '12', raw: 12 });
    expect(byId.resolved).toMatchObject({ text: '9', note: 'of 12 created' });
    expect(byId['resolution-rate']).toMatchObject({ text: '75%', raw: 0.75 });
    expect(byId.frt).toMatchObject({ label: 'First response', text: '3 min 20 s', raw: 200_000, caption: 'median', note: 'from 10 conversations' });
    expect(byId.frt!.parts).toEqual([
      { id: 'avg', label: 'avg', text: '3 min 50 s', raw: 230_000 },
      { id: 'p90', label: 'p90', text: '8 min', raw: 480_000 },
    ]);
    expect(byId.resolution).toMatchObject({ text: '15 h 20 min' });
    expect(byId.handle!.parts.map((p) => p.text)).toEqual(['1 h 6 min', '2 h']);
    expect(byId.interactions).toMatchObject({ text: '7.3', raw: 7.25 });
    expect(byId.csat).toMatchObject({ text: '83.3%' });
    expect(byId.csat!.parts.map((p) => p.text)).toEqual(['66.7%', '6']);
    expect(byId['sla-first-response']).toMatchObject({ text: '2' });
    expect(byId['sla-first-response']!.parts.map((p) => p.text)).toEqual(['20%', '10']);
    expect(byId['sla-resolution']!.parts[0]!.text).toBe('11.1%');
    expect(byId.missed).toMatchObject({ text: '1' });
    expect(byId.missed!.parts[0]!.text).toBe('9.1%');
    expect(byId['self-service']).toMatchObject({ text: '25%' });
    expect(byId.backlog).toMatchObject({ text: '4' });
    expect(byId.backlog!.parts[0]).toMatchObject({ id: 'overdue', text: '1' });
    expect(byId.channel).toMatchObject({ text: 'Web widget', raw: 10 / 12 });
    expect(byId.channel!.parts.map((p) => `${p.label} ${p.text}`)).toEqual(['Web widget 83.3%', 'Call back 16.7%']);
  });

  it('shows the proactive conversations when the server reports them', () => {
    const tiles = kpiTiles(kpis({ proactive: { count: 3, share: 0.25 } }), backlog, 'calendar', 'en');
    const t = tiles.find((x) => x.id === 'proactive')!;
    expect(t).toMatchObject({ label: 'Proactive conversations', text: '3', raw: 3 });
    expect(t.parts[0]).toMatchObject({ label: 'of all', text: '25%' });
    expect(tiles.findIndex((x) => x.id === 'proactive')).toBe(tiles.findIndex((x) => x.id === 'self-service') + 1);
    expect(kpiTiles(kpis({ proactive: { count: 3, share: 0.25 } }), backlog, 'calendar', 'it').find((x) => x.id === 'proactive')!.label).toBe('Conversazioni proattive');
  });

  it('business hours switch the durations when the set has them, and only then', () => {
    const business = { firstResponse: dur(60_000), queueWait: dur(10_000), averageResponse: dur(20_000), resolution: dur(7_200_000), handle: dur(3_000_000) };
    const withHours = kpis({ business });
    const frt = (k: KpiSet, clock: 'calendar' | 'business') => kpiTiles(k, backlog, clock, 'en').find((t) => t.id === 'frt')!.text;
    expect(frt(withHours, 'business')).toBe('1 min');
    expect(frt(withHours, 'calendar')).toBe('3 min 20 s');
    expect(kpiTiles(withHours, backlog, 'business', 'en').find((t) => t.id === 'resolution')!.text).toBe('2 h');
    expect(frt(kpis(), 'business')).toBe('3 min 20 s');
    // Counts do not depend on the clock.
    expect(kpiTiles(withHours, backlog, 'business', 'en')[0]!.text).toBe('12');
  });

  it('an empty period shows dashes, not zeros, where there is nothing to measure', () => {
    const empty = kpis({
      conversations: 0,
      resolved: 0,
      resolutionRate: null,
      firstResponse: dur(null),
      csat: { surveyed: 0, ratings: 0, positive: 0, score: null, responseRate: null, avgRating: null },
      channels: [],
    });
    const byId = Object.fromEntries(kpiTiles(empty, { at: 1, open: 0, overdue: 0 }, 'calendar', 'en').map((t) => [t.id, t]));
    expect(byId.conversations!.text).toBe('0');
    expect(byId['resolution-rate']!.text).toBe('—');
    expect(byId.frt).toMatchObject({ text: '—', raw: null, note: 'from 0 conversations' });
    expect(byId.csat!.text).toBe('—');
    expect(byId.channel).toMatchObject({ text: '—', parts: [] });
  });

  it('speaks Italian', () => {
    const tiles = kpiTiles(kpis(), backlog, 'calendar', 'it');
    expect(tiles.find((t) => t.id === 'frt')).toMatchObject({ label: 'Prima risposta', caption: 'mediana', note: 'su 10 conversazioni' });
    expect(tiles.find((t) => t.id === 'channel')!.text).toBe('Widget web');
  });
});

describe('chart data', () => {
  const bucket = (label: string, k: KpiSet, open: number, overdue: number) => ({ start: 0, end: 1, label, kpis: k, backlog: { at: 1, open, overdue } });
  const series = [
    bucket('2026-12-01', kpis({ conversations: 5, resolved: 4, selfService: { count: 1, rate: 0.2 } }), 3, 0),
    bucket('2026-12-02', kpis({ conversations: 0, resolved: 0, selfService: { count: 0, rate: null }, firstResponse: dur(null), csat: { surveyed: 0, ratings: 0, positive: 0, score: null, responseRate: null, avgRating: null } }), 2, 1),
    bucket('2026-12-03', kpis({ conversations: 7, resolved: 7, selfService: { count: 2, rate: 2 / 7 }, firstResponse: dur(90_000, 90_000, 150_000), csat: { surveyed: 7, ratings: 2, positive: 1, score: 0.5, responseRate: 2 / 7, avgRating: 3.5 } }), 0, 0),
  ];

  it('turns the series into uPlot’s aligned arrays (x = bucket index, null for a gap)', () => {
    expect(volumeData(series)).toEqual([[0, 1, 2], [5, 0, 7], [4, 0, 7], [1, 0, 2]]);
    expect(frtData(series)).toEqual([[0, 1, 2], [200, null, 90], [480, null, 150]]);
    expect(csatData(series)).toEqual([[0, 1, 2], [(5 / 6) * 100, null, 50]]);
    expect(backlogData(series)).toEqual([[0, 1, 2], [3, 2, 0], [0, 1, 0]]);
    expect(chartData(series, [() => Number.NaN])).toEqual([[0, 1, 2], [null, null, null]]);
    // The fixture is a valid Metrics series.
    expect(() => Metrics.shape.series.parse(series)).not.toThrow();
  });

  it('knows when there is nothing to draw', () => {
    expect(hasData(volumeData(series))).toBe(true);
    expect(hasData([[0, 1], [0, 0], [null, null]])).toBe(false);
    expect(hasData(volumeData([]))).toBe(false);
  });

  it('summarises a chart in words', () => {
    const d = reportsDict('en');
    const labels = series.map((s) => formatDay(s.label, 'en'));
    const count = (v: number) => String(v);
    const text = chartSummary('Conversations per day', labels, volumeData(series), [
      { label: d.seriesVolume, additive: true, format: count },
      { label: d.seriesResolved, additive: true, format: count },
    ], 'en');
    expect(text).toBe('Conversations per day: 3 periods from 1 Dec to 3 Dec. Created: 12 in all, highest 7 (3 Dec). Resolved: 11 in all, highest 7 (3 Dec).');
    const frt = chartSummary('First response per day', labels, frtData(series), [{ label: 'Median', additive: false, format: (v) => formatSpan(v * 1000, 'en') }], 'en');
    expect(frt).toBe('First response per day: 3 periods from 1 Dec to 3 Dec. Median: highest 3 min 20 s (1 Dec).');
    expect(chartSummary('CSAT', ['1 Dec'], [[0], [null]], [{ label: 'CSAT score', additive: false, format: String }], 'en')).toBe('CSAT: 1 period (1 Dec). CSAT score: no data.');
    expect(chartSummary('CSAT', [], [[]], [], 'it')).toBe('CSAT: Niente da rappresentare nel periodo.');
  });
});

describe('reports strings', () => {
  it('exist in English and Italian with the same keys', () => {
    const en = reportsDict('en');
    const it = reportsDict('it');
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(it.presets).sort()).toEqual(Object.keys(en.presets).sort());
    expect(en.demo(3)).toBe('Includes 3 demo conversations (seeded sample data).');
    expect(it.demo(3)).toBe('Include 3 conversazioni demo (dati di esempio).');
    expect(it.demo(1)).not.toBe(en.demo(1));
  });
});

describe('the reports address', () => {
  const base = { preset: '7d', fromDate: '2026-12-01', toDate: '2026-12-07', siteId: '', agentId: '', departmentId: '', channel: '', groupBy: 'day' } as const;
  const zones = (tz: string) => ['Europe/Rome', 'Asia/Tokyo', 'UTC'].includes(tz);

  it('writes only what differs from the defaults and reads it back', async () => {
    const { filtersFromQuery, reportQuery } = await import('../src/reports.ts');
    const { withQuery } = await import('../src/routes.ts');
    expect(withQuery('/console/reports', reportQuery({ ...base }, ''))).toBe('/console/reports');
    const f = { ...base, preset: 'custom' as const, fromDate: '2026-11-01', toDate: '2026-11-30', agentId: 'ag_1', groupBy: 'week' as const };
    const q = reportQuery(f, 'Europe/Rome');
    expect(withQuery('/console/reports', q)).toBe('/console/reports?agent=ag_1&from=2026-11-01&group=week&preset=custom&to=2026-11-30&tz=Europe%2FRome');
    const back = Object.fromEntries(Object.entries(q).filter(([, v]) => v));
    expect(filtersFromQuery(back, { ...base }, zones)).toEqual({ filters: f, tz: 'Europe/Rome' });
  });

  it('keeps the defaults for anything malformed', async () => {
    const { filtersFromQuery } = await import('../src/reports.ts');
    expect(filtersFromQuery({ preset: 'forever', group: 'year', tz: 'Mars/Olympus', agent: '<script>' }, { ...base }, zones)).toEqual({ filters: { ...base }, tz: '' });
    // A custom period without valid dates stays on the default period.
    expect(filtersFromQuery({ preset: 'custom', from: '2026-13', to: '' }, { ...base }, zones).filters.preset).toBe('7d');
  });
});
