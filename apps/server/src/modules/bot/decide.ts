/**
 * The bot's decision on one question: answer with the best entry, suggest the best two or three
 * ("Did you mean…", beside "talk to a person"), or abstain. The thresholds come from the site's
 * own FAQ (see FaqMatcher.calibrate), not from a constant.
 */
import type { Lang } from '@parla/protocol';
import type { FaqMatcher, Match } from './matcher.ts';

/** Where the bot answers and where it only suggests, on one site's FAQ. */
export interface Calibration {
  /** At or above this confidence (and clear of the runner-up by `margin`) the bot answers. */
  answerAt: number;
  /** At or above this (but not answering) it offers suggestions; below, it abstains. */
  suggestAt: number;
  /** The best entry must lead the second by this much to be answered outright. */
  margin: number;
}

export type DecisionKind = 'answer' | 'suggest' | 'abstain';

export interface Decision {
  kind: DecisionKind;
  /** The best entry, whatever the decision (null: nothing matched at all). */
  best: Match | null;
  /** kind suggest: the entries to offer, best first (2 or 3). Empty otherwise. */
  suggestions: Match[];
  /** The nearest entries and their scores, whatever the decision (for the console and diagnosis). */
  nearest: Match[];
}

/** How many suggestions at most, and how close to the best one a suggestion must be. */
const MAX_SUGGESTIONS = 3;
const SUGGESTION_SHARE = 0.6;

export function decide(matcher: FaqMatcher, question: string, lang: Lang, cal: Calibration): Decision {
  const nearest = matcher.ranked(question, lang, 5);
  const best = nearest[0] ?? null;
  if (!best) return { kind: 'abstain', best: null, suggestions: [], nearest };
  const second = nearest[1]?.confidence ?? 0;
  if (best.confidence >= cal.answerAt && best.confidence - second >= cal.margin) return { kind: 'answer', best, suggestions: [], nearest };
  if (best.confidence >= cal.suggestAt) {
    // The best is offered even alone when it did not clear the answer bar; others only when they are close to it.
    const suggestions = nearest.filter((m, i) => i === 0 || (m.confidence >= cal.suggestAt && m.confidence >= SUGGESTION_SHARE * best.confidence)).slice(0, MAX_SUGGESTIONS);
    return { kind: 'suggest', best, suggestions, nearest };
  }
  return { kind: 'abstain', best, suggestions: [], nearest };
}
