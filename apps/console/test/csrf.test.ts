/**
 * The console's CSRF token over its lifetime: taken from the session answers (me, login), sent in
 * X-Parla-CSRF on every state-changing call (JSON and the multipart upload) and never on GET,
 * fetched again once when the server says it is not the session's (then the call is retried),
 * forgotten at logout. fetch is a stub that records what the console sends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Sent {
  method: string;
  path: string;
  csrf: string | null;
  contentType: string | null;
}

const agent = { id: 'a1', name: 'Ada', email: 'ada@shop.test', role: 'admin', presence: 'offline', maxChats: 5 };
let sent: Sent[];
/** The server's current token (what /api/auth/me answers); state-changing calls must carry it. */
let serverToken: string;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  sent = [];
  serverToken = 'token-1';
  vi.resetModules();
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    const h = new Headers(init.headers);
    const method = init.method ?? 'GET';
    sent.push({ method, path, csrf: h.get('x-parla-csrf'), contentType: h.get('content-type') });
    if (path === '/api/auth/me' || path === '/api/auth/login') return json(200, { agent, csrfToken: serverToken });
    if (method !== 'GET' && h.get('x-parla-csrf') !== serverToken) return json(403, { error: 'csrf_token_invalid', message: 'no' });
    if (path === '/api/auth/logout') return new Response(null, { status: 204 });
    if (path.startsWith('/api/attachments')) return json(201, { id: 'f1', name: 'a.png', mime: 'image/png', size: 3 });
    return json(200, { ok: true });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('the CSRF token in the console', () => {
  it('comes with /api/auth/me and goes on every state-changing call, JSON or multipart, never on GET', async () => {
    const { api } = await import('../src/api.ts');
    const { uploadAttachment } = await import('../src/files.ts');
    await api.me();
    await api.sites();
    await api.rotateSiteSecret('shop');
    await api.updateAgent('a1', { maxChats: 3 });
    await uploadAttachment('c1', new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' }));
    expect(sent.map((s) => [s.method, s.path.split('?')[0], s.csrf])).toEqual([
      ['GET', '/api/auth/me', null],
      ['GET', '/api/sites', null],
      ['POST', '/api/sites/shop/secret/rotate', 'token-1'],
      ['PATCH', '/api/agents/a1', 'token-1'],
      ['POST', '/api/attachments', 'token-1'],
    ]);
    // The upload lets the browser write the multipart boundary itself.
    expect(sent.at(-1)!.contentType).toBeNull();
  });

  it('is fetched again once when the server refuses it (a new session in another tab), and the call retried', async () => {
    const { api } = await import('../src/api.ts');
    await api.login({ email: 'ada@shop.test', password: 'pw' });
    serverToken = 'token-2';
    await api.saveSettings('shop', {} as never);
    expect(sent.map((s) => [s.method, s.path, s.csrf])).toEqual([
      ['POST', '/api/auth/login', null],
      ['PUT', '/api/sites/shop/settings', 'token-1'],
      ['GET', '/api/auth/me', null],
      ['PUT', '/api/sites/shop/settings', 'token-2'],
    ]);
  });

  it('is forgotten at logout', async () => {
    const { api } = await import('../src/api.ts');
    await api.me();
    await api.logout();
    sent = [];
    serverToken = 'token-3';
    await api.deleteCanned('c1'); // no token now: refused, the current one fetched, retried
    expect(sent.map((s) => s.csrf)).toEqual([null, null, 'token-3']);
  });
});
