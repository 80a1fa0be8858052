import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@parla/protocol';
import { isOpen, nextOpening } from '../src/modules/sites/hours.ts';

const rome: BusinessHours = {
  timezone: 'Europe/Rome',
  weekly: { mon: [['09:00', '13:00'], ['14:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [], sun: [] },
  holidays: ['2026-12-25'],
};

describe('business hours', () => {
  it('is always open without hours', () => {
    expect(isOpen(null, Date.UTC(2026, 0, 1, 3))).toBe(true);
    expect(nextOpening(null, 0)).toBeNull();
  });
  it('reads the local time in the zone (winter: UTC+1, summer: UTC+2)', () => {
    // Monday 23 Nov 2026, 08:30 UTC = 09:30 in Rome: open.
    expect(isOpen(rome, Date.UTC(2026, 10, 23, 8, 30))).toBe(true);
    // 07:59 UTC = 08:59 Rome: closed.
    expect(isOpen(rome, Date.UTC(2026, 10, 23, 7, 59))).toBe(false);
    // Lunch break 13:00-14:00 Rome.
    expect(isOpen(rome, Date.UTC(2026, 10, 23, 12, 30))).toBe(false);
    // Summer: Monday 6 Jul 2026, 07:30 UTC = 09:30 Rome (UTC+2): open; 16:30 UTC = 18:30 Rome: closed.
    expect(isOpen(rome, Date.UTC(2026, 6, 6, 7, 30))).toBe(true);
    expect(isOpen(rome, Date.UTC(2026, 6, 6, 16, 30))).toBe(false);
  });
  it('is closed on holidays and weekends', () => {
    expect(isOpen(rome, Date.UTC(2026, 11, 25, 10))).toBe(false); // Friday, Christmas
    expect(isOpen(rome, Date.UTC(2026, 10, 28, 10))).toBe(false); // Saturday
  });
  it('finds the next opening: after lunch, after a weekend, after a holiday', () => {
    expect(nextOpening(rome, Date.UTC(2026, 10, 23, 12, 30))).toBe(Date.UTC(2026, 10, 23, 13, 0)); // 14:00 Rome
    expect(nextOpening(rome, Date.UTC(2026, 10, 28, 10))).toBe(Date.UTC(2026, 10, 30, 8, 0)); // Monday 09:00 Rome
    expect(nextOpening(rome, Date.UTC(2026, 11, 24, 18))).toBe(Date.UTC(2026, 11, 28, 8, 0)); // Thu evening -> Fri holiday -> Mon 28
    const now = Date.UTC(2026, 10, 23, 8, 30);
    expect(nextOpening(rome, now)).toBe(now); // open now
  });
  it('crosses a daylight-saving change correctly (Rome goes to UTC+2 on 29 Mar 2026)', () => {
    // Saturday 28 Mar 2026 noon UTC -> Monday 30 Mar 09:00 Rome = 07:00 UTC (summer time).
    expect(nextOpening(rome, Date.UTC(2026, 2, 28, 12))).toBe(Date.UTC(2026, 2, 30, 7, 0));
  });
});
