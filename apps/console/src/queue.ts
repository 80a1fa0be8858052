/** Pure queue and SLA logic: the order waiting conversations are served in, and first-response timers. */
import type { ConversationSummary } from '@parla/protocol';

type Queued = Pick<ConversationSummary, 'id' | 'priority' | 'queuedAt' | 'createdAt'> & Partial<Pick<ConversationSummary, 'serial'>>;

/**
 * The server's serving order: higher priority first, then longest waiting, then the earlier
 * arrival (`serial`, the server's own tie-break, for those queued in the same millisecond), then
 * by id (stable; a server before protocol 5 sends no serial).
 */
export function compareQueue(a: Queued, b: Queued): number {
  return (
    (b.priority ?? 0) - (a.priority ?? 0) ||
    (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt) ||
    (a.serial ?? 0) - (b.serial ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The queued conversations (state 'queued' only), in serving order. */
export function queueOrder<C extends Queued & Pick<ConversationSummary, 'state'>>(conversations: Iterable<C>): C[] {
  const out: C[] = [];
  for (const c of conversations) if (c.state === 'queued') out.push(c);
  return out.sort(compareQueue);
}

/** conversationId -> 1-based position in the queue. */
export function queuePositions(conversations: Iterable<Queued & Pick<ConversationSummary, 'state'>>): Map<string, number> {
  const m = new Map<string, number>();
  queueOrder(conversations).forEach((c, i) => m.set(c.id, i + 1));
  return m;
}

export interface SlaState {
  /** When the first-response target passes (null when the server only told us it was missed). */
  dueAt: number | null;
  /** dueAt - now: negative once overdue; null without dueAt. */
  remainingMs: number | null;
  breached: boolean;
}

type SlaFields = Pick<ConversationSummary, 'state' | 'firstAgentReplyAt'> & Partial<Pick<ConversationSummary, 'slaDueAt' | 'slaBreached'>>;

/**
 * The first-response timer of a conversation no agent has answered yet; null when there is none
 * (answered, resolved, or the server sets no target). Breached when the server says so or the
 * due time has passed.
 */
export function slaState(c: SlaFields, now: number): SlaState | null {
  if (c.state === 'resolved' || c.firstAgentReplyAt != null) return null;
  const dueAt = c.slaDueAt ?? null;
  if (dueAt === null) return c.slaBreached ? { dueAt: null, remainingMs: null, breached: true } : null;
  const remainingMs = dueAt - now;
  return { dueAt, remainingMs, breached: c.slaBreached === true || remainingMs < 0 };
}

/** Below this the timer turns amber. */
export const SLA_SOON_MS = 60_000;

export function slaLevel(s: SlaState): 'ok' | 'soon' | 'breached' {
  if (s.breached) return 'breached';
  return s.remainingMs !== null && s.remainingMs <= SLA_SOON_MS ? 'soon' : 'ok';
}

/**
 * A key that changes when agents' loads can have changed (assignments, resolutions), and not on
 * every new message: the agents list refetches when it changes.
 */
export function loadSignature(conversations: Iterable<Pick<ConversationSummary, 'id' | 'state' | 'agentId'>>): string {
  const parts: string[] = [];
  for (const c of conversations) if (c.state === 'assigned' && c.agentId) parts.push(`${c.id}:${c.agentId}`);
  return parts.sort().join(',');
}
