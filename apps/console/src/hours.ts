/**
 * Pure form models of the settings view and their conversion to and from the protocol's
 * SiteSettings, BusinessHours and Department. Validation mirrors the server's schemas so most
 * mistakes are caught before a round trip; the server stays the judge (its 400 reason is shown).
 */
import type { BusinessHours, Department, FieldMode, SiteSettings } from '@parla/protocol';

export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayKey = (typeof DAY_KEYS)[number];

/** Ranges per day the server accepts. */
export const MAX_RANGES_PER_DAY = 6;
export const MAX_HOLIDAYS = 366;
/** slaFirstResponseSec bounds of the protocol. */
export const SLA_MIN_SEC = 10;
export const SLA_MAX_SEC = 7 * 86400;
/** offerAlternativesAfterSec bounds of the protocol. */
export const OFFER_MAX_SEC = 86400;

/** A few zones offered in the time zone field (any IANA name may be typed). */
export const COMMON_TIME_ZONES = [
  'Europe/Rome',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Zurich',
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/** True for an IANA time zone name this runtime knows (as isTimeZone of @parla/protocol). */
export function isTimeZone(tz: string): boolean {
  if (!tz.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The browser's zone, or UTC. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// -------------------------------------------------------------------------------------------
// Business hours
// -------------------------------------------------------------------------------------------

/** One opening range as `<input type="time">` values ("09:00"); an end of "00:00" means midnight. */
export interface RangeForm {
  from: string;
  to: string;
}

export interface HoursForm {
  /** Site: businessHours null. (Departments use their own switch: null there means the site's hours.) */
  alwaysOpen: boolean;
  timezone: string;
  weekly: Record<DayKey, RangeForm[]>;
  /** YYYY-MM-DD */
  holidays: string[];
}

export type FormErrorCode =
  | 'timezone'
  | 'time'
  | 'order'
  | 'overlap'
  | 'tooMany'
  | 'holiday'
  | 'tooManyHolidays'
  | 'sla'
  | 'offer'
  | 'name'
  | 'urgency'
  | 'keywords'
  | 'synonyms';

export interface FormError {
  code: FormErrorCode;
  day?: DayKey;
  /** The range (or holiday) index the error is about. */
  index?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Mon-Fri 09:00-18:00: what a form starts from when hours are switched on. */
export function defaultWeekly(): Record<DayKey, RangeForm[]> {
  const w = {} as Record<DayKey, RangeForm[]>;
  for (const d of DAY_KEYS) w[d] = d === 'sat' || d === 'sun' ? [] : [{ from: '09:00', to: '18:00' }];
  return w;
}

/** BusinessHours (null: always open) -> form. A "24:00" end shows as "00:00" (a time input cannot show 24:00). */
export function toHoursForm(bh: BusinessHours | null, fallbackTimeZone: string): HoursForm {
  if (!bh) return { alwaysOpen: true, timezone: fallbackTimeZone, weekly: defaultWeekly(), holidays: [] };
  const weekly = {} as Record<DayKey, RangeForm[]>;
  for (const d of DAY_KEYS) {
    weekly[d] = (bh.weekly[d] ?? []).map(([from, to]) => ({ from: from === '24:00' ? '00:00' : from, to: to === '24:00' ? '00:00' : to }));
  }
  return { alwaysOpen: false, timezone: bh.timezone, weekly, holidays: [...(bh.holidays ?? [])] };
}

/**
 * Form -> BusinessHours (null when always open). Ranges are sorted by start; an end of "00:00"
 * becomes "24:00"; holidays are de-duplicated and sorted. Errors: unknown time zone, malformed
 * time, end not after start, overlapping ranges, more than 6 ranges a day, malformed holiday.
 */
export function fromHoursForm(f: HoursForm, opts: { allowAlwaysOpen?: boolean } = {}): Result<BusinessHours | null> {
  if (f.alwaysOpen && opts.allowAlwaysOpen !== false) return { ok: true, value: null };
  const errors: FormError[] = [];
  const timezone = f.timezone.trim();
  if (!isTimeZone(timezone)) errors.push({ code: 'timezone' });

  const weekly = {} as BusinessHours['weekly'];
  for (const day of DAY_KEYS) {
    const ranges = f.weekly[day] ?? [];
    if (ranges.length > MAX_RANGES_PER_DAY) errors.push({ code: 'tooMany', day });
    const out: { r: [string, string]; index: number }[] = [];
    ranges.forEach((r, index) => {
      const from = r.from.trim();
      const to = r.to.trim() === '00:00' ? '24:00' : r.to.trim();
      if (!HHMM.test(from) || !(HHMM.test(to) || to === '24:00')) {
        errors.push({ code: 'time', day, index });
        return;
      }
      if (!(from < to)) {
        errors.push({ code: 'order', day, index });
        return;
      }
      out.push({ r: [from, to], index });
    });
    out.sort((a, b) => (a.r[0] < b.r[0] ? -1 : a.r[0] > b.r[0] ? 1 : 0));
    for (let i = 1; i < out.length; i++) {
      if (out[i]!.r[0] < out[i - 1]!.r[1]) errors.push({ code: 'overlap', day, index: out[i]!.index });
    }
    weekly[day] = out.map((x) => x.r);
  }

  const holidays = [...new Set(f.holidays.map((h) => h.trim()).filter(Boolean))].sort();
  holidays.forEach((h, index) => {
    if (!DATE.test(h) || Number.isNaN(Date.parse(`${h}T00:00:00Z`))) errors.push({ code: 'holiday', index });
  });
  if (holidays.length > MAX_HOLIDAYS) errors.push({ code: 'tooManyHolidays' });

  return errors.length ? { ok: false, errors } : { ok: true, value: { timezone, weekly, holidays } };
}

// -------------------------------------------------------------------------------------------
// Minutes fields
// -------------------------------------------------------------------------------------------

/** Seconds as a minutes field: 300 -> "5", 90 -> "1.5", 100 -> "1.67". */
export function secondsToMinutes(sec: number): string {
  return String(Math.round((sec / 60) * 100) / 100);
}

/** A minutes field (a decimal comma is fine) -> whole seconds within [min, max]; null when invalid. */
export function minutesToSeconds(text: string, minSec: number, maxSec: number): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return null;
  const sec = Math.round(Number(s) * 60);
  return Number.isFinite(sec) && sec >= minSec && sec <= maxSec ? sec : null;
}

// -------------------------------------------------------------------------------------------
// Site settings
// -------------------------------------------------------------------------------------------

export type BotMode = NonNullable<SiteSettings['botMode']>;
export const BOT_MODES: readonly BotMode[] = ['off', 'first', 'fallback'];
/** escalationKeywords bounds of the protocol. */
export const KEYWORD_MIN = 2;
export const KEYWORD_MAX = 40;
export const MAX_KEYWORDS = 50;

export interface SettingsForm {
  routingMode: 'auto' | 'manual';
  preChat: { name: FieldMode; email: FieldMode; department: FieldMode };
  hours: HoursForm;
  slaMinutes: string;
  offerMinutes: string;
  botMode: BotMode;
  /** Comma separated. */
  escalationKeywords: string;
  /** 0..1 as text ("0.5"): the bot's sensitivity. */
  botSensitivity: string;
  /** One group of synonyms a line, comma separated. */
  botSynonyms: string;
  /** Settings the form does not edit (e.g. priority): saved back unchanged (PUT replaces them all). */
  other: Partial<SiteSettings>;
}

const FORM_KEYS = ['routingMode', 'preChat', 'businessHours', 'slaFirstResponseSec', 'offerAlternativesAfterSec', 'botMode', 'escalationKeywords', 'botSensitivity', 'botSynonyms'] as const;

export function toSettingsForm(s: SiteSettings, fallbackTimeZone: string): SettingsForm {
  const other: Partial<SiteSettings> = { ...s };
  for (const k of FORM_KEYS) delete other[k];
  return {
    routingMode: s.routingMode,
    preChat: { ...s.preChat },
    hours: toHoursForm(s.businessHours, fallbackTimeZone),
    slaMinutes: secondsToMinutes(s.slaFirstResponseSec),
    offerMinutes: secondsToMinutes(s.offerAlternativesAfterSec),
    botMode: s.botMode ?? 'off',
    escalationKeywords: (s.escalationKeywords ?? []).join(', '),
    botSensitivity: String(s.botSensitivity ?? 0.5),
    botSynonyms: (s.botSynonyms ?? []).map((g) => g.join(', ')).join('\n'),
    other,
  };
}

/** "refund, lawyer,  Refund" -> ["refund", "lawyer"] (trimmed, empty and repeated ones dropped, case-insensitively). */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const k = raw.trim();
    if (!k || seen.has(k.toLowerCase())) continue;
    seen.add(k.toLowerCase());
    out.push(k);
  }
  return out;
}

/** synonym bounds of the protocol. */
export const SYNONYM_MIN = 2;
export const SYNONYM_MAX = 60;
export const MAX_SYNONYM_GROUPS = 200;

/**
 * "hoodie, felpa, sweatshirt" a line -> [["hoodie", "felpa", "sweatshirt"]]; a line with one word
 * only is dropped; null when a word is too short or long, a group too big, or there are too many.
 */
export function parseSynonyms(text: string): string[][] | null {
  const groups: string[][] = [];
  for (const line of text.split('\n')) {
    const g = parseKeywords(line);
    if (g.length < 2) continue;
    if (g.length > 20 || g.some((w) => w.length < SYNONYM_MIN || w.length > SYNONYM_MAX)) return null;
    groups.push(g);
  }
  return groups.length > MAX_SYNONYM_GROUPS ? null : groups;
}

/**
 * Form -> SiteSettings. The bot mode and escalation keywords are left out while at their
 * defaults (off, none): the same thing to the server, and settings saved before the bot existed
 * compare equal.
 */
export function fromSettingsForm(f: SettingsForm): Result<SiteSettings> {
  const errors: FormError[] = [];
  const hours = fromHoursForm(f.hours);
  if (!hours.ok) errors.push(...hours.errors);
  const sla = minutesToSeconds(f.slaMinutes, SLA_MIN_SEC, SLA_MAX_SEC);
  if (sla === null) errors.push({ code: 'sla' });
  const offer = minutesToSeconds(f.offerMinutes, 0, OFFER_MAX_SEC);
  if (offer === null) errors.push({ code: 'offer' });
  const keywords = parseKeywords(f.escalationKeywords ?? '');
  if (keywords.length > MAX_KEYWORDS || keywords.some((k) => k.length < KEYWORD_MIN || k.length > KEYWORD_MAX)) errors.push({ code: 'keywords' });
  const synonyms = parseSynonyms(f.botSynonyms ?? '');
  if (!synonyms) errors.push({ code: 'synonyms' });
  const sensitivity = Number(f.botSensitivity ?? 0.5);
  if (errors.length || !hours.ok || sla === null || offer === null || !synonyms) return { ok: false, errors };
  const value: SiteSettings = {
    ...f.other,
    routingMode: f.routingMode,
    preChat: { ...f.preChat },
    businessHours: hours.value,
    slaFirstResponseSec: sla,
    offerAlternativesAfterSec: offer,
  };
  if (f.botMode && f.botMode !== 'off') value.botMode = f.botMode;
  if (keywords.length) value.escalationKeywords = keywords;
  if (Number.isFinite(sensitivity) && sensitivity !== 0.5) value.botSensitivity = Math.min(1, Math.max(0, sensitivity));
  if (synonyms.length) value.botSynonyms = synonyms;
  return { ok: true, value };
}

/** Settings as the form would save them, keys in a fixed order (to tell whether the form changed anything). */
export function normalizeSettings(s: SiteSettings): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  const r = fromSettingsForm(toSettingsForm(s, 'UTC'));
  return JSON.stringify(sorted(r.ok ? r.value : s));
}

