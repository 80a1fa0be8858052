/**
 * The team, as admins run it: the first admin (first-run setup code, or the command line), new
 * agents and their invitations, edits, deactivation and reactivation, password links and password
 * changes. The rules: only one admin is ever made by the setup code (it closes for good once an
 * admin exists); the last admin who can sign in cannot be demoted or deactivated; every link and
 * code is random, stored only as its SHA-256, good once and until it expires; a deactivated agent
 * loses their sessions and their conversations at once and keeps their history.
 */
import { randomInt } from 'node:crypto';
import type { AccountQueries, AgentRow, AgentStatusRow, GroupCommit, Store } from '@parla/db';
import type { AgentCreate, AgentUpdate, PasswordLink, PasswordLinkInfo, SetupRequest } from '@parla/protocol/admin';
import { AgentCreate as AgentCreateSchema } from '@parla/protocol/admin';
import { nanoid } from 'nanoid';
import { hashToken, newToken } from '../../lib/crypto.ts';
import type { Passwords } from '../../lib/passwords.ts';
import { RequestError } from '../../lib/http.ts';

/** How long a first-run setup code, an invitation and a reset link stay good. */
export const SETUP_CODE_TTL_MS = 24 * 3600_000;
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const RESET_TTL_MS = 24 * 3600_000;

/** Crockford's base32 (no I, L, O, U): easy to read from a log and type. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters: 80 bits. */
const CODE_LENGTH = 16;

/** A setup code as typed: case, spaces and dashes do not matter; O, I and L read as 0, 1, 1. */
export function normalizeSetupCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

function newSetupCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s.match(/.{4}/g)!.join('-');
}

/** What a link is sent with (a site's SMTP server), when there is a way to send it. */
export type LinkMailer = (to: { name: string; email: string }, link: { kind: 'invite' | 'reset'; url: string; expiresAt: number }) => Promise<{ sent: boolean; error?: string }>;

export interface TeamHooks {
  /** Closes the console sockets of sessions that were deleted. */
  sessionsEnded(tokenHashes: string[]): void;
  /** The agent was deactivated: offline now, their conversations back to the queue. */
  deactivated(agentId: string): Promise<void>;
  /** Capacity, departments or sites changed: the queue may move (`sites`: the agent's consoles follow their new sites). */
  changed(agentId: string, maxChats: number | undefined, sites?: boolean): Promise<void>;
  /** Sends a link by email; null: the install cannot send email. */
  mailer: LinkMailer | null;
}

export class Team {
  hooks: TeamHooks = { sessionsEnded: () => {}, deactivated: async () => {}, changed: async () => {}, mailer: null };

  constructor(
    private readonly store: Store,
    private readonly accounts: AccountQueries,
    private readonly commit: GroupCommit,
    private readonly passwords: Passwords,
    private readonly opts: { publicUrl: string },
    private readonly now: () => number = Date.now,
  ) {}

  // ---- first run ------------------------------------------------------------------------------

  /** True until an admin exists. */
  needsSetup(): boolean {
    return !this.accounts.hasAdmin();
  }

  /**
   * A new setup code when the install has no admin yet (the previous unused one stops working),
   * else null. The caller prints it in the log: only someone who can read the server's log can
   * create the first admin.
   */
  async issueSetupCode(): Promise<{ code: string; expiresAt: number } | null> {
    if (!this.needsSetup()) return null;
    const code = newSetupCode();
    const at = this.now();
    const expiresAt = at + SETUP_CODE_TTL_MS;
    await this.commit.run(() => {
      this.accounts.dropUnusedTokens('setup');
      this.accounts.insertToken({ tokenHash: hashToken(normalizeSetupCode(code)), kind: 'setup', agentId: null, createdBy: null, createdAt: at, expiresAt });
    });
    return { code, expiresAt };
  }

  /** Creates the first admin with the setup code; refused once any admin exists, or with a wrong, used or expired code. */
  async setup(input: SetupRequest): Promise<AgentRow> {
    if (!this.needsSetup()) throw new RequestError(409, 'setup_done', 'this install is set up already: sign in');
    const passwordHash = await this.passwords.hash(input.password);
    const id = nanoid();
    const at = this.now();
    await this.commit.run(() => {
      if (this.accounts.hasAdmin()) throw new RequestError(409, 'setup_done', 'this install is set up already: sign in');
      const h = hashToken(normalizeSetupCode(input.code));
      const tok = this.accounts.token(h);
      if (!tok || tok.kind !== 'setup' || !this.accounts.useToken(h, at)) {
        throw new RequestError(403, 'invalid_setup_code', 'the setup code is wrong or has expired: use the one the server printed at its last start');
      }
      this.insert(id, { name: input.name, email: input.email, role: 'admin', maxChats: 5, departmentIds: [] }, passwordHash, at);
    });
    return this.store.agentById(id)!;
  }

