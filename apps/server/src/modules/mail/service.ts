/**
 * Email through each site's own SMTP server (nodemailer), from a durable outbox.
 *
 * The chat path never waits for SMTP: an outbox row is written inside the same transaction as
 * what causes it (Conversations.txListeners: an agent's reply to a visitor who is not connected;
 * a conversation queued while no agent is online) or by the visitor's transcript request; a worker
 * sends due rows and retries failures with exponential backoff. Whether an email is still wanted
 * is decided again at send time (the visitor came back, an agent took the conversation).
 */
import { hashToken, newToken } from '../../lib/crypto.ts';
import type { ConversationRow, GroupCommit, MailQueries, OutboxRow, SmtpRow, Store } from '@parla/db';
import type { SmtpInput, SmtpView, StreamItem } from '@parla/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { nanoid } from 'nanoid';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Hub } from '../../hub.ts';
import { ServiceError } from '../conversations/errors.ts';
import { accountLinkMail, confirmMail, replyMail, transcriptMail, waitingMail, type Lang, type Mail } from './templates.ts';

/** A link in an email opens the conversation for this long. */
export const LINK_TTL_MS = 30 * 24 * 3600_000;
/** Tries before an email is given up. */
export const MAX_ATTEMPTS = 8;
/** First retry after this; doubling up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 3600_000;

export interface EmailOptions {
  publicUrl: string;
  replyDelayMs: number;
  /** Transcripts and confirmation links a visitor may ask for in 24 hours. */
  transcriptsPerDay: number;
  /** The per-address bucket of transcript requests: 0, or ms to wait (charged when 0). */
  transcriptIp: (ip: string, now: number) => number;
}

/** How long a confirmation link (an address before a transcript goes to it) stays good. */
export const CONFIRM_TTL_MS = 24 * 3600_000;

export class Email {
  private readonly transports = new Map<string, { updatedAt: number; t: Transporter }>();
  private sweeping: Promise<number> | null = null;
  /** Emails handed to an SMTP server since start (and failures), for the logs and tests. */
  readonly counts = { sent: 0, failed: 0, cancelled: 0 };

