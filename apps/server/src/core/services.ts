/**
 * The services the composition root (`app.ts`) builds and hands to the gateways and modules.
 * Modules import this type from here, never from `app.ts` (issue #18: `app.ts` is the composition root only).
 */
import type { GroupCommit, OpenedDb, Store } from '@parla/db';
import type { Config } from '../config.ts';
import type { Hub } from '../hub.ts';
import type { PasswordPool } from '../lib/passwords.ts';
import type { AgentSites } from '../realtime/agent-sites.ts';
import type { Agents } from '../modules/agents/service.ts';
import type { Team } from '../modules/agents/team.ts';
import type { TwoFactor } from '../modules/agents/two-factor.ts';
import type { Conversations } from '../modules/conversations/service.ts';
import type { MetricsService } from '../modules/metrics/service.ts';
import type { Sites } from '../modules/sites/service.ts';
import type { Availability } from '../modules/sites/availability.ts';
import type { Bot } from '../modules/bot/service.ts';
import type { Visitors } from '../modules/visitors/service.ts';
import type { Security } from '../modules/security/index.ts';

export interface Services {
  config: Config;
  db: OpenedDb;
  store: Store;
  commit: GroupCommit;
  hub: Hub;
  sites: Sites;
  availability: Availability;
  bot: Bot;
  conversations: Conversations;
  visitors: Visitors;
  agents: Agents;
  team: Team;
  twoFactor: TwoFactor;
  passwords: PasswordPool;
  security: Security;
  metrics: MetricsService;
  /** Which sites' rows each console socket receives. */
  agentSites: AgentSites;
}

declare module 'fastify' {
  interface FastifyInstance {
    parla: Services;
  }
}
