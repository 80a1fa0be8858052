import { BotLearningQueries, type FaqRow, type GroupCommit, type MissReason, type Store } from '@parla/db';
import { type BotAnswer, type BotMissGroup, type BotNearest, FAQ_MAX_ALTERNATIVES, type FaqAlternativeResult, type FaqEntry, type Lang, type SiteSettings } from '@parla/protocol';
import { RequestError } from '../../lib/http.ts';
import { ServiceError } from '../conversations/errors.ts';
import { type Calibration, decide } from './decide.ts';
import { normaliseQuestion } from './learning.ts';
import { FaqMatcher, type Match } from './matcher.ts';
import type { BotProvider } from './assist.ts';

export { normaliseQuestion } from './learning.ts';

const toEntry = (r: FaqRow): FaqEntry => ({
  id: r.id,
  lang: r.lang,
  question: r.question,
  alternatives: JSON.parse(r.alternatives) as string[],
  answer: r.answer,
  quickReplies: JSON.parse(r.quickReplies) as string[],
  departmentId: r.departmentId,
  tags: JSON.parse(r.tags) as string[],
});

/** The FAQ knowledge base per site and the bot that answers from it (the index is built once per change). */
export class Bot {
  /** Per site: the index and the synonyms it was built with (a change of synonyms rebuilds it). */
  private readonly matchers = new Map<string, { m: FaqMatcher; synonyms: readonly (readonly string[])[] }>();
  private readonly learning: BotLearningQueries;
  /** The optional model provider per site (assist.ts); null: the built-in matcher alone everywhere. */
  provider: BotProvider | null = null;

  constructor(
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
    /** The site's bot settings (sensitivity, synonyms); none: the defaults. */
    private readonly settings: (siteId: string) => Pick<SiteSettings, 'botSensitivity' | 'botSynonyms'> | null = () => null,
  ) {
    this.learning = new BotLearningQueries(store.sqlite);
  }

  /** Drops the index of a deleted site. */
  forgetSite(siteId: string): void {
    this.matchers.delete(siteId);
    this.provider?.forgetSite(siteId);
  }

  faqCount(siteId: string): number {
    return this.matcher(siteId).size;
  }

  faqs(siteId: string): FaqEntry[] {
    return this.store.faqsOf(siteId).map(toEntry);
  }

  /** One entry of the site's FAQ (undefined: no longer there). */
  entry(siteId: string, faqId: string): FaqEntry | undefined {
    const r = this.store.faqsOf(siteId).find((x) => x.id === faqId);
    return r && toEntry(r);
  }

  /** Replaces the whole knowledge base of a site (the JSON import), in one transaction. */
  async replaceFaqs(siteId: string, entries: FaqEntry[]): Promise<number> {
    if (!this.store.getSite(siteId)) throw new ServiceError('not_found', 'no such site');
    const at = this.now();
    await this.commit.run(() => {
      for (const e of entries) {
        if (e.departmentId && this.store.department(e.departmentId)?.siteId !== siteId) {
          throw new ServiceError('not_found', `FAQ ${e.id}: no such department ${e.departmentId}`);
        }
      }
      this.store.replaceFaqs(
        siteId,
        entries.map((e) => ({
          id: e.id,
          lang: e.lang,
          question: e.question,
          alternatives: JSON.stringify(e.alternatives),
          answer: e.answer,
          quickReplies: JSON.stringify(e.quickReplies),
          departmentId: e.departmentId,
          tags: JSON.stringify(e.tags),
          updatedAt: at,
        })),
      );
    });
    this.matchers.delete(siteId);
    this.provider?.faqsChanged(siteId, () => this.faqs(siteId));
    return entries.length;
  }

  private matcher(siteId: string): FaqMatcher {
    // The site's settings are cached by Sites and replaced on save: the same array means the same groups.
    const groups = this.settings(siteId)?.botSynonyms ?? NO_SYNONYMS;
    const hit = this.matchers.get(siteId);
    if (hit && hit.synonyms === groups) return hit.m;
    const m = new FaqMatcher(this.faqs(siteId), groups);
    this.matchers.set(siteId, { m, synonyms: groups });
    return m;
  }

