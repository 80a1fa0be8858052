import { describe, expect, it } from 'vitest';
import { providerDictionaries } from '../src/i18n-provider.ts';

describe('the AI provider settings strings', () => {
  it('exist in English and Italian, each translated', () => {
    const { en, it: itDict } = providerDictionaries;
    expect(Object.keys(itDict).sort()).toEqual(Object.keys(en).sort());
    expect(en.title).toBe('AI provider');
    expect(itDict.title).toBe('Fornitore di IA');
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const a = en[key];
      const b = itDict[key];
      if (typeof a === 'string') expect(b, key).not.toBe(a);
    }
    expect(en.testOk('embeddings', 120)).toBe('Connected: the embeddings call answered in 120 ms.');
    expect(itDict.testOk('chat', 80)).toBe('Connesso: la chiamata di chat ha risposto in 80 ms.');
  });
});
