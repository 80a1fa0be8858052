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
      totpGet: p(`SELECT totp_secret AS secret, totp_enabled_at AS enabledAt, totp_last_step AS lastStep FROM agents WHERE id = ?`),
      totpPending: p(`UPDATE agents SET totp_secret = ? WHERE id = ? AND totp_enabled_at IS NULL`),
      totpEnable: p(`UPDATE agents SET totp_enabled_at = ?, totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL AND totp_enabled_at IS NULL`),
      totpStep: p(`UPDATE agents SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)`),
      totpDisable: p(`UPDATE agents SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?`),
      codesClear: p(`DELETE FROM agent_recovery_codes WHERE agent_id = ?`),
      codeInsert: p(`INSERT INTO agent_recovery_codes (code_hash, agent_id, created_at) VALUES (?, ?, ?)`),
      codeUse: p(`UPDATE agent_recovery_codes SET used_at = ? WHERE code_hash = ? AND agent_id = ? AND used_at IS NULL`),
      codesLeft: p(`SELECT count(*) AS n FROM agent_recovery_codes WHERE agent_id = ? AND used_at IS NULL`),
    };
  }

  // ---- two-factor sign-in (TOTP) -------------------------------------------------------------

  totp(agentId: string): { secret: string | null; enabledAt: number | null; lastStep: number | null } | undefined {
    return this.s.totpGet.get(agentId) as ReturnType<AccountQueries['totp']>;
  }
  /** A new secret being set up (replaces one not confirmed yet); false when two-factor is already on. */
  setPendingTotp(agentId: string, secret: string): boolean {
    return this.s.totpPending.run(secret, agentId).changes === 1;
  }
  /** Turns two-factor on with the pending secret; `step` is the time step of the code that confirmed it. */
  enableTotp(agentId: string, at: number, step: number): boolean {
    return this.s.totpEnable.run(at, step, agentId).changes === 1;
  }
  /** Records a code's time step; false when that step (or a later one) was used already: a code is good once. */
  useTotpStep(agentId: string, step: number): boolean {
    return this.s.totpStep.run(step, agentId, step).changes === 1;
  }
  /** Two-factor off, its secret and recovery codes gone. */
  disableTotp(agentId: string): void {
    this.s.totpDisable.run(agentId);
    this.s.codesClear.run(agentId);
  }
  /** Replaces the agent's recovery codes (their SHA-256). */
  setRecoveryCodes(agentId: string, hashes: string[], at: number): void {
    this.s.codesClear.run(agentId);
    for (const h of hashes) this.s.codeInsert.run(h, agentId, at);
  }
  /** Uses a recovery code up; false when it is not one of the agent's unused codes. */
  useRecoveryCode(agentId: string, hash: string, at: number): boolean {
    return this.s.codeUse.run(at, hash, agentId).changes === 1;
  }
  recoveryCodesLeft(agentId: string): number {
    return (this.s.codesLeft.get(agentId) as { n: number }).n;
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
