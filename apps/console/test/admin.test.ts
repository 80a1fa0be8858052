import type { AgentStatus, Department } from '@parla/protocol';
import { Origin, PASSWORD_MIN as SERVER_PASSWORD_MIN, NewPassword, TokenBody } from '@parla/protocol/admin';
import { describe, expect, it } from 'vitest';
import {
  departmentsBySite,
  normalizeOrigin,
  parseCapacity,
  parseOrigins,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  readLinkFragment,
  splitAgents,
  takeLinkFragment,
} from '../src/admin.ts';
import { adminDictionaries } from '../src/i18n-admin.ts';
import { dictionaries } from '../src/i18n.ts';
import { twoFactorDictionaries } from '../src/i18n-2fa.ts';
import { agent } from './fixtures.ts';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab';

describe('invitation and reset links in the fragment', () => {
  it('reads #invite= and #reset= with a token of the server’s shape', () => {
    expect(readLinkFragment(`#invite=${TOKEN}`)).toEqual({ kind: 'invite', token: TOKEN });
    expect(readLinkFragment(`#reset=${TOKEN}`)).toEqual({ kind: 'reset', token: TOKEN });
    expect(readLinkFragment(`invite=${TOKEN}`)).toEqual({ kind: 'invite', token: TOKEN });
  });

  it('names a link whose token cannot be one (cut while copying, or tampered with) with a null token', () => {
    expect(readLinkFragment('#invite=')).toEqual({ kind: 'invite', token: null });
    expect(readLinkFragment('#invite=short')).toEqual({ kind: 'invite', token: null });
    expect(readLinkFragment(`#reset=${TOKEN}<script>`)).toEqual({ kind: 'reset', token: null });
    expect(readLinkFragment('#reset=%E0%A4%A')).toEqual({ kind: 'reset', token: null }); // bad percent-encoding
    expect(readLinkFragment(`#invite=${'a'.repeat(129)}`)).toEqual({ kind: 'invite', token: null });
  });

  it('ignores every other fragment', () => {
    for (const h of ['', '#', '#inbox', '#invitation=abc', `#xinvite=${TOKEN}`, `#INVITE=${TOKEN}`]) expect(readLinkFragment(h)).toBeNull();
  });

  it('accepts exactly the tokens the server’s TokenBody accepts', () => {
    for (const token of [TOKEN, 'a'.repeat(20), 'a'.repeat(19), 'a'.repeat(128), 'a'.repeat(129), `${TOKEN}!`, `${TOKEN} x`]) {
      const ours = readLinkFragment(`#invite=${token}`)!.token !== null;
      expect(ours, token).toBe(TokenBody.safeParse({ token }).success);
    }
  });

  it('takes the token out of the address bar at once, keeping path and query', () => {
    const calls: unknown[][] = [];
    const hist = { state: { keep: 1 }, replaceState: (...a: unknown[]) => void calls.push(a) };
    const link = takeLinkFragment({ hash: `#invite=${TOKEN}`, pathname: '/console/', search: '?x=1' }, hist);
    expect(link).toEqual({ kind: 'invite', token: TOKEN });
    expect(calls).toEqual([[{ keep: 1 }, '', '/console/?x=1']]);
    // No link: the URL is left alone.
    expect(takeLinkFragment({ hash: '#other', pathname: '/console/', search: '' }, hist)).toBeNull();
    expect(calls).toHaveLength(1);
  });
});

describe('new passwords', () => {
  it('copies the server’s limits', () => {
    expect(PASSWORD_MIN).toBe(SERVER_PASSWORD_MIN);
    expect(NewPassword.safeParse('x'.repeat(PASSWORD_MAX)).success).toBe(true);
    expect(NewPassword.safeParse('x'.repeat(PASSWORD_MAX + 1)).success).toBe(false);
  });

  it('checks length, then that both fields match', () => {
    expect(passwordProblem('short', 'short')).toBe('short');
    expect(passwordProblem('x'.repeat(PASSWORD_MIN - 1), 'x'.repeat(PASSWORD_MIN - 1))).toBe('short');
    expect(passwordProblem('x'.repeat(PASSWORD_MAX + 1), 'x'.repeat(PASSWORD_MAX + 1))).toBe('long');
    expect(passwordProblem('correct horse', 'correct hors')).toBe('mismatch');
    expect(passwordProblem('correct horse', 'correct horse')).toBeNull();
    expect(passwordProblem('x'.repeat(PASSWORD_MIN), 'x'.repeat(PASSWORD_MIN))).toBeNull();
  });
});

