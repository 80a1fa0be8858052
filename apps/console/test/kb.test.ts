import type { FaqEntry, SiteSettings } from '@parla/protocol';
import { describe, expect, it } from 'vitest';
import {
  applyFaqChange,
  exportFaqs,
  filterFaqs,
  fold,
  fromFaqForm,
  newFaqForm,
  parseFaqImport,
  slugify,
  splitCommas,
  splitLines,
  toFaqForm,
  uniqueId,
  withQuestion,
} from '../src/kb.ts';
import { fromSettingsForm, normalizeSettings, parseKeywords, toSettingsForm } from '../src/hours.ts';

const entry = (id: string, over: Partial<FaqEntry> = {}): FaqEntry => ({
  id,
  lang: 'en',
  question: `Question ${id}`,
  alternatives: [],
  answer: `Answer ${id}`,
  quickReplies: [],
  departmentId: null,
  tags: [],
  ...over,
});

const list: FaqEntry[] = [
  entry('shipping', { question: 'How much is shipping?', alternatives: ['delivery cost'], tags: ['orders'] }),
  entry('spedizione', { lang: 'it', question: 'Quanto costa la spedizione?', answer: 'La consegna è gratuita sopra 50 €.', tags: ['ordini'] }),
  entry('perche', { lang: 'it', question: 'Perché il mio ordine è in ritardo?', answer: 'Controlla la mail di conferma.', tags: ['Città'] }),
];

describe('fold and filterFaqs', () => {
  it('folds case and accents', () => {
    expect(fold('Perché ÀÉÎ ça')).toBe('perche aei ca');
  });

  it('matches question, alternatives, answer and tags accent-insensitively', () => {
    const ids = (q: string, lang: 'all' | 'en' | 'it' = 'all') => filterFaqs(list, q, lang).map((e) => e.id);
    expect(ids('')).toEqual(['shipping', 'spedizione', 'perche']);
    expect(ids('perche')).toEqual(['perche']);
    expect(ids('PERCHÉ')).toEqual(['perche']);
    expect(ids('delivery')).toEqual(['shipping']);
    expect(ids('consegna gratuita')).toEqual(['spedizione']);
    expect(ids('e gratuita')).toEqual(['spedizione']); // "è" in the answer
    expect(ids('citta')).toEqual(['perche']); // tag "Città"
    expect(ids('orders')).toEqual(['shipping']);
    expect(ids('shipping nothing')).toEqual([]);
  });

  it('filters by language', () => {
    expect(filterFaqs(list, '', 'it').map((e) => e.id)).toEqual(['spedizione', 'perche']);
    expect(filterFaqs(list, 'costa', 'en')).toEqual([]);
  });
});

describe('slugs', () => {
  it('makes ids from questions', () => {
    expect(slugify('Quanto costa la spedizione?')).toBe('quanto-costa-la-spedizione');
    expect(slugify('  Perché è in ritardo?! ')).toBe('perche-e-in-ritardo');
    expect(slugify('???')).toBe('faq');
    expect(slugify('')).toBe('faq');
  });

  it('stays short and cuts at a word', () => {
    const s = slugify('Can I change the delivery address after my order has already been shipped to me');
    expect(s.length).toBeLessThanOrEqual(48);
    expect(s).toMatch(/^[a-z0-9-]+$/);
    expect(s.endsWith('-')).toBe(false);
    expect(s).toBe('can-i-change-the-delivery-address-after-my-order');
  });

  it('avoids ids in use', () => {
    expect(uniqueId('shipping', ['returns'])).toBe('shipping');
    expect(uniqueId('shipping', ['shipping', 'shipping-2'])).toBe('shipping-3');
    expect(uniqueId('x'.repeat(64), ['x'.repeat(64)])).toBe(`${'x'.repeat(62)}-2`);
  });

  it('a new entry’s id follows the question until edited', () => {
    let f = newFaqForm({}, []);
    f = withQuestion(f, 'How much is shipping?', ['how-much-is-shipping']);
    expect(f.id).toBe('how-much-is-shipping-2');
    f = { ...f, id: 'custom', idEdited: true };
    expect(withQuestion(f, 'Other', []).id).toBe('custom');
    expect(newFaqForm({ question: 'Dov’è il mio pacco?', lang: 'it' }, []).id).toBe('dov-e-il-mio-pacco');
  });
});