// -------------------------------------------------------------------------------------------
// Departments
// -------------------------------------------------------------------------------------------

export interface DepartmentForm {
  name: string;
  /** The name Italian visitors see ('': the name). */
  nameIt: string;
  urgency: string;
  agentIds: string[];
  /** Off: businessHours null (the site's hours). */
  ownHours: boolean;
  hours: HoursForm;
  /** Off: slaFirstResponseSec null (the site's target). */
  slaOverride: boolean;
  slaMinutes: string;
}

export type DepartmentValue = Pick<Department, 'name' | 'nameIt' | 'urgency' | 'agentIds' | 'businessHours' | 'slaFirstResponseSec'>;

/** `site` supplies what a switched-off override starts from when switched on. */
export function toDepartmentForm(d: DepartmentValue, site: { timezone: string; slaFirstResponseSec: number }): DepartmentForm {
  const hours = toHoursForm(d.businessHours, site.timezone);
  return {
    name: d.name,
    nameIt: d.nameIt ?? '',
    urgency: String(d.urgency),
    agentIds: [...d.agentIds],
    ownHours: d.businessHours !== null,
    hours: { ...hours, alwaysOpen: false },
    slaOverride: d.slaFirstResponseSec !== null,
    slaMinutes: secondsToMinutes(d.slaFirstResponseSec ?? site.slaFirstResponseSec),
  };
}

