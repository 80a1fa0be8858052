/**
 * FAQ retrieval: a full-text index (MiniSearch, BM25) per language over each entry's question,
 * alternative phrasings, tags and answer, with Snowball stemming (English, Italian), accent
 * folding, stop words and typo tolerance. The engine ranks the entries; the best few are then
 * re-scored by how much of the question they explain (IDF-weighted share of the question's terms
 * found in the entry, the answer counting less than the phrasings). Below the threshold the bot
 * abstains.
 */
import type { FaqEntry, Lang } from '@parla/protocol';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemIt } from '@orama/stemmers/italian';
import MiniSearch from 'minisearch';
import type { Calibration } from './decide.ts';

/** Below this confidence the bot abstains. */
export const DEFAULT_THRESHOLD = 0.62;

// Function words, fillers, time adverbs ("today", "still", "ancora") and "what" / "quale": they do
// not change what is asked. Question words like "how much" / "quanto" or "when" / "quando" carry
// intent and stay.
const STOP: Record<Lang, Set<string>> = {
  en: new Set(
    'a an the and or but if of to in on at by for from with about into over after before as is are was were be been being am do does did doing have has had i me my mine myself we us our you your yours u ur it its this that these those there here he she they them their his her hi hello hey hiya please pls plz thanks thank thx would could should shall will can may might must just so also too very really any some all ok okay dear sir madam im ive id ll re ve guys today now yesterday still already yet ago actually ever even maybe rather quite bit lot what whats which want wanna need cant dont doesnt didnt isnt wont arent hasnt havent wasnt'.split(
      ' ',
    ),
  ),
  it: new Set(
    'il lo la i gli le un uno una di a da in con su per tra fra e ed o ma se che chi del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle mi ti si ci vi me te ne io tu lui lei noi voi loro mio mia miei mie tuo tua vostro vostra vostri vostre nostro nostra questo questa questi queste quello quella è e sono sei siamo siete ho hai ha abbiamo avete hanno essere avere fare sto sta salve ciao buongiorno buonasera grazie favore cortesemente gentilmente vorrei volevo potrei potreste oggi ieri adesso ora ancora gia anche pure magari proprio allora quindi cosi tanto molto po piu nell dell dall sull all coll quest quell qualcosa qual quale quali cosa'.split(
      ' ',
    ),
  ),
};

const STEM: Record<Lang, (w: string) => string> = { en: stemEn, it: stemIt };

/** Lower case, accents folded (è -> e), apostrophes split (l'ordine -> l ordine). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, ' ');
}

/** Sizes and amounts ("6 cups", "€49") say little about what is asked. */
const NUMBER = /^[0-9]+$/;

/** Words after which an unknown word is most likely a place ("ship to Vienna", "arriva a Milano"). */
const PLACE_BEFORE: Record<Lang, Set<string>> = {
  en: new Set(['to', 'in', 'from', 'near', 'at']),
  it: new Set(['a', 'in', 'da', 'per', 'verso']),
};

interface Token {
  term: string;
  /** Right after "to", "in", "a", ...: a place name if no entry knows it. */
  place: boolean;
}

function analyse(text: string, lang: Lang): Token[] {
  const out: Token[] = [];
  let place = false;
  for (const w of fold(text).split(/[^a-z0-9]+/)) {
    if (!w) continue;
    const after = place;
    place = PLACE_BEFORE[lang].has(w);
    if (STOP[lang].has(w) || w.length === 1 || NUMBER.test(w)) continue;
    out.push({ term: w.length > 2 ? STEM[lang](w) : w, place: after });
  }
  return out;
}

/** The index terms of a text: folded words, minus stop words, single letters and numbers, stemmed. */
export function terms(text: string, lang: Lang): string[] {
  return analyse(text, lang).map((t) => t.term);
}

/** "ri-" / "re-" again: "rispedito" is asked like "spedito", "resend" like "send". */
const AGAIN: Record<Lang, string> = { en: 're', it: 'ri' };

/** Typos: one edit in words of 5+ characters, two in long ones. */
const fuzziness = (term: string): number => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0);

/** Whether `a` and `b` are within `max` edits (insert, delete, substitute), for short words. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (max === 0 || Math.abs(a.length - b.length) > max) return a === b;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

export interface Match {
  entry: FaqEntry;
  /** 0..1: IDF-weighted share of the question's terms the entry explains. */
  confidence: number;
  /** The search engine's own relevance score. */
  score: number;
}

