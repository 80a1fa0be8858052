/**
 * The routing decision, first cut: pure (state in, decision out), so it is tested without sockets.
 * The server applies it inside one SQLite transaction.
 */
export interface Candidate {
  id: string;
  presence: 'online' | 'away' | 'offline';
  load: number;
  maxChats: number;
  /** When the agent last got a conversation (ms); the longest idle wins ties. */
  lastAssignedAt: number;
}

/**
 * Picks the agent for a waiting conversation: online agents under capacity; the visitor's
 * previous agent first when free; otherwise the least loaded, ties to whoever waited longest,
 * then by id so the answer is deterministic. Null when nobody can take it.
 */
export function decideAgent(candidates: readonly Candidate[], previousAgentId?: string | null): string | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.presence !== 'online' || c.load >= c.maxChats) continue;
    if (previousAgentId && c.id === previousAgentId) return c.id;
    if (
      !best ||
      c.load < best.load ||
      (c.load === best.load && (c.lastAssignedAt < best.lastAssignedAt || (c.lastAssignedAt === best.lastAssignedAt && c.id < best.id)))
    ) {
      best = c;
    }
  }
  return best ? best.id : null;
}
