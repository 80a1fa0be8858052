/**
 * Abuse limits on what visitors send over the WebSocket: messages and new conversations per
 * visitor, per IP address and per site; new visitors per IP address; every other frame per
 * connection. Token buckets (lib/buckets.ts), sized by the RATE_* settings.
 */
import type { Config } from '../../config.ts';
import { Buckets, takeAll } from '../../lib/buckets.ts';

export class VisitorLimits {
  private readonly msgVisitor: Buckets;
  private readonly msgIp: Buckets;
  private readonly msgSite: Buckets;
  private readonly convVisitor: Buckets;
  private readonly convIp: Buckets;
  private readonly convSite: Buckets;
  private readonly newVisitorIp: Buckets;
  private readonly frames: Buckets;
  private readonly transcriptIp: Buckets;

  constructor(config: Config) {
    this.msgVisitor = new Buckets(config.RATE_MESSAGES_VISITOR);
    this.msgIp = new Buckets(config.RATE_MESSAGES_IP);
    this.msgSite = new Buckets(config.RATE_MESSAGES_SITE);
    this.convVisitor = new Buckets(config.RATE_CONVERSATIONS_VISITOR);
    this.convIp = new Buckets(config.RATE_CONVERSATIONS_IP);
    this.convSite = new Buckets(config.RATE_CONVERSATIONS_SITE);
    this.newVisitorIp = new Buckets(config.RATE_VISITORS_IP);
    this.frames = new Buckets(config.RATE_FRAMES_VISITOR);
    this.transcriptIp = new Buckets(config.RATE_TRANSCRIPTS_IP);
  }

  /** A message (chat, offline message, call-back); `starting` when it opens a new conversation. 0, or ms to wait. */
  message(visitorId: string, ip: string, siteId: string, starting: boolean, now: number): number {
    const checks: [Buckets, string][] = [
      [this.msgVisitor, visitorId],
      [this.msgIp, ip],
      [this.msgSite, siteId],
    ];
    if (starting) checks.push([this.convVisitor, visitorId], [this.convIp, ip], [this.convSite, siteId]);
    return takeAll(checks, now);
  }

  /** A hello that creates a visitor. */
  newVisitor(ip: string, now: number): number {
    return takeAll([[this.newVisitorIp, ip]], now);
  }

  /** A transcript or confirmation email asked for from this address. */
  transcript(ip: string, now: number): number {
    return takeAll([[this.transcriptIp, ip]], now);
  }

  /** Any other frame of one connection. */
  frame(connectionKey: string, now: number): number {
    return takeAll([[this.frames, connectionKey]], now);
  }

  /** The connection closed: its frame bucket goes (it was kept until 100,000 keys piled up). */
  connectionClosed(connectionKey: string): void {
    this.frames.forget(connectionKey);
  }
}

/** The text of a rate_limited error. */
export function limitedMessage(what: string, retryAfterMs: number): string {
  return `too many ${what}; try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
}

/**
 * Sockets open at once per key (a client address for visitors, an account for agents), at most
 * `max` each. Only keys with an open socket are kept.
 */
export class ConnectionCounts {
  private readonly m = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Whether one more socket of `key` would be allowed now. */
  allows(key: string): boolean {
    return (this.m.get(key) ?? 0) < this.max;
  }

  /** Counts a socket that opened; false when it is one too many (count it all the same: close() follows its close). */
  open(key: string): boolean {
    const n = (this.m.get(key) ?? 0) + 1;
    this.m.set(key, n);
    return n <= this.max;
  }

  close(key: string): void {
    const n = (this.m.get(key) ?? 0) - 1;
    if (n > 0) this.m.set(key, n);
    else this.m.delete(key);
  }

  count(key: string): number {
    return this.m.get(key) ?? 0;
  }
}
