/** Test harness: a real server on port 0 with a real SQLite file, and real WebSocket clients. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, type SocketLike } from '@parla/client';
import type { ServerFrame, ServerToAgent, ServerToVisitor, StreamItem, VisitorToServer, AgentToServer } from '@parla/protocol';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import { buildApp, listenOptions, type BuildOptions } from '../src/app.ts';
import { makeConfig } from '../src/config.ts';
import { csrfToken } from '../src/modules/security/csrf.ts';

export const SHOP_ORIGIN = 'http://shop.test';
export const SITE = 'shop';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  wsUrl: string;
  dir: string;
  clock: { now: number; advance(ms: number): void };
  close(): Promise<void>;
  addAgent(email: string, name: string, password?: string, maxChats?: number): Promise<string>;
  login(email: string, password?: string): Promise<string>;
}

export async function startServer(opts: { fakeClock?: boolean; env?: Record<string, string>; build?: BuildOptions } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parla-test-'));
  const clock = {
    now: Date.UTC(2026, 10, 23, 9, 0, 0),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const config = makeConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', AGENT_OFFLINE_GRACE_MS: '50', SITE_ORIGINS: `${SITE}=${SHOP_ORIGIN}`, SLA_SWEEP_MS: '600000', ...opts.env });
  const app = await buildApp(config, { ...opts.build, ...(opts.fakeClock ? { now: () => clock.now } : {}) });
  await app.listen(listenOptions(config, 0));
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    dir,
    clock,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async addAgent(email, name, password = 'correct horse battery', maxChats = 5) {
      const a = await app.parla.agents.create({ email, name, password, maxChats });
      return a.id;
    },
    async login(email, password = 'correct horse battery') {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      const cookie = res.headers.get('set-cookie') ?? '';
      return cookie.split(';')[0]!;
    },
  };
}

/**
 * The headers of a state-changing request made with a session, as the console sends them: the
 * cookie (`parla_session=...`, what `login` returns) and the session's CSRF token.
 */
export function withCsrf(cookie: string): { cookie: string; 'x-parla-csrf': string } {
  return { cookie, 'x-parla-csrf': csrfToken(decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1))) };
}

/**
 * A fresh server for each test of the calling file, and the clients it opened closed after it.
 * Use `ctx.s` inside tests and `ctx.track(client)` for clients.
 */
export function useServer(opts: { fakeClock?: boolean; env?: Record<string, string>; build?: BuildOptions } = {}) {
  const ctx = {
    s: undefined as unknown as TestServer,
    closers: [] as { close(): void }[],
    track<T extends { close(): void }>(c: T): T {
      ctx.closers.push(c);
      return c;
    },
  };
  beforeEach(async () => {
    ctx.s = await startServer(opts);
  });
  afterEach(async () => {
    for (const c of ctx.closers.splice(0)) c.close();
    await ctx.s.close();
  });
  return ctx;
}

/** Logs an agent in and waits for the console socket's welcome. */
export async function onlineAgent(ctx: { s: TestServer; track<T extends { close(): void }>(c: T): T }, email: string) {
  const a = ctx.track(agent(ctx.s, await ctx.s.login(email)));
  await a.frame('welcome');
  return a;
}

/** A recording client around the real Session. */
export class TestClient<Out extends { type: string }, In extends ServerFrame = ServerFrame> {
  readonly frames: In[] = [];
  readonly items: { conversationId: string; item: StreamItem }[] = [];
  readonly session: Session<Out>;
  private waiters: (() => void)[] = [];

  constructor(url: string, hello: () => Out, headers: Record<string, string>, opts: { pingMs?: number } = {}) {
    this.session = new Session<Out>({
      url,
      hello,
      minDelayMs: 20,
      maxDelayMs: 100,
      ...opts,
      createSocket: (u) => new WebSocket(u, { headers }) as unknown as SocketLike,
    });
    this.session.on('frame', (f) => {
      this.frames.push(f as In);
      this.wake();
    });
    this.session.on('item', (conversationId, item) => {
      this.items.push({ conversationId, item });
      this.wake();
    });
    this.session.connect();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  /** Resolves with the first recorded value for which `pick` returns something. */
  async waitFor<T>(pick: () => T | undefined | null | false, what = 'condition', timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = pick();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames.slice(-8))}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  frame<T extends In['type']>(type: T, pred: (f: Extract<In, { type: T }>) => boolean = () => true) {
    return this.waitFor(
      () => this.frames.find((f): f is Extract<In, { type: T }> => f.type === type && pred(f as Extract<In, { type: T }>)),
      `frame ${type}`,
    );
  }

  messages(): string[] {
    return this.items.flatMap(({ item }) => (item.kind === 'message' ? [item.body] : []));
  }

  close(): void {
    this.session.close();
  }
}

/** A visitor client; like the widget, it keeps the token the server issued and sends it on every reconnect. */
export function visitor(s: TestServer, opts: { token?: string; origin?: string; site?: string; page?: { url: string; title: string } } = {}) {
  let token = opts.token;
  const c = new TestClient<VisitorToServer, ServerToVisitor>(
    `${s.wsUrl}/ws/visitor?site=${opts.site ?? SITE}`,
    () => ({ type: 'hello', protocol: 1, ...(token ? { visitorToken: token } : {}), page: opts.page ?? { url: `${SHOP_ORIGIN}/`, title: 'Home' } }),
    { origin: opts.origin ?? SHOP_ORIGIN },
  );
  c.session.on('frame', (f) => {
    if (f.type === 'welcome' && 'visitorToken' in f && f.visitorToken) token = f.visitorToken;
  });
  return c;
}

export function agent(s: TestServer, cookie: string) {
  return new TestClient<AgentToServer, ServerToAgent>(`${s.wsUrl}/ws/agent`, () => ({ type: 'hello', protocol: 1 }), { origin: s.url, cookie });
}

/** Opens a raw ws (no Session) and resolves with the handshake outcome. */
export function rawHandshake(url: string, headers: Record<string, string>): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: 0 }));
  });
}

/** A raw ws that records parsed frames; for bad-input tests. */
export async function rawVisitor(s: TestServer): Promise<{ ws: WebSocket; frames: ServerFrame[]; next(type?: string): Promise<ServerFrame> }> {
  const r = await rawHandshake(`${s.wsUrl}/ws/visitor?site=${SITE}`, { origin: SHOP_ORIGIN });
  if (!r.ws) throw new Error(`handshake failed: ${r.status}`);
  const ws = r.ws;
  const frames: ServerFrame[] = [];
  let cursor = 0;
  let wake: (() => void) | null = null;
  ws.on('message', (d) => {
    frames.push(JSON.parse(d.toString()) as ServerFrame);
    wake?.();
  });
  return {
    ws,
    frames,
    async next(type) {
      const deadline = Date.now() + 5000;
      for (;;) {
        while (cursor < frames.length) {
          const f = frames[cursor++]!;
          if (!type || f.type === type) return f;
        }
        if (Date.now() > deadline) throw new Error(`no ${type ?? 'frame'}; got ${JSON.stringify(frames)}`);
        await new Promise<void>((res) => {
          wake = res;
          setTimeout(res, 100);
        });
      }
    },
  };
}
