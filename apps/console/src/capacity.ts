/** Pure: an agent's active conversations and whether they may take another (the server's rule, README "Capacity"). */
import type { ConversationSummary } from '@parla/protocol';

/** Active: assigned to the agent and not snoozed (what the server counts against maxChats). */
export function activeLoad(conversations: Iterable<ConversationSummary>, meId: string): number {
  let n = 0;
  for (const c of conversations) if (c.state === 'assigned' && c.agentId === meId && !c.snoozed) n++;
  return n;
}

/** The agent's limit when they are at it (Take is not offered then), else null. */
export function fullAt(conversations: Iterable<ConversationSummary>, me: { id: string; maxChats: number }): number | null {
  return activeLoad(conversations, me.id) >= me.maxChats ? me.maxChats : null;
}

/** The server's defaults (copied: importing @parla/protocol would bundle zod; test/contract.test.ts keeps them equal). */
export const DEFAULT_INACTIVITY_RESOLVE_MIN = 30;
export const DEFAULT_ABANDONED_RESOLVE_MIN = 10;
