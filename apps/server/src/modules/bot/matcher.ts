/**
 * FAQ retrieval. Entries and questions are analysed alike (lexicon.ts): folded, stemmed, and mapped
 * onto a bilingual e-commerce vocabulary of concepts (plus the site's own synonyms), a question's
 * typos corrected through character trigrams. Each entry is then scored by how much of the
 * question it explains (IDF-weighted share of the question's terms found in the entry's phrasings,
 * the answer counting less; intent words such as "how much" or "when" weigh less than what is
 * asked about) and how much of the entry's own question was asked. The decision (answer, suggest,
 * abstain) is decide.ts's, against thresholds calibrated on the site's own entries (calibrate()).
 */
import type { FaqEntry, Lang } from '@parla/protocol';
import { type Calibration, decide } from './decide.ts';
import { fold, Lexicon, type SynonymGroups, type Term, withinEdits } from './lexicon.ts';

export { fold, withinEdits };
export { decide, type Calibration, type Decision } from './decide.ts';


export interface Match {
  entry: FaqEntry;
  /** 0..1: how well the entry explains the question. */
  confidence: number;
  /** The raw ranking score. */
  score: number;
}

/** How much a query term found only in the answer counts, against one found in a phrasing. */
const ANSWER_CREDIT = 0.75;
/** How much a term found through a prefix or a close spelling counts, against an exact one. */
const FUZZY_CREDIT = 0.85;
/** How much a question word the entry lacks, but other entries have, counts against it. */
const OTHER_ENTRY_SHARE = 0.25;
/** How much an intent term ("how much", "when", "can I") weighs against a topic term. */
const INTENT_WEIGHT = 0.5;
/** How much a word of a vocabulary phrase (beside its concept) weighs. */
const PART_WEIGHT = 0.5;
/** An entry matching none of the question's topic terms (only intents or parts) keeps this share of its confidence. */
const CORELESS = 0.6;
/** How much an unknown word that is probably a place ("to Vienna") counts against the entries. */
const PLACE_WEIGHT = 0.3;
/**
 * The bar to answer is this quantile of the confidence a wrong entry reaches on the FAQ's own
 * questions (leave-one-out, see impostors()), at sensitivity 0.5; within these bounds.
 */
const ANSWER_QUANTILE = 0.25;
const DEFAULT_ANSWER_AT = 0.45;
const MIN_ANSWER_AT = 0.3;
const PRIOR_WEIGHT = 30;
const MAX_ANSWER_AT = 0.8;
/** Suggestions from this share of the answer bar. */
const SUGGEST_SHARE = 0.55;
const MIN_SUGGEST_AT = 0.15;
/**
 * The lead over the second entry needed to answer outright, at sensitivity 0.5: this times the share
 * of the FAQ's own questions (leave-one-out) on which a wrong entry came first; within bounds.
 */
const MARGIN_PER_CONFUSION = 0.4;
const DEFAULT_CONFUSED = 0.5;
const MIN_MARGIN = 0.06;
const MAX_MARGIN = 0.15;
/** How much the share of the entry's own question that was asked counts in the confidence. */
const ENTRY_SHARE = 0.25;

interface Indexed {
  entry: FaqEntry;
  /** Terms of the question and alternative phrasings (and tags). */
  phrasing: Set<string>;
  /** Terms of each phrasing alone (the question first), for the leave-one-out calibration. */
  each: string[][];
  answer: Set<string>;
  /** Per phrasing term: how much it counts (termFactor). */
  factor: Map<string, number>;
}

interface LangIndex {
  entries: Indexed[];
  /** In how many entries each term occurs (phrasings or answer). */
  df: Map<string, number>;
  /** Entries holding each term. */
  postings: Map<string, number[]>;
  /** The word terms (no concepts), sorted: prefix lookups. */
  sorted: string[];
}

