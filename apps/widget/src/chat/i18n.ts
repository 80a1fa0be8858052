/**
 * The chat's strings: their shape (Dict, from en.ts) and the lines built from them. The strings
 * themselves are in en.ts and it.ts, one chunk each: only the visitor's language is loaded. The
 * loader keeps its own two labels.
 */
import type { EventItem, VisitorConversation } from '@parla/protocol';
import type en from './en.ts';

export type Lang = 'en' | 'it';

/** The fields of the pre-chat, offline-message and callback forms (their ids and labels). */
export type FieldId = 'name' | 'email' | 'department' | 'body' | 'phone' | 'time' | 'note';
/** What is wrong with a field's value. */
export type Problem = 'required' | 'email' | 'phone';

export type Dict = typeof en;


/** The system line for a stream event the widget shows (never sla_breached: the model drops it). */
export function eventText(e: EventItem, t: Dict): string {
  return e.event === 'assigned'
    ? t.joined(e.agentName ?? t.agent)
    : e.event === 'resolved'
      ? t.convResolved
      : e.event === 'transferred'
        ? e.agentName
          ? t.transferredTo(e.agentName)
          : t.transferredTeam
        : t.inQueue;
}

/** "You are #2 in the queue · about 3 min", "Estimated wait: under a minute", or "You are in the queue…". */
export function queueText(c: Pick<VisitorConversation, 'queuePosition' | 'estimatedWaitMs'>, t: Dict): string {
  const ms = c.estimatedWaitMs;
  const wait = ms == null ? '' : ms < 60_000 ? t.underMinute : t.aboutMin(Math.round(ms / 60_000));
  const pos = c.queuePosition;
  return pos ? t.queuePos(pos) + (wait && ` · ${wait}`) : wait ? t.waitOnly(wait) : t.inQueue;
}

/** "We're back at 9:00 AM" today, "We're back on Monday at 9:00 AM" this week, with the date further out. */
export function backAt(at: number, lang: Lang, t: Dict, now = Date.now()): string {
  const d = new Date(at);
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, o).format(d);
  const day =
    d.toDateString() === new Date(now).toDateString()
      ? ''
      : fmt(at - now < 6 * 864e5 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' });
  return t.backAt(day, fmt({ hour: 'numeric', minute: '2-digit' }));
}
