/**
 * The chat's strings: their shape (Dict, from en.ts) and the lines built from them. The strings
 * themselves are in en.ts and it.ts, one chunk each: only the visitor's language is loaded; those
 * of the rarely needed parts (ExtraDict) in en-extras.ts and it-extras.ts. The loader keeps its
 * own two labels.
 */
import type { EventItem, VisitorConversation } from '@parla/protocol';
import type en from './en.ts';
import type enExtras from './en-extras.ts';

export type Lang = 'en' | 'it';

/** The fields of the pre-chat, offline-message and callback forms (their ids and labels). */
export type FieldId = 'name' | 'email' | 'department' | 'body' | 'phone' | 'time' | 'note';
/** What is wrong with a field's value. */
export type Problem = 'required' | 'email' | 'phone';

export type Dict = typeof en;
/** The strings of the rarely needed parts (extras.tsx), loaded with them. */
export type ExtraDict = typeof enExtras;


/** The system line for a stream event the widget shows (never sla_breached: the model drops it). */
export function eventText(e: EventItem, t: Dict): string {
  return e.event === 'assigned'
    ? t.joined(e.agentName ?? t.agent)
    : e.event === 'resolved'
      ? e.reason
        ? t.convClosedIdle
        : t.convResolved
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
