/**
 * The bot's learning loop: the questions it missed (abstained, only suggested, or answered
 * unhelpfully), grouped by language and normalised question, and what an admin does with a group
 * (adds it as a phrasing of an entry, or dismisses it). Prepared once, like Store's; writers run
 * inside GroupCommit.run.
 */
import type Database from 'better-sqlite3';
import type { FaqRow } from './store.ts';

export type MissReason = 'abstained' | 'suggested' | 'unhelpful';

export interface MissInsert {
  siteId: string;
  conversationId: string | null;
  lang: 'en' | 'it';
  question: string;
  normalised: string;
  reason: MissReason;
  /** The entry the bot came closest to, and its score (null: none). */
  faqId: string | null;
  score: number | null;
  trial: boolean;
  createdAt: number;
}

/** One group of misses: a language and a normalised question. */
export interface MissGroupRow {
  lang: 'en' | 'it';
  normalised: string;
  /** One of the questions as asked. */
  question: string;
  count: number;
  lastAt: number;
  abstained: number;
  suggested: number;
  unhelpful: number;
}

/** How often a group's misses came closest to one entry, and the score of the latest of them. */
export interface MissClosestRow {
  lang: 'en' | 'it';
  normalised: string;
  faqId: string;
  count: number;
  lastId: number;
  score: number | null;
}

// Rows older than the learning loop have no normalised text: their group is the trimmed lower case.
const KEY = `coalesce(normalised, lower(trim(question)))`;
const OPEN = `site_id = @siteId AND created_at >= @since AND trial = @trial AND handled_at IS NULL AND ${KEY} <> ''`;

export class BotLearningQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      insert: p(`INSERT INTO bot_misses (site_id, conversation_id, lang, question, normalised, reason, faq_id, score, trial, created_at)
        VALUES (@siteId, @conversationId, @lang, @question, @normalised, @reason, @faqId, @score, @trial, @createdAt)`),
      groups: p(`SELECT lang, ${KEY} AS normalised, min(question) AS question, count(*) AS count, max(created_at) AS lastAt,
          sum(reason = 'abstained') AS abstained, sum(reason = 'suggested') AS suggested, sum(reason = 'unhelpful') AS unhelpful
        FROM bot_misses WHERE ${OPEN} GROUP BY lang, ${KEY} ORDER BY count DESC, lastAt DESC LIMIT @limit`),
      // One min/max aggregate: SQLite takes the bare `score` from the row of max(id), the latest.
      closest: p(`SELECT lang, ${KEY} AS normalised, faq_id AS faqId, count(*) AS count, max(id) AS lastId, score
        FROM bot_misses WHERE ${OPEN} AND faq_id IS NOT NULL GROUP BY lang, ${KEY}, faq_id`),
      handle: p(`UPDATE bot_misses SET handled_at = @at WHERE site_id = @siteId AND lang = @lang AND ${KEY} = @normalised AND handled_at IS NULL`),
      unnormalised: p(`SELECT id, question FROM bot_misses WHERE normalised IS NULL`),
      unnormalisedOfSite: p(`SELECT id, question FROM bot_misses WHERE site_id = ? AND normalised IS NULL`),
      setNormalised: p(`UPDATE bot_misses SET normalised = ? WHERE id = ?`),
      faq: p(`SELECT id, lang, question, alternatives, answer, quick_replies AS quickReplies, department_id AS departmentId, tags, updated_at AS updatedAt
        FROM faqs WHERE site_id = ? AND id = ?`),
      setAlternatives: p(`UPDATE faqs SET alternatives = ?, updated_at = ? WHERE site_id = ? AND id = ?`),
    };
  }

  record(m: MissInsert): void {
    this.s.insert.run({ ...m, question: m.question.slice(0, 1000), normalised: m.normalised.slice(0, 1000), trial: m.trial ? 1 : 0 });
  }

  /** Open groups (not handled) since `since`, most frequent first; shoppers' misses or, with `trial`, the console's trials only. */
  groups(siteId: string, since: number, trial: boolean, limit = 100): MissGroupRow[] {
    return this.s.groups.all({ siteId, since, trial: trial ? 1 : 0, limit }) as MissGroupRow[];
  }

  /** Per open group and entry: how many misses came closest to it. */
  closest(siteId: string, since: number, trial: boolean): MissClosestRow[] {
    return this.s.closest.all({ siteId, since, trial: trial ? 1 : 0 }) as MissClosestRow[];
  }

  /** Marks the open misses of one group handled (trials included); returns how many. */
  handle(siteId: string, lang: 'en' | 'it', normalised: string, at: number): number {
    return this.s.handle.run({ siteId, lang, normalised, at }).changes;
  }

  /** Rows without normalised text (recorded before the learning loop, or by Store.recordMiss), of one site or all. */
  unnormalised(siteId?: string): { id: number; question: string }[] {
    return (siteId === undefined ? this.s.unnormalised.all() : this.s.unnormalisedOfSite.all(siteId)) as { id: number; question: string }[];
  }
  setNormalised(id: number, normalised: string): void {
    this.s.setNormalised.run(normalised, id);
  }

  faq(siteId: string, id: string): FaqRow | undefined {
    return this.s.faq.get(siteId, id) as FaqRow | undefined;
  }
  /** `alternatives`: a JSON array. */
  setAlternatives(siteId: string, id: string, alternatives: string, at: number): boolean {
    return this.s.setAlternatives.run(alternatives, at, siteId, id).changes > 0;
  }
}
