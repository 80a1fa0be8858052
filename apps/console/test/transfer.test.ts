import type { StreamItem } from '@parla/protocol';
import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref } from '../src/format.ts';
import { initialState, reducer } from '../src/store.ts';
import { agentTargetState, sortTargets, transferFrame, transferSenders, transferWordingKind } from '../src/transfer.ts';
import { agent, conv } from './fixtures.ts';

describe('transfer targets', () => {
  const c = conv({ id: 'c', state: 'assigned', agentId: 'giulia' });

  it('online or away agents with room are eligible', () => {
    expect(agentTargetState(agent({ id: 'marco', load: 2, maxChats: 3 }), c)).toBe('ok');
    expect(agentTargetState(agent({ id: 'anna', presence: 'away' }), c)).toBe('ok');
  });

  it('offline, full and current agents are not', () => {
    expect(agentTargetState(agent({ id: 'off', presence: 'offline' }), c)).toBe('offline');
    expect(agentTargetState(agent({ id: 'full', load: 3, maxChats: 3 }), c)).toBe('full');
    expect(agentTargetState(agent({ id: 'over', load: 4, maxChats: 3 }), c)).toBe('full');
    expect(agentTargetState(agent({ id: 'giulia' }), c)).toBe('current');
  });

  it('anyone eligible may receive a queued conversation', () => {
    expect(agentTargetState(agent({ id: 'giulia' }), conv({ id: 'q', agentId: null }))).toBe('ok');
  });

  it('lists eligible agents first, online before away, least loaded first', () => {
    const list = sortTargets(
      [
        agent({ id: 'off', name: 'Off', presence: 'offline' }),
        agent({ id: 'busy', name: 'Busy', load: 2, maxChats: 3 }),
        agent({ id: 'away', name: 'Away', presence: 'away' }),
        agent({ id: 'full', name: 'Full', load: 3, maxChats: 3 }),
        agent({ id: 'idle', name: 'Idle', load: 0, maxChats: 3 }),
        agent({ id: 'giulia', name: 'Giulia' }),
      ],
      c,
    );
    expect(list.map((x) => x.agent.id)).toEqual(['idle', 'busy', 'away', 'giulia', 'full', 'off']);
    expect(list.map((x) => x.state)).toEqual(['ok', 'ok', 'ok', 'current', 'full', 'offline']);
  });

  it('leaves out invited and deactivated agents', () => {
    const list = sortTargets([agent({ id: 'new', status: 'invited' }), agent({ id: 'gone', status: 'deactivated', presence: 'offline' }), agent({ id: 'ada' })], c);
    expect(list.map((x) => x.agent.id)).toEqual(['ada']);
  });
});

describe('transferFrame', () => {
  it('names exactly one target and a trimmed note', () => {
    expect(transferFrame('c1', { agentId: 'm' }, '  call him back ')).toEqual({ type: 'conversation.transfer', conversationId: 'c1', toAgentId: 'm', note: 'call him back' });
    expect(transferFrame('c1', { departmentId: 'd' }, '   ')).toEqual({ type: 'conversation.transfer', conversationId: 'c1', toDepartmentId: 'd' });
    expect(transferFrame('c1', { departmentId: 'd' }, 'x'.repeat(1200)).note).toHaveLength(1000);
  });
});

const ev = (seq: number, event: string, agentName: string | null = null, extra: object = {}): StreamItem =>
  ({ kind: 'event', seq, event, agentId: agentName ? agentName.toLowerCase() : null, agentName, createdAt: seq, ...extra }) as StreamItem;

describe('transferSenders', () => {
  it('names who held the conversation before each transfer', () => {
    const items = [
      ev(1, 'created'),
      ev(2, 'queued'),
      ev(3, 'assigned', 'Giulia'),
      ev(4, 'transferred', 'Marco', { note: 'VIP' }),
      ev(5, 'transferred', null, { departmentId: 'tech' }),
      ev(6, 'queued'),
      ev(7, 'assigned', 'Anna'),
      ev(8, 'resolved', 'Anna'),
      ev(9, 'transferred', 'Luca'),
    ];
    const m = transferSenders(items);
    expect(m.get(4)).toBe('Giulia');
    expect(m.get(5)).toBe('Marco');
    expect(m.get(9)).toBeNull();
    expect(m.size).toBe(3);
  });

  it('says who did it only when known, else who held it', () => {
    expect(transferWordingKind({ actor: 'Giulia', from: 'Marco' })).toBe('actor');
    expect(transferWordingKind({ actor: null, from: 'Marco' })).toBe('from');
    expect(transferWordingKind({ actor: null, from: null })).toBe('plain');
  });
});