describe('allowed origins', () => {
  const corpus = [
    'https://shop.example.com',
    'https://Shop.Example.com/',
    'http://localhost:3001',
    'http://127.0.0.1:8080',
    'https://shop.example.com:443',
    'http://[::1]:3000',
    '  https://padded.example.com  ',
    'https://xn--caf-dma.example',
    'https://café.example',
    'shop.example.com',
    'ftp://shop.example.com',
    'javascript:alert(1)',
    'https://shop.example.com/path',
    'https://shop.example.com/?q=1',
    'https://shop.example.com/#x',
    'https://shop.example.com?',
    'https://user:pw@shop.example.com',
    'https://shop.example.com.',
    'https://',
    'not a url',
    '',
  ];

  it('agrees with the server’s Origin schema on every case, normalization included', () => {
    for (const input of corpus) {
      const ours = normalizeOrigin(input);
      const theirs = Origin.safeParse(input);
      expect(ours.ok, input).toBe(theirs.success);
      if (ours.ok && theirs.success) expect(ours.origin, input).toBe(theirs.data);
    }
  });

  it('says what is wrong', () => {
    expect(normalizeOrigin('shop.example.com')).toEqual({ ok: false, problem: 'format' });
    expect(normalizeOrigin('ftp://shop.example.com')).toEqual({ ok: false, problem: 'scheme' });
    expect(normalizeOrigin('https://a:b@shop.example.com')).toEqual({ ok: false, problem: 'userinfo' });
    expect(normalizeOrigin('https://shop.example.com/shop')).toEqual({ ok: false, problem: 'path' });
    expect(normalizeOrigin('https://shop.example.com.')).toEqual({ ok: false, problem: 'host' });
    expect(normalizeOrigin('HTTPS://Shop.Example.COM:443/')).toEqual({ ok: true, origin: 'https://shop.example.com' });
  });

  it('reads the textarea: one per line (or separated by commas and spaces), blank lines skipped, duplicates once, bad lines reported', () => {
    const r = parseOrigins('https://shop.example.com\n\n  https://SHOP.example.com/ \r\nhttp://localhost:3001, http://127.0.0.1:3001\nshop.example.com\nhttps://x.test/path');
    expect(r.origins).toEqual(['https://shop.example.com', 'http://localhost:3001', 'http://127.0.0.1:3001']);
    expect(r.errors).toEqual([
      { line: 5, value: 'shop.example.com', problem: 'format' },
      { line: 6, value: 'https://x.test/path', problem: 'path' },
    ]);
    expect(parseOrigins('   \n\n')).toEqual({ origins: [], errors: [] });
  });
});

describe('the team', () => {
  it('lists the team (online, away, offline; by name) and the deactivated apart', () => {
    const list: AgentStatus[] = [
      agent({ id: 'z', name: 'Zoe', presence: 'offline' }),
      agent({ id: 'd', name: 'Dora', presence: 'offline', status: 'deactivated' }),
      agent({ id: 'b', name: 'Bea', presence: 'away' }),
      agent({ id: 'i', name: 'Ivo', presence: 'offline', status: 'invited' }),
      agent({ id: 'a', name: 'Anna', presence: 'online' }),
      agent({ id: 'c', name: 'Carl', presence: 'offline', status: 'deactivated' }),
    ];
    const r = splitAgents(list);
    expect(r.team.map((a) => a.id)).toEqual(['a', 'b', 'i', 'z']);
    expect(r.deactivated.map((a) => a.id)).toEqual(['c', 'd']);
  });

  it('groups departments under their site, in the sites’ order, skipping sites without any', () => {
    const dep = (id: string, siteId: string) => ({ id, siteId, name: id }) as Department;
    const groups = departmentsBySite(
      [
        { id: 's1', name: 'Shop one' },
        { id: 's2', name: 'Shop two' },
        { id: 's3', name: 'Empty' },
      ],
      [dep('d1', 's2'), dep('d2', 's1'), dep('d3', 's2'), dep('d4', 'gone')],
    );
    expect(groups.map((g) => [g.site.name, g.departments.map((d) => d.id)])).toEqual([
      ['Shop one', ['d2']],
      ['Shop two', ['d1', 'd3']],
      ['gone', ['d4']],
    ]);
  });

  it('reads the capacity field as the server’s MaxChats', () => {
    expect(parseCapacity('5')).toBe(5);
    expect(parseCapacity(' 50 ')).toBe(50);
    for (const bad of ['0', '51', '2.5', '-1', '', 'five', '1e1']) expect(parseCapacity(bad), bad).toBeNull();
  });
});

describe('strings', () => {
  const shape = (v: unknown): unknown =>
    typeof v === 'function' ? `fn${v.length}` : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape((v as Record<string, unknown>)[k])])) : typeof v;

  it('every admin string exists in English and Italian', () => {
    expect(shape(adminDictionaries.it)).toEqual(shape(adminDictionaries.en));
  });

  it('every two-factor string exists in English and Italian, and the error codes the server sends are named', () => {
    expect(shape(twoFactorDictionaries.it)).toEqual(shape(twoFactorDictionaries.en));
    for (const code of ['invalid_totp', 'totp_on', 'totp_not_pending', 'wrong_password']) {
      expect(twoFactorDictionaries.en.errors[code], code).toBeTruthy();
      expect(twoFactorDictionaries.it.errors[code], code).toBeTruthy();
    }
    expect(twoFactorDictionaries.it.account.on(1)).toBe('Attivo. 1 codice di recupero rimasto.');
    expect(twoFactorDictionaries.it.account.on(9)).toBe('Attivo. 9 codici di recupero rimasti.');
    expect(twoFactorDictionaries.en.account.on(1)).toBe('On. 1 recovery code left.');
  });

  it('the console’s new header, login and no-site strings too', () => {
    for (const k of ['header', 'login', 'sites'] as const) expect(shape(dictionaries.it[k]), k).toEqual(shape(dictionaries.en[k]));
    expect(Object.keys(dictionaries.it.errors)).toContain('account_deactivated');
    expect(Object.keys(dictionaries.en.errors)).toContain('account_deactivated');
  });
});
