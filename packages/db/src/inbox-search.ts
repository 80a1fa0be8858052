/**
 * The agents' inbox beyond what is open now: full-text search (SQLite FTS5, tables and triggers
 * in migrations/0016_search_fts.sql) over message text and a visitor's name, email and attribute
 * values, with filters (state, department, agent, channel, tag), newest activity first, paged by a
 * keyset cursor; and the conversation tags (a site's list, a conversation's set).
 *
 * The statements are prepared once: one per number of words and "has a tag", each with every
 * other filter written as `(@x IS NULL OR column = @x)`.
 */
import type Database from 'better-sqlite3';
import type { ConversationSummaryRow } from './store.ts';
import { SUMMARY_COLS, SUMMARY_FROM } from './store.ts';

export interface SearchFilter {
  /** FTS5 MATCH expressions, all of which must match (build them with ftsTerms: user text must never reach MATCH raw). */
  terms: string[];
  siteId: string | null;
  state: 'bot' | 'queued' | 'assigned' | 'resolved' | null;
  departmentId: string | null;
  agentId: string | null;
  channel: string | null;
  tagId: string | null;
  /** Keyset cursor: rows strictly after (activity, serial) in (activity DESC, serial DESC) order. */
  after: { activity: number; serial: number } | null;
  limit: number;
}

export interface SearchRow extends ConversationSummaryRow {
  /** coalesce(lastMessageAt, createdAt): the order and the cursor. */
  activity: number;
}

export interface TagRow {
  id: string;
  siteId: string;
  name: string;
  createdAt: number;
}

/** At most this many terms of a query reach FTS5 (the rest is ignored). */
export const MAX_QUERY_TERMS = 8;

/**
 * FTS5 MATCH expressions from what an agent typed, one per whitespace-separated term: each a
 * quoted FTS5 string (inner quotes doubled), so `"`, `*`, `:`, `^`, `(`, NEAR, AND, OR, NOT are plain
 * text; the last one a prefix (results while typing). `A-10042` is one quoted string, which FTS5
 * reads as the phrase "a 10042": it matches that order id. Empty when no term has a letter or digit.
 * A conversation matches when every term is in one of its messages or in its visitor's name,
 * email or attribute values (not necessarily the same one: "Rossi refund" finds Ms Rossi's refund).
 */
export function ftsTerms(text: string): string[] {
  const terms = text
    .normalize('NFKC')
    .split(/\s+/)
    .map((t) => t.replace(/[\u0000-\u001f]/g, ''))
    // A term with no letter or digit would be an empty FTS5 string (matches nothing, or an error).
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, MAX_QUERY_TERMS);
  return terms.map((t, i) => `"${t.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`);
}

const ACTIVITY = `coalesce(c.last_message_at, c.created_at)`;

const FILTERS = `(@siteId IS NULL OR c.site_id = @siteId)
  AND (@state IS NULL OR c.state = @state)
  AND (@departmentId IS NULL OR c.department_id = @departmentId)
  AND (@agentId IS NULL OR c.agent_id = @agentId)
  AND (@channel IS NULL OR c.channel = @channel)
  AND (@afterActivity IS NULL OR ${ACTIVITY} < @afterActivity OR (${ACTIVITY} = @afterActivity AND c.rowid < @afterSerial))`;

/**
 * A word in more messages than this is looked for in its most recent this many (newest first):
 * the cost of a word as common as "order" stays that of a rare one. Every visitor's name, email
 * and attributes are always searched.
 */
export const MESSAGE_HITS = 2000;

/** Conversations with a message, or whose visitor has a name, email or attribute value, matching @t<i>. */
const hits = (i: number) => `SELECT m.conversation_id FROM messages m WHERE m.rowid IN
    (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @t${i} ORDER BY rowid DESC LIMIT ${MESSAGE_HITS})
  UNION SELECT c2.id FROM visitors_fts vf JOIN visitors v ON v.rowid = vf.rowid JOIN conversations c2 ON c2.visitor_id = v.id WHERE visitors_fts MATCH @t${i}`;

