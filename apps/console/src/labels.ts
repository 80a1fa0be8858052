import type { ConversationSummary } from '@parla/protocol';
import { shortId } from './format.ts';
import { t } from './i18n.ts';

/** The visitor's name, or "Visitor 3f9a2c". */
export function visitorLabel(c: Pick<ConversationSummary, 'visitorName' | 'visitorId'>): string {
  return c.visitorName?.trim() || t.visitor(shortId(c.visitorId));
}

export function stateLabel(state: string): string {
  return t.states[state] ?? state;
}

/** The compact duration units of the current language. */
export const units = t.time.units;
