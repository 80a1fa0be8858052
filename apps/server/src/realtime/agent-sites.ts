/**
 * Which sites' rows each console socket receives (issue #18, fan-out per site): an agent's socket
 * subscribes to `agents:site:<id>` for each site they work on, or to `agents:all-sites` when they
 * work on every site (no row in agent_sites). Whatever concerns one site's conversations and
 * visitors (inbox rows, erasures, page views) is published to both (siteTopics), so it reaches
 * only the agents who work there. (`site:<id>` is the visitor sockets' topic: availability.) When an admin changes an agent's sites, their open
 * console sockets are closed with 1012 (the console reconnects at once and its welcome holds the
 * inbox of the new sites).
 */
import type { Store } from '@parla/db';
import type { AgentTopic, Hub, Subscriber } from '../hub.ts';

/** The topic of the agents who work on every site. */
export const ALL_SITES = 'agents:all-sites';

/** The agent topics a frame about one site's conversations or visitors goes to. */
export function siteTopics(siteId: string): AgentTopic[] {
  return [`agents:site:${siteId}`, ALL_SITES];
}

export class AgentSites {
  private readonly sockets = new Map<string, Map<Subscriber, { topics: AgentTopic[]; close: () => void }>>();

  constructor(
    private readonly hub: Hub,
    private readonly store: Store,
  ) {}

  /** Subscribes a console socket of this agent to the topics of their sites; `close` ends the socket (refresh). */
  attach(agentId: string, sub: Subscriber, close: () => void): void {
    let mine = this.sockets.get(agentId);
    if (!mine) {
      mine = new Map();
      this.sockets.set(agentId, mine);
    }
    const topics = this.topicsOf(agentId);
    for (const t of topics) this.hub.subscribe(t, sub);
    mine.set(sub, { topics, close });
  }

  detach(agentId: string, sub: Subscriber): void {
    const mine = this.sockets.get(agentId);
    const entry = mine?.get(sub);
    if (!mine || !entry) return;
    for (const t of entry.topics) this.hub.unsubscribe(t, sub);
    mine.delete(sub);
    if (!mine.size) this.sockets.delete(agentId);
  }

  /** The agent's sites changed: their open sockets stop receiving now and are closed (the console reconnects to a fresh welcome). */
  refresh(agentId: string): void {
    const mine = this.sockets.get(agentId);
    if (!mine) return;
    for (const [sub, { close }] of [...mine]) {
      this.detach(agentId, sub);
      close();
    }
  }

  /** The sites an agent works on; null: every site. */
  sitesOf(agentId: string): string[] | null {
    return this.store.agentSites(agentId);
  }

  private topicsOf(agentId: string): AgentTopic[] {
    const sites = this.store.agentSites(agentId);
    return sites ? sites.map((id): AgentTopic => `agents:site:${id}`) : [ALL_SITES];
  }
}
