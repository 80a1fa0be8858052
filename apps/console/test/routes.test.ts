import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, viewPath, withQuery, type Route } from '../src/routes.ts';

describe('console routes', () => {
  it('reads every view and a conversation from the path', () => {
    expect(parseRoute('/console/')).toEqual({ view: 'inbox', conversationId: null });
    expect(parseRoute('/console')).toEqual({ view: 'inbox', conversationId: null });
    expect(parseRoute('/console/inbox')).toEqual({ view: 'inbox', conversationId: null });
    expect(parseRoute('/console/c/abc_DEF-123')).toEqual({ view: 'inbox', conversationId: 'abc_DEF-123' });
    expect(parseRoute('/console/queue')).toEqual({ view: 'queue' });
    expect(parseRoute('/console/reports')).toEqual({ view: 'reports' });
    expect(parseRoute('/console/agents/')).toEqual({ view: 'agents' });
    expect(parseRoute('/console/settings')).toEqual({ view: 'settings', section: null });
    expect(parseRoute('/console/settings/hours')).toEqual({ view: 'settings', section: 'hours' });
  });

  it('sends unknown or malformed paths to the inbox', () => {
    expect(parseRoute('/console/nope')).toEqual({ view: 'inbox', conversationId: null });
    expect(parseRoute('/console/c/')).toEqual({ view: 'inbox', conversationId: null });
    expect(parseRoute('/console/c/%3Cscript%3E')).toEqual({ view: 'inbox', conversationId: null });
    expect(parseRoute('/console/c/%E0%A4%A')).toEqual({ view: 'inbox', conversationId: null });
    expect(parseRoute('/console/settings/a b')).toEqual({ view: 'settings', section: null });
  });

  it('writes paths that read back to the same route', () => {
    const routes: Route[] = [
      { view: 'inbox', conversationId: null },
      { view: 'inbox', conversationId: 'x1' },
      { view: 'settings', section: null },
      { view: 'settings', section: 'email' },
      { view: 'queue' },
      { view: 'kb' },
      { view: 'sites' },
    ];
    for (const r of routes) expect(parseRoute(routePath(r))).toEqual(r);
    expect(viewPath('inbox')).toBe('/console/inbox');
    expect(viewPath('settings')).toBe('/console/settings');
  });

  it('adds a query in a stable order without empty values', () => {
    expect(withQuery('/console/reports', { to: '2026-12-07', from: '2026-12-01', tz: 'Europe/Rome', site: '' })).toBe('/console/reports?from=2026-12-01&to=2026-12-07&tz=Europe%2FRome');
    expect(withQuery('/console/reports', {})).toBe('/console/reports');
  });
});

describe('the frame strings', () => {
  it('has every English string in Italian too', async () => {
    const { shellDictionaries } = await import('../src/i18n-shell.ts');
    expect(Object.keys(shellDictionaries.it).sort()).toEqual(Object.keys(shellDictionaries.en).sort());
    for (const [k, v] of Object.entries(shellDictionaries.it)) expect(typeof v === 'function' ? v('Europe/Rome') : v, k).not.toBe('');
  });
});
