/** The inbox row's preview in the console follows the server: the shopper's own words only. */
import { describe, expect, it } from 'vitest';
import type { StreamItem } from '@parla/protocol';
import { initialState, reducer } from '../src/store.ts';
import { inboxDictionaries } from '../src/i18n-inbox.ts';
import { conv } from './fixtures.ts';

const me = { id: 'me', name: 'Giulia', email: 'g@example.com', role: 'agent' as const, presence: 'online' as const, maxChats: 5 };
const msg = (seq: number, authorType: 'visitor' | 'agent' | 'bot' | 'system', body: string): StreamItem => ({
  kind: 'message',
  seq,
  id: `m${seq}`,
  clientId: null,
  authorType,
  authorId: null,
  authorName: null,
  body,
  createdAt: 1000 + seq,
});

describe('the inbox preview', () => {
  it('changes on a shopper message, not on an agent, bot or system line', () => {
    let s = initialState(me);
    s = { ...s, conversations: { c: conv({ id: 'c', lastSeq: 1, lastMessage: 'Where is my parcel?' }) } };
    for (const [seq, who, body] of [
      [2, 'bot', "I'll connect you with a colleague who can help."],
      [3, 'agent', 'Let me check'],
      [4, 'system', 'Call-back requested: +39 333'],
    ] as const) {
      s = reducer(s, { type: 'item', conversationId: 'c', item: msg(seq, who, body) });
      expect(s.conversations.c).toMatchObject({ lastMessage: 'Where is my parcel?', lastSeq: seq, lastMessageAt: 1000 + seq });
    }
    s = reducer(s, { type: 'item', conversationId: 'c', item: msg(5, 'visitor', 'It was due yesterday') });
    expect(s.conversations.c!.lastMessage).toBe('It was due yesterday');
  });

  it('has every inbox string in English and Italian', () => {
    const { en, it: itDict } = inboxDictionaries;
    expect(Object.keys(itDict).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) if (typeof en[k] === 'string') expect(itDict[k], k).not.toBe('');
    expect(Object.keys(itDict.channels).sort()).toEqual(Object.keys(en.channels).sort());
    expect(Object.keys(itDict.states).sort()).toEqual(Object.keys(en.states).sort());
  });
});
