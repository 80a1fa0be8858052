/**
 * The bot's text analysis: folding, stop words, Snowball stems, a bilingual e-commerce vocabulary
 * of concepts (vocabulary.ts: "voucher", "gift card" and "buono regalo" are one concept) plus the
 * site's own synonyms, and typo correction through character trigrams. Entries and questions go
 * through the same analysis, so a question and an entry meet on concepts, not on spelling.
 */
import type { Lang } from '@parla/protocol';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemIt } from '@orama/stemmers/italian';
import { CONCEPTS, type Concept } from './vocabulary.ts';

// Function words, fillers, time adverbs ("today", "still", "ancora") and "what" / "quale": they do
// not change what is asked. Question words like "how much" / "quanto" or "when" / "quando" carry
// intent and stay (the vocabulary makes intent concepts of them).
export const STOP: Record<Lang, Set<string>> = {
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

/**
 * Everyday verbs and words that say little about which FAQ is meant ("take", "get", "fare",
 * "mettere"): they count, but less than the words a topic is made of.
 */
const LIGHT_WORDS: Record<Lang, string[]> = {
  en: 'take took taken get got gotten make made give gave go went gone put come came know knew see saw seen use used work works like tell told ask asked say said look let keep thing things stuff something anything way time bit help find found think hope try tried able possible sure right thing place able new old good bad'.split(' '),
  it: 'fare fatto faccio fate prendere preso prendo mettere messo metto dare dato do andare vado venire vengo sapere so sai vedere visto vedo usare uso dire detto chiedere chiesto cosa cose modo volta bisogno aiuto aiutare trovare trovo trovato pensare provare provato sicuro nuovo vecchio bene male riuscire riesco'.split(' '),
};

const STEMMER: Record<Lang, (w: string) => string> = { en: stemEn, it: stemIt };
const AGAIN: Record<Lang, string> = { en: 're', it: 'ri' };
const OTHER: Record<Lang, Lang> = { en: 'it', it: 'en' };
const LANGS = ['en', 'it'] as const;

/** Lower case, accents folded (è -> e), apostrophes split (l'ordine -> l ordine). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, ' ');
}

const words = (text: string): string[] => fold(text).split(/[^a-z0-9]+/).filter(Boolean);
/** Stems are memoised (Snowball is the costly part of an answer); the memo is dropped past 50,000 words. */
const STEMS: Record<Lang, Map<string, string>> = { en: new Map(), it: new Map() };
const stem = (lang: Lang, w: string): string => {
  if (w.length <= 2) return w;
  const memo = STEMS[lang];
  let s = memo.get(w);
  if (s === undefined) {
    if (memo.size > 50_000) memo.clear();
    s = STEMMER[lang](w);
    memo.set(w, s);
  }
  return s;
};
const NUMBER = /^[0-9]+$/;
const isStop = (lang: Lang, w: string): boolean => STOP[lang].has(w) || w.length === 1 || NUMBER.test(w);

/** A text's words as the vocabulary is matched on: folded, stop words, single letters and numbers out, stemmed (no concepts). */
export function stems(text: string, lang: Lang): string[] {
  return words(text)
    .filter((w) => !isStop(lang, w))
    .map((w) => stem(lang, w));
}

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

/** Typos: one edit in words of 5+ characters, two in long ones. */
export const fuzziness = (w: string): number => (w.length >= 8 ? 2 : w.length >= 5 ? 1 : 0);

/**
 * Broader concepts: a shopper asking about PayPal asks about payment methods too, one asking how
 * long a return may wait asks about returns. A concept brings its broader ones along as parts
 * (weighed less), so an entry written at either level meets the question.
 */
const BROADER: Record<string, string[]> = {
  paypal: ['payment-methods'],
  'card-payment': ['payment-methods'],
  'bank-transfer': ['payment-methods'],
  'cash-on-delivery': ['payment-methods'],
  'digital-wallet': ['payment-methods'],
  instalments: ['payment-methods'],
  'payment-failed': ['payment-methods'],
  'charged-twice': ['payment-failed'],
  'payment-authorisation': ['payment-failed'],
  'shipping-cost': ['shipping'],
  'free-shipping': ['shipping-cost'],
  'minimum-order': ['free-shipping'],
  'delivery-time': ['shipping'],
  'express-delivery': ['delivery-time'],
  'cut-off': ['delivery-time'],
  dispatch: ['delivery-time'],
  'international-shipping': ['shipping'],
  'customs-duties': ['international-shipping'],
  'delivery-area': ['shipping'],
  'remote-areas': ['delivery-area'],
  'order-status': ['tracking'],
  tracking: ['order-status'],
  'late-delivery': ['order-status'],
  'lost-parcel': ['order-status'],
  'return-deadline': ['return'],
  'return-cost': ['return'],
  'return-label': ['return'],
  'return-pickup': ['return'],
  'return-in-store': ['return'],
  'return-condition': ['return'],
  'non-returnable': ['return'],
  'return-status': ['refund'],
  'trial-period': ['return'],
  'defective-item': ['damaged-item'],
  'wrong-item': ['damaged-item'],
  'missing-item': ['damaged-item'],
  'gift-card-balance': ['gift-card'],
  'gift-message': ['gift-wrap'],
  'code-not-working': ['discount-code'],
  'stack-discounts': ['discount-code'],
  'first-order-discount': ['discount-code'],
  'discount-code': ['discount'],
  'special-group-discount': ['discount'],
  unsubscribe: ['newsletter'],
  registration: ['account'],
  'guest-checkout': ['account'],
  login: ['account'],
  password: ['login'],
  'email-not-received': ['account'],
  'verification-code': ['login'],
  'account-security': ['account'],
  'account-details': ['account'],
  'delete-account': ['account'],
  'company-tax-details': ['invoice'],
  'billing-address': ['invoice'],
  fit: ['size'],
  'shoe-size': ['size'],
  'age-range': ['size'],
  'store-stock': ['availability'],
  restock: ['availability'],
  discontinued: ['availability'],
  'support-hours': ['contact'],
  human: ['contact'],
  phone: ['contact'],
  'email-contact': ['contact'],
  'chat-social': ['contact'],
  'opening-hours': ['physical-store'],
  allergens: ['ingredients'],
  dietary: ['ingredients'],
  expiry: ['storage'],
  'cold-chain': ['storage'],
  repair: ['warranty'],
  'tech-support': ['repair'],
  'battery-charging': ['tech-support'],
  'data-deletion': ['privacy'],
  'data-export': ['privacy'],
  'delivery-address': ['modify-order'],
  'cancel-order': ['modify-order'],
};

/** A site's own synonyms: each group is words or phrases (any language) that mean the same thing in its shop. */
export type SynonymGroups = readonly (readonly string[])[];

interface Phrase {
  /** Stems to match: the content words, or every word for a phrase made only of function words ("can i"). */
  stems: string[];
  concept: string;
  content: boolean;
}

/** Words after which an unknown word is most likely a place ("ship to Vienna", "arriva a Milano"). */
const PLACE_BEFORE: Record<Lang, Set<string>> = {
  en: new Set(['to', 'in', 'from', 'near', 'at']),
  it: new Set(['a', 'in', 'da', 'per', 'verso']),
};

/** Of those, the words before a destination ("ship to Vienna", "spedite a Lugano"). */
const TOWARDS: Record<Lang, Set<string>> = { en: new Set(['to']), it: new Set(['a', 'in', 'verso']) };

/** One analysed term of a text: a concept ("#gift-card") or a word's stem. */
export interface Term {
  term: string;
  /** An intent concept ("how much", "when", "can I") or an everyday word ("take", "fare"): weighed less than what the question is about. */
  intent: boolean;
  /** A word right after "to", "in", "a"...: a place name if nobody knows it. */
  place: boolean;
  /** A word of a vocabulary phrase, kept beside the phrase's concept: weighed less. */
  part?: boolean;
}

const trigrams = (w: string): string[] => {
  const p = ` ${w} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= p.length; i++) out.push(p.slice(i, i + 3));
  return out;
};

/**
 * The vocabulary (built-in concepts plus a site's synonyms) and the words known to a FAQ, with the
 * analysis that maps a text to terms.
 */
export class Lexicon {
  /** Per language: phrases by their first stem, longest first. */
  private readonly phrases: Record<Lang, Map<string, Phrase[]>> = { en: new Map(), it: new Map() };
  /** Per language: the stems a vocabulary phrase or a FAQ entry knows (a word outside them may be a typo). */
  private readonly known: Record<Lang, Set<string>> = { en: new Set(), it: new Set() };
  /** Per language: the folded words to correct typos towards, and their trigram index. */
  private readonly dictionary: Record<Lang, string[]> = { en: [], it: [] };
  private readonly grams: Record<Lang, Map<string, number[]>> = { en: new Map(), it: new Map() };
  private readonly intents = new Set<string>();
  /** The words of the FAQ's entries (completions prefer them). */
  private readonly faqWords: Record<Lang, Set<string>> = { en: new Set(), it: new Set() };
  private readonly light: Record<Lang, Set<string>> = { en: new Set(), it: new Set() };
  private readonly corrections: Record<Lang, Map<string, string | null>> = { en: new Map(), it: new Map() };

  constructor(concepts: readonly Concept[] = CONCEPTS, synonyms: SynonymGroups = []) {
    // The site's groups come first: on the same words they win over the built-in concept.
    synonyms.forEach((g, i) => {
      for (const lang of LANGS) for (const p of g) this.addPhrase(lang, p, `site-${i}`);
    });
    for (const c of concepts) {
      if (c.intent) this.intents.add(`#${c.id}`);
      for (const lang of LANGS) for (const p of c[lang]) this.addPhrase(lang, p, c.id);
    }
    for (const lang of LANGS) for (const w of LIGHT_WORDS[lang]) this.light[lang].add(stem(lang, w));
    for (const lang of LANGS) for (const list of this.phrases[lang].values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  private addPhrase(lang: Lang, text: string, concept: string): void {
    const ws = words(text);
    if (ws.length === 0) return;
    const content = ws.filter((w) => !isStop(lang, w));
    const stems = (content.length ? content : ws).map((w) => stem(lang, w));
    const list = this.phrases[lang].get(stems[0]!) ?? [];
    if (list.some((p) => p.stems.join(' ') === stems.join(' '))) return;
    list.push({ stems, concept: `#${concept}`, content: content.length > 0 });
    this.phrases[lang].set(stems[0]!, list);
    for (const w of content) this.learn(lang, w);
  }

  /** An intent concept, or an everyday word of either language. */
  isIntent(term: string): boolean {
    return this.intents.has(term) || this.light.en.has(term) || this.light.it.has(term);
  }

  /** Makes a word known (a FAQ entry's word): no typo correction away from it, and a target for corrections. */
  learn(lang: Lang, w: string): void {
    if (w.length < 4 || NUMBER.test(w)) return;
    const s = stem(lang, w);
    if (this.known[lang].has(s) && this.dictionary[lang].includes(w)) return;
    this.known[lang].add(s);
    const i = this.dictionary[lang].push(w) - 1;
    for (const g of trigrams(w)) {
      const l = this.grams[lang].get(g);
      if (l) l.push(i);
      else this.grams[lang].set(g, [i]);
    }
  }

  /** The shortest known word that starts with `prefix` (3+ letters; what a shopper is still typing), or null. */
  complete(lang: Lang, prefix: string): string | null {
    const p = fold(prefix);
    if (p.length < 3) return null;
    // A word of the FAQ's own entries first, then one of the vocabulary; the shortest of them.
    let best: string | null = null;
    for (const w of this.dictionary[lang]) {
      if (!w.startsWith(p)) continue;
      const better = best === null || this.faqWords[lang].has(w) !== this.faqWords[lang].has(best) ? this.faqWords[lang].has(w) || best === null : w.length < best.length;
      if (better) best = w;
    }
    return best;
  }

  /** Learns every word of a text (a FAQ entry). */
  learnText(lang: Lang, text: string): void {
    for (const w of words(text))
      if (!isStop(lang, w)) {
        this.learn(lang, w);
        this.faqWords[lang].add(w);
      }
  }

  /** The closest known word within the typo budget (trigram candidates, then edit distance), or null. */
  private correct(lang: Lang, w: string): string | null {
    const cached = this.corrections[lang].get(w);
    if (cached !== undefined) return cached;
    const max = fuzziness(w);
    let best: string | null = null;
    if (max > 0) {
      const shared = new Map<number, number>();
      const grams = trigrams(w);
      for (const g of grams) for (const i of this.grams[lang].get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      // One edit changes at most three trigrams: fewer shared ones cannot be within the budget.
      let bestShared = Math.max(0, grams.length - 3 * max - 1);
      for (const [i, n] of shared) {
        const d = this.dictionary[lang][i]!;
        if (n > bestShared && Math.abs(d.length - w.length) <= max && withinEdits(w, d, max)) {
          best = d;
          bestShared = n;
        }
      }
    }
    if (this.corrections[lang].size > 5000) this.corrections[lang].clear();
    this.corrections[lang].set(w, best);
    return best;
  }

  /** Longest vocabulary phrase of `lang` starting at `i` of `stems` (the stems in that language), or null. */
  private match(lang: Lang, stems: string[], i: number, content: boolean): Phrase | null {
    for (const p of this.phrases[lang].get(stems[i]!) ?? []) {
      if (p.content !== content || i + p.stems.length > stems.length) continue;
      if (p.stems.every((s, k) => stems[i + k] === s)) return p;
    }
    return null;
  }

  /**
   * The terms of a text: vocabulary phrases become their concept, the other content words their
   * stem; function words, single letters and numbers go. A question's unknown words are first
   * corrected towards a known word (`fix`); the other language's vocabulary is tried too (an
   * Italian shopper writing "gift card").
   */
  analyse(text: string, lang: Lang, fix = false): Term[] {
    const other = OTHER[lang];
    const raw = words(text);
    const all: { w: string; stop: boolean; place: boolean; towards: boolean }[] = [];
    let place = false;
    let destination = false;
    for (let w of raw) {
      // Not a verb ("a sapere", "to know"): an everyday word or an Italian infinitive is no place.
      const after = place && !this.light[lang].has(stem(lang, w)) && !(lang === 'it' && /(are|ere|ire)$/.test(w));
      const towards = after && destination;
      place = PLACE_BEFORE[lang].has(w);
      destination = TOWARDS[lang].has(w);
      const stop = isStop(lang, w);
      if (fix && !stop && w.length >= 5 && !this.known[lang].has(stem(lang, w)) && !this.known[other].has(stem(other, w))) {
        // "ri-" / "re-" again: "rispedito" is asked like "spedito", "resend" like "send".
        const bare = w.startsWith(AGAIN[lang]) ? w.slice(2) : '';
        w = bare && this.known[lang].has(stem(lang, bare)) ? bare : (this.correct(lang, w) ?? this.correct(other, w) ?? w);
      }
      all.push({ w, stop, place: after, towards });
    }
    const out: Term[] = [];
    const seen = new Set<string>();
    const push = (term: string, placeFlag: boolean, part = false) => {
      if (seen.has(term)) return;
      seen.add(term);
      out.push({ term, intent: this.isIntent(term), place: placeFlag, part });
      if (fix && term.startsWith('#')) for (const b of BROADER[term.slice(1)] ?? []) push(`#${b}`, false, true);
    };
    // Function-word phrases ("can i", "is it possible") over every word.
    const covered = new Array<boolean>(all.length).fill(false);
    for (const l of [lang, other]) {
      const stems = all.map((x) => stem(l, x.w));
      for (let i = 0; i < all.length; i++) {
        if (covered[i]) continue;
        const p = this.match(l, stems, i, false);
        if (p && p.stems.length > 1 && !covered.slice(i, i + p.stems.length).some(Boolean)) {
          covered.fill(true, i, i + p.stems.length);
          push(p.concept, false);
        }
      }
    }
    // Content phrases over the content words.
    const idx = all.map((x, i) => (x.stop ? -1 : i)).filter((i) => i >= 0 && !covered[i]);
    const used = new Array<boolean>(idx.length).fill(false);
    for (const l of [lang, other]) {
      const stems = idx.map((i) => stem(l, all[i]!.w));
      for (let k = 0; k < idx.length; k++) {
        if (used[k]) continue;
        const p = this.match(l, stems, k, true);
        if (!p || used.slice(k, k + p.stems.length).some(Boolean)) continue;
        used.fill(true, k, k + p.stems.length);
        push(p.concept, false);
        // The words of a longer phrase stay too, as parts: "made in Italy" is an origin, and
        // it still meets an entry that only says "made".
        if (p.stems.length > 1)
          for (let j = k; j < k + p.stems.length; j++) {
            const one = this.match(l, [stems[j]!], 0, true);
            push(one && one.stems.length === 1 ? one.concept : stems[j]!, false, true);
          }
      }
    }
    // Single function words that are concepts by themselves ("when", "quando", "dove").
    for (let i = 0; i < all.length; i++) {
      if (covered[i] || !all[i]!.stop) continue;
      const p = this.match(lang, [stem(lang, all[i]!.w)], 0, false);
      if (p) push(p.concept, false);
    }
    idx.forEach((i, k) => {
      if (used[k]) return;
      const s = stem(lang, all[i]!.w);
      push(s, all[i]!.place);
      // A place nobody knows ("ship to Vienna", "spedite a Lugano"): in a shop's questions, a destination.
      if (fix && all[i]!.towards && !this.known[lang].has(s)) push('#international-shipping', false, true);
    });
    return out;
  }
}

