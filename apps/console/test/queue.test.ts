import { describe, expect, it } from 'vitest';
import { groupInbox } from '../src/inbox.ts';
import { compareQueue, loadSignature, queueOrder, queuePositions, slaLevel, slaState } from '../src/queue.ts';
import { conv } from './fixtures.ts';

describe('queue order', () => {
  const list = [
    conv({ id: 'old-low', queuedAt: 1000, priority: 0 }),
    conv({ id: 'new-high', queuedAt: 5000, priority: 10 }),
    conv({ id: 'old-high', queuedAt: 2000, priority: 10 }),
    conv({ id: 'mid-low', queuedAt: 3000, priority: 0 }),
    conv({ id: 'assigned', state: 'assigned', agentId: 'a', priority: 99 }),
    conv({ id: 'bot', state: 'bot', queuedAt: null, priority: 50 }),
    conv({ id: 'done', state: 'resolved', priority: 99 }),
  ];

  it('serves higher priority first, then the longest waiting', () => {
    expect(queueOrder(list).map((c) => c.id)).toEqual(['old-high', 'new-high', 'old-low', 'mid-low']);
  });

  it('numbers positions from 1 and leaves out conversations that are not queued', () => {
    const pos = queuePositions(list);
    expect([...pos.entries()]).toEqual([
      ['old-high', 1],
      ['new-high', 2],
      ['old-low', 3],
      ['mid-low', 4],
    ]);
    expect(pos.has('bot')).toBe(false);
    expect(pos.has('assigned')).toBe(false);
  });

  it('falls back to createdAt and breaks ties by id', () => {
    const a = conv({ id: 'a', queuedAt: null, createdAt: 500 });
    const b = conv({ id: 'b', queuedAt: 500 });
    const c = conv({ id: 'c', queuedAt: 400 });
    expect(queueOrder([b, a, c]).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(compareQueue(a, a)).toBe(0);
  });

  it('breaks a tie in the same millisecond by the server’s serial (its arrival order), before the id', () => {
    const early = conv({ id: 'zzz', queuedAt: 500, serial: 7 });
    const late = conv({ id: 'aaa', queuedAt: 500, serial: 9 });
    expect(queueOrder([late, early]).map((x) => x.id)).toEqual(['zzz', 'aaa']);
    // Priority and wait still come first.
    expect(queueOrder([early, conv({ id: 'vip', queuedAt: 900, serial: 10, priority: 1 }), conv({ id: 'older', queuedAt: 400, serial: 11 })]).map((x) => x.id)).toEqual([
      'vip',
      'older',
      'zzz',
    ]);
  });

  it('is the order of the inbox Waiting section (bot conversations in a group of their own)', () => {
    expect(groupInbox(list, 'me').waiting.map((c) => c.id)).toEqual(['old-high', 'new-high', 'old-low', 'mid-low']);
    expect(groupInbox(list, 'me').bot.map((c) => c.id)).toEqual(['bot']);
  });

  it('moves a conversation when its priority changes', () => {
    const bumped = list.map((c) => (c.id === 'mid-low' ? { ...c, priority: 20 } : c));
    expect(queuePositions(bumped).get('mid-low')).toBe(1);
  });
});

describe('slaState', () => {
  const now = 100_000;

  it('counts down to slaDueAt while nobody has answered', () => {
    expect(slaState(conv({ id: 'a', slaDueAt: now + 90_000 }), now)).toEqual({ dueAt: now + 90_000, remainingMs: 90_000, breached: false });
  });

  it('is breached once the due time has passed, or when the server says so', () => {
    expect(slaState(conv({ id: 'a', slaDueAt: now - 1 }), now)).toMatchObject({ remainingMs: -1, breached: true });
    expect(slaState(conv({ id: 'a', slaDueAt: now + 5000, slaBreached: true }), now)?.breached).toBe(true);
    expect(slaState(conv({ id: 'a', slaDueAt: null, slaBreached: true }), now)).toEqual({ dueAt: null, remainingMs: null, breached: true });
  });

  it('is not breached exactly at the due time', () => {
    expect(slaState(conv({ id: 'a', slaDueAt: now }), now)?.breached).toBe(false);
  });

  it('has no timer once answered, when resolved, or without a target', () => {
    expect(slaState(conv({ id: 'a', slaDueAt: now + 1000, firstAgentReplyAt: now - 10 }), now)).toBeNull();
    expect(slaState(conv({ id: 'a', state: 'resolved', slaDueAt: now - 1000, slaBreached: true }), now)).toBeNull();
    expect(slaState(conv({ id: 'a' }), now)).toBeNull();
    expect(slaState(conv({ id: 'a', slaDueAt: null }), now)).toBeNull();
  });

  it('applies to assigned conversations not answered yet', () => {
    expect(slaState(conv({ id: 'a', state: 'assigned', agentId: 'x', slaDueAt: now + 10_000 }), now)?.remainingMs).toBe(10_000);
  });

  it('levels: ok, soon (last minute), breached', () => {
    expect(slaLevel({ dueAt: 1, remainingMs: 61_000, breached: false })).toBe('ok');
    expect(slaLevel({ dueAt: 1, remainingMs: 60_000, breached: false })).toBe('soon');
    expect(slaLevel({ dueAt: 1, remainingMs: -5, breached: true })).toBe('breached');
    expect(slaLevel({ dueAt: null, remainingMs: null, breached: true })).toBe('breached');
  });
});

describe('loadSignature', () => {
  it('changes with assignments, not with messages', () => {
    const a = [conv({ id: 'x', state: 'assigned', agentId: 'm' }), conv({ id: 'y' })];
    const sig = loadSignature(a);
    expect(loadSignature(a.map((c) => ({ ...c, lastSeq: 9, lastMessage: 'new' })))).toBe(sig);
    expect(loadSignature(a.map((c) => (c.id === 'y' ? { ...c, state: 'assigned' as const, agentId: 'm' } : c)))).not.toBe(sig);
    expect(loadSignature(a.map((c) => ({ ...c, state: 'resolved' as const })))).toBe('');
  });
});
