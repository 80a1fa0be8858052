import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../src/modules/bot/vocabulary.ts';
import { fold, stems as terms } from '../src/modules/bot/lexicon.ts';

const LANGS = ['en', 'it'] as const;
const key = (phrase: string) => phrase.toLowerCase().trim();

/** The concept ids a phrase belongs to, per language, by `norm` of the phrase. */
function owners(lang: 'en' | 'it', norm: (p: string) => string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const c of CONCEPTS) {
    for (const p of c[lang]) {
      const k = norm(p);
      if (!map.has(k)) map.set(k, new Set());
      map.get(k)!.add(c.id);
    }
  }
  return map;
}

const shared = (map: Map<string, Set<string>>) => [...map].filter(([k, ids]) => k !== '' && ids.size > 1).map(([k, ids]) => `${k}: ${[...ids].join(', ')}`);

/** The concept of a phrase in a language (undefined when no concept lists it). */
const conceptOf = (lang: 'en' | 'it', phrase: string) => CONCEPTS.find((c) => c[lang].some((p) => key(p) === key(phrase)))?.id;

describe('built-in vocabulary', () => {
  it('has at least 150 concepts with unique, well-formed ids', () => {
    expect(CONCEPTS.length).toBeGreaterThanOrEqual(150);
    const ids = CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every concept phrases in English and in Italian', () => {
    for (const c of CONCEPTS) {
      expect(c.en.length, `${c.id} en`).toBeGreaterThan(0);
      expect(c.it.length, `${c.id} it`).toBeGreaterThan(0);
    }
  });

  it('has no empty phrases, only 1-4 words each, lower case, without stray spaces', () => {
    for (const c of CONCEPTS) {
      for (const lang of LANGS) {
        for (const p of c[lang]) {
          expect(p.trim(), `${c.id}: "${p}"`).not.toBe('');
          expect(p, `${c.id}: "${p}"`).toBe(p.trim());
          expect(p, `${c.id}: "${p}"`).toBe(p.toLowerCase());
          expect(p, `${c.id}: "${p}"`).not.toMatch(/\s{2,}/);
          const words = p.split(/\s+/).length;
          expect(words, `${c.id}: "${p}"`).toBeGreaterThanOrEqual(1);
          expect(words, `${c.id}: "${p}"`).toBeLessThanOrEqual(4);
        }
      }
    }
  });

  it('never puts one phrase in two concepts of the same language', () => {
    for (const lang of LANGS) {
      expect(shared(owners(lang, key)), lang).toEqual([]);
      // Nor after the matcher's folding (accents, apostrophes): "perché" and "perche" are one phrase.
      expect(shared(owners(lang, (p) => fold(p).trim().replace(/\s+/g, ' '))), `${lang} folded`).toEqual([]);
    }
  });

  it('keeps concepts apart after stemming and stop words too (two phrases that analyse alike belong to one concept)', () => {
    for (const lang of LANGS) {
      expect(shared(owners(lang, (p) => terms(p, lang).join(' '))), lang).toEqual([]);
    }
  });

  it('leaves a word to match in every phrase that is not a question-intent phrase', () => {
    for (const c of CONCEPTS.filter((c) => !c.intent)) {
      for (const lang of LANGS) for (const p of c[lang]) expect(terms(p, lang), `${c.id} ${lang}: "${p}"`).not.toEqual([]);
    }
  });

  it('has no topic phrase that shrinks to an everyday word once stop words go and stems are taken', () => {
    // "was out" -> "out", "best before" -> "best", "e-book" -> "book", "uno contro uno" -> "contro",
    // "veste" -> the stem of "vestito": such a phrase would tag half the questions with its concept.
    const everyday = {
      en: ['get', 'one', 'out', 'look', 'check', 'best', 'book', 'up', 'got', 'take', 'make', 'come', 'work', 'use', 'used', 'write', 'give', 'go', 'see', 'like', 'thing', 'stuff', 'day', 'week', 'good', 'new', 'time', 'help', 'know', 'tell', 'order', 'product', 'item', 'buy', 'question', 'info', 'information'],
      it: ['devo', 'contro', 'italia', 'vestito', 'calze', 'sedia', 'capo', 'vale', 'serve', 'giorno', 'giorni', 'viene', 'prodotto', 'ordine', 'articolo', 'volta', 'bene', 'nuovo', 'comprare', 'acquisto', 'domanda', 'informazioni', 'sapere', 'prendere', 'mettere'],
    };
    for (const lang of LANGS) {
      const banned = new Set(everyday[lang].map((w) => terms(w, lang).join(' ')));
      const bad = CONCEPTS.filter((c) => !c.intent).flatMap((c) => c[lang].filter((p) => banned.has(terms(p, lang).join(' '))).map((p) => `${c.id}: "${p}"`));
      expect(bad, lang).toEqual([]);
    }
  });

  it('marks the few question-intent concepts (cost, time, where, possibility, procedure, whether)', () => {
    const intents = CONCEPTS.filter((c) => c.intent).map((c) => c.id);
    expect(intents.length).toBeGreaterThanOrEqual(6);
    expect(intents.length).toBeLessThanOrEqual(8);
    expect(conceptOf('en', 'how much')).toBe(conceptOf('it', 'quanto costa'));
    expect(conceptOf('en', 'how much')).toBe(conceptOf('en', 'price'));
    expect(conceptOf('en', 'how long')).toBe(conceptOf('it', 'quanto tempo'));
    expect(conceptOf('en', 'when')).toBe(conceptOf('it', 'quando'));
    expect(conceptOf('en', 'where')).toBe(conceptOf('it', 'dove'));
    expect(conceptOf('en', 'can i')).toBe(conceptOf('it', 'posso'));
    expect(conceptOf('en', 'how do i')).toBe(conceptOf('it', 'come faccio'));
    expect(conceptOf('en', 'do you')).toBe(conceptOf('it', 'avete'));
    for (const p of ['how much', 'how long', 'where', 'can i', 'how do i', 'do you']) {
      expect(CONCEPTS.find((c) => c.id === conceptOf('en', p))?.intent, p).toBe(true);
    }
    // Topics are not intents.
    expect(CONCEPTS.find((c) => c.id === conceptOf('en', 'refund'))?.intent).toBeUndefined();
  });

  // The synonyms named in issue #17: each group maps to one concept, in both languages.
  const groups: { name: string; en: string[]; it: string[] }[] = [
    { name: 'gift card', en: ['voucher', 'gift card', 'gift voucher'], it: ['buono regalo', 'carta regalo', 'gift card', 'voucher'] },
    { name: 'discount code', en: ['coupon', 'promo code', 'discount code', 'voucher code'], it: ['codice sconto', 'coupon', 'codice promozionale'] },
    { name: 'exchange', en: ['trade', 'swap', 'exchange', 'switch', 'change size'], it: ['cambio', 'cambiare taglia', 'sostituire', 'sostituzione'] },
    { name: 'unsubscribe', en: ['opt out', 'unsubscribe', 'stop emails', 'stop sending'], it: ['disiscrivermi', 'annullare iscrizione', 'smettete di mandarmi'] },
    { name: 'parcel', en: ['parcel', 'package'], it: ['pacco', 'collo'] },
    { name: 'tracking', en: ['track', 'tracking number', 'follow my parcel'], it: ['tracciare', 'tracciamento', 'seguire la spedizione', 'numero di tracking'] },
    { name: 'gift wrap', en: ['gift wrap', 'wrapping'], it: ['confezione regalo', 'pacchetto regalo', 'incarto'] },
    { name: 'courier', en: ['courier'], it: ['corriere'] },
  ];
  for (const g of groups) {
    it(`maps ${g.name} synonyms to one concept in English and Italian`, () => {
      const ids = [...g.en.map((p) => conceptOf('en', p)), ...g.it.map((p) => conceptOf('it', p))];
      expect(ids[0]).toBeDefined();
      expect(new Set(ids), JSON.stringify([...g.en, ...g.it].map((p, i) => [p, ids[i]]))).toEqual(new Set([ids[0]]));
    });
  }

  it('keeps apart what a FAQ keeps apart', () => {
    const distinct = (...ids: (string | undefined)[]) => {
      expect(ids.every(Boolean), ids.join()).toBe(true);
      expect(new Set(ids).size, ids.join()).toBe(ids.length);
    };
    distinct(conceptOf('en', 'return'), conceptOf('en', 'exchange'), conceptOf('en', 'refund'), conceptOf('en', 'cancel'));
    distinct(conceptOf('it', 'reso'), conceptOf('it', 'cambio'), conceptOf('it', 'rimborso'), conceptOf('it', 'annullare'));
    distinct(conceptOf('en', 'gift card'), conceptOf('en', 'gift wrap'), conceptOf('en', 'discount code'));
    distinct(conceptOf('it', 'buono regalo'), conceptOf('it', 'confezione regalo'), conceptOf('it', 'codice sconto'));
    distinct(conceptOf('en', 'newsletter'), conceptOf('en', 'unsubscribe'));
    distinct(conceptOf('en', 'shipping cost'), conceptOf('en', 'delivery time'), conceptOf('en', 'international shipping'), conceptOf('en', 'tracking'));
  });

  it('does not make concepts of words almost every question has', () => {
    for (const w of ['order', 'orders', 'product', 'products', 'item', 'items', 'buy', 'purchase']) expect(conceptOf('en', w), w).toBeUndefined();
    for (const w of ['ordine', 'ordini', 'prodotto', 'prodotti', 'articolo', 'articoli', 'comprare', 'acquistare', 'acquisto']) expect(conceptOf('it', w), w).toBeUndefined();
  });
});
