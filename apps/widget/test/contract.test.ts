import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, PROTOCOL_VERSION } from '@parla/protocol';
import { MAX_CHARS, PROTOCOL } from '../src/chat/model.ts';

// The widget copies these values (importing them would bundle zod): they must not drift.
describe('protocol constants copied into the widget', () => {
  it('match @parla/protocol', () => {
    expect(PROTOCOL).toBe(PROTOCOL_VERSION);
    expect(MAX_CHARS).toBe(MAX_MESSAGE_CHARS);
  });
});