  /** An admin from the command line (the operator of the machine): no code needed. */
  async createAdmin(input: { name: string; email: string; password: string }): Promise<AgentRow> {
    const passwordHash = await this.passwords.hash(input.password);
    const id = nanoid();
    await this.commit.run(() => this.insert(id, { name: input.name, email: input.email, role: 'admin', maxChats: 5, departmentIds: [] }, passwordHash, this.now()));
    return this.store.agentById(id)!;
  }

  // ---- the team -------------------------------------------------------------------------------

  /** A new agent (who cannot sign in until they set a password through the invitation link). */
  async invite(by: AgentRow, input: AgentCreate): Promise<{ agent: AgentStatusRow; link: PasswordLink }> {
    const data = AgentCreateSchema.parse(input);
    const id = nanoid();
    // A password nobody knows until the invitation is accepted (password_set_at stays null).
    const unusable = await this.passwords.hash(newToken());
    const at = this.now();
    const token = newToken();
    const expiresAt = at + INVITE_TTL_MS;
    await this.commit.run(() => {
      this.insert(id, data, unusable, at, null);
      this.accounts.insertToken({ tokenHash: hashToken(token), kind: 'invite', agentId: id, createdBy: by.id, createdAt: at, expiresAt });
    });
    const link = await this.deliver(this.store.agentById(id)!, 'invite', token, expiresAt);
    return { agent: this.status(id), link };
  }

  /** Edits an agent. Admins: anything; an agent: their own capacity only. */
  async update(by: AgentRow, id: string, patch: AgentUpdate): Promise<AgentStatusRow> {
    const self = by.id === id;
    if (by.role !== 'admin') {
      const others = Object.keys(patch).filter((k) => k !== 'maxChats' && patch[k as keyof AgentUpdate] !== undefined);
      if (!self || others.length > 0) throw new RequestError(403, 'forbidden', 'only an admin may change this');
    }
    await this.commit.run(() => {
      const a = this.store.agentById(id);
      if (!a) throw new RequestError(404, 'not_found', 'no such agent');
      if (patch.role === 'agent' && a.role === 'admin') this.keepAnAdmin(a, 'demoted');
      if (patch.email && patch.email !== a.email && this.store.agentByEmail(patch.email)) {
        throw new RequestError(409, 'email_taken', 'another agent has this email');
      }
      if (patch.name !== undefined || patch.email !== undefined || patch.role !== undefined) {
        this.accounts.update({ id, name: patch.name ?? a.name, email: patch.email ?? a.email, role: patch.role ?? a.role });
      }
      if (patch.departmentIds) {
        for (const d of patch.departmentIds) if (!this.store.department(d)) throw new RequestError(404, 'not_found', `no such department: ${d}`);
        this.store.setAgentDepartments(id, patch.departmentIds);
      }
      if (patch.siteIds) this.setSites(id, patch.siteIds);
    });
    await this.hooks.changed(id, patch.maxChats, patch.siteIds !== undefined);
    return this.status(id);
  }

  /** Deactivates an agent: sessions end now, their conversations go back to the queue, history stays. */
  async deactivate(_by: AgentRow, id: string): Promise<AgentStatusRow> {
    let ended: string[] = [];
    await this.commit.run(() => {
      const a = this.store.agentById(id);
      if (!a) throw new RequestError(404, 'not_found', 'no such agent');
      if (a.deactivatedAt !== null) return;
      if (a.role === 'admin') this.keepAnAdmin(a, 'deactivated');
      this.accounts.setDeactivated(id, this.now());
      ended = this.accounts.deleteSessionsOf(id);
      this.accounts.dropTokensOf(id);
    });
    this.hooks.sessionsEnded(ended);
    await this.hooks.deactivated(id);
    return this.status(id);
  }

  async reactivate(_by: AgentRow, id: string): Promise<AgentStatusRow> {
    await this.commit.run(() => {
      const a = this.store.agentById(id);
      if (!a) throw new RequestError(404, 'not_found', 'no such agent');
      this.accounts.setDeactivated(id, null);
    });
    return this.status(id);
  }

  /**
   * A new link for the agent: an invitation when they never set a password, else a password reset.
   * Earlier unused links of the agent stop working.
   */
  async issueLink(by: AgentRow, id: string): Promise<PasswordLink> {
    const a = this.store.agentById(id);
    if (!a) throw new RequestError(404, 'not_found', 'no such agent');
    if (a.deactivatedAt !== null) throw new RequestError(409, 'deactivated', 'reactivate the agent first');
    const kind = a.passwordSetAt === null ? 'invite' : 'reset';
    const token = newToken();
    const at = this.now();
    const expiresAt = at + (kind === 'invite' ? INVITE_TTL_MS : RESET_TTL_MS);
    await this.commit.run(() => {
      this.accounts.dropTokensOf(id);
      this.accounts.insertToken({ tokenHash: hashToken(token), kind, agentId: id, createdBy: by.id, createdAt: at, expiresAt });
    });
    return this.deliver(a, kind, token, expiresAt);
  }

  /** Who a link is for; null when it is unknown, used, replaced or expired. */
  inspectLink(token: string): PasswordLinkInfo | null {
    const found = this.liveLink(token);
    return found && { kind: found.kind, name: found.agent.name, email: found.agent.email, expiresAt: found.expiresAt };
  }

