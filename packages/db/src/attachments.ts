/** Attachment metadata (the bytes are files beside the database), prepared once. */
import type Database from 'better-sqlite3';

export interface AttachmentRow {
  id: string;
  siteId: string;
  conversationId: string | null;
  messageId: string | null;
  uploaderType: 'visitor' | 'agent';
  uploaderId: string;
  mime: string;
  size: number;
  sha256: string;
  name: string;
  createdAt: number;
}

const COLS = `id, site_id AS siteId, conversation_id AS conversationId, message_id AS messageId, uploader_type AS uploaderType,
  uploader_id AS uploaderId, mime, size, sha256, name, created_at AS createdAt`;

export class AttachmentQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      insert: p(`INSERT INTO attachments (id, site_id, conversation_id, message_id, uploader_type, uploader_id, mime, size, sha256, name, created_at)
        VALUES (@id, @siteId, @conversationId, NULL, @uploaderType, @uploaderId, @mime, @size, @sha256, @name, @createdAt)`),
      byId: p(`SELECT ${COLS} FROM attachments WHERE id = ?`),
      claim: p(`UPDATE attachments SET conversation_id = ?, message_id = ? WHERE id = ? AND message_id IS NULL`),
      // Everything a visitor erase must remove from disk: what they uploaded and what was sent in their conversations.
      ofVisitor: p(`SELECT id FROM attachments WHERE uploader_id = @v
          OR conversation_id IN (SELECT id FROM conversations WHERE visitor_id = @v)`),
      deleteOfVisitor: p(`DELETE FROM attachments WHERE uploader_id = @v OR conversation_id IN (SELECT id FROM conversations WHERE visitor_id = @v)`),
      stale: p(`SELECT id FROM attachments WHERE message_id IS NULL AND created_at < ? LIMIT 500`),
      remove: p(`DELETE FROM attachments WHERE id = ?`),
      uploadedSince: p(`SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM attachments WHERE uploader_id = ? AND created_at >= ?`),
    };
  }

  insert(r: Omit<AttachmentRow, 'messageId'>): void {
    this.s.insert.run(r);
  }
  byId(id: string): AttachmentRow | undefined {
    return this.s.byId.get(id) as AttachmentRow | undefined;
  }
  /** Binds an unsent upload to the message that carries it; false when it was already sent. */
  claim(id: string, conversationId: string, messageId: string): boolean {
    return this.s.claim.run(conversationId, messageId, id).changes > 0;
  }
  idsOfVisitor(visitorId: string): string[] {
    return (this.s.ofVisitor.all({ v: visitorId }) as { id: string }[]).map((r) => r.id);
  }
  deleteOfVisitor(visitorId: string): number {
    return this.s.deleteOfVisitor.run({ v: visitorId }).changes;
  }
  /** Uploads never sent with a message, older than `before`. */
  staleUploads(before: number): string[] {
    return (this.s.stale.all(before) as { id: string }[]).map((r) => r.id);
  }
  remove(id: string): boolean {
    return this.s.remove.run(id).changes > 0;
  }
  /** How many files (and bytes) an uploader sent since `since` (abuse limit). */
  uploadedSince(uploaderId: string, since: number): { n: number; bytes: number } {
    return this.s.uploadedSince.get(uploaderId, since) as { n: number; bytes: number };
  }
}
