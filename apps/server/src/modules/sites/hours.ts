/**
 * Business hours, pure: is a site (or department) open at an instant, and when does it next open.
 * Times are local to the hours' IANA time zone (daylight saving handled by Intl).
 */
import type { BusinessHours } from '@parla/protocol';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(tz, f);
  }
  return f;
}

interface Local {
  y: number;
  m: number;
  d: number;
  minutes: number;
  /** offset of local time from UTC at that instant, ms */
  offset: number;
}

function local(at: number, tz: string): Local {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const y = parts.year!;
  const m = parts.month!;
  const d = parts.day!;
  const h = parts.hour!;
  const mi = parts.minute!;
  const asUtc = Date.UTC(y, m - 1, d, h, mi, parts.second!);
  return { y, m, d, minutes: h * 60 + mi, offset: asUtc - (at - (at % 1000)) };
}

const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant of a local wall-clock time in the zone (for a time skipped by DST, the instant after the gap). */
function instant(y: number, m: number, d: number, minutes: number, tz: string): number {
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let guess = wall - local(wall, tz).offset;
  guess = wall - local(guess, tz).offset;
  return guess;
}

export function isOpen(hours: BusinessHours | null, at: number): boolean {
  if (!hours) return true;
  const l = local(at, hours.timezone);
  if (hours.holidays.includes(ymd(l.y, l.m, l.d))) return false;
  const day = DAYS[new Date(Date.UTC(l.y, l.m - 1, l.d)).getUTCDay()]!;
  return hours.weekly[day].some(([from, to]) => l.minutes >= toMin(from) && l.minutes < toMin(to));
}

/** The next instant at or after `at` when it is open; null if always open (now) or never within 14 days. */
export function nextOpening(hours: BusinessHours | null, at: number): number | null {
  if (!hours || isOpen(hours, at)) return hours ? at : null;
  const start = local(at, hours.timezone);
  for (let i = 0; i < 15; i++) {
    const date = new Date(Date.UTC(start.y, start.m - 1, start.d + i));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (hours.holidays.includes(ymd(y, m, d))) continue;
    const ranges = [...hours.weekly[DAYS[date.getUTCDay()]!]].sort((a, b) => a[0].localeCompare(b[0]));
    for (const [from, to] of ranges) {
      const opens = instant(y, m, d, toMin(from), hours.timezone);
      const closes = instant(y, m, d, toMin(to), hours.timezone);
      if (closes > at) return Math.max(opens, at);
    }
  }
  return null;
}

/**
 * How much of [a, b) falls within the business hours (for KPIs in business-hours time). Null
 * hours: always open, so all of it. Walks the local days of the span (DST-safe).
 */
export function openMsBetween(hours: BusinessHours | null, a: number, b: number): number {
  if (b <= a) return 0;
  if (!hours) return b - a;
  const start = local(a, hours.timezone);
  const days = Math.ceil((b - a) / 86_400_000) + 2;
  let total = 0;
  for (let i = -1; i < days; i++) {
    const date = new Date(Date.UTC(start.y, start.m - 1, start.d + i));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (hours.holidays.includes(ymd(y, m, d))) continue;
    for (const [from, to] of hours.weekly[DAYS[date.getUTCDay()]!]) {
      const opens = instant(y, m, d, toMin(from), hours.timezone);
      const closes = instant(y, m, d, toMin(to), hours.timezone);
      const lo = Math.max(opens, a);
      const hi = Math.min(closes, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/** The instant local midnight starts the day containing `at` in the zone, and the next ones (for daily/weekly buckets). */
export function startOfLocalDay(at: number, tz: string, addDays = 0): number {
  const l = local(at, tz);
  return instant(l.y, l.m, l.d + addDays, 0, tz);
}

/** Day of the week of `at` in the zone: 0 Sunday ... 6 Saturday. */
export function localWeekday(at: number, tz: string): number {
  const l = local(at, tz);
  return new Date(Date.UTC(l.y, l.m - 1, l.d)).getUTCDay();
}

/** YYYY-MM-DD of `at` in the zone. */
export function localDate(at: number, tz: string): string {
  const l = local(at, tz);
  return ymd(l.y, l.m, l.d);
}
