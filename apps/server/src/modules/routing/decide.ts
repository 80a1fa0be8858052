/**
 * The routing decision: pure (state in, decision out), so it is tested without sockets. The
 * server applies it inside one SQLite transaction.
 */
export interface Candidate {
  id: string;
  presence: 'online' | 'away' | 'offline';
  load: number;
  maxChats: number;
  /** When the agent last got a conversation (ms); the longest idle wins ties. */
  lastAssignedAt: number;
  departmentIds: readonly string[];
}

export interface Wanted {
  /** Only agents of this department may take it; null: any agent. */
  departmentId?: string | null;
  /** The agent who last served this visitor: preferred when eligible. */
  previousAgentId?: string | null;
}

/** Can this agent take one more conversation of this department now? */
export function eligible(c: Candidate, departmentId: string | null | undefined): boolean {
  return c.presence === 'online' && c.load < c.maxChats && (!departmentId || c.departmentIds.includes(departmentId));
}

/**
 * Picks the agent for a waiting conversation among the eligible ones (online, under capacity, in
 * the department): the visitor's previous agent first; otherwise the least loaded, ties to
 * whoever waited longest, then by id so the answer is deterministic. Null when nobody can.
 */
export function decideAgent(candidates: readonly Candidate[], wanted: Wanted = {}): string | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (!eligible(c, wanted.departmentId)) continue;
    if (wanted.previousAgentId && c.id === wanted.previousAgentId) return c.id;
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
