/** Canned responses in the reply box (the "/" query, matching, variables) and what notifies an agent. */
import { describe, expect, it } from 'vitest';
import type { CannedResponse, StreamItem } from '@parla/protocol';
import { fillCanned, filterCanned, insertCanned, slashQuery } from '../src/canned.ts';
import { departmentsOf, Notifier, SLA_WARNING_MS, titleText, type NotifyInput } from '../src/notify.ts';
import { conv } from './fixtures.ts';

const canned = (shortcut: string, lang: 'en' | 'it', title = shortcut, departmentId: string | null = null): CannedResponse => ({
  id: `${shortcut}-${lang}`,
  siteId: 'demo',
  shortcut,
  title,
  body: `${shortcut} ${lang}`,
  lang,
  departmentId,
  updatedAt: 1,
});

describe('the / picker', () => {
  it('opens on a slash at the start or after a space, at the caret', () => {
    expect(slashQuery('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashQuery('/Ship', 5)).toEqual({ start: 0, query: 'ship' });
    expect(slashQuery('Hi! /ret', 8)).toEqual({ start: 4, query: 'ret' });
    expect(slashQuery('Hi!\n/ret', 8)).toEqual({ start: 4, query: 'ret' });
    expect(slashQuery('and/or', 6)).toBeNull(); // a slash inside a word
    expect(slashQuery('https://x.it/a', 14)).toBeNull();
    expect(slashQuery('/ship it', 8)).toBeNull(); // a space ends the query
    expect(slashQuery('/ship it', 5)).toEqual({ start: 0, query: 'ship' }); // the caret decides
  });

  it('filters by shortcut, then title; the agent’s language first; the conversation’s department or every department', () => {
    const list = [canned('returns', 'it', 'Resi'), canned('returns', 'en', 'Returns'), canned('shipping', 'en', 'Delivery times'), canned('reship', 'en', 'Send again'), canned('tech', 'en', 'Reset password', 'd-tech')];
    const f = (q: string, lang: 'en' | 'it' = 'en', departmentId: string | null = null) => filterCanned(list, q, { lang, departmentId }).map((r) => r.id);
    expect(f('re')).toEqual(['reship-en', 'returns-en', 'returns-it']);
    expect(f('re', 'it')).toEqual(['returns-it', 'reship-en', 'returns-en']);
    expect(f('ship')).toEqual(['shipping-en', 'reship-en']); // prefix before contains
    expect(f('delivery')).toEqual(['shipping-en']); // by title
    expect(f('reset')).toEqual([]); // another department's
    expect(f('reset', 'en', 'd-tech')).toEqual(['tech-en']);
    expect(f('')).toHaveLength(4);
    expect(filterCanned(list, '', { lang: 'en', departmentId: null, limit: 2 })).toHaveLength(2);
  });

  it('fills in the variables; unknown or missing ones stay visible', () => {
    const body = 'Hi {{visitor.name}}, write to {{ visitor.email }}. — {{agent.name}} {{order.id}} {{VISITOR.NAME}}';
    expect(fillCanned(body, { 'visitor.name': 'Chiara', 'visitor.email': 'c@example.com', 'agent.name': 'Giulia' })).toBe(
      'Hi Chiara, write to c@example.com. — Giulia {{order.id}} Chiara',
    );
    expect(fillCanned('Hi {{visitor.name}}!', { 'visitor.name': null, 'agent.name': 'Giulia' })).toBe('Hi {{visitor.name}}!');
  });

  it('replaces the /query with the body and puts the caret after it', () => {
    expect(insertCanned('Sure! /shi and more', 6, 10, 'We ship in 24 h.')).toEqual({ text: 'Sure! We ship in 24 h. and more', caret: 22 });
  });
});

describe('notifications', () => {
  const msg = (seq: number, authorType: 'visitor' | 'agent', body = `m${seq}`): StreamItem => ({
    kind: 'message', seq, id: `m${seq}`, clientId: null, authorType, authorId: null, authorName: null, body, createdAt: seq,
  });
  const NOW = 1_000_000;
  const input = (over: Partial<NotifyInput>): NotifyInput => ({ meId: 'me', conversations: {}, items: {}, openId: null, hidden: false, myDepartments: null, now: NOW, connection: 1, ...over });

  it('the first step after a connect only takes note; then a new waiting conversation I may take notifies once', () => {
    const n = new Notifier();
    const old = conv({ id: 'old', state: 'queued', visitorName: 'Ada' });
    expect(n.step(input({ conversations: { old } }))).toEqual([]);
    const fresh = conv({ id: 'new', state: 'queued', visitorName: 'Bruno', lastMessage: 'Is it in stock?', createdAt: NOW });
    const other = conv({ id: 'tech', state: 'queued', departmentId: 'd-tech', createdAt: NOW });
    const mine = new Set(['d-orders']);
    const out = n.step(input({ conversations: { old, new: fresh, tech: other }, myDepartments: mine }));
    expect(out).toEqual([{ kind: 'waiting', conversationId: 'new', title: 'Bruno is waiting', body: 'Is it in stock?' }]);
    expect(n.step(input({ conversations: { old, new: fresh, tech: other }, myDepartments: mine }))).toEqual([]);
    // Taken by someone and back in the queue later: waiting again.
    n.step(input({ conversations: { old, new: { ...fresh, state: 'assigned', agentId: 'x' } }, myDepartments: mine }));
    expect(n.step(input({ conversations: { old, new: fresh }, myDepartments: mine })).map((x) => x.kind)).toEqual(['waiting']);
  });

  it('a visitor message in my conversation notifies when the tab is hidden or another conversation is open', () => {
    const n = new Notifier();
    const c = conv({ id: 'c', state: 'assigned', agentId: 'me', visitorName: 'Ada', lastSeq: 2 });
    n.step(input({ conversations: { c }, items: { c: [msg(1, 'visitor'), msg(2, 'agent')] }, openId: 'c' }));
    // Open and visible: nothing.
    expect(n.step(input({ conversations: { c }, items: { c: [msg(1, 'visitor'), msg(2, 'agent'), msg(3, 'visitor')] }, openId: 'c' }))).toEqual([]);
    // Hidden tab: yes (only the newest one is shown).
    const items = [msg(1, 'visitor'), msg(2, 'agent'), msg(3, 'visitor'), msg(4, 'visitor', 'any news?'), msg(5, 'visitor', 'hello?')];
    expect(n.step(input({ conversations: { c }, items: { c: items }, openId: 'c', hidden: true }))).toEqual([
      { kind: 'message', conversationId: 'c', title: 'New message from Ada', body: 'hello?' },
    ]);
    // Another conversation open: yes; my own replies never.
    const more = [...items, msg(6, 'agent')];
    expect(n.step(input({ conversations: { c }, items: { c: more }, openId: 'x' }))).toEqual([]);
    expect(n.step(input({ conversations: { c }, items: { c: [...more, msg(7, 'visitor')] }, openId: 'x' })).map((x) => x.kind)).toEqual(['message']);
    // Someone else's conversation: never.
    const theirs = conv({ id: 't', state: 'assigned', agentId: 'bob', lastSeq: 0, createdAt: NOW });
    expect(n.step(input({ conversations: { c, t: theirs }, items: { c: [...more, msg(7, 'visitor')], t: [msg(1, 'visitor')] }, openId: 'x' }))).toEqual([]);
  });

  it('a conversation assigned to me since the connect notifies its first message; an old one opened later does not', () => {
    const n = new Notifier();
    n.step(input({}));
    const f = conv({ id: 'f', state: 'assigned', agentId: 'me', visitorName: 'Ada', createdAt: NOW, lastSeq: 4 });
    expect(n.step(input({ conversations: { f } }))).toEqual([]); // its items are not here yet
    expect(n.step(input({ conversations: { f }, items: { f: [msg(2, 'visitor', 'hi')] } }))).toEqual([{ kind: 'message', conversationId: 'f', title: 'New message from Ada', body: 'hi' }]);
    const old = conv({ id: 'o', state: 'assigned', agentId: 'me', createdAt: NOW - 3600_000, lastSeq: 9 });
    expect(n.step(input({ conversations: { f, o: old }, items: { f: [msg(2, 'visitor', 'hi')], o: [msg(8, 'visitor')] } }))).toEqual([]);
  });

  it('warns once, a minute before the first-response SLA breaches, for mine and for waiting ones I may take', () => {
    const n = new Notifier();
    const due = NOW + 2 * SLA_WARNING_MS;
    const c = conv({ id: 'c', state: 'queued', visitorName: 'Ada', slaDueAt: due, createdAt: NOW - 1 });
    const theirs = conv({ id: 't', state: 'assigned', agentId: 'bob', slaDueAt: due });
    n.step(input({ conversations: { c, t: theirs } }));
    expect(n.step(input({ conversations: { c, t: theirs }, now: due - SLA_WARNING_MS - 1 }))).toEqual([]);
    expect(n.step(input({ conversations: { c, t: theirs }, now: due - SLA_WARNING_MS }))).toEqual([{ kind: 'sla', conversationId: 'c', title: 'First-response target in 1 minute: Ada', body: 'hi' }]);
    expect(n.step(input({ conversations: { c, t: theirs }, now: due - 1000 }))).toEqual([]);
    // Breached already, or answered (no slaDueAt): nothing.
    const late = conv({ id: 'l', state: 'assigned', agentId: 'me', slaDueAt: NOW + 1000, slaBreached: true });
    const answered = conv({ id: 'a', state: 'assigned', agentId: 'me', slaDueAt: null });
    expect(n.step(input({ conversations: { late, answered } }))).toEqual([]);
  });

  it('puts the count in the tab title and knows my departments', () => {
    expect(titleText(3, 'Parla console')).toBe('(3) Parla console');
    expect(titleText(0, 'Parla console')).toBe('Parla console');
    const d = (id: string, agentIds: string[]) => ({ id, siteId: 'demo', name: id, urgency: 0, businessHours: null, slaFirstResponseSec: null, agentIds });
    expect(departmentsOf('me', [d('a', ['me']), d('b', ['bob'])])).toEqual(new Set(['a']));
    expect(departmentsOf('me', null)).toBeNull();
  });
});