/** The terms of a text (no typo correction): exported for tests. */
/** How much a term counts: an intent or everyday word, or a part, less than a topic term. */
const termFactor = (t: Term): number => (t.intent ? INTENT_WEIGHT : 1) * (t.part ? PART_WEIGHT : 1);

let shared: Lexicon | null = null;
export function terms(text: string, lang: Lang): string[] {
  return (shared ??= new Lexicon()).analyse(text, lang).map((t) => t.term);
}

export class FaqMatcher {
  private readonly indexes = new Map<Lang, LangIndex>();
  private readonly lexicon: Lexicon;
  private readonly count: number;
  private nulls: { wrong: number[]; confused: number } | null = null;

  constructor(entries: readonly FaqEntry[], synonyms: SynonymGroups = []) {
    this.lexicon = new Lexicon(undefined, synonyms);
    this.count = entries.length;
    for (const e of entries) this.lexicon.learnText(e.lang, [e.question, ...e.alternatives, ...e.tags, e.answer].join(' \n '));
    for (const lang of ['en', 'it'] as const) {
      const df = new Map<string, number>();
      const postings = new Map<string, number[]>();
      const list: Indexed[] = [];
      for (const e of entries.filter((x) => x.lang === lang)) {
        const analysed = [e.question, ...e.alternatives, e.tags.join(' \n ')].map((p) => this.lexicon.analyse(p, lang));
        const each = analysed.slice(0, -1).map((ts) => ts.map((t) => t.term));
        const phrasing = new Set(analysed.flat().map((t) => t.term));
        // How much each of its own terms counts for the entry (an intent or a part less).
        const factor = new Map<string, number>();
        for (const t of analysed.flat()) factor.set(t.term, Math.max(factor.get(t.term) ?? 0, termFactor(t)));
        const answer = new Set(this.terms(e.answer, lang));
        const k = list.push({ entry: e, phrasing, each, answer, factor }) - 1;
        for (const t of new Set([...phrasing, ...answer])) {
          df.set(t, (df.get(t) ?? 0) + 1);
          const p = postings.get(t);
          if (p) p.push(k);
          else postings.set(t, [k]);
        }
      }
      const ix = { entries: list, df, postings, sorted: [...postings.keys()].filter((t) => !t.startsWith('#')).sort() };
      this.indexes.set(lang, ix);
    }
  }

  private terms(text: string, lang: Lang): string[] {
    return this.lexicon.analyse(text, lang).map((t) => t.term);
  }

  get size(): number {
    return this.count;
  }

  /** Weight of a term: rare (or unknown) terms say more about what is asked. */
  private idf(ix: LangIndex, term: string): number {
    const n = Math.max(1, ix.df.get(term) ?? 0);
    return Math.log(1 + (ix.entries.length + 1) / (n + 0.5));
  }