  constructor(
    private readonly store: Store,
    private readonly q: MailQueries,
    private readonly commit: GroupCommit,
    private readonly hub: Hub,
    private readonly opts: EmailOptions,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  enabled(siteId: string): boolean {
    return this.q.smtp(siteId) !== undefined;
  }

  /**
   * An invitation or a password reset to an agent, sent now (not through the outbox, so the link's
   * token is never stored in clear) through the SMTP server of the first site that has one.
   * `sent: false` with the reason when no site has SMTP or the server refused: the admin is then
   * shown the link to pass on.
   */
  readonly sendAccountLink = async (to: { name: string; email: string }, link: { kind: 'invite' | 'reset'; url: string; expiresAt: number }): Promise<{ sent: boolean; error?: string }> => {
    const smtp = this.store
      .listSites()
      .map((site) => this.q.smtp(site.id))
      .find((row) => row !== undefined);
    if (!smtp) return { sent: false };
    const mail = accountLinkMail(link.kind, to.name, link.url, link.expiresAt);
    try {
      await this.transport(smtp).sendMail({ from: smtp.fromAddress, to: to.email, subject: mail.subject, text: mail.text, html: mail.html });
      this.counts.sent++;
      return { sent: true };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.log.warn({ kind: link.kind, error }, 'account email not sent');
      return { sent: false, error };
    }
  };

  private visitorOnline(visitorId: string): boolean {
    return this.hub.count(`visitor:${visitorId}`) > 0;
  }

  // ---- in the conversation's transaction ------------------------------------------------------

  /** Conversations.txListeners: queues what a message or event calls for. Runs inside the transaction. */
  readonly onItem = (conv: ConversationRow, item: StreamItem, at: number): void => {
    if (item.kind === 'message' && item.authorType === 'agent') this.queueReply(conv, item.seq, at);
    else if (item.kind === 'event' && item.event === 'queued') this.queueWaiting(conv, at);
  };

  /** An agent replied to a visitor who is not here: one email per burst, MAIL_REPLY_DELAY_MS after its last reply. */
  private queueReply(conv: ConversationRow, seq: number, at: number): void {
    if (this.visitorOnline(conv.visitorId) || !this.enabled(conv.siteId)) return;
    const contact = this.q.visitorContact(conv.visitorId);
    if (!contact?.email) return;
    const dueAt = at + this.opts.replyDelayMs;
    const pending = this.q.pendingOf(conv.id, 'reply');
    if (pending) return this.q.setDue(pending.id, dueAt);
    this.q.insert({ id: nanoid(), siteId: conv.siteId, conversationId: conv.id, kind: 'reply', toAddress: null, lang: contact.lang ?? 'en', afterSeq: seq - 1, dueAt, createdAt: at });
  }

  /** A conversation waits and no agent is online: its agents hear of it by email, once per conversation. */
  private queueWaiting(conv: ConversationRow, at: number): void {
    if (this.store.countOnlineAgents() > 0 || !this.enabled(conv.siteId) || this.q.everQueued(conv.id, 'waiting')) return;
    this.q.insert({ id: nanoid(), siteId: conv.siteId, conversationId: conv.id, kind: 'waiting', toAddress: null, lang: 'en', afterSeq: 0, dueAt: at, createdAt: at });
  }

  // ---- commands ------------------------------------------------------------------------------

  /** The widget's language at hello: emails to this visitor are written in it. */
  async rememberLang(visitorId: string, lang: Lang): Promise<void> {
    if (this.q.visitorContact(visitorId)?.lang === lang) return;
    await this.commit.run(() => this.q.setVisitorLang(visitorId, lang));
  }

  /**
   * "Email me the transcript" of a resolved conversation: to `email` (also kept as the visitor's
   * address) or the known one. The transcript carries the visitor's own words from the shop's
   * address, so it only goes to an address shown to be the visitor's (`confirmedEmail`: a
   * confirmation link used, or a verified identify); any other address first gets a confirmation
   * link with no visitor text in it. At most `transcriptsPerDay` per visitor and RATE_TRANSCRIPTS_IP
   * per address. Returns the address and whether a confirmation was sent instead.
   */
  async requestTranscript(visitorId: string, conversationId: string, email: string | undefined, lang: Lang, ip: string): Promise<{ to: string; confirm: boolean }> {
    return this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      // Another visitor's conversation is answered exactly like a missing one.
      if (!conv || conv.visitorId !== visitorId) throw new ServiceError('not_found', 'no such conversation');
      if (!this.enabled(conv.siteId)) throw new ServiceError('conflict', 'this site does not send email');
      if (conv.state !== 'resolved') throw new ServiceError('conflict', 'the transcript can be emailed once the conversation is resolved');
      const contact = this.q.visitorContact(visitorId);
      const to = email ?? contact?.email;
      if (!to) throw new ServiceError('conflict', 'an email address is needed');
      if (this.q.pendingOf(conv.id, 'transcript') || this.q.pendingOf(conv.id, 'confirm')) throw new ServiceError('rate_limited', 'a transcript is already on its way');
      const at = this.now();
      if (this.q.transcriptRequestsSince(visitorId, at - 24 * 3600_000) >= this.opts.transcriptsPerDay) {
        throw new ServiceError('rate_limited', `at most ${this.opts.transcriptsPerDay} transcripts a day`, 3600_000);
      }
      const wait = this.opts.transcriptIp(ip, at);
      if (wait > 0) throw new ServiceError('rate_limited', 'too many transcripts from this address; try again later', wait);
      if (email) this.store.setVisitorContact(visitorId, null, email);
      const confirm = contact?.confirmedEmail !== to;
      this.q.insert({ id: nanoid(), siteId: conv.siteId, conversationId: conv.id, kind: confirm ? 'confirm' : 'transcript', toAddress: to, lang, afterSeq: 0, dueAt: at, createdAt: at });
      return { to, confirm };
    });
  }

  /**
   * A confirmation link was opened and confirmed: the address is the visitor's from now on, and the
   * transcript it was asked for goes there. False when the link is unknown, used or expired.
   */
  async confirmAddress(token: string): Promise<{ lang: Lang; site: string } | null> {
    const h = hashToken(token);
    return this.commit.run(() => {
      const at = this.now();
      const c = this.q.confirmation(h, at);
      if (!c || !this.q.useConfirmation(h, at)) return null;
      this.q.setConfirmedEmail(c.visitorId, c.email);
      const conv = this.store.conversation(c.conversationId);
      if (conv && !this.q.pendingOf(conv.id, 'transcript')) {
        this.q.insert({ id: nanoid(), siteId: conv.siteId, conversationId: conv.id, kind: 'transcript', toAddress: c.email, lang: c.lang, afterSeq: 0, dueAt: at, createdAt: at });
      }
      return { lang: c.lang, site: this.siteName(conv?.siteId) };
    });
  }

  /** The language and shop of a confirmation link that is still good (for its page), or null. */
  confirmationInfo(token: string): { lang: Lang; site: string } | null {
    const c = this.q.confirmation(hashToken(token), this.now());
    return c ? { lang: c.lang, site: this.siteName(this.store.conversation(c.conversationId)?.siteId) } : null;
  }

  private siteName(siteId: string | undefined): string {
    return (siteId && this.store.getSite(siteId)?.name) || siteId || '';
  }

  smtpView(siteId: string): SmtpView | null {
    const r = this.q.smtp(siteId);
    return r ? { host: r.host, port: r.port, secure: r.secure === 1, user: r.user, passwordSet: r.password !== null, from: r.fromAddress, updatedAt: r.updatedAt } : null;
  }

  /** Saves a site's SMTP settings; an omitted password keeps the stored one. */
  async saveSmtp(siteId: string, input: SmtpInput): Promise<SmtpView> {
    await this.commit.run(() => {
      if (!this.store.getSite(siteId)) throw new ServiceError('not_found', 'no such site');
      const old = this.q.smtp(siteId);
      this.q.saveSmtp({
        siteId,
        host: input.host,
        port: input.port,
        secure: input.secure ? 1 : 0,
        user: input.user,
        password: input.password === undefined ? (old?.password ?? null) : input.password,
        fromAddress: input.from,
        updatedAt: Math.max(this.now(), (old?.updatedAt ?? 0) + 1),
      });
    });
    return this.smtpView(siteId)!;
  }

  async deleteSmtp(siteId: string): Promise<boolean> {
    return this.commit.run(() => this.q.deleteSmtp(siteId));
  }

  // ---- the worker ----------------------------------------------------------------------------

  /** Sends every due email (one sweep at a time); resolves with how many were sent. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    let sent = 0;
    for (const row of this.q.due(this.now(), 50)) if (await this.deliver(row)) sent++;
    return sent;
  }

  private async deliver(row: OutboxRow): Promise<boolean> {
    const smtp = this.q.smtp(row.siteId);
    const conv = this.store.conversation(row.conversationId);
    const mail = smtp && conv ? await this.compose(row, conv) : null;
    if (!smtp || !conv || !mail) {
      await this.commit.run(() => this.q.finish(row.id, 'cancelled', this.now(), !smtp ? 'no SMTP settings' : 'nothing to send'));
      this.counts.cancelled++;
      return false;
    }
    try {
      await this.transport(smtp).sendMail({ from: smtp.fromAddress, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await this.commit.run(() => this.q.finish(row.id, 'sent', this.now()));
      this.counts.sent++;
      return true;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const attempts = row.attempts + 1;
      this.log.warn({ site: row.siteId, kind: row.kind, attempts, error: message }, 'email not sent');
      await this.commit.run(() =>
        attempts >= MAX_ATTEMPTS
          ? this.q.finish(row.id, 'failed', this.now(), message)
          : this.q.retry(row.id, this.now() + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (attempts - 1)), message),
      );
      if (attempts >= MAX_ATTEMPTS) this.counts.failed++;
      return false;
    }
  }

  /** What to send now, or null when it is no longer wanted. */
  private async compose(row: OutboxRow, conv: ConversationRow): Promise<(Mail & { to: string | string[] }) | null> {
    const site = this.store.getSite(conv.siteId)?.name ?? conv.siteId;
    if (row.kind === 'waiting') {
      if (conv.state !== 'queued' || this.store.countOnlineAgents() > 0) return null;
      const to = this.q.agentEmails(conv.departmentId);
      if (to.length === 0) return null;
      const contact = this.q.visitorContact(conv.visitorId);
      const first = this.q.lines(conv.id).find((l) => l.authorType === 'visitor' || l.authorType === 'system');
      return { to, ...waitingMail(site, contact?.name ?? contact?.email ?? conv.visitorId, first?.body ?? '', `${this.opts.publicUrl}/console/`) };
    }
    const contact = this.q.visitorContact(conv.visitorId);
    if (row.kind === 'reply') {
      // Back online: they read it in the widget.
      if (this.visitorOnline(conv.visitorId) || !contact?.email) return null;
      const lines = this.q.agentLinesAfter(conv.id, row.afterSeq);
      if (lines.length === 0) return null;
      const lang = contact.lang ?? row.lang;
      return { to: contact.email, ...replyMail(site, lines, await this.link(conv.id), lang) };
    }
    if (!row.toAddress) return null;
    if (row.kind === 'confirm') {
      // Only the shop's name and a link: nothing the visitor wrote reaches an address not shown to be theirs.
      const token = newToken();
      const at = this.now();
      await this.commit.run(() =>
        this.q.insertConfirmation({ tokenHash: hashToken(token), visitorId: conv.visitorId, conversationId: conv.id, email: row.toAddress!, lang: row.lang, createdAt: at, expiresAt: at + CONFIRM_TTL_MS }),
      );
      return { to: row.toAddress, ...confirmMail(site, `${this.opts.publicUrl}/c/confirm/${token}`, row.lang) };
    }
    return { to: row.toAddress, ...transcriptMail(site, this.q.lines(conv.id), await this.link(conv.id), row.lang) };
  }

  /** A new link back to the conversation: a random token, stored only as its SHA-256; the token itself is only in the email. */
  private async link(conversationId: string): Promise<string> {
    const token = newToken();
    const at = this.now();
    await this.commit.run(() => this.q.insertLink(hashToken(token), conversationId, at, at + LINK_TTL_MS));
    return `${this.opts.publicUrl}/c/${token}`;
  }

  private transport(smtp: SmtpRow): Transporter {
    const cached = this.transports.get(smtp.siteId);
    if (cached && cached.updatedAt === smtp.updatedAt) return cached.t;
    cached?.t.close();
    const t = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure === 1,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      logger: false,
    });
    this.transports.set(smtp.siteId, { updatedAt: smtp.updatedAt, t });
    return t;
  }

  stop(): void {
    for (const { t } of this.transports.values()) t.close();
    this.transports.clear();
  }
}