/** How much a query term found only in the answer counts, against one found in a phrasing. */
const ANSWER_CREDIT = 0.6;
/** How much a term found through a typo or a prefix counts, against an exact one. */
const FUZZY_CREDIT = 0.85;
/** How much a question word the entry lacks, but other entries have, counts against it. */
const OTHER_ENTRY_SHARE = 0.2;
/** How much the engine's rank (score relative to the best) weighs when picking among the candidates. */
const RANK_WEIGHT = 0.3;
/** How much an unknown word that is probably a place ("to Vienna") counts against the entries. */
const PLACE_WEIGHT = 0.3;
/** How many of the engine's best results are re-scored. */
const CANDIDATES = 8;

interface Doc {
  id: string;
  question: string;
  alternatives: string;
  tags: string;
  answer: string;
}

/** An entry as the engine ranks it, with the index terms that matched (after typos and prefixes). */
interface Ranked {
  id: string;
  score: number;
  terms: string[];
}

interface LangIndex {
  search: MiniSearch<Doc>;
  /** In how many entries each term occurs (phrasings, tags or answer). */
  df: Map<string, number>;
  /** Per entry: the terms of its phrasings and tags, and those of its answer. */
  own: Map<string, { phrasing: Set<string>; answer: Set<string> }>;
  size: number;
}

export class FaqMatcher {
  private readonly byId = new Map<string, FaqEntry>();
  private readonly indexes = new Map<Lang, LangIndex>();

  constructor(entries: readonly FaqEntry[]) {
    for (const lang of ['en', 'it'] as const) {
      const mine = entries.filter((e) => e.lang === lang);
      const tokenize = (t: string) => terms(t, lang);
      const search = new MiniSearch<Doc>({
        fields: ['question', 'alternatives', 'tags', 'answer'],
        storeFields: [],
        tokenize,
        processTerm: (t) => t,
        searchOptions: {
          // Queries arrive already analysed (see query()): split only.
          tokenize: (t) => t.split(' '),
          processTerm: (t) => t,
          boost: { question: 1.5, alternatives: 1, tags: 1, answer: 0.3 },
          fuzzy: (term) => fuzziness(term) || false,
          prefix: (term) => term.length >= 4,
          combineWith: 'OR',
        },
      });
      const df = new Map<string, number>();
      const own = new Map<string, { phrasing: Set<string>; answer: Set<string> }>();
      for (const e of mine) {
        this.byId.set(e.id, e);
        const doc = { id: e.id, question: e.question, alternatives: e.alternatives.join(' \n '), tags: e.tags.join(' \n '), answer: e.answer };
        search.add(doc);
        const phrasing = new Set(tokenize(`${doc.question} \n ${doc.alternatives} \n ${doc.tags}`));
        const answer = new Set(tokenize(doc.answer));
        own.set(e.id, { phrasing, answer });
        for (const t of new Set([...phrasing, ...answer])) df.set(t, (df.get(t) ?? 0) + 1);
      }
      this.indexes.set(lang, { search, df, own, size: mine.length });
    }
  }

  /** The engine's ranking (BM25 with typos and prefixes) of the entries for analysed query terms. */
  private rank(ix: LangIndex, qTerms: string[]): Ranked[] {
    return ix.search.search(qTerms.join(' ')).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
  }

  get size(): number {
    return this.byId.size;
  }

  /** Weight of a query term: rare (or unknown) terms say more about what is asked. */
  private idf(ix: LangIndex, term: string): number {
    // A word no entry has weighs as much as one only a single entry has.
    const n = Math.max(1, ix.df.get(term) ?? 0);
    return Math.log(1 + (ix.size + 1) / (n + 0.5));
  }

  /** The question's distinct terms; an unknown "ri-"/"re-" word is taken without the prefix when that is known. */
  private query(ix: LangIndex, question: string, lang: Lang): Token[] {
    const seen = new Set<string>();
    const out: Token[] = [];
    for (const t of analyse(question, lang)) {
      const bare = t.term.slice(AGAIN[lang].length);
      const term = !ix.df.has(t.term) && t.term.startsWith(AGAIN[lang]) && ix.df.has(bare) ? bare : t.term;
      if (seen.has(term)) continue;
      seen.add(term);
      out.push({ term, place: t.place });
    }
    return out;
  }

