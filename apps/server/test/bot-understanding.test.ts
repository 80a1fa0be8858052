/**
 * The bot's understanding (issue #17): the bilingual vocabulary and a site's synonyms, typo
 * correction, the calibration of the bars on the site's own FAQ, and the suggestion rule.
 */
import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '@parla/protocol';
import { decide, FaqMatcher } from '../src/modules/bot/matcher.ts';
import { Lexicon } from '../src/modules/bot/lexicon.ts';

const faq = (id: string, lang: 'en' | 'it', question: string, answer = `answer ${id}`, alternatives: string[] = []): FaqEntry => ({
  id,
  lang,
  question,
  alternatives,
  answer,
  quickReplies: [],
  departmentId: null,
  tags: [],
});

/** The concepts a text is about (not the parts: a phrase's words and broader concepts kept beside it). */
const concepts = (text: string, lang: 'en' | 'it', lex = new Lexicon()) =>
  lex
    .analyse(text, lang, true)
    .filter((t) => !t.part)
    .map((t) => t.term)
    .filter((t) => t.startsWith('#'));

describe('the vocabulary', () => {
  it('maps synonyms of both languages onto one concept', () => {
    const [gift] = concepts('voucher', 'en');
    expect(gift).toBeDefined();
    expect(concepts('gift card', 'en')).toEqual([gift]);
    expect(concepts('un buono regalo', 'it')).toEqual([gift]);
    const [code] = concepts('coupon', 'en');
    expect(code).not.toBe(gift);
    expect(concepts('promo code', 'en')).toEqual([code]);
    expect(concepts('il codice sconto', 'it')).toEqual([code]);
    const [swap] = concepts('swap', 'en');
    expect(concepts('trade', 'en')).toEqual([swap]);
    expect(concepts('exchange', 'en')).toEqual([swap]);
    expect(concepts('cambio', 'it')).toEqual([swap]);
    const [out] = concepts('unsubscribe', 'en');
    expect(concepts('opt out', 'en')).toEqual([out]);
    expect(concepts('disiscrivermi', 'it')).toEqual([out]);
    const [box] = concepts('parcel', 'en');
    expect(concepts('package', 'en')).toEqual([box]);
    expect(concepts('pacco', 'it')).toEqual([box]);
  });

  it('understands English shop words in an Italian question', () => {
    expect(concepts('ho una gift card', 'it')).toEqual(concepts('gift card', 'en'));
  });

  it('answers what the owner wrote once from the shopper’s own words', () => {
    const m = new FaqMatcher([
      faq('gift', 'en', 'Do you sell gift cards?', 'Yes, from €25, valid for a year.'),
      faq('code', 'en', 'Why is my discount code not working?', 'Codes cannot be combined.'),
      faq('news', 'en', 'How do I subscribe to the newsletter?', 'Sign up at the bottom of any page.'),
      faq('swap', 'en', 'Can I exchange an item for another size?', 'Yes, within 30 days.'),
      faq('buono', 'it', 'Vendete carte regalo?', 'Sì, da 25 €.'),
      faq('newsit', 'it', 'Come mi iscrivo alla newsletter?', 'In fondo a ogni pagina.'),
    ]);
    expect(m.best('i want to give my sister a voucher', 'en')?.entry.id).toBe('gift');
    expect(m.best('my promo code is not accepted', 'en')?.entry.id).toBe('code');
    expect(m.best('can i trade my t-shirt for a medium', 'en')?.entry.id).toBe('swap');
    expect(m.best('avete un buono regalo?', 'it')?.entry.id).toBe('buono');
  });

  it('takes a site’s own synonyms, in any language', () => {
    const entries = [faq('hood', 'en', 'Are your hoodies warm?'), faq('ship', 'en', 'How much is shipping?')];
    expect(new FaqMatcher(entries).best('kangaroo top?', 'en')).toBeNull();
    const m = new FaqMatcher(entries, [['hoodie', 'kangaroo top', 'felpa']]);
    expect(m.best('kangaroo top?', 'en')?.entry.id).toBe('hood');
    expect(m.best('una felpa?', 'en')?.entry.id).toBe('hood');
  });

  it('corrects typos towards known words through character trigrams', () => {
    const lex = new Lexicon();
    lex.learnText('it', 'Quanto costa la spedizione?');
    expect(lex.analyse('spedizone', 'it', true)).toEqual(lex.analyse('spedizione', 'it', true));
    // Without correction (an entry's own text) the word stays as written.
    expect(lex.analyse('spedizone', 'it', false)).not.toEqual(lex.analyse('spedizione', 'it', false));
  });

  it('weighs intent words less than what is asked about', () => {
    const terms = new Lexicon().analyse('how much is a gift card', 'en', true);
    expect(terms.find((t) => t.intent)).toBeDefined();
    expect(terms.find((t) => !t.intent)).toBeDefined();
  });
});

