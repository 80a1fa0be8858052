import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as C from '../src/constants.ts';
import * as P from '../src/index.ts';
import { Role } from '../src/admin.ts';

describe('@parla/protocol/constants', () => {
  it('imports nothing (no zod), so browser bundles can use it', () => {
    // The code without its comments (the comments may say why there is no zod).
    const source = readFileSync(new URL('../src/constants.ts', import.meta.url), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(source).toMatch(/export const CONVERSATION_STATES/);
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
    expect(source).not.toMatch(/\bfrom\s+['"]/);
    expect(source).not.toMatch(/zod/);
  });

  it('is exported as @parla/protocol/constants', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, string> };
    expect(pkg.exports['./constants']).toBe('./src/constants.ts');
  });

  it('is what the zod schemas accept', () => {
    expect(P.ConversationState.options).toEqual([...C.CONVERSATION_STATES]);
    expect(P.AuthorType.options).toEqual([...C.AUTHOR_TYPES]);
    expect(P.Channel.options).toEqual([...C.CHANNELS]);
    expect(P.Presence.options).toEqual([...C.PRESENCES]);
    expect(P.EventKind.options).toEqual([...C.EVENT_KINDS]);
    expect(P.Lang.options).toEqual([...C.LANGS]);
    expect(P.AutoResolveReason.options).toEqual([...C.AUTO_RESOLVE_REASONS]);
    expect(P.FieldMode.options).toEqual([...C.FIELD_MODES]);
    expect(P.AttachmentMime.options).toEqual([...C.ATTACHMENT_MIMES]);
    expect(Role.options).toEqual([...C.ROLES]);
    expect(P.ConversationState.safeParse('snoozed').success).toBe(false);
  });

  it('the close codes keep their wire values and are re-exported by @parla/protocol', () => {
    expect([C.CLOSE_OVER_BUDGET, C.CLOSE_RATE_LIMITED, C.CLOSE_HELLO_TIMEOUT, C.CLOSE_TOO_SLOW]).toEqual([4008, 4029, 4408, 4013]);
    expect([P.CLOSE_OVER_BUDGET, P.CLOSE_RATE_LIMITED, P.CLOSE_HELLO_TIMEOUT, P.CLOSE_TOO_SLOW]).toEqual([4008, 4029, 4408, 4013]);
  });
});