  /**
   * How well the entry explains the query term `q`: 1 exact in a phrasing, less for a typo or a
   * prefix (`near` caches which matched index terms are near `q`) or for the answer only.
   */
  private credit(ix: LangIndex, r: Ranked, q: string, near: Map<string, boolean>): number {
    const own = ix.own.get(r.id)!;
    if (own.phrasing.has(q)) return 1;
    let best = own.answer.has(q) ? ANSWER_CREDIT : 0;
    for (const d of r.terms) {
      if (d === q) continue;
      let close = near.get(d);
      if (close === undefined) near.set(d, (close = (q.length >= 4 && d.startsWith(q)) || withinEdits(q, d, fuzziness(q))));
      if (close) best = Math.max(best, FUZZY_CREDIT * (own.phrasing.has(d) ? 1 : ANSWER_CREDIT));
    }
    return best;
  }


  /**
   * The best entry for the question, or null when nothing matches at all. Each of the engine's
   * best few is scored by the share of the question's weight it explains; a word the entry lacks
   * but the knowledge base knows elsewhere counts only OTHER_ENTRY_SHARE against it (it may be
   * incidental: "big", "side"), a word unknown to the whole knowledge base counts fully (it is
   * what out-of-scope questions are about: "tea", "bitcoin").
   */
  best(question: string, lang: Lang): Match | null {
    return this.ranked(question, lang, 1)[0] ?? null;
  }

  /** The `n` best entries for the question, best first, scored as `best` scores them (none when nothing matches at all). */
  ranked(question: string, lang: Lang, n = 3): Match[] {
    const ix = this.indexes.get(lang)!;
    const tokens = this.query(ix, question, lang);
    const qTerms = tokens.map((t) => t.term);
    if (qTerms.length === 0 || ix.size === 0) return [];
    const results = this.rank(ix, qTerms).slice(0, CANDIDATES);
    if (results.length === 0) return [];
    const near = qTerms.map(() => new Map<string, boolean>());
    const credits = results.map((r) => qTerms.map((q, i) => this.credit(ix, r, q, near[i]!)));
    const known = qTerms.map((t, i) => (ix.df.get(t) ?? 0) > 0 || credits.some((c) => c[i]! > 0));
    const weight = qTerms.map((t, i) => this.idf(ix, t) * (!known[i] && tokens[i]!.place ? PLACE_WEIGHT : 1));
    const top = results[0]!.score;
    const scored = results.map((r, k) => {
      let hit = 0;
      let asked = 0;
      qTerms.forEach((_, i) => {
        const c = credits[k]![i]!;
        hit += c * weight[i]!;
        asked += (c > 0 || !known[i] ? 1 : OTHER_ENTRY_SHARE) * weight[i]!;
      });
      const confidence = asked ? hit / asked : 0;
      // Mostly the share explained; the engine's own ranking breaks near-ties.
      return { key: confidence + RANK_WEIGHT * (r.score / top), k, match: { entry: this.byId.get(r.id)!, confidence, score: r.score } };
    });
    // Ties keep the engine's order (as the single best did: the first of equal keys won).
    scored.sort((a, b) => b.key - a.key || a.k - b.k);
    return scored.slice(0, n).map((x) => x.match);
  }

  /**
   * The site's thresholds, from its own entries. `sensitivity` 0..1 (0.5 balanced): higher answers
   * more readily, lower asks for more before answering. (Placeholder until the calibration lands:
   * the old constant.)
   */
  calibrate(sensitivity = 0.5): Calibration {
    const shift = (sensitivity - 0.5) * 0.2;
    return { answerAt: DEFAULT_THRESHOLD - shift, suggestAt: 0.4 - shift, margin: 0 };
  }

  /** Up to `n` entries whose question matches what is being typed (suggestions in the widget). */
  suggest(text: string, lang: Lang, n = 3): FaqEntry[] {
    const ix = this.indexes.get(lang)!;
    const qTerms = [...new Set(terms(text, lang))];
    if (qTerms.length === 0) return [];
    return this.rank(ix, qTerms)
      .slice(0, n)
      .map((r) => this.byId.get(r.id)!);
  }
}

/** The bot's decision: an entry when confident enough, otherwise abstain. */
export function answer(matcher: FaqMatcher, question: string, lang: Lang, threshold = DEFAULT_THRESHOLD): { entry: FaqEntry | null; confidence: number } {
  const m = matcher.best(question, lang);
  if (!m || m.confidence < threshold) return { entry: null, confidence: m?.confidence ?? 0 };
  return { entry: m.entry, confidence: m.confidence };
}
