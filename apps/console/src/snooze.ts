/** Pure: the snooze presets' end times. */

/** The longest snooze the server accepts. */
export const MAX_SNOOZE_MS = 30 * 24 * 3600_000;

/** Offset of `tz` from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffset(at: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

/** The instant of `hour`:00 on the day after `now`'s day, in the time zone `tz` (DST-safe). */
export function tomorrowAt(hour: number, tz: string, now: number): number {
  const local = new Date(now + zoneOffset(now, tz)); // its UTC fields are tz's wall clock
  const wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, hour, 0, 0);
  let at = wall - zoneOffset(wall, tz);
  at = wall - zoneOffset(at, tz); // once more: the offset at the instant itself (a DST change overnight)
  return at;
}

/** A snooze end the server will accept: after now, within MAX_SNOOZE_MS. */
export function validSnooze(until: number, now: number): boolean {
  return Number.isFinite(until) && until > now && until <= now + MAX_SNOOZE_MS;
}
