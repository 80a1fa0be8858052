/**
 * Failed password checks, throttled so that a stranger cannot lock anyone out:
 *
 * - per (address, account): RATE_LOGIN_EMAIL failures, then this address gets 429 for this
 *   account until the bucket refills (the guesser is stopped, not the account);
 * - per account, from every address: past RATE_LOGIN_ACCOUNT failures each further attempt on
 *   the account is held before the password is checked, 0.5 s doubling with every failure
 *   beyond, at most LOGIN_BACKOFF_MAX_MS. It slows a guesser with many addresses and never
 *   refuses: the right password from another address still signs in, a moment later.
 *
 * (Per address, every attempt: RATE_LOGIN_IP, @fastify/rate-limit.) Keys are the client address
 * as ipKey gives it (an IPv6 /64 as one).
 */
import { Buckets, type Rate } from '../../lib/buckets.ts';

const BACKOFF_BASE_MS = 500;

export class LoginThrottle {
  private readonly pair: Buckets;
  private readonly account: Buckets;
  private readonly floor: number;

  constructor(
    pairRate: Rate | null,
    private readonly accountRate: Rate | null,
    private readonly maxDelayMs: number,
  ) {
    this.pair = new Buckets(pairRate);
    this.account = new Buckets(accountRate);
    // The debt an attack can run up on an account: enough to reach the longest hold, no more
    // (the hold ends a while after the attack does, not hours later).
    this.floor = -Math.ceil(Math.log2(Math.max(1, maxDelayMs / BACKOFF_BASE_MS)));
  }

  /** 0 when this address may try this account now, else ms until it may. */
  refused(ip: string, email: string, now: number): number {
    return this.pair.wait(`${ip}|${email}`, now);
  }

  /** How long to hold an attempt on this account before checking the password (0: not under attack). */
  holdMs(email: string, now: number): number {
    if (!this.accountRate) return 0;
    const level = this.account.available(email, now);
    if (level >= 1) return 0;
    return Math.min(this.maxDelayMs, BACKOFF_BASE_MS * 2 ** Math.ceil(-level));
  }

  /** A wrong password (or second factor) from this address for this account. */
  failed(ip: string, email: string, now: number): void {
    this.pair.take(`${ip}|${email}`, now);
    this.account.take(email, now, this.floor);
  }
}