  // ---- the learning loop ----------------------------------------------------------------------

  /**
   * Records a question the bot did not answer outright (call inside a transaction): its normalised
   * text, the entry it came closest to and why. A question with no words (emoji, punctuation) is
   * not recorded: there is nothing to learn from it.
   */
  recordMiss(m: { siteId: string; conversationId: string | null; lang: Lang; question: string; reason: MissReason; nearest: BotNearest | null | undefined; trial?: boolean; at: number }): void {
    const normalised = normaliseQuestion(m.question);
    if (!normalised) return;
    this.learning.record({
      siteId: m.siteId,
      conversationId: m.conversationId,
      lang: m.lang,
      question: m.question,
      normalised,
      reason: m.reason,
      faqId: m.nearest?.faqId ?? null,
      score: m.nearest?.score ?? null,
      trial: m.trial ?? false,
      createdAt: m.at,
    });
  }

  /** The console's "Try the bot": the answer, and a trial miss when the bot does not answer outright (never a shopper's miss). */
  async tryAnswer(siteId: string, question: string, lang: Lang): Promise<BotAnswer> {
    const a = await this.answerAsync(siteId, question, lang);
    if (a.decision !== 'answer') {
      const at = this.now();
      const reason = a.decision === 'suggest' ? 'suggested' : 'abstained';
      await this.commit.run(() => this.recordMiss({ siteId, conversationId: null, lang, question, reason, nearest: a.nearest[0], trial: true, at }));
    }
    return a;
  }

  /**
   * Open groups of unanswered questions of the last `days` (shoppers' or, with `trials`, the
   * console's trials only), most frequent first: the entry each came closest to then (the most
   * frequent, then the latest) and the entry the bot proposes now, from the current FAQ.
   */
  misses(siteId: string, days: number, trials = false): BotMissGroup[] {
    const since = this.now() - days * 86_400_000;
    const groups = this.learning.groups(siteId, since, trials);
    if (groups.length === 0) return [];
    const questions = new Map(this.store.faqsOf(siteId).map((e) => [e.id, e.question]));
    const best = new Map<string, { faqId: string; count: number; lastId: number; score: number | null }>();
    for (const c of this.learning.closest(siteId, since, trials)) {
      if (!questions.has(c.faqId)) continue; // the entry was deleted since
      const key = `${c.lang}\n${c.normalised}`;
      const b = best.get(key);
      if (!b || c.count > b.count || (c.count === b.count && c.lastId > b.lastId)) best.set(key, c);
    }
    return groups.map((g) => {
      const b = best.get(`${g.lang}\n${g.normalised}`);
      return {
        ...g,
        closest: b ? { faqId: b.faqId, question: questions.get(b.faqId)!, score: b.score ?? 0 } : null,
        proposed: this.answer(siteId, g.normalised, g.lang).nearest[0] ?? null,
      };
    });
  }

