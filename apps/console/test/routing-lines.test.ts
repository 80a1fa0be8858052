import type { StreamItem } from '@parla/protocol';
import { describe, expect, it } from 'vitest';
import { routingRuns } from '../src/routing-lines.ts';

const ev = (seq: number, event: string): StreamItem =>
  ({ kind: 'event', seq, conversationId: 'c', event, actorType: 'system', actorId: null, agentName: null, createdAt: seq }) as unknown as StreamItem;
const msg = (seq: number): StreamItem =>
  ({ kind: 'message', seq, conversationId: 'c', id: `m${seq}`, authorType: 'visitor', authorId: null, authorName: null, clientId: null, body: 'hi', createdAt: seq }) as unknown as StreamItem;

describe('queue changes folded in the console', () => {
  it('keeps the last line of a run of queued/took lines and folds the others', () => {
    // An agent signing in and out eight times: sixteen lines, one shown.
    const items = [msg(1), ...Array.from({ length: 16 }, (_, i) => ev(i + 2, i % 2 ? 'assigned' : 'queued')), msg(18)];
    const runs = routingRuns(items);
    expect([...runs.keys()]).toEqual([17]);
    expect(runs.get(17)).toEqual(Array.from({ length: 15 }, (_, i) => i + 2));
  });

  it('never folds one or two lines, nor transfers, notes, resolutions or SLA lines, and a message ends a run', () => {
    const items = [ev(1, 'created'), ev(2, 'queued'), ev(3, 'assigned'), msg(4), ev(5, 'queued'), ev(6, 'transferred'), ev(7, 'assigned'), ev(8, 'resolved'), ev(9, 'reopened'), ev(10, 'queued'), ev(11, 'assigned'), ev(12, 'note'), ev(13, 'queued'), ev(14, 'sla_breached')];
    expect([...routingRuns(items)]).toEqual([[11, [9, 10]]]);
  });
});