  /** Sets the password through a link (once); a reset ends every session of the agent. */
  async acceptLink(token: string, password: string): Promise<AgentRow> {
    if (!this.liveLink(token)) throw invalidLink();
    const passwordHash = await this.passwords.hash(password);
    const h = hashToken(token);
    let ended: string[] = [];
    const agentId = await this.commit.run(() => {
      const at = this.now();
      const tok = this.accounts.token(h);
      const agent = tok?.agentId ? this.store.agentById(tok.agentId) : undefined;
      if (!tok || !agent || agent.deactivatedAt !== null || (tok.kind !== 'invite' && tok.kind !== 'reset') || !this.accounts.useToken(h, at)) throw invalidLink();
      this.accounts.setPassword(agent.id, passwordHash, at);
      this.accounts.dropTokensOf(agent.id);
      ended = this.accounts.deleteSessionsOf(agent.id);
      return agent.id;
    });
    this.hooks.sessionsEnded(ended);
    return this.store.agentById(agentId)!;
  }

  /** The agent's own password (the current one required); their other sessions end. False: wrong current password. */
  async changePassword(agent: AgentRow, sessionHash: string, current: string, next: string): Promise<boolean> {
    if (!(await this.passwords.verify(current, agent.passwordHash))) return false;
    const passwordHash = await this.passwords.hash(next);
    let ended: string[] = [];
    await this.commit.run(() => {
      this.accounts.setPassword(agent.id, passwordHash, this.now());
      ended = this.accounts.deleteSessionsOf(agent.id, sessionHash);
    });
    this.hooks.sessionsEnded(ended);
    return true;
  }

  status(id: string): AgentStatusRow {
    return this.store.allAgents().find((a) => a.id === id)!;
  }

  // ---- inside ---------------------------------------------------------------------------------

  private insert(
    id: string,
    a: { name: string; email: string; role: 'agent' | 'admin'; maxChats: number; departmentIds: string[]; siteIds?: string[] },
    passwordHash: string,
    at: number,
    passwordSetAt: number | null = at,
  ): void {
    if (this.store.agentByEmail(a.email)) throw new RequestError(409, 'email_taken', 'an agent with this email exists');
    for (const d of a.departmentIds) if (!this.store.department(d)) throw new RequestError(404, 'not_found', `no such department: ${d}`);
    this.store.insertAgent({ id, email: a.email, name: a.name, passwordHash, role: a.role, maxChats: a.maxChats, createdAt: at, passwordSetAt });
    if (a.departmentIds.length) this.store.setAgentDepartments(id, a.departmentIds);
    if (a.siteIds?.length) this.setSites(id, a.siteIds);
  }

  /** Inside a write: the sites an agent works on (empty: every site); each must exist, and a department of another site is refused. */
  private setSites(id: string, siteIds: string[]): void {
    for (const s of siteIds) if (!this.store.getSite(s)) throw new RequestError(404, 'not_found', `no such site: ${s}`);
    this.store.setAgentSites(id, siteIds);
  }

  /** Inside a write: refuses to take away the last admin who can sign in. */
  private keepAnAdmin(a: AgentRow, what: 'demoted' | 'deactivated'): void {
    const counts = a.deactivatedAt === null && a.passwordSetAt !== null;
    if (counts && this.accounts.activeAdminCount() <= 1) {
      throw new RequestError(409, 'last_admin', `the last admin cannot be ${what}: make another agent an admin first`);
    }
  }

  private liveLink(token: string): { kind: 'invite' | 'reset'; agent: AgentRow; expiresAt: number } | null {
    const tok = this.accounts.token(hashToken(token));
    if (!tok || tok.usedAt !== null || tok.expiresAt <= this.now() || (tok.kind !== 'invite' && tok.kind !== 'reset') || !tok.agentId) return null;
    const agent = this.store.agentById(tok.agentId);
    if (!agent || agent.deactivatedAt !== null) return null;
    return { kind: tok.kind, agent, expiresAt: tok.expiresAt };
  }

  /** Emails the link when the install can; otherwise (or when sending fails) hands the URL to the admin, once. */
  private async deliver(agent: AgentRow, kind: 'invite' | 'reset', token: string, expiresAt: number): Promise<PasswordLink> {
    // The token rides in the fragment: browsers never send it to the server, so no access log has it.
    const url = `${this.opts.publicUrl}/console/#${kind}=${token}`;
    const mailer = this.hooks.mailer;
    if (!mailer) return { kind, url, expiresAt, emailed: false };
    const r = await mailer({ name: agent.name, email: agent.email }, { kind, url, expiresAt }).catch((e: unknown) => ({ sent: false, error: e instanceof Error ? e.message : String(e) }));
    return r.sent ? { kind, url: null, expiresAt, emailed: true } : { kind, url, expiresAt, emailed: false, ...(r.error ? { emailError: r.error } : {}) };
  }
}

function invalidLink(): RequestError {
  return new RequestError(404, 'invalid_link', 'this link is not valid any more (used, replaced or expired): ask an admin for a new one');
}
