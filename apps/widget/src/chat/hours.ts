/** When the chat is back, for the offline screen (extras.tsx only, so it stays in that chunk). */
import type { ExtraDict, Lang } from './i18n.ts';

/** "We're back at 9:00 AM" today, "We're back on Monday at 9:00 AM" this week, with the date further out. */
export function backAt(at: number, lang: Lang, t: ExtraDict, now = Date.now()): string {
  const d = new Date(at);
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, o).format(d);
  const day =
    d.toDateString() === new Date(now).toDateString()
      ? ''
      : fmt(at - now < 6 * 864e5 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' });
  return t.backAt(day, fmt({ hour: 'numeric', minute: '2-digit' }));
}