export function fromDepartmentForm(f: DepartmentForm): Result<DepartmentValue> {
  const errors: FormError[] = [];
  const name = f.name.trim();
  if (name.length < 1 || name.length > 80) errors.push({ code: 'name' });
  const nameIt = f.nameIt.trim();
  if (nameIt.length > 80) errors.push({ code: 'name' });
  const urgencyText = f.urgency.trim();
  const urgency = /^\d+$/.test(urgencyText) ? Number(urgencyText) : NaN;
  if (!(urgency >= 0 && urgency <= 100)) errors.push({ code: 'urgency' });
  let businessHours: BusinessHours | null = null;
  if (f.ownHours) {
    const h = fromHoursForm({ ...f.hours, alwaysOpen: false }, { allowAlwaysOpen: false });
    if (h.ok) businessHours = h.value;
    else errors.push(...h.errors);
  }
  let sla: number | null = null;
  if (f.slaOverride) {
    sla = minutesToSeconds(f.slaMinutes, SLA_MIN_SEC, SLA_MAX_SEC);
    if (sla === null) errors.push({ code: 'sla' });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { name, nameIt: nameIt || null, urgency, agentIds: [...new Set(f.agentIds)], businessHours, slaFirstResponseSec: sla } };
}

/** Stable JSON of a value, for "has the form changed" checks. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The range an "Add hours" button appends: 09:00-18:00 on a closed day, else four hours after the last one (to midnight at most). */
export function nextRange(ranges: readonly RangeForm[]): RangeForm {
  const last = ranges[ranges.length - 1];
  if (!last || !HHMM.test(last.to) || last.to === '00:00') return { from: '09:00', to: '18:00' };
  const [h, m] = last.to.split(':').map(Number) as [number, number];
  const end = h + 4;
  return { from: last.to, to: end >= 24 ? '00:00' : `${String(end).padStart(2, '0')}:${String(m).padStart(2, '0')}` };
}
