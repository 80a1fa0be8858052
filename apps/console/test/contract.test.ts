import { describe, expect, it } from 'vitest';
import { CSRF_HEADER as SERVER_CSRF_HEADER, DEFAULT_ABANDONED_RESOLVE_MIN, FAQ_MAX_ALTERNATIVES, DEFAULT_INACTIVITY_RESOLVE_MIN, MAX_MESSAGE_CHARS as SERVER_MAX, PROTOCOL_VERSION } from '@parla/protocol';
import { WEBHOOK_EVENTS } from '@parla/protocol/api';
import { CSRF_HEADER } from '../src/api.ts';
import * as capacity from '../src/capacity.ts';
import { ALL_EVENTS } from '../src/integrations.ts';
import { FAQ_LIMITS } from '../src/kb.ts';
import { MAX_MESSAGE_CHARS, PROTOCOL } from '../src/store.ts';

// The console copies these values (importing them would bundle zod): they must not drift.
describe('protocol constants copied into the console', () => {
  it('match @parla/protocol', () => {
    expect(PROTOCOL).toBe(PROTOCOL_VERSION);
    expect(MAX_MESSAGE_CHARS).toBe(SERVER_MAX);
    expect(ALL_EVENTS).toEqual(WEBHOOK_EVENTS);
    expect(CSRF_HEADER).toBe(SERVER_CSRF_HEADER);
    expect(FAQ_LIMITS.alternative.count).toBe(FAQ_MAX_ALTERNATIVES);
    expect([capacity.DEFAULT_INACTIVITY_RESOLVE_MIN, capacity.DEFAULT_ABANDONED_RESOLVE_MIN]).toEqual([DEFAULT_INACTIVITY_RESOLVE_MIN, DEFAULT_ABANDONED_RESOLVE_MIN]);
  });
});
