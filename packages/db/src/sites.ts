/** Sites as admins manage them: rename, and delete with everything that belongs to them. */
import type Database from 'better-sqlite3';

export class SiteAdminQueries {
  private readonly s;

  constructor(readonly sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      rename: p(`UPDATE sites SET name = ? WHERE id = ?`),
      attachmentIds: p(`SELECT id FROM attachments WHERE site_id = ?`),
      visitorIds: p(`SELECT id FROM visitors WHERE site_id = ?`),
      // What an agent's console may hold: the open ones and those resolved lately (its inbox).
      liveConversationIds: p(`SELECT id FROM conversations WHERE site_id = ? AND (state != 'resolved' OR resolved_at > ?)`),
      // Conversations and visitors carry no cascade from their site (a site with history is not
      // deleted by accident): they go first, and their messages, events, visits, page views,
      // ratings, links and deliveries go with them; the site's delete cascades the rest
      // (departments, FAQ, canned responses, SMTP, outbox, attachments, webhooks, API keys).
      conversations: p(`DELETE FROM conversations WHERE site_id = ?`),
      visitors: p(`DELETE FROM visitors WHERE site_id = ?`),
      site: p(`DELETE FROM sites WHERE id = ?`),
    };
  }

  rename(siteId: string, name: string): boolean {
    return this.s.rename.run(name, siteId).changes > 0;
  }

  visitorIds(siteId: string): string[] {
    return (this.s.visitorIds.all(siteId) as { id: string }[]).map((r) => r.id);
  }

  /** The site's open conversations and those resolved since `resolvedSince`. */
  liveConversationIds(siteId: string, resolvedSince: number): string[] {
    return (this.s.liveConversationIds.all(siteId, resolvedSince) as { id: string }[]).map((r) => r.id);
  }

  /** Deletes the site and every row of it; returns the ids of its attachment files (to remove from disk), or null when there was no such site. Call in a transaction. */
  delete(siteId: string): string[] | null {
    const files = (this.s.attachmentIds.all(siteId) as { id: string }[]).map((r) => r.id);
    this.s.conversations.run(siteId);
    this.s.visitors.run(siteId);
    return this.s.site.run(siteId).changes > 0 ? files : null;
  }
}
