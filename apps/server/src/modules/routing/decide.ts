/**
 * The routing decision: pure (state in, decision out), so it is tested without sockets. The
 * server applies it inside one SQLite transaction.
 */
import type { PresenceName } from '@parla/protocol/constants';

export interface Candidate {
  id: string;
  presence: PresenceName;
  load: number;
  maxChats: number;
  /** When the agent last got a conversation (ms); the longest idle wins ties. */
  lastAssignedAt: number;
  departmentIds: readonly string[];
  /** The sites the agent works on; null or absent: every site. */
  siteIds?: readonly string[] | null;
}

export interface Wanted {
  /** Only agents who work on this site may take it (absent: any). */
  siteId?: string;
  /** Only agents of this department may take it; null: any agent. */
  departmentId?: string | null;
  /** The agent who last served this visitor: preferred when eligible. */
  previousAgentId?: string | null;
}

/** Does this agent work on this site (every agent does when no site is named)? */
export function worksOn(c: Pick<Candidate, 'siteIds'>, siteId: string | undefined): boolean {
  return !siteId || !c.siteIds || c.siteIds.includes(siteId);
}

/** Could this agent answer a conversation of this site and department (whatever their load)? */
export function serves(c: Pick<Candidate, 'siteIds' | 'departmentIds'>, siteId: string | undefined, departmentId: string | null | undefined): boolean {
  return worksOn(c, siteId) && (!departmentId || c.departmentIds.includes(departmentId));
}

/** Can this agent take one more conversation of this site and department now? */
export function eligible(c: Candidate, departmentId: string | null | undefined, siteId?: string): boolean {
  return c.presence === 'online' && c.load < c.maxChats && serves(c, siteId, departmentId);
}

/**
 * Picks the agent for a waiting conversation among the eligible ones (online, under capacity, in
 * the department): the visitor's previous agent first; otherwise the least loaded, ties to
 * whoever waited longest, then by id so the answer is deterministic. Null when nobody can.
 */
export function decideAgent(candidates: readonly Candidate[], wanted: Wanted = {}): string | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (!eligible(c, wanted.departmentId, wanted.siteId)) continue;
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