  /** Index terms that extend an unknown query term or that it extends (4+ letters); typos were corrected before. */
  private near(ix: LangIndex, q: string): string[] {
    if (q.startsWith('#') || q.length < 4) return [];
    const out: string[] = [];
    // Longer words that start with it ("ship" -> "shipment"): a range of the sorted terms.
    const sorted = ix.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < sorted.length && sorted[k]!.startsWith(q); k++) if (sorted[k] !== q && sorted[k]!.length - q.length <= 4) out.push(sorted[k]!);
    // Shorter known words it starts with ("shipments" -> "shipment").
    for (let len = Math.max(4, q.length - 3); len < q.length; len++) if (ix.df.has(q.slice(0, len))) out.push(q.slice(0, len));
    return out;
  }

  /**
   * The best entry for the question, or null when nothing matches at all. A word the entry lacks
   * but the knowledge base knows elsewhere counts only OTHER_ENTRY_SHARE against it (it may be
   * incidental), a word unknown to the whole knowledge base counts fully (it is what out-of-scope
   * questions are about: "tea", "bitcoin").
   */
  best(question: string, lang: Lang): Match | null {
    return this.ranked(question, lang, 1)[0] ?? null;
  }

  /** The `n` best entries for the question, best first (none when nothing matches at all). */
  ranked(question: string, lang: Lang, n = 3): Match[] {
    const ix = this.indexes.get(lang)!;
    if (ix.entries.length === 0) return [];
    const q = this.lexicon.analyse(question, lang, true);
    return this.score(ix, q, n);
  }

  private score(ix: LangIndex, q: Term[], n: number, without?: { k: number; phrasing: Set<string> }): Match[] {
    if (q.length === 0) return [];
    const nearTerms = q.map((t) => (ix.df.has(t.term) ? [] : this.near(ix, t.term)));
    const candidates = new Set<number>();
    q.forEach((t, i) => {
      for (const k of ix.postings.get(t.term) ?? []) candidates.add(k);
      for (const d of nearTerms[i]!) for (const k of ix.postings.get(d)!) candidates.add(k);
    });
    if (candidates.size === 0) return [];
    const known = q.map((t, i) => ix.df.has(t.term) || nearTerms[i]!.length > 0);
    // A word after "to", "in", "a"... that no concept covers is probably a place ("to Vienna", "in Italia"):
    // it says where, not what, whether the FAQ mentions that place or not.
    const weight = q.map((t, i) => this.idf(ix, t.term) * termFactor(t) * (t.place ? PLACE_WEIGHT : 1));
    const out: Match[] = [];
    if (without) candidates.add(without.k);
    const askedTerms = new Set(q.map((t) => t.term));
    for (const k of candidates) {
      const x = without?.k === k ? { ...ix.entries[k]!, phrasing: without.phrasing } : ix.entries[k]!;
      let hit = 0;
      let asked = 0;
      let core = false;
      q.forEach((t, i) => {
        let c = 0;
        if (x.phrasing.has(t.term)) c = 1;
        else if (x.answer.has(t.term)) c = ANSWER_CREDIT;
        for (const d of nearTerms[i]!) {
          if (x.phrasing.has(d)) c = Math.max(c, FUZZY_CREDIT);
          else if (x.answer.has(d)) c = Math.max(c, FUZZY_CREDIT * ANSWER_CREDIT);
        }
        hit += c * weight[i]!;
        // A part (a phrase's word, a broader concept) only adds: its absence costs nothing.
        asked += (c > 0 ? 1 : t.part ? 0 : !known[i] ? 1 : OTHER_ENTRY_SHARE) * weight[i]!;
        if (c > 0 && !t.intent && !t.part) core = true;
      });
      if (hit === 0) continue;
      const share = asked ? hit / asked : 0;
      // How much of the entry's closest phrasing was asked (its best one: a FAQ with many phrasings is not penalised).
      let ownShare = 0;
      for (const p of x.each) {
        let own = 0;
        let all = 0;
        for (const t of p) {
          const w = this.idf(ix, t) * (x.factor.get(t) ?? 1);
          all += w;
          if (askedTerms.has(t)) own += w;
        }
        if (all > 0) ownShare = Math.max(ownShare, own / all);
      }
      // An entry that meets the question only on intents ("how much") or parts explains none of what it is about.
      const confidence = ((1 - ENTRY_SHARE) * share + ENTRY_SHARE * ownShare) * (core ? 1 : CORELESS);
      out.push({ entry: x.entry, confidence, score: hit });
    }
    out.sort((a, b) => b.confidence - a.confidence || b.score - a.score);
    return out.slice(0, n);
  }

  /**
   * How confident a wrong entry gets on this FAQ: each entry's phrasings are asked in turn with
   * that phrasing left out of the entry (leave-one-out: the entry keeps its other phrasings and its
   * answer), and the best confidence any other entry reaches is recorded (sorted), with how many
   * of those questions a wrong entry won. Cached.
   */
  private impostors(): { wrong: number[]; confused: number } {
    if (this.nulls) return this.nulls;
    const out: number[] = [];
    let confused = 0;
    for (const ix of this.indexes.values()) {
      // At most ~300 questions per language: enough for a quantile, bounded for big FAQs.
      const step = Math.max(1, Math.ceil(ix.entries.length / 300));
      for (let k = 0; k < ix.entries.length; k += step) {
        const x = ix.entries[k]!;
        x.each.forEach((asked, j) => {
          const rest = new Set(x.each.filter((_, i) => i !== j).flat());
          const q: Term[] = asked.map((term) => ({ term, intent: this.lexicon.isIntent(term), place: false }));
          const top = this.score(ix, q, 3, { k, phrasing: rest });
          const wrong = top.find((m) => m.entry !== x.entry)?.confidence ?? 0;
          const right = top.find((m) => m.entry === x.entry)?.confidence ?? 0;
          out.push(wrong);
          if (wrong > right) confused++;
        });
      }
    }
    return (this.nulls = { wrong: out.sort((a, b) => a - b), confused });
  }

  /**
   * The site's thresholds, from its own entries. The bar to answer is a high quantile of the
   * confidence a wrong entry reaches on the FAQ's own questions (impostors()), so a FAQ whose
   * entries resemble each other asks for more; never below MIN_ANSWER_AT. `sensitivity` 0..1
   * (default 0.5) moves the quantile: higher answers more readily, lower asks for more.
   */
  calibrate(sensitivity = 0.5): Calibration {
    const s = Math.min(1, Math.max(0, sensitivity));
    const { wrong: nulls, confused: won } = this.impostors();
    const at = (p: number) => (nulls.length ? nulls[Math.min(nulls.length - 1, Math.floor(p * nulls.length))]! : DEFAULT_ANSWER_AT);
    // Few questions make a shaky quantile: it is drawn towards the prior by PRIOR_WEIGHT questions' worth.
    const measured = (nulls.length * at(ANSWER_QUANTILE) + PRIOR_WEIGHT * DEFAULT_ANSWER_AT) / (nulls.length + PRIOR_WEIGHT);
    const answerAt = Math.min(MAX_ANSWER_AT, Math.max(MIN_ANSWER_AT, measured + (0.5 - s) * 0.3));
    const suggestAt = Math.max(MIN_SUGGEST_AT, answerAt * SUGGEST_SHARE);
    // The lead needed over the runner-up grows with how often, on its own questions, a wrong entry
    // came first: a FAQ of look-alike entries needs a clearer win.
    const confused = nulls.length ? won / nulls.length : DEFAULT_CONFUSED;
    const margin = Math.min(MAX_MARGIN, Math.max(MIN_MARGIN, MARGIN_PER_CONFUSION * confused * (1.5 - s)));
    return { answerAt, suggestAt, margin };
  }

  /** Up to `n` entries whose question matches what is being typed (suggestions in the widget): the last, unfinished word is completed first. */
  suggest(text: string, lang: Lang, n = 3): FaqEntry[] {
    const m = /([\p{L}\p{N}]+)$/u.exec(text);
    const done = m ? this.lexicon.complete(lang, m[1]!) : null;
    const full = m && done ? text.slice(0, m.index) + done : text;
    return this.ranked(full, lang, n).map((r) => r.entry);
  }
}

/**
 * The bot's decision reduced to "answer or not": the entry when decide() answers. With a
 * `threshold`, that fixed bar and no margin replace the FAQ's calibration.
 */
export function answer(matcher: FaqMatcher, question: string, lang: Lang, threshold?: number): { entry: FaqEntry | null; confidence: number } {
  const cal = threshold === undefined ? matcher.calibrate() : { answerAt: threshold, suggestAt: threshold, margin: 0 };
  const d = decide(matcher, question, lang, cal);
  return { entry: d.kind === 'answer' ? d.best!.entry : null, confidence: d.best?.confidence ?? 0 };
}
