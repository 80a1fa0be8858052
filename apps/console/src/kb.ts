/**
 * Pure helpers of the knowledge base view: search, id slugs, the form model of one FAQ entry,
 * applying an edit to the whole list (the server replaces the list on PUT) and import checks.
 * Limits mirror FaqEntry of @parla/protocol (a zod schema there, so copied, not imported).
 */
import type { FaqEntry } from '@parla/protocol';

export type FaqLang = FaqEntry['lang'];
export const FAQ_LANGS: readonly FaqLang[] = ['en', 'it'];
export type LangFilter = 'all' | FaqLang;

export const FAQ_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const FAQ_LIMITS = {
  id: 64,
  question: { min: 3, max: 300 },
  alternative: { min: 2, max: 300, count: 30 },
  answer: { min: 1, max: 4000 },
  quickReply: { min: 1, max: 60, count: 5 },
  tag: { min: 1, max: 40, count: 20 },
} as const;

/** Lower case without accents ("Perché" -> "perche"): what search compares. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Entries of the language (or all) whose question, alternatives, answer or tags contain every
 * word of the query, ignoring case and accents. The list order is kept.
 */
export function filterFaqs(list: readonly FaqEntry[], query: string, lang: LangFilter = 'all'): FaqEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return list.filter((e) => {
    if (lang !== 'all' && e.lang !== lang) return false;
    if (words.length === 0) return true;
    const hay = fold([e.question, ...(e.alternatives ?? []), e.answer, ...(e.tags ?? [])].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

/** An id from a question: "Quanto costa la spedizione?" -> "quanto-costa-la-spedizione" (at most 64 characters; "faq" when nothing is left). */
export function slugify(text: string, max = 48): string {
  let s = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length > max) {
    const atWord = s[max] === '-';
    s = s.slice(0, max);
    const cut = s.lastIndexOf('-');
    // Cut at the last whole word unless that loses more than half.
    if (!atWord && cut >= max / 2) s = s.slice(0, cut);
    s = s.replace(/-+$/g, '');
  }
  return s || 'faq';
}

/** `base`, or `base-2`, `base-3`… when taken (within 64 characters). */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, FAQ_LIMITS.id - suffix.length)}${suffix}`;
    if (!used.has(id)) return id;
  }
}

// -------------------------------------------------------------------------------------------
// Changes to the list
// -------------------------------------------------------------------------------------------

export type FaqChange =
  | { kind: 'create'; entry: FaqEntry }
  /** `id`: the entry's id before the edit (the id itself may change). */
  | { kind: 'update'; id: string; entry: FaqEntry }
  | { kind: 'delete'; id: string };

export type ChangeResult = { ok: true; list: FaqEntry[] } | { ok: false; error: 'duplicate' | 'missing' };

/**
 * The list after a change, applied to a freshly fetched list: a new entry goes last, an edited
 * one keeps its place, a deleted one that is already gone is fine. An id already used by another
 * entry is 'duplicate'; editing an entry someone else deleted meanwhile is 'missing'.
 */
export function applyFaqChange(list: readonly FaqEntry[], change: FaqChange): ChangeResult {
  switch (change.kind) {
    case 'create':
      if (list.some((e) => e.id === change.entry.id)) return { ok: false, error: 'duplicate' };
      return { ok: true, list: [...list, change.entry] };
    case 'update': {
      const index = list.findIndex((e) => e.id === change.id);
      if (index < 0) return { ok: false, error: 'missing' };
      if (list.some((e, i) => i !== index && e.id === change.entry.id)) return { ok: false, error: 'duplicate' };
      const next = [...list];
      next[index] = change.entry;
      return { ok: true, list: next };
    }
    case 'delete':
      return { ok: true, list: list.filter((e) => e.id !== change.id) };
  }
}

// -------------------------------------------------------------------------------------------
// Import
// -------------------------------------------------------------------------------------------

export type ImportResult =
  | { ok: true; entries: FaqEntry[] }
  | { ok: false; error: 'json' | 'notArray' | 'notObject'; index?: number; detail?: string };

/**
 * An export file's text -> the entries to PUT. Checks that it is JSON and an array of objects;
 * the server validates each entry (and says which one is wrong).
 */
export function parseFaqImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: 'json', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!Array.isArray(data)) return { ok: false, error: 'notArray' };
  const bad = data.findIndex((x) => typeof x !== 'object' || x === null || Array.isArray(x));
  if (bad >= 0) return { ok: false, error: 'notObject', index: bad };
  return { ok: true, entries: data as FaqEntry[] };
}

/** The export file's text (what import reads back). */
export function exportFaqs(list: readonly FaqEntry[]): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

// -------------------------------------------------------------------------------------------
// The form of one entry
// -------------------------------------------------------------------------------------------

export interface FaqForm {
  id: string;
  /** False while the id follows the question (new entries until the id is typed in). */
  idEdited: boolean;
  lang: FaqLang;
  question: string;
  /** One per line. */
  alternatives: string;
  answer: string;
  /** One per line. */
  quickReplies: string;
  /** '' for none. */
  departmentId: string;
  /** Comma separated. */
  tags: string;
}

export type FaqField = 'id' | 'question' | 'alternatives' | 'answer' | 'quickReplies' | 'tags';
export type FaqFormResult = { ok: true; entry: FaqEntry } | { ok: false; errors: FaqField[] };

export function newFaqForm(init: { question?: string; lang?: FaqLang } = {}, taken: Iterable<string> = []): FaqForm {
  const question = init.question?.trim() ?? '';
  return {
    id: question ? uniqueId(slugify(question), taken) : '',
    idEdited: false,
    lang: init.lang ?? 'en',
    question,
    alternatives: '',
    answer: '',
    quickReplies: '',
    departmentId: '',
    tags: '',
  };
}

export function toFaqForm(e: FaqEntry): FaqForm {
  return {
    id: e.id,
    idEdited: true,
    lang: e.lang,
    question: e.question,
    alternatives: (e.alternatives ?? []).join('\n'),
    answer: e.answer,
    quickReplies: (e.quickReplies ?? []).join('\n'),
    departmentId: e.departmentId ?? '',
    tags: (e.tags ?? []).join(', '),
  };
}

/** The form after the question changed: a new entry's id follows it until typed in. */
export function withQuestion(f: FaqForm, question: string, taken: Iterable<string>): FaqForm {
  return f.idEdited ? { ...f, question } : { ...f, question, id: question.trim() ? uniqueId(slugify(question), taken) : '' };
}

/** Non-empty trimmed lines. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Non-empty trimmed comma-separated items, without repeats. */
export function splitCommas(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const within = (s: string, l: { min: number; max: number }) => s.length >= l.min && s.length <= l.max;

/** Form -> FaqEntry, with the fields that break the protocol's limits. */
export function fromFaqForm(f: FaqForm): FaqFormResult {
  const id = f.id.trim();
  const question = f.question.trim();
  const answer = f.answer.trim();
  const alternatives = splitLines(f.alternatives);
  const quickReplies = splitLines(f.quickReplies);
  const tags = splitCommas(f.tags);
  const L = FAQ_LIMITS;
  const errors: FaqField[] = [];
  if (!FAQ_ID_RE.test(id)) errors.push('id');
  if (!within(question, L.question)) errors.push('question');
  if (alternatives.length > L.alternative.count || !alternatives.every((a) => within(a, L.alternative))) errors.push('alternatives');
  if (!within(answer, L.answer)) errors.push('answer');
  if (quickReplies.length > L.quickReply.count || !quickReplies.every((q) => within(q, L.quickReply))) errors.push('quickReplies');
  if (tags.length > L.tag.count || !tags.every((t) => within(t, L.tag))) errors.push('tags');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    entry: { id, lang: f.lang, question, alternatives, answer, quickReplies, departmentId: f.departmentId || null, tags },
  };
}
