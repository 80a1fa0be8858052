/**
 * The queries behind email: each site's SMTP settings, the durable outbox, the links back to a
 * conversation and what an email needs to say. Prepared once, like Store's; writers run them
 * inside GroupCommit.run.
 */
import type Database from 'better-sqlite3';

export interface SmtpRow {
  siteId: string;
  host: string;
  port: number;
  secure: number;
  user: string | null;
  password: string | null;
  fromAddress: string;
  updatedAt: number;
}

export type OutboxKind = 'reply' | 'transcript' | 'confirm' | 'waiting';

export interface OutboxRow {
  id: string;
  siteId: string;
  conversationId: string;
  kind: OutboxKind;
  toAddress: string | null;
  lang: 'en' | 'it';
  afterSeq: number;
  state: 'pending' | 'sent' | 'cancelled' | 'failed';
  dueAt: number;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface TranscriptLine {
  seq: number;
  authorType: 'visitor' | 'agent' | 'bot' | 'system';
  authorName: string | null;
  body: string;
  meta: string | null;
  createdAt: number;
}

const SMTP_COLS = `site_id AS siteId, host, port, secure, user, password, from_address AS fromAddress, updated_at AS updatedAt`;
const OUTBOX_COLS = `id, site_id AS siteId, conversation_id AS conversationId, kind, to_address AS toAddress, lang, after_seq AS afterSeq,
  state, due_at AS dueAt, attempts, last_error AS lastError, created_at AS createdAt, sent_at AS sentAt`;

export class MailQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      smtpGet: p(`SELECT ${SMTP_COLS} FROM site_smtp WHERE site_id = ?`),
      smtpUpsert: p(`INSERT INTO site_smtp (site_id, host, port, secure, user, password, from_address, updated_at)
        VALUES (@siteId, @host, @port, @secure, @user, @password, @fromAddress, @updatedAt)
        ON CONFLICT(site_id) DO UPDATE SET host = excluded.host, port = excluded.port, secure = excluded.secure, user = excluded.user,
          password = excluded.password, from_address = excluded.from_address, updated_at = excluded.updated_at`),
      smtpDelete: p(`DELETE FROM site_smtp WHERE site_id = ?`),

      visitorContact: p(`SELECT id, site_id AS siteId, name, email, lang, confirmed_email AS confirmedEmail FROM visitors WHERE id = ?`),
      confirmInsert: p(`INSERT INTO email_confirmations (token_hash, visitor_id, conversation_id, email, lang, created_at, expires_at)
        VALUES (@tokenHash, @visitorId, @conversationId, @email, @lang, @createdAt, @expiresAt)`),
      confirmGet: p(`SELECT visitor_id AS visitorId, conversation_id AS conversationId, email, lang FROM email_confirmations
        WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`),
      confirmUse: p(`UPDATE email_confirmations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`),
      confirmPurge: p(`DELETE FROM email_confirmations WHERE expires_at <= ? OR used_at IS NOT NULL`),
      setConfirmed: p(`UPDATE visitors SET confirmed_email = ? WHERE id = ?`),
      // Transcripts and confirmation links asked for by the visitor, in a window (the per-visitor daily cap survives a restart).
      requestsSince: p(`SELECT count(*) AS n FROM email_outbox o JOIN conversations c ON c.id = o.conversation_id
        WHERE c.visitor_id = ? AND o.kind IN ('transcript', 'confirm') AND o.created_at >= ?`),
      setVisitorLang: p(`UPDATE visitors SET lang = ? WHERE id = ? AND lang IS NOT ?`),
      lastPage: p(`SELECT pv.url FROM page_views pv JOIN visits v ON v.id = pv.visit_id WHERE v.visitor_id = ? ORDER BY pv.at DESC, pv.id DESC LIMIT 1`),

      insert: p(`INSERT INTO email_outbox (id, site_id, conversation_id, kind, to_address, lang, after_seq, state, due_at, attempts, created_at)
        VALUES (@id, @siteId, @conversationId, @kind, @toAddress, @lang, @afterSeq, 'pending', @dueAt, 0, @createdAt)`),
      pendingOf: p(`SELECT ${OUTBOX_COLS} FROM email_outbox WHERE conversation_id = ? AND kind = ? AND state = 'pending' LIMIT 1`),
      anyOf: p(`SELECT 1 AS x FROM email_outbox WHERE conversation_id = ? AND kind = ? LIMIT 1`),
      setDue: p(`UPDATE email_outbox SET due_at = ? WHERE id = ? AND state = 'pending'`),
      due: p(`SELECT ${OUTBOX_COLS} FROM email_outbox WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?`),
      byId: p(`SELECT ${OUTBOX_COLS} FROM email_outbox WHERE id = ?`),
      ofConversation: p(`SELECT ${OUTBOX_COLS} FROM email_outbox WHERE conversation_id = ? ORDER BY created_at, rowid`),
      retry: p(`UPDATE email_outbox SET attempts = attempts + 1, due_at = ?, last_error = ? WHERE id = ? AND state = 'pending'`),
      finish: p(`UPDATE email_outbox SET state = ?, attempts = attempts + ?, last_error = ?, sent_at = ? WHERE id = ? AND state = 'pending'`),

      linkInsert: p(`INSERT INTO conversation_links (token_hash, conversation_id, created_at, expires_at) VALUES (?, ?, ?, ?)`),
      linkGet: p(`SELECT conversation_id AS conversationId FROM conversation_links WHERE token_hash = ? AND expires_at > ?`),
      linkPurge: p(`DELETE FROM conversation_links WHERE expires_at <= ?`),

