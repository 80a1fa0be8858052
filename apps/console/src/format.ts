/** Pure formatting helpers (no DOM, no state): durations, times, links. */

export interface DurationUnits {
  s: string;
  m: string;
  h: string;
  d: string;
}

const DEFAULT_UNITS: DurationUnits = { s: 's', m: 'm', h: 'h', d: 'd' };

/**
 * A duration as its two largest units: 72000 -> "1m 12s", 303000 -> "5m 3s", 3_720_000 -> "1h 2m",
 * 45_000 -> "45s", 90_000_000 -> "1d 1h". Null, negative or non-finite values -> the placeholder.
 */
export function formatDuration(ms: number | null | undefined, units: DurationUnits = DEFAULT_UNITS, placeholder = '—'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return placeholder;
  const total = Math.round(ms / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return h > 0 ? `${d}${units.d} ${h}${units.h}` : `${d}${units.d}`;
  if (h > 0) return m > 0 ? `${h}${units.h} ${m}${units.m}` : `${h}${units.h}`;
  if (m > 0) return s > 0 ? `${m}${units.m} ${s}${units.s}` : `${m}${units.m}`;
  return `${s}${units.s}`;
}

/** How long ago, compactly: "now", "5m", "3h", "2d". */
export function formatRelative(then: number, now: number, units: DurationUnits = DEFAULT_UNITS, nowWord = 'now'): string {
  const sec = Math.max(0, Math.floor((now - then) / 1000));
  if (sec < 45) return nowWord;
  const min = Math.max(1, Math.round(sec / 60));
  if (min < 60) return `${min}${units.m}`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h}${units.h}`;
  return `${Math.floor(h / 24)}${units.d}`;
}

/** The first characters of an id, for "Visitor 3f9a2c". */
export function shortId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '').slice(0, 6) || id.slice(0, 6);
}

// -------------------------------------------------------------------------------------------
// Links
// -------------------------------------------------------------------------------------------

export type TextPart = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Candidate URLs: only these schemes are ever considered; anything else stays plain text. */
const URL_RE = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = `.,;:!?'"»]}*_~`;

/** The href for a candidate, or null if it is not a well-formed http/https/mailto URL. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+$/.test(decodeURIComponentSafe(url.pathname))) return null;
  return url.href;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Splits message text into plain text and links. Only http:, https: and mailto: URLs become links;
 * `javascript:`, `data:` and everything else stay text. Trailing punctuation is not part of a link
 * (a closing parenthesis is kept when the URL itself opened one).
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index;
    const raw = trimTrailing(m[0]);
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) parts.push({ type: 'text', text: text.slice(last, start) });
    parts.push({ type: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) });
  return mergeText(parts);
}

/** Drops sentence punctuation after a URL; a ')' stays when it closes a '(' of the URL. */
function trimTrailing(raw: string): string {
  let s = raw;
  while (s.length > 0) {
    const c = s[s.length - 1]!;
    if (c === ')') {
      if (count(s, '(') >= count(s, ')')) break;
    } else if (!TRAILING_PUNCTUATION.includes(c)) break;
    s = s.slice(0, -1);
  }
  return s;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function mergeText(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (p.type === 'text' && prev?.type === 'text') prev.text += p.text;
    else out.push(p);
  }
  return out;
}

// -------------------------------------------------------------------------------------------
// Satisfaction ratings
// -------------------------------------------------------------------------------------------

/** A 1-5 rating, clamped and rounded. */
export function clampRating(rating: number): 1 | 2 | 3 | 4 | 5 {
  return Math.min(5, Math.max(1, Math.round(rating))) as 1 | 2 | 3 | 4 | 5;
}

/**
 * The mouth of the drawn face for a rating (24x24 viewBox, as the widget's survey draws it):
 * a frown at 1, flat at 3, a smile at 5.
 */
export function csatMouth(rating: number): string {
  return `M7.5 16Q12 ${16 + (clampRating(rating) - 3) * 3} 16.5 16`;
}

/** How a rating reads: unhappy (1-2), neutral (3), happy (4-5). */
export function csatTone(rating: number): 'bad' | 'neutral' | 'good' {
  const r = clampRating(rating);
  return r <= 2 ? 'bad' : r === 3 ? 'neutral' : 'good';
}

// -------------------------------------------------------------------------------------------
// Callback requests
// -------------------------------------------------------------------------------------------

/** A tel: link for a phone number as the visitor typed it ("+39 02 1234-567" -> "tel:+39021234567"); null without digits. */
export function telHref(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/** A mailto: link for an address, or null when it does not look like one. */
export function mailtoHref(email: string): string | null {
  const e = email.trim();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) ? `mailto:${encodeURI(e)}` : null;
}
