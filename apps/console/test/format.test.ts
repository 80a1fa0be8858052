import type { StreamItem } from '@parla/protocol';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, linkify, safeHref, shortId } from '../src/format.ts';
import { pickLang } from '../src/i18n.ts';
import { groupInbox, isUnread } from '../src/inbox.ts';
import { conv } from './fixtures.ts';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(72_000)).toBe('1m 12s');
    expect(formatDuration(303_000)).toBe('5m 3s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(60_000)).toBe('1m');
    expect(formatDuration(3_720_000)).toBe('1h 2m');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(90_000_000)).toBe('1d 1h');
  });

  it('rounds to whole seconds', () => {
    expect(formatDuration(72_400)).toBe('1m 12s');
    expect(formatDuration(59_600)).toBe('1m');
  });

  it('gives the placeholder for missing or invalid values', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Number.NaN, undefined, 'n/a')).toBe('n/a');
  });

  it('uses the given units', () => {
    expect(formatDuration(2 * 86_400_000, { s: 's', m: 'm', h: 'h', d: 'g' })).toBe('2g');
  });
});

describe('formatRelative', () => {
  const now = 1_700_000_000_000;
  it('is compact', () => {
    expect(formatRelative(now - 10_000, now)).toBe('now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5m');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3h');
    expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2d');
    expect(formatRelative(now + 5000, now)).toBe('now');
  });
});

