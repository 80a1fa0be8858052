/**
 * FAQ retrieval: a full-text index (MiniSearch, BM25-like scoring) per language over each entry's
 * question, alternative phrasings and tags, with Snowball stemming (English, Italian), accent
 * folding, stop words and typo tolerance. The best entry comes with a confidence: the share of
 * the question's information (IDF-weighted terms) it explains. Below the threshold the bot abstains.
 */
import type { FaqEntry, Lang } from '@parla/protocol';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemIt } from '@orama/stemmers/italian';
import MiniSearch from 'minisearch';

/** Below this confidence the bot abstains. */
export const DEFAULT_THRESHOLD = 0.5;

// Function words only: question words like "how much" / "quanto" or "when" / "quando" carry intent.
const STOP: Record<Lang, Set<string>> = {
  en: new Set(
    'a an the and or but if of to in on at by for from with about into over after before as is are was were be been being am do does did doing have has had i me my mine we us our you your yours it its this that these those there here he she they them their his her hi hello hey please thanks thank would could should shall will can may might must just so also too very really any some all ok okay dear sir madam'.split(
      ' ',
    ),
  ),
  it: new Set(
    'il lo la i gli le un uno una di a da in con su per tra fra e ed o ma se che chi del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle mi ti si ci vi me te ne io tu lui lei noi voi loro mio mia miei mie tuo tua vostro vostra nostro nostra questo questa questi queste quello quella è e sono sei siamo siete ho hai ha abbiamo avete hanno essere avere fare sto sta salve ciao buongiorno buonasera grazie per favore cortesemente gentilmente vorrei volevo potrei potreste'.split(
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

/** The index terms of a text: folded words, minus stop words, stemmed. */
export function terms(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of fold(text).split(/[^a-z0-9]+/)) {
    if (!w || STOP[lang].has(w)) continue;
    out.push(w.length > 2 ? STEM[lang](w) : w);
  }
  return out;
}

export interface Match {
  entry: FaqEntry;
  /** 0..1: IDF-weighted share of the question's terms the entry matched. */
  confidence: number;
  /** The search engine's own relevance score. */
  score: number;
}

interface LangIndex {
  search: MiniSearch<{ id: string; text: string; question: string }>;
  /** In how many entries each term occurs. */
  df: Map<string, number>;
  size: number;
}

export class FaqMatcher {
  private readonly byId = new Map<string, FaqEntry>();
  private readonly indexes = new Map<Lang, LangIndex>();

  constructor(entries: readonly FaqEntry[]) {
    for (const lang of ['en', 'it'] as const) {
      const own = entries.filter((e) => e.lang === lang);
      const search = new MiniSearch<{ id: string; text: string; question: string }>({
        fields: ['question', 'text'],
        storeFields: [],
        tokenize: (t) => terms(t, lang),
        processTerm: (t) => t,
        searchOptions: {
          tokenize: (t) => terms(t, lang),
          processTerm: (t) => t,
          boost: { question: 1.5 },
          // Typos: one edit in words of 5+ characters, two in long ones.
          fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false),
          prefix: (term) => term.length >= 4,
          combineWith: 'OR',
        },
      });
      const df = new Map<string, number>();
      for (const e of own) {
        this.byId.set(e.id, e);
        const text = [...e.alternatives, ...e.tags].join(' \n ');
        search.add({ id: e.id, question: e.question, text });
        for (const t of new Set([...terms(e.question, lang), ...terms(text, lang)])) df.set(t, (df.get(t) ?? 0) + 1);
      }
      this.indexes.set(lang, { search, df, size: own.length });
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Weight of a query term: rare (or unknown) terms say more about what is asked. */
  private idf(ix: LangIndex, term: string): number {
    const n = ix.df.get(term) ?? 0;
    return Math.log(1 + (ix.size + 1) / (n + 0.5));
  }

  /** The best entry for the question, or null when nothing matches at all. */
  best(question: string, lang: Lang): Match | null {
    const ix = this.indexes.get(lang)!;
    const qTerms = [...new Set(terms(question, lang))];
    if (qTerms.length === 0 || ix.size === 0) return null;
    // Among the engine's best few, the entry that explains most of the question wins (then the engine's score).
    let best: Match | null = null;
    let total = 0;
    const weight = new Map(qTerms.map((t) => [t, this.idf(ix, t)] as const));
    for (const w of weight.values()) total += w;
    // A match only on words most entries share ("how", "order") says nothing about what is asked.
    const common = Math.max(2, ix.size * 0.15);
    for (const r of ix.search.search(question).slice(0, 5)) {
      let hit = 0;
      let telling = false;
      for (const t of new Set(r.queryTerms)) {
        hit += weight.get(t) ?? 0;
        if ((ix.df.get(t) ?? 0) <= common) telling = true;
      }
      const confidence = total && telling ? hit / total : 0;
      if (!best || confidence > best.confidence + 1e-9 || (Math.abs(confidence - best.confidence) <= 1e-9 && r.score > best.score)) {
        best = { entry: this.byId.get(String(r.id))!, confidence, score: r.score };
      }
    }
    return best;
  }

  /** Up to `n` entries whose question matches what is being typed (suggestions in the widget). */
  suggest(text: string, lang: Lang, n = 3): FaqEntry[] {
    const ix = this.indexes.get(lang)!;
    if (terms(text, lang).length === 0) return [];
    return ix.search
      .search(text)
      .slice(0, n)
      .map((r) => this.byId.get(String(r.id))!);
  }
}

/** The bot's decision: an entry when confident enough, otherwise abstain. */
export function answer(matcher: FaqMatcher, question: string, lang: Lang, threshold = DEFAULT_THRESHOLD): { entry: FaqEntry | null; confidence: number } {
  const m = matcher.best(question, lang);
  if (!m || m.confidence < threshold) return { entry: null, confidence: m?.confidence ?? 0 };
  return { entry: m.entry, confidence: m.confidence };
}
