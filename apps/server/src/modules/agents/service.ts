import type { AgentRow, GroupCommit, Store } from '@parla/db';
import type { AgentView, Presence } from '@parla/protocol';
import { nanoid } from 'nanoid';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { DUMMY_PASSWORD_HASH, type Passwords } from '../../lib/passwords.ts';
import type { Hub } from '../../hub.ts';
import type { Conversations } from '../conversations/service.ts';
import type { Availability } from '../sites/availability.ts';

export const SESSION_COOKIE = 'parla_session';

export function agentView(a: AgentRow): AgentView {
  return { id: a.id, name: a.name, email: a.email, role: a.role, presence: a.presence, maxChats: a.maxChats };
}

/** Agents: accounts, sessions and presence (online while a console socket is open). */
export class Agents {
  private readonly sockets = new Map<string, number>();
  /** Checks (and uses up) a second factor of an agent with two-factor on (set by app.ts). */
  secondFactor: ((agentId: string, code: string) => Promise<boolean>) | null = null;
  private readonly offlineTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly hub: Hub,
    private readonly conversations: Conversations,
    private readonly availability: Availability,
    private readonly passwords: Passwords,
    private readonly opts: { sessionTtlMs: number; offlineGraceMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: { email: string; name: string; password: string; role?: 'agent' | 'admin'; maxChats?: number }): Promise<AgentRow> {
    const passwordHash = await this.passwords.hash(input.password);
    const id = nanoid();
    await this.commit.run(() =>
      this.store.insertAgent({
        id,
        email: input.email.trim().toLowerCase(),
        name: input.name,
        passwordHash,
        role: input.role ?? 'agent',
        maxChats: input.maxChats ?? 5,
        createdAt: this.now(),
      }),
    );
    return this.store.agentById(id)!;
  }

  /**
   * Checks the password (and, when the agent has two-factor on, `totp`); returns the agent and a
   * new session token, 'deactivated' for the right password of a deactivated account,
   * 'totp_required' for the right password without a code, or null. Same cost whether or not the
   * email exists (an unknown one is checked against a dummy hash, in the same queue). Throws
   * PasswordsBusy (429) when the hashing queue is full.
   */
  async login(email: string, password: string, totp?: string): Promise<{ agent: AgentRow; token: string } | 'deactivated' | 'totp_required' | null> {
    const agent = this.store.agentByEmail(email);
    const ok = await this.passwords.verify(password, agent?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!agent || !ok) return null;
    if (agent.deactivatedAt !== null) return 'deactivated';
    // Two-factor on: the right password alone is not enough; a wrong code counts as a failed login.
    if (agent.totpEnabledAt !== null) {
      if (!totp) return 'totp_required';
      if (!(await this.secondFactor?.(agent.id, totp))) return null;
    }
    return { agent, token: await this.startSession(agent.id) };
  }

  /** A new session for the agent; returns its token (for the cookie). */
  async startSession(agentId: string): Promise<string> {
    const token = newToken();
    const at = this.now();
    await this.commit.run(() => {
      this.store.purgeSessions(at);
      this.store.insertSession(hashToken(token), agentId, at, at + this.opts.sessionTtlMs);
    });
    return token;
  }

  authenticate(token: string | undefined): AgentRow | null {
    if (!token || token.length > 128) return null;
    return this.store.sessionAgent(hashToken(token), this.now()) ?? null;
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.commit.run(() => this.store.deleteSession(hashToken(token)));
  }

  /** A console socket opened: the agent is online (and may take waiting conversations). */
  async socketOpened(agentId: string): Promise<void> {
    this.sockets.set(agentId, (this.sockets.get(agentId) ?? 0) + 1);
    const t = this.offlineTimers.get(agentId);
    if (t) {
      clearTimeout(t);
      this.offlineTimers.delete(agentId);
    }
    const agent = this.store.agentById(agentId);
    if (agent && agent.presence === 'offline') await this.setPresence(agentId, 'online');
  }

  /** The last console socket closed: offline after a grace period (a reload or blip is not a departure). */
  socketClosed(agentId: string): void {
    const n = (this.sockets.get(agentId) ?? 1) - 1;
    if (n > 0) {
      this.sockets.set(agentId, n);
      return;
    }
    this.sockets.delete(agentId);
    const timer = setTimeout(() => {
      this.offlineTimers.delete(agentId);
      if (!this.sockets.has(agentId)) void this.setPresence(agentId, 'offline').catch(() => {});
    }, this.opts.offlineGraceMs);
    timer.unref?.();
    this.offlineTimers.set(agentId, timer);
  }

  async setPresence(agentId: string, presence: Presence): Promise<void> {
    await this.commit.run(() => this.store.setPresence(agentId, presence));
    this.hub.publish('agents', { type: 'presence', agentId, presence });
    if (presence === 'online') await this.conversations.drain();
    else if (presence === 'offline') await this.conversations.requeueAgent(agentId);
    this.conversations.presenceChanged(); // who waits hears whether anyone can answer now
    this.availability.changed(); // and so does every visitor connected
  }

  onlineCount(): number {
    return this.store.countOnlineAgents();
  }

  stop(): void {
    for (const t of this.offlineTimers.values()) clearTimeout(t);
    this.offlineTimers.clear();
  }
}
