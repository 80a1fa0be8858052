/**
 * The check a model-phrased answer must pass before a shopper sees it (pure, no I/O): every number,
 * price, percentage, date word, URL and email address in the phrased answer must be present in the
 * answer text of the entry it cites. Anything else is invented, and the entry's own text is used.
 */

/** Number words (en, it) a model might write instead of digits; "one"/"un"/"uno"/"una" are left out (articles, "one of"). */
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, undici: 11, dodici: 12, tredici: 13,
  quattordici: 14, quindici: 15, sedici: 16, diciassette: 17, diciotto: 18, diciannove: 19, venti: 20, trenta: 30,
  quaranta: 40, cinquanta: 50, sessanta: 60, settanta: 70, ottanta: 80, novanta: 90, cento: 100, mille: 1000,
};

/** Months and weekdays (en, it) to one key each, so a faithful translation passes and an invented date does not. */
const DATE_WORDS: Record<string, string> = {};
const months = [
  ['january', 'gennaio'], ['february', 'febbraio'], ['march', 'marzo'], ['april', 'aprile'], ['may', 'maggio'], ['june', 'giugno'],
  ['july', 'luglio'], ['august', 'agosto'], ['september', 'settembre'], ['october', 'ottobre'], ['november', 'novembre'], ['december', 'dicembre'],
];
const days = [
  ['monday', 'lunedi'], ['tuesday', 'martedi'], ['wednesday', 'mercoledi'], ['thursday', 'giovedi'], ['friday', 'venerdi'], ['saturday', 'sabato'], ['sunday', 'domenica'],
];
months.forEach((names, i) => names.forEach((n) => (DATE_WORDS[n] = `month:${i + 1}`)));
days.forEach((names, i) => names.forEach((n) => (DATE_WORDS[n] = `day:${i + 1}`)));
// "May" the month and "may" the verb cannot be told apart: only the capitalised word counts (see dateWords).

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
/** A bare domain (shop.example.com/returns): letters in its last label, so 4.90 is not one. */
const DOMAIN_RE = /\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>"')\]]*)?/gi;
const NUMBER_RE = /\d+(?:[.,:]\d+)*/g;
const PERCENT_RE = /(\d+(?:[.,]\d+)?)\s*(?:%|percent\b|per cento\b|percento\b)/gi;
const CURRENCY = String.raw`(€|\$|£|eur\b|euro\b|euros\b|usd\b|dollars?\b|gbp\b|pounds?\b|chf\b)`;
const PRICE_BEFORE_RE = new RegExp(String.raw`${CURRENCY}\s*(\d+(?:[.,]\d+)*)`, 'gi');
const PRICE_AFTER_RE = new RegExp(String.raw`(\d+(?:[.,]\d+)*)\s*${CURRENCY}`, 'gi');

const trimEnd = (s: string) => s.replace(/[.,;:!?]+$/, '').toLowerCase();
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** 4,90 and 4.90 and 04.90 are one number; 9:00 is 9 and 00 (one canonical form per group sequence). */
function canonicalNumber(n: string): string {
  return n
    .split(/[.,:]/)
    .map((g, i) => (i === 0 ? String(Number(g)) : g))
    .join('.');
}

function currencyOf(c: string): string {
  const x = c.toLowerCase();
  if (x === '€' || x.startsWith('eur')) return 'EUR';
  if (x === '$' || x.startsWith('usd') || x.startsWith('dollar')) return 'USD';
  if (x === '£' || x.startsWith('gbp') || x.startsWith('pound')) return 'GBP';
  return x.toUpperCase();
}

interface Facts {
  urls: Set<string>;
  emails: Set<string>;
  numbers: Set<string>;
  percents: Set<string>;
  prices: Set<string>;
  dates: Set<string>;
}

function facts(text: string): Facts {
  const f: Facts = { urls: new Set(), emails: new Set(), numbers: new Set(), percents: new Set(), prices: new Set(), dates: new Set() };
  let rest = text;
  for (const m of text.matchAll(EMAIL_RE)) {
    f.emails.add(trimEnd(m[0]));
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(URL_RE)) f.urls.add(trimEnd(m[0]).replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/$/, ''));
  rest = rest.replace(URL_RE, ' ');
  for (const m of rest.matchAll(DOMAIN_RE)) f.urls.add(trimEnd(m[0]).replace(/^www\./, '').replace(/\/$/, ''));
  rest = rest.replace(DOMAIN_RE, ' ');
  for (const m of rest.matchAll(NUMBER_RE)) f.numbers.add(canonicalNumber(trimEnd(m[0])));
  for (const m of rest.matchAll(PERCENT_RE)) f.percents.add(canonicalNumber(m[1]!));
  for (const m of rest.matchAll(PRICE_BEFORE_RE)) f.prices.add(`${currencyOf(m[1]!)} ${canonicalNumber(trimEnd(m[2]!))}`);
  for (const m of rest.matchAll(PRICE_AFTER_RE)) f.prices.add(`${currencyOf(m[2]!)} ${canonicalNumber(trimEnd(m[1]!))}`);
  for (const w of rest.split(/[^\p{L}]+/u)) {
    if (!w) continue;
    const lower = fold(w.toLowerCase());
    const n = NUMBER_WORDS[lower];
    if (n !== undefined) f.numbers.add(String(n));
    const d = DATE_WORDS[lower];
    if (d && !(lower === 'may' && w === 'may')) f.dates.add(d);
  }
  return f;
}

/**
 * What the phrased answer states that the source does not: numbers (digits or number words),
 * percentages, prices (amount and currency), months and weekdays, URLs and email addresses.
 * Empty: the phrasing invents none of these.
 */
export function unsupportedFacts(phrased: string, source: string): string[] {
  const p = facts(phrased);
  const s = facts(source);
  const out: string[] = [];
  const missing = (kind: string, mine: Set<string>, theirs: Set<string>) => {
    for (const x of mine) if (!theirs.has(x)) out.push(`${kind} ${x}`);
  };
  missing('email', p.emails, s.emails);
  // A URL may be shortened to its host, never changed or lengthened.
  for (const u of p.urls) if (![...s.urls].some((su) => su === u || su.startsWith(`${u}/`) || su.split('/')[0] === u)) out.push(`url ${u}`);
  missing('number', p.numbers, s.numbers);
  missing('percentage', p.percents, s.percents);
  missing('price', p.prices, s.prices);
  missing('date', p.dates, s.dates);
  return out;
}
