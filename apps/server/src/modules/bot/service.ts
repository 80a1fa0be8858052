import type { FaqRow, GroupCommit, Store } from '@parla/db';
import type { BotAnswer, FaqEntry, Lang } from '@parla/protocol';
import { ServiceError } from '../conversations/errors.ts';
import { type Calibration, decide } from './decide.ts';
import { FaqMatcher, type Match } from './matcher.ts';
import type { BotProvider } from './assist.ts';

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
  private readonly matchers = new Map<string, FaqMatcher>();
  /** The optional model provider per site (assist.ts); null: the built-in matcher alone everywhere. */
  provider: BotProvider | null = null;

  constructor(
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
  ) {}

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
    let m = this.matchers.get(siteId);
    if (!m) {
      m = new FaqMatcher(this.faqs(siteId));
      this.matchers.set(siteId, m);
    }
    return m;
  }

  /** Questions it could not answer (or whose answer did not help) in the last `days`, most frequent first. */
  misses(siteId: string, days: number) {
    return this.store.misses(siteId, this.now() - days * 86_400_000);
  }

  /** Up to three entries matching what the visitor is typing. */
  suggest(siteId: string, text: string, lang: Lang): { id: string; question: string; answer: string }[] {
    return this.matcher(siteId)
      .suggest(text, lang, 3)
      .map((e) => ({ id: e.id, question: e.question, answer: e.answer }));
  }

  /** The site's calibrated thresholds (cached with the index; the sensitivity is a site setting). */
  calibration(siteId: string): Calibration {
    return this.matcher(siteId).calibrate();
  }

  answer(siteId: string, question: string, lang: Lang): BotAnswer {
    const cal = this.calibration(siteId);
    const d = decide(this.matcher(siteId), question, lang, cal);
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
