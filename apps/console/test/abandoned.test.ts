import { describe, expect, it } from 'vitest';
import { activeLoad, fullAt } from '../src/capacity.ts';
import { abandonedDict } from '../src/i18n-abandoned.ts';
import { groupInbox } from '../src/inbox.ts';
import { MAX_SNOOZE_MS, tomorrowAt, validSnooze } from '../src/snooze.ts';
import { conv } from './fixtures.ts';

const me = 'agent-me';
const list = [
  conv({ id: 'a1', state: 'assigned', agentId: me }),
  conv({ id: 'a2', state: 'assigned', agentId: me }),
  conv({ id: 's1', state: 'assigned', agentId: me, snoozed: true, snoozedUntil: 9000 }),
  conv({ id: 's2', state: 'assigned', agentId: me, snoozed: true, snoozedUntil: null }),
  conv({ id: 's3', state: 'assigned', agentId: me, snoozed: true, snoozedUntil: 5000 }),
  conv({ id: 'o1', state: 'assigned', agentId: 'other' }),
  conv({ id: 'r1', state: 'resolved', agentId: me, resolvedAt: 10 }),
  conv({ id: 'q1' }),
];

describe('capacity in the console', () => {
  it('counts active conversations only: mine, assigned, not snoozed', () => {
    expect(activeLoad(list, me)).toBe(2);
    expect(activeLoad(list, 'other')).toBe(1);
  });

  it('is full at the limit (Take is not offered), with a reason in both languages', () => {
    expect(fullAt(list, { id: me, maxChats: 2 })).toBe(2);
    expect(fullAt(list, { id: me, maxChats: 3 })).toBeNull();
    expect(abandonedDict('en').capacity.full(5)).toBe('You are at your limit of 5 active conversations');
    expect(abandonedDict('it').capacity.full(5)).toBe('Hai raggiunto il tuo limite di 5 conversazioni attive');
    expect(abandonedDict('en').capacity.full(1)).toBe('You are at your limit of 1 active conversation');
  });

  it('groups snoozed conversations apart, the soonest back first, until-reply last', () => {
    const g = groupInbox(list, me);
    expect(g.mine.map((c) => c.id).sort()).toEqual(['a1', 'a2']);
    expect(g.snoozed.map((c) => c.id)).toEqual(['s3', 's1', 's2']);
    expect(g.waiting.map((c) => c.id)).toEqual(['q1']);
  });
});

describe('snooze presets', () => {
  it('tomorrow 9:00 in the site’s zone, across a DST change', () => {
    // 2026-03-28 22:30 in Rome (CET, UTC+1); the clocks go forward that night: 9:00 CEST is 07:00 UTC.
    expect(tomorrowAt(9, 'Europe/Rome', Date.UTC(2026, 2, 28, 21, 30))).toBe(Date.UTC(2026, 2, 29, 7, 0));
    // A winter evening: 9:00 CET is 08:00 UTC.
    expect(tomorrowAt(9, 'Europe/Rome', Date.UTC(2026, 0, 10, 18, 0))).toBe(Date.UTC(2026, 0, 11, 8, 0));
    // Already past midnight in Tokyo while still the 10th in UTC: tomorrow there is the 12th.
    expect(tomorrowAt(9, 'Asia/Tokyo', Date.UTC(2026, 0, 10, 16, 0))).toBe(Date.UTC(2026, 0, 12, 0, 0));
    expect(tomorrowAt(9, 'UTC', Date.UTC(2026, 0, 10, 23, 59))).toBe(Date.UTC(2026, 0, 11, 9, 0));
  });

  it('accepts only a future time within 30 days', () => {
    expect(validSnooze(2000, 1000)).toBe(true);
    expect(validSnooze(1000, 1000)).toBe(false);
    expect(validSnooze(Number.NaN, 1000)).toBe(false);
    expect(validSnooze(1000 + MAX_SNOOZE_MS + 1, 1000)).toBe(false);
  });
});