  /**
   * One-click learning: adds `text` as an alternative phrasing of an entry, rebuilds the site's
   * index and marks the misses of that question (its normalised text, the entry's language)
   * handled, in one transaction. Refuses a phrasing the entry already has (after normalisation)
   * and an entry at the alternatives limit.
   */
  async addAlternative(siteId: string, faqId: string, text: string): Promise<FaqAlternativeResult> {
    const phrasing = text.trim();
    const normalised = normaliseQuestion(phrasing);
    if (normalised.length < 2) throw new RequestError(400, 'bad_request', 'text: the phrasing has no words in it');
    const at = this.now();
    const result = await this.commit.run(() => {
      const row = this.learning.faq(siteId, faqId);
      if (!row) throw new ServiceError('not_found', `no FAQ entry ${faqId} on this site`);
      const alternatives = JSON.parse(row.alternatives) as string[];
      if ([row.question, ...alternatives].some((a) => normaliseQuestion(a) === normalised)) {
        throw new RequestError(409, 'duplicate', `“${phrasing}” is already a phrasing of ${faqId}`);
      }
      if (alternatives.length >= FAQ_MAX_ALTERNATIVES) {
        throw new RequestError(409, 'alternatives_limit', `${faqId} already has ${FAQ_MAX_ALTERNATIVES} alternative phrasings (the limit); edit the entry to make room`);
      }
      alternatives.push(phrasing);
      const json = JSON.stringify(alternatives);
      this.learning.setAlternatives(siteId, faqId, json, at);
      const handled = this.learning.handle(siteId, row.lang, normalised, at);
      return { entry: toEntry({ ...row, alternatives: json, updatedAt: at }), handled };
    });
    this.matchers.delete(siteId);
    return result;
  }

  /** Hides a group without learning from it; 404 when there is no such open group. */
  async dismissMisses(siteId: string, lang: Lang, question: string): Promise<number> {
    const normalised = normaliseQuestion(question);
    const at = this.now();
    const handled = await this.commit.run(() => this.learning.handle(siteId, lang, normalised, at));
    if (handled === 0) throw new ServiceError('not_found', 'no such unanswered question');
    return handled;
  }

  /**
   * Gives misses without normalised text (recorded before the learning loop, or bare by
   * Store.recordMiss) theirs: at start for all sites, and before a site's list is read or changed.
   */
  async normaliseOldMisses(siteId?: string): Promise<number> {
    const rows = this.learning.unnormalised(siteId);
    if (rows.length === 0) return 0;
    await this.commit.run(() => {
      for (const r of rows) this.learning.setNormalised(r.id, normaliseQuestion(r.question));
    });
    return rows.length;
  }

  /** Up to three entries matching what the visitor is typing. */
  suggest(siteId: string, text: string, lang: Lang): { id: string; question: string; answer: string }[] {
    return this.matcher(siteId)
      .suggest(text, lang, 3)
      .map((e) => ({ id: e.id, question: e.question, answer: e.answer }));
  }

  /** The site's calibrated thresholds (cached with the index; the sensitivity is a site setting). */
  calibration(siteId: string): Calibration {
    return this.matcher(siteId).calibrate(this.settings(siteId)?.botSensitivity ?? 0.5);
  }

  answer(siteId: string, question: string, lang: Lang): BotAnswer {
    const matcher = this.matcher(siteId);
    const cal = matcher.calibrate(this.settings(siteId)?.botSensitivity ?? 0.5);
    const d = decide(matcher, question, lang, cal);
    const near = (m: Match) => ({ faqId: m.entry.id, question: m.entry.question, score: round(m.confidence) });
    const entry = d.kind === 'answer' ? d.best!.entry : null;
    return {
      decision: d.kind,
      faqId: entry?.id ?? null,
      score: round(d.best?.confidence ?? 0),
      answer: entry?.answer ?? null,
      question: entry?.question ?? null,
      quickReplies: entry?.quickReplies ?? [],
      suggestions: d.suggestions.map(near),
      nearest: d.nearest.map(near),
      thresholds: { answer: round(cal.answerAt), suggest: round(cal.suggestAt) },
    };
  }

  /** The site has an enabled model provider: its answers take the async path (answerAsync), bounded by the provider's deadline. */
  usesProvider(siteId: string): boolean {
    return this.provider?.config(siteId) != null;
  }

  /** The answer with the site's model provider when it has one (within its deadline, falling back to the built-in decision); else answer(). */
  async answerAsync(siteId: string, question: string, lang: Lang): Promise<BotAnswer> {
    const base = this.answer(siteId, question, lang);
    if (!this.provider) return base;
    return this.provider.improve(siteId, question, lang, base, () => this.faqs(siteId));
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const NO_SYNONYMS: readonly (readonly string[])[] = [];