describe('transfer state in the store', () => {
  const me = { id: 'giulia', name: 'Giulia', email: 'g@x', role: 'agent' as const, presence: 'online' as const, maxChats: 3 };
  const c = conv({ id: 'c', state: 'assigned', agentId: 'giulia', lastSeq: 3 });
  const start = () => {
    let s = reducer(initialState(me), { type: 'welcome', agent: me, inbox: [c] });
    s = reducer(s, { type: 'transferStart', token: 1, conversationId: 'c' });
    return s;
  };

  it('is done when the transferred event arrives, which is remembered as ours', () => {
    const s = reducer(start(), { type: 'item', conversationId: 'c', item: ev(4, 'transferred', 'Marco') });
    expect(s.transfer?.status).toBe('done');
    expect(s.ownTransfers).toEqual({ 'c:4': true });
    const other = reducer(s, { type: 'item', conversationId: 'c', item: ev(5, 'transferred', 'Anna') });
    expect(other.ownTransfers).toEqual({ 'c:4': true });
  });

  it('remembers our transfer even when the summary confirmed it first and the dialog closed', () => {
    let s = reducer(start(), { type: 'upsert', conversation: { ...c, agentId: 'marco', lastSeq: 4 } });
    s = reducer(s, { type: 'transferClear' });
    s = reducer(s, { type: 'item', conversationId: 'c', item: ev(4, 'transferred', 'Marco') });
    expect(s.ownTransfers).toEqual({ 'c:4': true });
  });

  it('is done when the summary shows the new assignee', () => {
    const s = reducer(start(), { type: 'upsert', conversation: { ...c, agentId: 'marco', agentName: 'Marco', lastSeq: 4 } });
    expect(s.transfer?.status).toBe('done');
  });

  it('is not done by unrelated updates', () => {
    let s = reducer(start(), { type: 'upsert', conversation: { ...c, lastSeq: 4, lastMessage: 'more' } });
    s = reducer(s, { type: 'item', conversationId: 'other', item: ev(1, 'transferred', 'Marco') });
    expect(s.transfer?.status).toBe('sending');
  });

  it('fails with the refusal, and a stale timeout does not override a newer transfer', () => {
    let s = reducer(start(), { type: 'transferFailed', error: 'conflict' });
    expect(s.transfer).toMatchObject({ status: 'failed', error: 'conflict' });
    s = reducer(s, { type: 'transferStart', token: 2, conversationId: 'c' });
    s = reducer(s, { type: 'transferFailed', token: 1, error: 'timeout' });
    expect(s.transfer?.status).toBe('sending');
    s = reducer(s, { type: 'transferClear' });
    expect(s.transfer).toBeNull();
  });

  it('records every agent’s presence', () => {
    let s = reducer(initialState(me), { type: 'presence', agentId: 'marco', presence: 'away' });
    expect(s.agentPresence).toEqual({ marco: 'away' });
    expect(s.presence).toBe('online');
    s = reducer(s, { type: 'presence', agentId: 'giulia', presence: 'away' });
    expect(s.presence).toBe('away');
    expect(s.presenceSeq).toBe(2);
  });
});

describe('contact links', () => {
  it('tel: keeps a leading + and the digits', () => {
    expect(telHref('+39 02 1234-567')).toBe('tel:+39021234567');
    expect(telHref('(02) 555.1234')).toBe('tel:025551234');
    expect(telHref('call me')).toBeNull();
  });
  it('mailto: only for addresses', () => {
    expect(mailtoHref('anna@example.com')).toBe('mailto:anna@example.com');
    expect(mailtoHref('not an address')).toBeNull();
    expect(mailtoHref('javascript:alert(1)//@x.y')).not.toMatch(/^javascript/);
  });
});

describe('inbox preview from items', () => {
  const me = { id: 'giulia', name: 'Giulia', email: 'g@x', role: 'agent' as const, presence: 'online' as const, maxChats: 3 };
  const msg = (seq: number, body: string): StreamItem =>
    ({ kind: 'message', seq, id: `m${seq}`, clientId: null, authorType: 'visitor', authorId: 'v', authorName: null, body, createdAt: 1000 + seq }) as StreamItem;
  it('a followed conversation’s message updates its row at once; an older row never replaces it', () => {
    let s = reducer(initialState(me), { type: 'welcome', agent: me, inbox: [conv({ id: 'c', lastSeq: 3, lastMessage: 'old' })] });
    s = reducer(s, { type: 'item', conversationId: 'c', item: msg(4, 'x'.repeat(200)) });
    expect(s.conversations.c).toMatchObject({ lastSeq: 4, lastMessageAt: 1004 });
    expect(s.conversations.c!.lastMessage).toBe(`${'x'.repeat(139)}…`);
    s = reducer(s, { type: 'upsert', conversation: conv({ id: 'c', lastSeq: 3, lastMessage: 'old' }) });
    expect(s.conversations.c!.lastSeq).toBe(4);
    s = reducer(s, { type: 'upsert', conversation: conv({ id: 'c', lastSeq: 4, state: 'resolved', lastMessage: 'x' }) });
    expect(s.conversations.c!.state).toBe('resolved');
  });
});
