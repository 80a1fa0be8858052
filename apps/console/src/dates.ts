/** Locale-aware date and time display (the console's language, the browser's time zone). */
import { lang } from './i18n.ts';

const locale = lang === 'it' ? 'it-IT' : 'en-GB';
const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
const dayTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

/** "14:05" today, "3 Mar, 14:05" on another day. */
export function formatTime(ms: number, now = Date.now()): string {
  return sameDay(ms, now) ? time.format(ms) : dayTime.format(ms);
}

export function formatDate(ms: number): string {
  return date.format(ms);
}

/** For title attributes and ISO-free tooltips. */
export function formatFull(ms: number): string {
  return full.format(ms);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}
