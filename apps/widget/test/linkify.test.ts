import { describe, expect, it } from 'vitest';
import { linkify } from '../src/chat/linkify.ts';

const links = (text: string) => linkify(text).filter((p) => typeof p !== 'string');

describe('linkify', () => {
  it('turns http, https and mailto URLs into links and keeps the rest as text', () => {
    expect(linkify('see https://example.com/a?b=1#c, or http://x.it.')).toEqual([
      'see ',
      { href: 'https://example.com/a?b=1#c', text: 'https://example.com/a?b=1#c' },
      ', or ',
      { href: 'http://x.it/', text: 'http://x.it' },
      '.',
    ]);
    expect(linkify('write to mailto:help@shop.it please')).toEqual(['write to ', { href: 'mailto:help@shop.it', text: 'mailto:help@shop.it' }, ' please']);
  });

  it('never links javascript:, data: or other schemes', () => {
    expect(links('javascript:alert(1)')).toEqual([]);
    expect(links('JavaScript:alert(document.cookie) data:text/html,<b>x</b> ftp://x.it file:///etc/passwd')).toEqual([]);
    // The https URL inside stays a harmless https link; the javascript: part is text.
    for (const p of linkify('javascript://https://example.com/%0aalert(1) mailto:javascript:x')) {
      if (typeof p !== 'string') expect(p.href).toMatch(/^(https:\/\/|mailto:)/);
    }
    expect(linkify('javascript://https://x.it')[0]).toBe('javascript://');
  });

  it('leaves markup as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    expect(linkify(html)).toEqual([html]);
    expect(linkify('<a href="javascript:alert(1)">https://ok.it</a>')).toEqual(['<a href="javascript:alert(1)">', { href: 'https://ok.it/', text: 'https://ok.it' }, '</a>']);
    expect(links('https://x.it/"onmouseover="alert(1)')).toEqual([{ href: 'https://x.it/', text: 'https://x.it/' }]);
  });

  it('keeps plain text and empty text as they are', () => {
    expect(linkify('hello\nworld')).toEqual(['hello\nworld']);
    expect(linkify('')).toEqual([]);
    expect(linkify('http:// nothing')).toEqual(['http:// nothing']);
  });
});