describe('the calibration', () => {
  const distinct = [
    faq('a', 'en', 'How much does shipping cost?'),
    faq('b', 'en', 'Do you sell gift cards?'),
    faq('c', 'en', 'How do I unsubscribe from the newsletter?'),
    faq('d', 'en', 'Which payment methods do you accept?'),
    faq('e', 'en', 'Can I exchange an item?'),
    faq('f', 'en', 'Where are your shops?'),
  ];
  const alike = [
    faq('a', 'en', 'How much does shipping cost for an order?', 'answer', ['order shipping price']),
    faq('b', 'en', 'How much does express shipping cost for an order?', 'answer', ['express order shipping']),
    faq('c', 'en', 'How much does shipping abroad cost for an order?', 'answer', ['order shipping abroad']),
    faq('d', 'en', 'How much does shipping cost for a big order?', 'answer', ['big order shipping']),
    faq('e', 'en', 'How much does shipping to the islands cost?', 'answer', ['islands order shipping']),
    faq('f', 'en', 'How much does shipping cost for a gift order?', 'answer', ['gift order shipping']),
  ];

  it('asks more before answering on a FAQ whose entries look alike', () => {
    expect(new FaqMatcher(alike).calibrate().answerAt).toBeGreaterThan(new FaqMatcher(distinct).calibrate().answerAt);
  });

  it('answers more readily with a higher sensitivity, and keeps suggestions below answers', () => {
    const m = new FaqMatcher(alike);
    const low = m.calibrate(0.1);
    const high = m.calibrate(0.9);
    expect(high.answerAt).toBeLessThan(low.answerAt);
    for (const c of [low, high, m.calibrate()]) {
      expect(c.suggestAt).toBeLessThan(c.answerAt);
      expect(c.suggestAt).toBeGreaterThan(0);
    }
  });

  it('has bars on an empty FAQ too', () => {
    const c = new FaqMatcher([]).calibrate();
    expect(c.answerAt).toBeGreaterThan(c.suggestAt);
  });
});

describe('the suggestion rule', () => {
  const m = new FaqMatcher([
    faq('cost', 'en', 'How much does shipping cost?', 'From €4.90.'),
    faq('abroad', 'en', 'Do you ship abroad?', 'To the EU and the UK.'),
    faq('time', 'en', 'How long does delivery take?', 'Two to three days.'),
    faq('gift', 'en', 'Do you sell gift cards?', 'Yes.'),
  ]);
  const c = { answerAt: 0.6, suggestAt: 0.3, margin: 0.05 };

  it('answers a clear question outright', () => {
    const d = decide(m, 'do you sell gift cards', 'en', c);
    expect(d.kind).toBe('answer');
    expect(d.best?.entry.id).toBe('gift');
    expect(d.suggestions).toEqual([]);
    expect(d.nearest[0]?.entry.id).toBe('gift');
  });

  it('suggests between the bars, the best first, at most three, and only entries close to the best', () => {
    const between = { answerAt: 0.95, suggestAt: 0.3, margin: 0.05 };
    const d = decide(m, 'shipping', 'en', between);
    const best = d.best!.confidence;
    expect(best).toBeLessThan(between.answerAt);
    expect(best).toBeGreaterThanOrEqual(between.suggestAt);
    expect(d.kind).toBe('suggest');
    expect(d.suggestions[0]?.entry.id).toBe(d.best?.entry.id);
    expect(d.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(d.suggestions.length).toBeLessThanOrEqual(3);
    expect(d.suggestions.map((s) => s.entry.id)).not.toContain('gift');
    expect(d.suggestions.map((s) => s.entry.id)).toEqual(expect.arrayContaining(['abroad', 'cost']));
    for (const s of d.suggestions) expect(s.confidence).toBeGreaterThanOrEqual(between.suggestAt);
  });

  it('suggests instead of answering when two entries are too close to call', () => {
    const near = decide(m, 'shipping', 'en', { answerAt: 0.01, suggestAt: 0.01, margin: 1 });
    expect(near.kind).toBe('suggest');
  });

  it('abstains below the suggestion bar, and still reports the nearest entries', () => {
    const d = decide(m, 'shipping', 'en', { answerAt: 0.99, suggestAt: 0.98, margin: 0 });
    expect(d.kind).toBe('abstain');
    expect(d.nearest.length).toBeGreaterThan(0);
    expect(decide(m, 'bitcoin weather', 'en', c)).toMatchObject({ kind: 'abstain', best: null, suggestions: [], nearest: [] });
  });
});
