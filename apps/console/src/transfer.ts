/** Pure transfer logic: which agents can receive a conversation, the frame, and who handed it over. */
import type { AgentStatus, AgentToServer, ConversationSummary, StreamItem } from '@parla/protocol';

/**
 * Whether an agent can receive a transfer: 'ok', or why not. The server refuses offline agents
 * and agents at capacity (conflict); the current assignee is not a transfer.
 */
export type TargetState = 'ok' | 'current' | 'offline' | 'full';

export function agentTargetState(a: Pick<AgentStatus, 'id' | 'presence' | 'load' | 'maxChats'>, c: Pick<ConversationSummary, 'agentId' | 'state'>): TargetState {
  if (c.state === 'assigned' && c.agentId === a.id) return 'current';
  if (a.presence === 'offline') return 'offline';
  if (a.load >= a.maxChats) return 'full';
  return 'ok';
}

const PRESENCE_RANK = { online: 0, away: 1, offline: 2 } as const;

/**
 * Eligible agents first; then online before away before offline, least loaded, by name. Invited
 * (not signed in yet) and deactivated agents are not colleagues one can hand a chat to: left out.
 */
export function sortTargets<A extends Pick<AgentStatus, 'id' | 'name' | 'presence' | 'load' | 'maxChats'> & { status?: AgentStatus['status'] }>(
  agents: readonly A[],
  c: Pick<ConversationSummary, 'agentId' | 'state'>,
): { agent: A; state: TargetState }[] {
  return agents
    .filter((agent) => agent.status === undefined || agent.status === 'active')
    .map((agent) => ({ agent, state: agentTargetState(agent, c) }))
    .sort(
      (x, y) =>
        Number(x.state !== 'ok') - Number(y.state !== 'ok') ||
        PRESENCE_RANK[x.agent.presence] - PRESENCE_RANK[y.agent.presence] ||
        x.agent.load / x.agent.maxChats - y.agent.load / y.agent.maxChats ||
        x.agent.name.localeCompare(y.agent.name),
    );
}

export type TransferTarget = { agentId: string } | { departmentId: string };

/** The conversation.transfer frame: exactly one target; the note only when not blank (max 1000). */
export function transferFrame(conversationId: string, target: TransferTarget, note: string): Extract<AgentToServer, { type: 'conversation.transfer' }> {
  const trimmed = note.trim().slice(0, 1000);
  return {
    type: 'conversation.transfer',
    conversationId,
    ...('agentId' in target ? { toAgentId: target.agentId } : { toDepartmentId: target.departmentId }),
    ...(trimmed ? { note: trimmed } : {}),
  };
}

/**
 * For each 'transferred' event (by seq), the name of the agent who held the conversation just
 * before it (the event names only the receiver, not who made the transfer: an admin may move
 * someone else's conversation). Null when nobody held it or the name is unknown.
 */
export function transferSenders(items: readonly StreamItem[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  let holder: string | null = null;
  for (const it of items) {
    if (it.kind !== 'event') continue;
    switch (it.event) {
      case 'assigned':
        holder = it.agentName;
        break;
      case 'transferred':
        out.set(it.seq, holder);
        holder = it.agentName; // null when it went to a department's queue
        break;
      case 'queued':
      case 'resolved':
        holder = null;
        break;
      default:
        break;
    }
  }
  return out;
}

export interface TransferWording {
  /** Who made the transfer, when known for sure (this console did it, or the server said). */
  actor: string | null;
  /** Who held the conversation before. */
  from: string | null;
  /** The receiving agent or department. */
  to: string;
  note: string | null;
}

/** Which sentence fits: "Giulia transferred to Marco", "Transferred from Giulia to Marco" or "Transferred to Marco". */
export function transferWordingKind(w: Pick<TransferWording, 'actor' | 'from'>): 'actor' | 'from' | 'plain' {
  return w.actor ? 'actor' : w.from ? 'from' : 'plain';
}