describe('applyFaqChange', () => {
  it('creates at the end and refuses a taken id', () => {
    const r = applyFaqChange(list, { kind: 'create', entry: entry('returns') });
    expect(r.ok && r.list.map((e) => e.id)).toEqual(['shipping', 'spedizione', 'perche', 'returns']);
    expect(applyFaqChange(list, { kind: 'create', entry: entry('shipping') })).toEqual({ ok: false, error: 'duplicate' });
  });

  it('updates in place, renames, and refuses collisions or vanished entries', () => {
    const r = applyFaqChange(list, { kind: 'update', id: 'spedizione', entry: entry('spedizioni', { lang: 'it' }) });
    expect(r.ok && r.list.map((e) => e.id)).toEqual(['shipping', 'spedizioni', 'perche']);
    expect(applyFaqChange(list, { kind: 'update', id: 'spedizione', entry: entry('perche') })).toEqual({ ok: false, error: 'duplicate' });
    expect(applyFaqChange(list, { kind: 'update', id: 'gone', entry: entry('gone') })).toEqual({ ok: false, error: 'missing' });
    const same = applyFaqChange(list, { kind: 'update', id: 'shipping', entry: entry('shipping', { answer: 'Free' }) });
    expect(same.ok && same.list[0]!.answer).toBe('Free');
  });

  it('deletes (an entry already gone is fine) without touching the input', () => {
    const r = applyFaqChange(list, { kind: 'delete', id: 'shipping' });
    expect(r.ok && r.list.map((e) => e.id)).toEqual(['spedizione', 'perche']);
    const again = applyFaqChange(list, { kind: 'delete', id: 'nope' });
    expect(again.ok && again.list).toEqual(list);
    expect(list).toHaveLength(3);
  });
});

describe('import', () => {
  it('accepts an array of objects (an export round-trips)', () => {
    expect(parseFaqImport(exportFaqs(list))).toEqual({ ok: true, entries: list });
    expect(parseFaqImport('\uFEFF[]')).toEqual({ ok: true, entries: [] });
  });

  it('rejects what is not JSON, not an array or not objects', () => {
    const bad = parseFaqImport('{ nope');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toBe('json');
    expect(parseFaqImport('{"faqs": []}')).toEqual({ ok: false, error: 'notArray' });
    expect(parseFaqImport('"text"')).toEqual({ ok: false, error: 'notArray' });
    expect(parseFaqImport('[{"id":"a"}, 3]')).toEqual({ ok: false, error: 'notObject', index: 1 });
    expect(parseFaqImport('[null]')).toEqual({ ok: false, error: 'notObject', index: 0 });
  });
});

describe('the entry form', () => {
  it('round-trips an entry', () => {
    const e = entry('shipping', { alternatives: ['delivery cost', 'postage'], quickReplies: ['Track my order'], departmentId: 'd1', tags: ['a', 'b'] });
    expect(fromFaqForm(toFaqForm(e))).toEqual({ ok: true, entry: e });
  });

  it('splits lines and commas, trimming and dropping blanks', () => {
    expect(splitLines(' a \r\n\n b\n')).toEqual(['a', 'b']);
    expect(splitCommas('x, y,,x , z ')).toEqual(['x', 'y', 'z']);
    const r = fromFaqForm({ ...newFaqForm({ question: 'Where is my parcel?' }), answer: ' See https://example.com ', departmentId: '' });
    expect(r.ok && r.entry).toMatchObject({ id: 'where-is-my-parcel', answer: 'See https://example.com', departmentId: null, alternatives: [], tags: [] });
  });

  it('names the fields that break the limits', () => {
    const r = fromFaqForm({
      ...newFaqForm(),
      id: 'bad id!',
      question: 'Hi',
      answer: ' ',
      alternatives: 'x',
      quickReplies: '1\n2\n3\n4\n5\n6',
      tags: 't'.repeat(41),
    });
    expect(!r.ok && r.errors).toEqual(['id', 'question', 'alternatives', 'answer', 'quickReplies', 'tags']);
  });
});

describe('bot settings in the settings form', () => {
  const base = {
    routingMode: 'auto' as const,
    preChat: { name: 'off' as const, email: 'off' as const, department: 'off' as const },
    businessHours: null,
    slaFirstResponseSec: 300,
    offerAlternativesAfterSec: 300,
  };

  it('parses keywords', () => {
    expect(parseKeywords(' refund, Lawyer ,, refund, REFUND ')).toEqual(['refund', 'Lawyer']);
  });

  it('keeps bot mode, keywords and fields the form does not edit', () => {
    const s: SiteSettings = {
      ...base,
      botMode: 'fallback',
      escalationKeywords: ['refund'],
      priority: { tiers: { gold: 10 }, cartValueThreshold: null, cartValueBonus: 0 },
    };
    const f = toSettingsForm(s, 'UTC');
    expect(f.botMode).toBe('fallback');
    expect(f.escalationKeywords).toBe('refund');
    const r = fromSettingsForm({ ...f, escalationKeywords: 'refund, complaint' });
    expect(r.ok && r.value).toEqual({ ...s, escalationKeywords: ['refund', 'complaint'] });
    const same = fromSettingsForm(f);
    expect(same.ok && normalizeSettings(same.value)).toBe(normalizeSettings(s));
  });

  it('defaults are left out, and bad keywords are an error', () => {
    const f = toSettingsForm(base, 'UTC');
    expect(f.botMode).toBe('off');
    expect(fromSettingsForm(f)).toEqual({ ok: true, value: base });
    expect(normalizeSettings({ ...base, botMode: 'off', escalationKeywords: [] })).toBe(normalizeSettings(base));
    const r = fromSettingsForm({ ...f, escalationKeywords: 'a, ok' });
    expect(!r.ok && r.errors).toEqual([{ code: 'keywords' }]);
  });
});