function searchSql(terms: number, withTag: boolean): string {
  return `SELECT ${SUMMARY_COLS}, ${ACTIVITY} AS activity FROM ${SUMMARY_FROM}
    WHERE ${FILTERS}
    ${Array.from({ length: terms }, (_, i) => `AND c.id IN (${hits(i)})`).join('\n')}
    ${withTag ? `AND c.id IN (SELECT conversation_id FROM conversation_tags WHERE tag_id = @tagId)` : ''}
    ORDER BY ${ACTIVITY} DESC, c.rowid DESC LIMIT @limit`;
}

export class InboxQueries {
  private readonly s;
  /** The search statements by term count and tag filter, prepared on first use (at most 2 x (MAX_QUERY_TERMS + 1)). */
  private readonly searches = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      tagsOfSite: p(`SELECT id, site_id AS siteId, name, created_at AS createdAt FROM tags WHERE site_id = ? ORDER BY name COLLATE NOCASE, id`),
      tagById: p(`SELECT id, site_id AS siteId, name, created_at AS createdAt FROM tags WHERE id = ?`),
      tagByName: p(`SELECT id, site_id AS siteId, name, created_at AS createdAt FROM tags WHERE site_id = ? AND name = ? COLLATE NOCASE`),
      tagInsert: p(`INSERT INTO tags (id, site_id, name, created_at) VALUES (@id, @siteId, @name, @createdAt)`),
      tagRename: p(`UPDATE tags SET name = ? WHERE id = ?`),
      tagDelete: p(`DELETE FROM tags WHERE id = ?`),
      tagCount: p(`SELECT count(*) AS n FROM tags WHERE site_id = ?`),
      convTagsOfTag: p(`SELECT conversation_id AS id FROM conversation_tags WHERE tag_id = ?`),
      convTagAdd: p(`INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id, created_at) VALUES (?, ?, ?)`),
      convTagRemove: p(`DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?`),
      convTags: p(`SELECT tag_id AS id FROM conversation_tags WHERE conversation_id = ? ORDER BY created_at, tag_id`),
    };
  }

  search(f: SearchFilter): SearchRow[] {
    const terms = f.terms.slice(0, MAX_QUERY_TERMS);
    const key = `${terms.length}:${f.tagId ? 1 : 0}`;
    let stmt = this.searches.get(key);
    if (!stmt) this.searches.set(key, (stmt = this.sqlite.prepare(searchSql(terms.length, !!f.tagId))));
    return stmt.all({
      ...Object.fromEntries(terms.map((t, i) => [`t${i}`, t])),
      siteId: f.siteId,
      state: f.state,
      departmentId: f.departmentId,
      agentId: f.agentId,
      channel: f.channel,
      tagId: f.tagId,
      afterActivity: f.after?.activity ?? null,
      afterSerial: f.after?.serial ?? null,
      limit: f.limit,
    }) as SearchRow[];
  }

  // ---- tags ----------------------------------------------------------------------------------
  tagsOf(siteId: string): TagRow[] {
    return this.s.tagsOfSite.all(siteId) as TagRow[];
  }
  tag(id: string): TagRow | undefined {
    return this.s.tagById.get(id) as TagRow | undefined;
  }
  /** The site's tag of that name, whatever its case. */
  tagNamed(siteId: string, name: string): TagRow | undefined {
    return this.s.tagByName.get(siteId, name) as TagRow | undefined;
  }
  countTags(siteId: string): number {
    return (this.s.tagCount.get(siteId) as { n: number }).n;
  }
  insertTag(t: TagRow): void {
    this.s.tagInsert.run(t);
  }
  renameTag(id: string, name: string): boolean {
    return this.s.tagRename.run(name, id).changes > 0;
  }
  /** Deletes the tag (and it leaves every conversation); returns the conversations that carried it. */
  deleteTag(id: string): string[] {
    const ids = (this.s.convTagsOfTag.all(id) as { id: string }[]).map((r) => r.id);
    this.s.tagDelete.run(id);
    return ids;
  }
  /** True when the conversation did not carry it yet. */
  addConversationTag(conversationId: string, tagId: string, at: number): boolean {
    return this.s.convTagAdd.run(conversationId, tagId, at).changes > 0;
  }
  removeConversationTag(conversationId: string, tagId: string): boolean {
    return this.s.convTagRemove.run(conversationId, tagId).changes > 0;
  }
  conversationTags(conversationId: string): string[] {
    return (this.s.convTags.all(conversationId) as { id: string }[]).map((r) => r.id);
  }
}
