import { describe, expect, it } from 'vitest';
import { groupInbox } from '../src/inbox.ts';
import { firstRows, fold, INBOX_STEP, matchesSearch, pageContaining, pageOf, QUEUE_PAGE_SIZE } from '../src/paging.ts';
import { queueOrder, queuePositions } from '../src/queue.ts';
import { conv } from './fixtures.ts';

describe('pageOf', () => {
  const list = Array.from({ length: 521 }, (_, i) => i);

  it('cuts a list into pages and says which rows a page holds', () => {
    expect(pageOf(list, 0, 100)).toMatchObject({ page: 0, pages: 6, from: 1, to: 100, total: 521 });
    expect(pageOf(list, 0, 100).rows).toEqual(list.slice(0, 100));
    const last = pageOf(list, 5, 100);
    expect(last).toMatchObject({ page: 5, pages: 6, from: 501, to: 521 });
    expect(last.rows).toEqual(list.slice(500));
  });

  it('gives every row exactly once over all its pages', () => {
    const seen: number[] = [];
    for (let p = 0; p < pageOf(list, 0, QUEUE_PAGE_SIZE).pages; p++) seen.push(...pageOf(list, p, QUEUE_PAGE_SIZE).rows);
    expect(seen).toEqual(list);
  });

  it('clamps a page past the end (the list shrank) or before the start', () => {
    expect(pageOf(list.slice(0, 150), 5, 100)).toMatchObject({ page: 1, from: 101, to: 150 });
    expect(pageOf(list, -3, 100).page).toBe(0);
    expect(pageOf(list, Number.NaN, 100).page).toBe(0);
  });

  it('has one empty page for an empty list', () => {
    expect(pageOf([], 0, 100)).toEqual({ rows: [], page: 0, pages: 1, from: 0, to: 0, total: 0 });
  });

  it('finds the page of a row', () => {
    expect(pageContaining(0, 100)).toBe(0);
    expect(pageContaining(99, 100)).toBe(0);
    expect(pageContaining(100, 100)).toBe(1);
    expect(pageContaining(520, 100)).toBe(5);
    expect(pageContaining(-1, 100)).toBe(0);
  });
});

describe('firstRows', () => {
  it('shows a short list whole and a long one up to the limit, saying how many are left', () => {
    const short = [1, 2, 3];
    expect(firstRows(short, INBOX_STEP)).toEqual({ rows: short, hidden: 0 });
    const long = Array.from({ length: 521 }, (_, i) => i);
    const r = firstRows(long, INBOX_STEP);
    expect(r.rows).toEqual(long.slice(0, INBOX_STEP));
    expect(r.hidden).toBe(521 - INBOX_STEP);
    expect(firstRows(long, 600).hidden).toBe(0);
  });
});

describe('matchesSearch', () => {
  const c = conv({ id: 'Abc123xyz', visitorName: 'Nicolò Rossi', visitorEmail: 'nico@example.it', lastMessage: 'Where is order A-1042?' });

  it('matches every word in the name, email, last message or id, ignoring case and accents', () => {
    expect(matchesSearch(c, '')).toBe(true);
    expect(matchesSearch(c, '  ')).toBe(true);
    expect(matchesSearch(c, 'nicolo')).toBe(true);
    expect(matchesSearch(c, 'ROSSI a-1042')).toBe(true);
    expect(matchesSearch(c, 'example.it')).toBe(true);
    expect(matchesSearch(c, 'abc123')).toBe(true);
    expect(matchesSearch(c, 'rossi refund')).toBe(false);
    expect(matchesSearch(conv({ id: 'x', visitorName: null, lastMessage: null }), 'x')).toBe(true);
  });

  it('folds accents and case', () => {
    expect(fold('Perché NICOLÒ')).toBe('perche nicolo');
  });
});

describe('a sale day: 521 waiting', () => {
  // The first shopper has waited longest; 520 more came after, 20 in each millisecond.
  const first = conv({ id: 'zz-first', queuedAt: 1_000, createdAt: 1_000, serial: 1, visitorName: 'First shopper' });
  const newer = Array.from({ length: 520 }, (_, i) =>
    conv({ id: `c${String(519 - i).padStart(3, '0')}`, queuedAt: 2_000 + Math.floor(i / 20), createdAt: 2_000, serial: i + 2 }),
  );
  const all = [...newer].reverse().concat(first);

  it('keeps every one in the queue, the longest-waiting first, ties by the server’s serial', () => {
    const order = queueOrder(all);
    expect(order.length).toBe(521);
    expect(order[0]!.id).toBe('zz-first');
    expect(order.slice(1).map((c) => c.serial)).toEqual(newer.map((c) => c.serial));
    expect(queuePositions(all).get('zz-first')).toBe(1);
  });

  it('lists them all in the inbox’s Waiting section, and the Queue view’s pages hold each once', () => {
    expect(groupInbox(all, 'me').waiting.length).toBe(521);
    const order = queueOrder(all);
    const seen = new Set<string>();
    const { pages } = pageOf(order, 0, QUEUE_PAGE_SIZE);
    for (let p = 0; p < pages; p++) for (const c of pageOf(order, p, QUEUE_PAGE_SIZE).rows) seen.add(c.id);
    expect(seen.size).toBe(521);
  });
});
