/**
 * The queries behind identity verification (one visitor per site user, several devices) and the
 * privacy routes (export and erase everything of one visitor). Prepared once, like Store's.
 * Writers run them inside GroupCommit.run.
 */
import type Database from 'better-sqlite3';

type Row = Record<string, unknown>;

/** Everything stored about one visitor, table by table (token hashes left out). */
export interface VisitorDump {
  visitor: Row;
  visits: Row[];
  pageViews: Row[];
  conversations: Row[];
  messages: Row[];
  events: Row[];
  callbacks: Row[];
  botMisses: Row[];
  attachments: Row[];
}

const CONVS = `SELECT id FROM conversations WHERE visitor_id = ?`;

export class VisitorData {
  private readonly s;

  constructor(readonly sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      byUser: p(`SELECT id FROM visitors WHERE site_id = ? AND user_id = ?`),
      setUser: p(`UPDATE visitors SET user_id = ? WHERE id = ?`),
      addToken: p(`INSERT INTO visitor_tokens (token_hash, visitor_id, created_at) VALUES (?, ?, ?)`),
      tokenOf: p(`SELECT token_hash AS h FROM visitors WHERE id = ?`),
      // Merging `from` into `into`: their rows, their messages' authorship, their devices.
      moveConversations: p(`UPDATE conversations SET visitor_id = @into WHERE visitor_id = @from`),
      moveVisits: p(`UPDATE visits SET visitor_id = @into WHERE visitor_id = @from`),
      moveMessages: p(`UPDATE messages SET author_id = @into WHERE author_id = @from AND author_type IN ('visitor', 'system')`),
      moveEvents: p(`UPDATE conversation_events SET actor_id = @into WHERE actor_id = @from AND actor_type IN ('visitor', 'system')`),
      moveTokens: p(`UPDATE visitor_tokens SET visitor_id = @into WHERE visitor_id = @from`),
      mergeCounts: p(`UPDATE visitors SET visit_count = visit_count + (SELECT visit_count FROM visitors WHERE id = @from),
          first_seen_at = min(first_seen_at, (SELECT first_seen_at FROM visitors WHERE id = @from)),
          last_seen_at = max(last_seen_at, (SELECT last_seen_at FROM visitors WHERE id = @from)),
          name = coalesce(name, (SELECT name FROM visitors WHERE id = @from)),
          email = coalesce(email, (SELECT email FROM visitors WHERE id = @from)) WHERE id = @into`),

      visitor: p(`SELECT id, site_id AS siteId, user_id AS userId, name, email, attributes, visit_count AS visitCount,
          first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt FROM visitors WHERE id = ?`),
      visits: p(`SELECT id, started_at AS startedAt, last_seen_at AS lastSeenAt FROM visits WHERE visitor_id = ? ORDER BY started_at`),
      pageViews: p(`SELECT pv.visit_id AS visitId, pv.url, pv.title, pv.at FROM page_views pv JOIN visits v ON v.id = pv.visit_id
          WHERE v.visitor_id = ? ORDER BY pv.at, pv.id`),
      conversations: p(`SELECT id, site_id AS siteId, channel, state, agent_id AS agentId, department_id AS departmentId, priority,
          created_at AS createdAt, queued_at AS queuedAt, assigned_at AS assignedAt, first_agent_reply_at AS firstAgentReplyAt,
          resolved_at AS resolvedAt FROM conversations WHERE visitor_id = ? ORDER BY created_at`),
      messages: p(`SELECT id, conversation_id AS conversationId, seq, author_type AS authorType, author_name AS authorName, body, created_at AS createdAt
          FROM messages WHERE conversation_id IN (${CONVS}) ORDER BY conversation_id, seq`),
      events: p(`SELECT conversation_id AS conversationId, seq, kind, actor_type AS actorType, agent_name AS agentName, created_at AS createdAt
          FROM conversation_events WHERE conversation_id IN (${CONVS}) ORDER BY conversation_id, seq`),
      callbacks: p(`SELECT conversation_id AS conversationId, phone, preferred_time AS preferredTime, note, created_at AS createdAt
          FROM callbacks WHERE conversation_id IN (${CONVS})`),
      botMisses: p(`SELECT conversation_id AS conversationId, lang, question, normalised, reason, faq_id AS faqId, score, created_at AS createdAt,
          handled_at AS handledAt FROM bot_misses WHERE conversation_id IN (${CONVS}) ORDER BY id`),
      attachments: p(`SELECT id, conversation_id AS conversationId, uploader_type AS uploaderType, mime, size, sha256, name, created_at AS createdAt
          FROM attachments WHERE uploader_id = @v OR conversation_id IN (SELECT id FROM conversations WHERE visitor_id = @v) ORDER BY created_at`),

      eraseMessages: p(`DELETE FROM messages WHERE conversation_id IN (${CONVS})`),
      eraseEvents: p(`DELETE FROM conversation_events WHERE conversation_id IN (${CONVS})`),
      eraseCallbacks: p(`DELETE FROM callbacks WHERE conversation_id IN (${CONVS})`),
      eraseMisses: p(`DELETE FROM bot_misses WHERE conversation_id IN (${CONVS})`),
      erasePageViews: p(`DELETE FROM page_views WHERE visit_id IN (SELECT id FROM visits WHERE visitor_id = ?)`),
      eraseVisits: p(`DELETE FROM visits WHERE visitor_id = ?`),
      eraseTokens: p(`DELETE FROM visitor_tokens WHERE visitor_id = ?`),
      eraseConversations: p(`DELETE FROM conversations WHERE visitor_id = ?`),
      eraseVisitor: p(`DELETE FROM visitors WHERE id = ?`),
    };
  }

  visitorOfUser(siteId: string, userId: string): string | null {
    return (this.s.byUser.get(siteId, userId) as { id: string } | undefined)?.id ?? null;
  }
  setUser(visitorId: string, userId: string): void {
    this.s.setUser.run(userId, visitorId);
  }
  /** Binds another device's token to a visitor. */
  addToken(tokenHash: string, visitorId: string, at: number): void {
    this.s.addToken.run(tokenHash, visitorId, at);
  }

  /**
   * Moves everything of visitor `from` (conversations, visits, authorship, devices) to `into`
   * and deletes `from`; `from`'s own device token keeps working, for `into`. Call in a transaction.
   */
  merge(from: string, into: string, at: number): void {
    const token = (this.s.tokenOf.get(from) as { h: string } | undefined)?.h;
    const ids = { from, into };
    this.s.moveConversations.run(ids);
    this.s.moveVisits.run(ids);
    this.s.moveMessages.run(ids);
    this.s.moveEvents.run(ids);
    this.s.moveTokens.run(ids);
    this.s.mergeCounts.run(ids);
    this.s.eraseVisitor.run(from);
    if (token) this.addToken(token, into, at);
  }

  dump(visitorId: string): VisitorDump | null {
    const visitor = this.s.visitor.get(visitorId) as Row | undefined;
    if (!visitor) return null;
    const all = (q: Database.Statement) => q.all(visitorId) as Row[];
    return {
      visitor,
      visits: all(this.s.visits),
      pageViews: all(this.s.pageViews),
      conversations: all(this.s.conversations),
      messages: all(this.s.messages),
      events: all(this.s.events),
      callbacks: all(this.s.callbacks),
      botMisses: all(this.s.botMisses),
      attachments: this.s.attachments.all({ v: visitorId }) as Row[],
    };
  }

  /** Deletes every row of the visitor; false when there was none. Call in a transaction. */
  erase(visitorId: string): boolean {
    for (const q of [
      this.s.eraseMessages,
      this.s.eraseEvents,
      this.s.eraseCallbacks,
      this.s.eraseMisses,
      this.s.erasePageViews,
      this.s.eraseVisits,
      this.s.eraseTokens,
      this.s.eraseConversations,
    ])
      q.run(visitorId);
    return this.s.eraseVisitor.run(visitorId).changes > 0;
  }

  /** Moves the WAL into the database file and truncates it (after an erase: nothing left in either file). */
  checkpoint(): { busy: number; log: number; checkpointed: number } {
    const r = this.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    return r[0] ?? { busy: 0, log: 0, checkpointed: 0 };
  }
}
