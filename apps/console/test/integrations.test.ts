import { WEBHOOK_EVENTS } from '@parla/protocol/api';
import { describe, expect, it } from 'vitest';
import { integrationsDictionaries } from '../src/i18n-integrations.ts';
import { ALL_EVENTS, toggleEvent } from '../src/integrations.ts';

describe('webhooks & API settings', () => {
  it('toggles events keeping the canonical order, without duplicates', () => {
    expect(toggleEvent(['csat.submitted'], 'conversation.created', true)).toEqual(['conversation.created', 'csat.submitted']);
    expect(toggleEvent(['conversation.created', 'csat.submitted'], 'conversation.created', true)).toEqual(['conversation.created', 'csat.submitted']);
    expect(toggleEvent(ALL_EVENTS, 'message.created', false)).not.toContain('message.created');
    expect(toggleEvent([], 'message.created', false)).toEqual([]);
  });

  it('has every string in English and Italian, and a label for every event the server sends', () => {
    const { en, it: itDict } = integrationsDictionaries;
    expect(Object.keys(itDict).sort()).toEqual(Object.keys(en).sort());
    for (const d of [en, itDict]) {
      expect(Object.keys(d.event).sort()).toEqual([...WEBHOOK_EVENTS].sort());
      expect(Object.values(d.event).every((s) => s.length > 0)).toBe(true);
    }
    expect(itDict.title).not.toBe(en.title);
    expect(ALL_EVENTS).toEqual(WEBHOOK_EVENTS);
  });
});
