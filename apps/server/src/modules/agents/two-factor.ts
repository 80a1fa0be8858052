/**
 * Two-factor sign-in for agents, optional per agent: TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s,
 * one step either side for clock drift; the otpauth library) and ten one-time recovery codes.
 * Turned on in two steps (a secret to scan, then a code from the app proves it was scanned, so a
 * mistyped setup cannot lock anyone out). A code is good once: the time step it matched is
 * recorded and a code of that step or an earlier one is refused (no replay of an observed code).
 * Recovery codes are stored as their SHA-256 only. An admin can turn it off for an agent who lost
 * their phone.
 */
import { randomInt } from 'node:crypto';
import type { AccountQueries, AgentRow, GroupCommit } from '@parla/db';
import type { TotpSetup, TotpStatus } from '@parla/protocol/admin';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { hashToken } from '../../lib/crypto.ts';
import { RequestError } from '../../lib/http.ts';

const PERIOD_S = 30;
const RECOVERY_CODES = 10;
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function totpOf(secret: string, label = 'agent'): TOTP {
  return new TOTP({ issuer: 'Parla', label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

/** A recovery code as typed: case, spaces and dashes do not matter; O, I, L read as 0, 1, 1. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export class TwoFactor {
  constructor(
    private readonly accounts: AccountQueries,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
  ) {}

  status(agentId: string): TotpStatus {
    const t = this.accounts.totp(agentId);
    return { enabled: !!t?.enabledAt, recoveryCodesLeft: t?.enabledAt ? this.accounts.recoveryCodesLeft(agentId) : 0 };
  }

  /** A new secret to scan (the one not confirmed yet is replaced); two-factor stays off until `enable`. */
  async begin(agent: AgentRow): Promise<TotpSetup> {
    const secret = new Secret({ size: 20 }).base32;
    const ok = await this.commit.run(() => this.accounts.setPendingTotp(agent.id, secret));
    if (!ok) throw new RequestError(409, 'totp_on', 'two-factor sign-in is on already: turn it off first');
    const uri = totpOf(secret, agent.email).toString();
    return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
  }

  /** Turns two-factor on when `code` is right for the secret being set up; returns the recovery codes (shown once). */
  async enable(agent: AgentRow, code: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.commit.run(() => {
      const t = this.accounts.totp(agent.id);
      if (!t?.secret || t.enabledAt) throw new RequestError(409, 'totp_not_pending', t?.enabledAt ? 'two-factor sign-in is on already' : 'start the setup first');
      const step = this.step(t.secret, code);
      if (step === null) throw new RequestError(400, 'invalid_totp', 'the code is wrong: check the time on your phone and try the next one');
      this.accounts.enableTotp(agent.id, this.now(), step);
      this.accounts.setRecoveryCodes(agent.id, codes.map((c) => hashToken(normalizeRecoveryCode(c))), this.now());
    });
    return codes;
  }

  /**
   * The second factor of a sign-in: a code from the app (used up with its time step) or an unused
   * recovery code (used up). False when neither.
   */
  verify(agentId: string, code: string): Promise<boolean> {
    return this.commit.run(() => {
      const t = this.accounts.totp(agentId);
      if (!t?.secret || !t.enabledAt) return false;
      const digits = code.replace(/\s/g, '');
      if (/^\d{6}$/.test(digits)) {
        const step = this.step(t.secret, digits);
        return step !== null && this.accounts.useTotpStep(agentId, step);
      }
      return this.accounts.useRecoveryCode(agentId, hashToken(normalizeRecoveryCode(code)), this.now());
    });
  }

  /** Off (the agent, with a code; or an admin for an agent who lost their phone). */
  async disable(agentId: string): Promise<void> {
    await this.commit.run(() => this.accounts.disableTotp(agentId));
  }

  /** The time step `code` matches for `secret` now (one step either side), or null. */
  private step(secret: string, code: string): number | null {
    const at = this.now();
    const delta = totpOf(secret).validate({ token: code, timestamp: at, window: 1 });
    return delta === null ? null : Math.floor(at / 1000 / PERIOD_S) + delta;
  }
}
