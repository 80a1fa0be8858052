import { describe, expect, it } from 'vitest';
import { bucketIndex, buckets, durationKpi } from '../src/modules/metrics/kpis.ts';
import { csvCell } from '../src/modules/metrics/csv.ts';
import { openMsBetween } from '../src/modules/sites/hours.ts';

const H = 3600_000;
const day: [string, string][] = [['09:00', '18:00']];
const hours = { timezone: 'Europe/Rome', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, holidays: ['2026-12-08'] };

describe('KPI aggregation', () => {
  it('average, median (mean of the middle two) and p90 (nearest rank)', () => {
    expect(durationKpi([])).toEqual({ count: 0, avgMs: null, medianMs: null, p90Ms: null });
    expect(durationKpi([5])).toEqual({ count: 1, avgMs: 5, medianMs: 5, p90Ms: 5 });
    expect(durationKpi([4, 1, 3, 2])).toEqual({ count: 4, avgMs: 2.5, medianMs: 2.5, p90Ms: 4 });
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(durationKpi(ten).p90Ms).toBe(9);
    expect(durationKpi([...ten, 11]).p90Ms).toBe(10);
  });

  it('days follow the zone, including the 23- and 25-hour days of daylight saving', () => {
    // Europe/Rome leaves summer time on Sunday 25 Oct 2026: that day has 25 hours.
    const from = Date.UTC(2026, 9, 24, 22); // Sat 25 Oct 00:00 in Rome (UTC+2)
    const to = Date.UTC(2026, 9, 26, 23); // Tue 27 Oct 00:00 in Rome (UTC+1)
    const bs = buckets(from, to, 'day', 'Europe/Rome');
    expect(bs.map((b) => [b.label, (b.end - b.start) / H])).toEqual([
      ['2026-10-25', 25],
      ['2026-10-26', 24],
    ]);
    expect(bucketIndex(bs, from)).toBe(0);
    expect(bucketIndex(bs, bs[1]!.start)).toBe(1);
    expect(bucketIndex(bs, to - 1)).toBe(1);
    // Weeks start on Monday; a period starting on a Wednesday is clipped.
    const wk = buckets(Date.UTC(2026, 10, 25), Date.UTC(2026, 11, 10), 'week', 'UTC');
    expect(wk.map((b) => b.label)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(wk[0]!.start).toBe(Date.UTC(2026, 10, 25));
  });

  it('counts business-hours time: nights, weekends and holidays do not count', () => {
    // Friday 4 Dec 2026 17:00 Rome to Monday 7 Dec 10:00 Rome: 1 h Friday + 1 h Monday.
    expect(openMsBetween(hours, Date.UTC(2026, 11, 4, 16), Date.UTC(2026, 11, 7, 9))).toBe(2 * H);
    // Monday 7 Dec 17:00 to Wednesday 9 Dec 10:00, Tuesday 8 Dec being a holiday: 1 h + 1 h.
    expect(openMsBetween(hours, Date.UTC(2026, 11, 7, 16), Date.UTC(2026, 11, 9, 9))).toBe(2 * H);
    expect(openMsBetween(null, 0, 5 * H)).toBe(5 * H);
    expect(openMsBetween(hours, 10, 5)).toBe(0);
  });

  it('CSV cells: quoted when needed, spreadsheet formulas defused in free text, ids left alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")', true)).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+39 333', true)).toBe("'+39 333");
    expect(csvCell('@once', true)).toBe("'@once");
    expect(csvCell('-hAVv3igm_oPGwxrY7J-i')).toBe('-hAVv3igm_oPGwxrY7J-i'); // a nanoid may start with "-"
    expect(csvCell(null)).toBe('');
    expect(csvCell(1 / 3)).toBe('0.333');
  });
});
