import type { ConversationSummary } from '@parla/protocol';
import { shortId } from './format.ts';
import { ApiError } from './api.ts';
import { errorText, t } from './i18n.ts';

/** The visitor's name, or "Visitor 3f9a2c". */
export function visitorLabel(c: Pick<ConversationSummary, 'visitorName' | 'visitorId'>): string {
  return c.visitorName?.trim() || t.visitor(shortId(c.visitorId));
}

export function stateLabel(state: string): string {
  return t.states[state] ?? state;
}

/** The compact duration units of the current language. */
export const units = t.time.units;

export function presenceText(p: string): string {
  return p === 'online' ? t.header.online : p === 'away' ? t.header.away : t.header.offline;
}

/**
 * An HTTP error for the user: a 400's reason is the server's own (it names the field); other
 * codes are translated when we know them.
 */
export function apiErrorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'network') return t.login.network;
    if (e.status === 400) return e.message;
    return errorText(e.code, e.message);
  }
  return e instanceof Error ? e.message : String(e);
}
