/** Canned responses (answer scripts agents insert by shortcut), prepared once. */
import type Database from 'better-sqlite3';

export interface CannedRow {
  id: string;
  siteId: string;
  shortcut: string;
  title: string;
  body: string;
  lang: 'en' | 'it';
  departmentId: string | null;
  createdAt: number;
  updatedAt: number;
}

const COLS = `id, site_id AS siteId, shortcut, title, body, lang, department_id AS departmentId, created_at AS createdAt, updated_at AS updatedAt`;

export class CannedQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      ofSite: p(`SELECT ${COLS} FROM canned_responses WHERE site_id = ? ORDER BY shortcut, lang`),
      byId: p(`SELECT ${COLS} FROM canned_responses WHERE id = ?`),
      bySlot: p(`SELECT ${COLS} FROM canned_responses WHERE site_id = ? AND shortcut = ? AND lang = ?`),
      insert: p(`INSERT INTO canned_responses (id, site_id, shortcut, title, body, lang, department_id, created_at, updated_at)
        VALUES (@id, @siteId, @shortcut, @title, @body, @lang, @departmentId, @createdAt, @updatedAt)`),
      update: p(`UPDATE canned_responses SET shortcut = @shortcut, title = @title, body = @body, lang = @lang, department_id = @departmentId,
        updated_at = @updatedAt WHERE id = @id`),
      remove: p(`DELETE FROM canned_responses WHERE id = ?`),
    };
  }

  ofSite(siteId: string): CannedRow[] {
    return this.s.ofSite.all(siteId) as CannedRow[];
  }
  byId(id: string): CannedRow | undefined {
    return this.s.byId.get(id) as CannedRow | undefined;
  }
  /** The response holding a shortcut in a language (they are unique per site). */
  bySlot(siteId: string, shortcut: string, lang: string): CannedRow | undefined {
    return this.s.bySlot.get(siteId, shortcut, lang) as CannedRow | undefined;
  }
  insert(r: CannedRow): void {
    this.s.insert.run(r);
  }
  update(r: Omit<CannedRow, 'siteId' | 'createdAt'>): boolean {
    return this.s.update.run(r).changes > 0;
  }
  remove(id: string): boolean {
    return this.s.remove.run(id).changes > 0;
  }
}