      lines: p(`SELECT seq, author_type AS authorType, author_name AS authorName, body, meta, created_at AS createdAt
        FROM messages WHERE conversation_id = ? ORDER BY seq`),
      agentLinesAfter: p(`SELECT seq, author_type AS authorType, author_name AS authorName, body, meta, created_at AS createdAt
        FROM messages WHERE conversation_id = ? AND seq > ? AND author_type = 'agent' ORDER BY seq`),
      // Who hears of a conversation left waiting: its department's agents and every admin; without a department, everyone.
      // Agents who can sign in (not deactivated, invitation accepted).
      agentEmails: p(`SELECT DISTINCT a.email FROM agents a WHERE a.deactivated_at IS NULL AND a.password_set_at IS NOT NULL
          AND (@departmentId IS NULL OR a.role = 'admin' OR a.id IN (SELECT agent_id FROM agent_departments WHERE department_id = @departmentId))
          ORDER BY a.email`),
    };
  }

  smtp(siteId: string): SmtpRow | undefined {
    return this.s.smtpGet.get(siteId) as SmtpRow | undefined;
  }
  saveSmtp(r: SmtpRow): void {
    this.s.smtpUpsert.run(r);
  }
  deleteSmtp(siteId: string): boolean {
    return this.s.smtpDelete.run(siteId).changes > 0;
  }

  visitorContact(id: string): { id: string; siteId: string; name: string | null; email: string | null; lang: 'en' | 'it' | null; confirmedEmail: string | null } | undefined {
    return this.s.visitorContact.get(id) as ReturnType<MailQueries['visitorContact']>;
  }
  /** The address is the visitor's (a confirmation link was used, or a verified identify gave it). */
  setConfirmedEmail(visitorId: string, email: string): void {
    this.s.setConfirmed.run(email, visitorId);
  }
  /** How many transcripts and confirmation links the visitor asked for since `since`. */
  transcriptRequestsSince(visitorId: string, since: number): number {
    return (this.s.requestsSince.get(visitorId, since) as { n: number }).n;
  }
  insertConfirmation(r: { tokenHash: string; visitorId: string; conversationId: string; email: string; lang: 'en' | 'it'; createdAt: number; expiresAt: number }): void {
    this.s.confirmInsert.run(r);
  }
  /** A confirmation link that is still good (not used, not expired). */
  confirmation(tokenHash: string, now: number): { visitorId: string; conversationId: string; email: string; lang: 'en' | 'it' } | undefined {
    return this.s.confirmGet.get(tokenHash, now) as ReturnType<MailQueries['confirmation']>;
  }
  /** Uses a confirmation link up; false when it was used already or has expired. */
  useConfirmation(tokenHash: string, at: number): boolean {
    return this.s.confirmUse.run(at, tokenHash, at).changes === 1;
  }
  purgeConfirmations(now: number): number {
    return this.s.confirmPurge.run(now).changes;
  }
  /** Remembers the widget's language; false when it was already that. */
  setVisitorLang(id: string, lang: 'en' | 'it'): boolean {
    return this.s.setVisitorLang.run(lang, id, lang).changes > 0;
  }
  lastPageUrl(visitorId: string): string | null {
    return (this.s.lastPage.get(visitorId) as { url: string } | undefined)?.url ?? null;
  }

  insert(r: Pick<OutboxRow, 'id' | 'siteId' | 'conversationId' | 'kind' | 'toAddress' | 'lang' | 'afterSeq' | 'dueAt' | 'createdAt'>): void {
    this.s.insert.run(r);
  }
  pendingOf(conversationId: string, kind: OutboxKind): OutboxRow | undefined {
    return this.s.pendingOf.get(conversationId, kind) as OutboxRow | undefined;
  }
  /** Was an email of this kind ever queued for the conversation (whatever became of it)? */
  everQueued(conversationId: string, kind: OutboxKind): boolean {
    return this.s.anyOf.get(conversationId, kind) !== undefined;
  }
  setDue(id: string, dueAt: number): void {
    this.s.setDue.run(dueAt, id);
  }
  due(now: number, limit: number): OutboxRow[] {
    return this.s.due.all(now, limit) as OutboxRow[];
  }
  byId(id: string): OutboxRow | undefined {
    return this.s.byId.get(id) as OutboxRow | undefined;
  }
  ofConversation(conversationId: string): OutboxRow[] {
    return this.s.ofConversation.all(conversationId) as OutboxRow[];
  }
  /** A failed try: the next one at `dueAt`. */
  retry(id: string, dueAt: number, error: string): void {
    this.s.retry.run(dueAt, error.slice(0, 500), id);
  }
  /** sent, cancelled (nothing to send any more) or failed (gave up). */
  finish(id: string, state: 'sent' | 'cancelled' | 'failed', at: number, error: string | null = null): void {
    this.s.finish.run(state, state === 'cancelled' ? 0 : 1, error?.slice(0, 500) ?? null, state === 'sent' ? at : null, id);
  }

  insertLink(tokenHash: string, conversationId: string, at: number, expiresAt: number): void {
    this.s.linkInsert.run(tokenHash, conversationId, at, expiresAt);
  }
  linkConversation(tokenHash: string, now: number): string | null {
    return (this.s.linkGet.get(tokenHash, now) as { conversationId: string } | undefined)?.conversationId ?? null;
  }
  purgeLinks(now: number): number {
    return this.s.linkPurge.run(now).changes;
  }

  lines(conversationId: string): TranscriptLine[] {
    return this.s.lines.all(conversationId) as TranscriptLine[];
  }
  agentLinesAfter(conversationId: string, afterSeq: number): TranscriptLine[] {
    return this.s.agentLinesAfter.all(conversationId, afterSeq) as TranscriptLine[];
  }
  agentEmails(departmentId: string | null): string[] {
    return (this.s.agentEmails.all({ departmentId }) as { email: string }[]).map((r) => r.email);
  }
}
