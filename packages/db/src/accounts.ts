/**
 * Accounts: the team's agents as admins manage them (create, edit, deactivate), their sessions,
 * and the one-time tokens (the first-run setup code, invitations, password resets), stored only
 * as SHA-256 hashes.
 */
import type Database from 'better-sqlite3';

export type AccountTokenKind = 'setup' | 'invite' | 'reset';

export interface AccountTokenRow {
  tokenHash: string;
  kind: AccountTokenKind;
  agentId: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export class AccountQueries {
  private readonly s;

  constructor(readonly sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      activeAdmins: p(`SELECT count(*) AS n FROM agents WHERE role = 'admin' AND deactivated_at IS NULL AND password_set_at IS NOT NULL`),
      anyAdmin: p(`SELECT 1 FROM agents WHERE role = 'admin' LIMIT 1`),
      update: p(`UPDATE agents SET name = @name, email = @email, role = @role WHERE id = @id`),
      setPassword: p(`UPDATE agents SET password_hash = ?, password_set_at = ? WHERE id = ?`),
      setDeactivated: p(`UPDATE agents SET deactivated_at = ?, presence = CASE WHEN ? IS NULL THEN presence ELSE 'offline' END WHERE id = ?`),
      sessionsOf: p(`SELECT token_hash AS h FROM agent_sessions WHERE agent_id = ?`),
      deleteSessionsOf: p(`DELETE FROM agent_sessions WHERE agent_id = ?`),
      deleteSessionsOfExcept: p(`DELETE FROM agent_sessions WHERE agent_id = ? AND token_hash != ?`),
      tokenInsert: p(`INSERT INTO account_tokens (token_hash, kind, agent_id, created_by, created_at, expires_at) VALUES (@tokenHash, @kind, @agentId, @createdBy, @createdAt, @expiresAt)`),
      tokenGet: p(`SELECT token_hash AS tokenHash, kind, agent_id AS agentId, created_by AS createdBy, created_at AS createdAt,
          expires_at AS expiresAt, used_at AS usedAt FROM account_tokens WHERE token_hash = ?`),
      tokenUse: p(`UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`),
      tokensDropOfAgent: p(`DELETE FROM account_tokens WHERE agent_id = ? AND used_at IS NULL`),
      tokensDropKind: p(`DELETE FROM account_tokens WHERE kind = ? AND used_at IS NULL`),
      tokensPurge: p(`DELETE FROM account_tokens WHERE expires_at <= ? OR used_at IS NOT NULL`),
    };
  }

  /** Admins who can sign in (active, password chosen): the last one may not be removed or demoted. */
  activeAdminCount(): number {
    return (this.s.activeAdmins.get() as { n: number }).n;
  }
  /** Whether any admin account exists (the first-run setup closes for good once one does). */
  hasAdmin(): boolean {
    return this.s.anyAdmin.get() !== undefined;
  }
  update(a: { id: string; name: string; email: string; role: 'agent' | 'admin' }): void {
    this.s.update.run(a);
  }
  setPassword(agentId: string, passwordHash: string, at: number): void {
    this.s.setPassword.run(passwordHash, at, agentId);
  }
  /** Deactivates (at a time) or reactivates (null); a deactivated agent is offline. */
  setDeactivated(agentId: string, at: number | null): void {
    this.s.setDeactivated.run(at, at, agentId);
  }
  /** The token hashes of the agent's sessions. */
  sessionsOf(agentId: string): string[] {
    return (this.s.sessionsOf.all(agentId) as { h: string }[]).map((r) => r.h);
  }
  /** Deletes the agent's sessions, all or all but `keep`; returns the deleted token hashes. */
  deleteSessionsOf(agentId: string, keep?: string): string[] {
    const gone = this.sessionsOf(agentId).filter((h) => h !== keep);
    if (keep === undefined) this.s.deleteSessionsOf.run(agentId);
    else this.s.deleteSessionsOfExcept.run(agentId, keep);
    return gone;
  }
  insertToken(t: Omit<AccountTokenRow, 'usedAt'>): void {
    this.s.tokenInsert.run(t);
  }
  token(tokenHash: string): AccountTokenRow | undefined {
    return this.s.tokenGet.get(tokenHash) as AccountTokenRow | undefined;
  }
  /** Marks a token used; false when it was used already or has expired (so it is good exactly once). */
  useToken(tokenHash: string, at: number): boolean {
    return this.s.tokenUse.run(at, tokenHash, at).changes === 1;
  }
  /** Drops the agent's unused links (a new link replaces the old ones). */
  dropTokensOf(agentId: string): void {
    this.s.tokensDropOfAgent.run(agentId);
  }
  dropUnusedTokens(kind: AccountTokenKind): void {
    this.s.tokensDropKind.run(kind);
  }
  /** Forgets expired and used tokens. */
  purgeTokens(now: number): void {
    this.s.tokensPurge.run(now);
  }
}
