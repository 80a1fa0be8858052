/**
 * Long lists, a part at a time. On a sale day the queue holds hundreds of shoppers: the console
 * has them all (the welcome carries every open conversation), but drawing them all, and redrawing
 * them every second for the waiting times, would make the page sluggish. The Queue view shows
 * pages of QUEUE_PAGE_SIZE with a search over the whole queue; the inbox's sections show their
 * first INBOX_STEP rows and a "show more" button. Counts are always of the whole list.
 */
import type { ConversationSummary } from '@parla/protocol';

/** Rows a page of the Queue view holds. */
export const QUEUE_PAGE_SIZE = 100;
/** Rows an inbox section shows at first, and how many more each "show more" adds. */
export const INBOX_STEP = 50;

export interface Page<T> {
  rows: T[];
  /** 0-based page index, clamped into range. */
  page: number;
  /** At least 1 (an empty list has one empty page). */
  pages: number;
  /** 1-based index of the first row shown, 0 when empty. */
  from: number;
  /** 1-based index of the last row shown, 0 when empty. */
  to: number;
  total: number;
}

/** Page `page` (0-based) of `list`; a page past the end (the list shrank) gives the last one. */
export function pageOf<T>(list: readonly T[], page: number, size: number): Page<T> {
  const total = list.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  const start = p * size;
  const rows = list.slice(start, start + size);
  return { rows, page: p, pages, from: rows.length ? start + 1 : 0, to: start + rows.length, total };
}

/** The page holding the row at 0-based `index`. */
export function pageContaining(index: number, size: number): number {
  return index < 0 ? 0 : Math.floor(index / size);
}

/** The first `shown` rows of a section and how many are left out. */
export function firstRows<T>(list: readonly T[], shown: number): { rows: readonly T[]; hidden: number } {
  if (list.length <= shown) return { rows: list, hidden: 0 };
  return { rows: list.slice(0, shown), hidden: list.length - shown };
}

/** Lower case, accents off ("Nicolò" finds "nicolo"). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

type Searchable = Pick<ConversationSummary, 'id' | 'visitorName' | 'lastMessage'> & Partial<Pick<ConversationSummary, 'visitorEmail'>>;

/** Does a conversation match the Queue view's search: every word in its name, email, last message or id. */
export function matchesSearch(c: Searchable, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold([c.visitorName ?? '', c.visitorEmail ?? '', c.lastMessage ?? '', c.id].join('\n'));
  return words.every((w) => hay.includes(w));
}
