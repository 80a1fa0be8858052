/** Pure inbox logic: which section a conversation belongs to, ordering, unread state. */
import type { ConversationSummary, StreamItem } from '@parla/protocol';
import { compareQueue } from './queue.ts';

export interface InboxGroups {
  /** Waiting for a person: queued conversations in serving order (priority, then longest waiting). */
  waiting: ConversationSummary[];
  /** With the bot (nobody needed yet), longest running first. */
  bot: ConversationSummary[];
  /** Assigned to me and active (not snoozed), most recent activity first. */
  mine: ConversationSummary[];
  /** Mine, snoozed: the soonest to come back first (until the shopper replies: last). */
  snoozed: ConversationSummary[];
  /** Assigned to other agents, most recent activity first. */
  others: ConversationSummary[];
  /** Resolved, most recently resolved first, at most `resolvedLimit`. */
  resolved: ConversationSummary[];
}

export const RESOLVED_LIMIT = 25;

const activity = (c: ConversationSummary): number => c.lastMessageAt ?? c.assignedAt ?? c.createdAt;
const waitingSince = (c: ConversationSummary): number => c.queuedAt ?? c.createdAt;

export function groupInbox(conversations: Iterable<ConversationSummary>, meId: string, resolvedLimit = RESOLVED_LIMIT): InboxGroups {
  const g: InboxGroups = { waiting: [], bot: [], mine: [], snoozed: [], others: [], resolved: [] };
  for (const c of conversations) {
    switch (c.state) {
      case 'queued':
        g.waiting.push(c);
        break;
      case 'bot':
        g.bot.push(c);
        break;
      case 'assigned':
        if (c.agentId === meId) (c.snoozed ? g.snoozed : g.mine).push(c);
        else g.others.push(c);
        break;
      case 'resolved':
        g.resolved.push(c);
        break;
    }
  }
  g.waiting.sort(compareQueue);
  g.bot.sort((a, b) => waitingSince(a) - waitingSince(b) || cmpId(a, b));
  g.mine.sort(byActivityDesc);
  g.snoozed.sort((a, b) => (a.snoozedUntil ?? Infinity) - (b.snoozedUntil ?? Infinity) || cmpId(a, b));
  g.others.sort(byActivityDesc);
  g.resolved.sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0) || cmpId(a, b));
  if (g.resolved.length > resolvedLimit) g.resolved.length = resolvedLimit;
  return g;
}

function byActivityDesc(a: ConversationSummary, b: ConversationSummary): number {
  return activity(b) - activity(a) || cmpId(a, b);
}

function cmpId(a: ConversationSummary, b: ConversationSummary): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the agent has seen of a conversation: the last seq and the last message time. */
export interface ReadMark {
  seq: number;
  at: number;
}

/**
 * True when the conversation has visitor messages the agent has not viewed. With the stream
 * loaded (followed conversations) this is exact; otherwise a waiting conversation counts as
 * unread when its last message is newer than what was viewed. Resolved conversations and other
 * agents' conversations never show a dot.
 */
export function isUnread(
  c: ConversationSummary,
  meId: string,
  read: ReadMark | undefined,
  items: readonly StreamItem[] | undefined,
): boolean {
  if (c.state === 'resolved') return false;
  if (c.state === 'assigned' && c.agentId !== meId) return false;
  const seenSeq = read?.seq ?? 0;
  if (items && items.length > 0) {
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i]!;
      if (it.seq <= seenSeq) break;
      if (it.kind === 'message' && it.authorType === 'visitor') return true;
    }
    return false;
  }
  if (c.lastMessageAt === null) return false;
  return c.lastMessageAt > (read?.at ?? 0);
}