describe('linkify', () => {
  it('turns http, https and mailto URLs into links', () => {
    expect(linkify('see https://example.com/a?b=1 now')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { type: 'text', text: ' now' },
    ]);
    expect(linkify('http://x.org')).toEqual([{ type: 'link', text: 'http://x.org', href: 'http://x.org/' }]);
    expect(linkify('write to mailto:help@shop.it')).toEqual([
      { type: 'text', text: 'write to ' },
      { type: 'link', text: 'mailto:help@shop.it', href: 'mailto:help@shop.it' },
    ]);
  });

  it('refuses javascript: and other schemes', () => {
    for (const text of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', 'ftp://x.org']) {
      const parts = linkify(text);
      expect(parts.every((p) => p.type === 'text')).toBe(true);
      expect(parts.map((p) => p.text).join('')).toBe(text);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('  javascript:alert(1)')).toBeNull();
    expect(safeHref('https://')).toBeNull();
    expect(safeHref('mailto:not-an-address')).toBeNull();
  });

  it('never builds a non-http link out of a javascript: text', () => {
    const parts = linkify('javascript:https://evil.example/x');
    for (const p of parts) if (p.type === 'link') expect(p.href.startsWith('https://')).toBe(true);
  });

  it('keeps the text intact, including markup-looking text', () => {
    const text = '<img src=x onerror=alert(1)> & "quotes" https://a.b/c';
    expect(linkify(text).map((p) => p.text).join('')).toBe(text);
  });

  it('leaves trailing punctuation out of links', () => {
    expect(linkify('Go to https://example.com/page.')).toEqual([
      { type: 'text', text: 'Go to ' },
      { type: 'link', text: 'https://example.com/page', href: 'https://example.com/page' },
      { type: 'text', text: '.' },
    ]);
    expect(linkify('(see https://example.com/x)')[1]).toEqual({ type: 'link', text: 'https://example.com/x', href: 'https://example.com/x' });
    expect(linkify('https://en.wikipedia.org/wiki/Foo_(bar), ok')[0]).toMatchObject({ type: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });

  it('returns plain text unchanged', () => {
    expect(linkify('hello')).toEqual([{ type: 'text', text: 'hello' }]);
    expect(linkify('')).toEqual([]);
  });
});

describe('small helpers', () => {
  it('shortId', () => {
    expect(shortId('V1StGXR8_Z5jdHi6B-myT')).toBe('V1StGX');
  });
  it('pickLang', () => {
    expect(pickLang('it-IT')).toBe('it');
    expect(pickLang('it')).toBe('it');
    expect(pickLang('en-US')).toBe('en');
    expect(pickLang('de')).toBe('en');
    expect(pickLang(undefined)).toBe('en');
  });
});

describe('groupInbox', () => {
  const me = 'agent-me';
  const list = [
    conv({ id: 'q2', queuedAt: 2000 }),
    conv({ id: 'q1', queuedAt: 1000 }),
    conv({ id: 'bot', state: 'bot', queuedAt: null, createdAt: 500 }),
    conv({ id: 'm1', state: 'assigned', agentId: me, lastMessageAt: 5000 }),
    conv({ id: 'm2', state: 'assigned', agentId: me, lastMessageAt: 9000 }),
    conv({ id: 'o1', state: 'assigned', agentId: 'other', agentName: 'Marco' }),
    conv({ id: 'r1', state: 'resolved', agentId: me, resolvedAt: 100 }),
    conv({ id: 'r2', state: 'resolved', agentId: 'other', resolvedAt: 300 }),
  ];

  it('sorts conversations into waiting (for a person), with the bot, mine, others and resolved', () => {
    const g = groupInbox(list, me);
    expect(g.waiting.map((c) => c.id)).toEqual(['q1', 'q2']);
    expect(g.bot.map((c) => c.id)).toEqual(['bot']);
    expect(g.mine.map((c) => c.id)).toEqual(['m2', 'm1']);
    expect(g.others.map((c) => c.id)).toEqual(['o1']);
    expect(g.resolved.map((c) => c.id)).toEqual(['r2', 'r1']);
  });

  it('limits the resolved section', () => {
    expect(groupInbox(list, me, 1).resolved.map((c) => c.id)).toEqual(['r2']);
  });

  it('puts a conversation taken by me into Mine after an update', () => {
    const taken = list.map((c) => (c.id === 'q1' ? { ...c, state: 'assigned' as const, agentId: me, lastMessageAt: 20_000 } : c));
    const g = groupInbox(taken, me);
    expect(g.waiting.map((c) => c.id)).toEqual(['q2']);
    expect(g.bot.map((c) => c.id)).toEqual(['bot']);
    expect(g.mine[0]!.id).toBe('q1');
  });
});

describe('isUnread', () => {
  const me = 'agent-me';
  const msg = (seq: number, authorType: 'visitor' | 'agent'): StreamItem => ({
    kind: 'message',
    seq,
    id: `m${seq}`,
    clientId: null,
    authorType,
    authorId: 'x',
    authorName: null,
    body: 'b',
    createdAt: seq * 1000,
  });

  it('is exact when the stream is loaded', () => {
    const c = conv({ id: 'a', state: 'assigned', agentId: me, lastSeq: 3 });
    const items = [msg(1, 'visitor'), msg(2, 'agent'), msg(3, 'visitor')];
    expect(isUnread(c, me, undefined, items)).toBe(true);
    expect(isUnread(c, me, { seq: 3, at: 3000 }, items)).toBe(false);
    expect(isUnread(c, me, { seq: 2, at: 2000 }, items)).toBe(true);
    expect(isUnread(c, me, { seq: 1, at: 1000 }, [msg(1, 'visitor'), msg(2, 'agent')])).toBe(false);
  });

  it('uses the last message time without a stream', () => {
    const c = conv({ id: 'w', lastMessageAt: 5000 });
    expect(isUnread(c, me, undefined, undefined)).toBe(true);
    expect(isUnread(c, me, { seq: 1, at: 5000 }, undefined)).toBe(false);
  });

  it('never flags resolved or other agents’ conversations', () => {
    expect(isUnread(conv({ id: 'r', state: 'resolved' }), me, undefined, undefined)).toBe(false);
    expect(isUnread(conv({ id: 'o', state: 'assigned', agentId: 'other' }), me, undefined, undefined)).toBe(false);
  });
});
