import type { BusinessHours, SiteSettings } from '@parla/protocol';
import { describe, expect, it } from 'vitest';
import {
  defaultWeekly,
  fromDepartmentForm,
  fromHoursForm,
  fromSettingsForm,
  isTimeZone,
  minutesToSeconds,
  nextRange,
  secondsToMinutes,
  toDepartmentForm,
  toHoursForm,
  toSettingsForm,
  type HoursForm,
} from '../src/hours.ts';

const hours: BusinessHours = {
  timezone: 'Europe/Rome',
  weekly: {
    mon: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '24:00']],
    sat: [],
    sun: [],
  },
  holidays: ['2026-01-01', '2026-12-25'],
};

const settings: SiteSettings = {
  routingMode: 'manual',
  preChat: { name: 'required', email: 'optional', department: 'off' },
  businessHours: hours,
  slaFirstResponseSec: 90,
  offerAlternativesAfterSec: 600,
};

describe('business hours form', () => {
  it('round-trips BusinessHours', () => {
    const f = toHoursForm(hours, 'UTC');
    expect(f.alwaysOpen).toBe(false);
    expect(f.weekly.mon).toEqual([
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ]);
    // A time input cannot show 24:00: midnight is 00:00 in the form and 24:00 on the wire.
    expect(f.weekly.fri).toEqual([{ from: '09:00', to: '00:00' }]);
    expect(fromHoursForm(f)).toEqual({ ok: true, value: hours });
  });

  it('null is "always open" and switching it off starts from office hours in the given zone', () => {
    const f = toHoursForm(null, 'Europe/Rome');
    expect(f.alwaysOpen).toBe(true);
    expect(fromHoursForm(f)).toEqual({ ok: true, value: null });
    const on = fromHoursForm({ ...f, alwaysOpen: false });
    expect(on.ok && on.value?.timezone).toBe('Europe/Rome');
    expect(on.ok && on.value?.weekly.mon).toEqual([['09:00', '18:00']]);
    expect(on.ok && on.value?.weekly.sun).toEqual([]);
  });

  it('sorts ranges and holidays, drops duplicate and blank holidays', () => {
    const f: HoursForm = {
      ...toHoursForm(hours, 'UTC'),
      weekly: { ...defaultWeekly(), mon: [{ from: '14:00', to: '18:00' }, { from: '08:00', to: '12:00' }] },
      holidays: ['2026-12-25', '2026-01-01', '2026-12-25', ' '],
    };
    const r = fromHoursForm(f);
    expect(r.ok && r.value?.weekly.mon).toEqual([
      ['08:00', '12:00'],
      ['14:00', '18:00'],
    ]);
    expect(r.ok && r.value?.holidays).toEqual(['2026-01-01', '2026-12-25']);
  });

  it('reports an unknown time zone, bad times, reversed and overlapping ranges, bad holidays', () => {
    const base = toHoursForm(hours, 'UTC');
    const r = fromHoursForm({
      ...base,
      timezone: 'Mars/Olympus',
      weekly: {
        ...base.weekly,
        mon: [{ from: '9', to: '12:00' }],
        tue: [{ from: '18:00', to: '09:00' }],
        wed: [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '15:00' }],
      },
      holidays: ['25/12/2026'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { code: 'timezone' },
        { code: 'time', day: 'mon', index: 0 },
        { code: 'order', day: 'tue', index: 0 },
        { code: 'overlap', day: 'wed', index: 1 },
        { code: 'holiday', index: 0 },
      ]),
    );
  });

  it('touching ranges do not overlap; more than 6 a day do not pass', () => {
    const base = toHoursForm(hours, 'UTC');
    expect(fromHoursForm({ ...base, weekly: { ...base.weekly, mon: [{ from: '09:00', to: '12:00' }, { from: '12:00', to: '15:00' }] } }).ok).toBe(true);
    const seven = Array.from({ length: 7 }, (_, i) => ({ from: `0${i}:00`, to: `0${i}:30` }));
    const r = fromHoursForm({ ...base, weekly: { ...base.weekly, sat: seven } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toContainEqual({ code: 'tooMany', day: 'sat' });
  });

  it('a department cannot be "always open" through the form', () => {
    const f = { ...toHoursForm(hours, 'UTC'), alwaysOpen: true };
    const r = fromHoursForm(f, { allowAlwaysOpen: false });
    expect(r.ok && r.value).toEqual(hours);
  });

  it('proposes the next range after the last one', () => {
    expect(nextRange([])).toEqual({ from: '09:00', to: '18:00' });
    expect(nextRange([{ from: '09:00', to: '13:00' }])).toEqual({ from: '13:00', to: '17:00' });
    expect(nextRange([{ from: '09:00', to: '21:30' }])).toEqual({ from: '21:30', to: '00:00' });
    expect(nextRange([{ from: '09:00', to: '00:00' }])).toEqual({ from: '09:00', to: '18:00' });
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Nowhere/Town')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('minutes fields', () => {
  it('shows seconds as minutes', () => {
    expect(secondsToMinutes(300)).toBe('5');
    expect(secondsToMinutes(90)).toBe('1.5');
    expect(secondsToMinutes(100)).toBe('1.67');
    expect(secondsToMinutes(0)).toBe('0');
  });
  it('reads minutes back as whole seconds within bounds', () => {
    expect(minutesToSeconds('5', 10, 600)).toBe(300);
    expect(minutesToSeconds('1,5', 10, 600)).toBe(90);
    expect(minutesToSeconds('1.67', 10, 600)).toBe(100);
    expect(minutesToSeconds(' 2 ', 10, 600)).toBe(120);
    expect(minutesToSeconds('0.1', 10, 600)).toBeNull(); // 6 s < 10 s
    expect(minutesToSeconds('11', 10, 600)).toBeNull();
    expect(minutesToSeconds('', 0, 600)).toBeNull();
    expect(minutesToSeconds('-1', 0, 600)).toBeNull();
    expect(minutesToSeconds('abc', 0, 600)).toBeNull();
    expect(minutesToSeconds('0', 0, 600)).toBe(0);
  });
});

describe('site settings form', () => {
  it('round-trips SiteSettings', () => {
    const f = toSettingsForm(settings, 'UTC');
    expect(f.slaMinutes).toBe('1.5');
    expect(f.offerMinutes).toBe('10');
    expect(fromSettingsForm(f)).toEqual({ ok: true, value: settings });
  });

  it('always open saves businessHours null', () => {
    const f = toSettingsForm(settings, 'UTC');
    const r = fromSettingsForm({ ...f, hours: { ...f.hours, alwaysOpen: true } });
    expect(r.ok && r.value.businessHours).toBeNull();
  });

  it('edits come through', () => {
    const f = toSettingsForm({ ...settings, businessHours: null }, 'Europe/Rome');
    const r = fromSettingsForm({
      ...f,
      routingMode: 'auto',
      preChat: { ...f.preChat, department: 'required' },
      hours: { ...f.hours, alwaysOpen: false, holidays: ['2026-08-15'] },
      slaMinutes: '3',
      offerMinutes: '0',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.routingMode).toBe('auto');
    expect(r.value.preChat.department).toBe('required');
    expect(r.value.businessHours?.timezone).toBe('Europe/Rome');
    expect(r.value.businessHours?.holidays).toEqual(['2026-08-15']);
    expect(r.value.slaFirstResponseSec).toBe(180);
    expect(r.value.offerAlternativesAfterSec).toBe(0);
  });

  it('rejects out-of-range minutes', () => {
    const f = toSettingsForm(settings, 'UTC');
    const r = fromSettingsForm({ ...f, slaMinutes: '0', offerMinutes: '2000' });
    expect(!r.ok && r.errors).toEqual([{ code: 'sla' }, { code: 'offer' }]);
  });
});

describe('department form', () => {
  const site = { timezone: 'Europe/Rome', slaFirstResponseSec: 300 };
  const dep = { name: 'Sales', nameIt: null, urgency: 5, agentIds: ['a1'], businessHours: null, slaFirstResponseSec: null };

  it('the Italian name is optional: blank means the name, and it is trimmed', () => {
    const f = toDepartmentForm(dep, site);
    expect(f.nameIt).toBe('');
    const r = fromDepartmentForm({ ...f, nameIt: '  Vendite ' });
    expect(r.ok && r.value.nameIt).toBe('Vendite');
    expect(fromDepartmentForm({ ...f, nameIt: 'x'.repeat(81) }).ok).toBe(false);
  });

  it('null hours and SLA mean "the site’s" and stay null', () => {
    const f = toDepartmentForm(dep, site);
    expect(f.ownHours).toBe(false);
    expect(f.slaOverride).toBe(false);
    expect(f.slaMinutes).toBe('5');
    expect(f.hours.timezone).toBe('Europe/Rome');
    expect(fromDepartmentForm(f)).toEqual({ ok: true, value: dep });
  });

  it('overrides come through', () => {
    const f = toDepartmentForm(dep, site);
    const r = fromDepartmentForm({ ...f, name: '  Technical help ', urgency: '20', agentIds: ['a1', 'a2', 'a1'], ownHours: true, slaOverride: true, slaMinutes: '2' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Technical help');
    expect(r.value.urgency).toBe(20);
    expect(r.value.agentIds).toEqual(['a1', 'a2']);
    expect(r.value.businessHours?.weekly.mon).toEqual([['09:00', '18:00']]);
    expect(r.value.slaFirstResponseSec).toBe(120);
    expect(fromDepartmentForm(toDepartmentForm(r.value, site))).toEqual(r);
  });

  it('validates name and urgency', () => {
    const f = toDepartmentForm(dep, site);
    const r = fromDepartmentForm({ ...f, name: ' ', urgency: '101' });
    expect(!r.ok && r.errors).toEqual([{ code: 'name' }, { code: 'urgency' }]);
    expect(fromDepartmentForm({ ...f, urgency: '2.5' }).ok).toBe(false);
  });
});
