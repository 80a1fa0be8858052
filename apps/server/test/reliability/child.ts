/**
 * The real server as a child process (src/server.ts through tsx, as `pnpm start` runs it) on a
 * fixed loopback port and a temporary DATA_DIR, for tests that kill it (SIGKILL) or stop it
 * (SIGTERM) and start it again on the same port and database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type OpenedDb } from '@parla/db';
import { buildApp } from '../../src/app.ts';
import { ConfigSchema, makeConfig } from '../../src/config.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const SHOP = 'http://shop.test';
export const SITE = 'shop';
export const AGENT = { email: 'ada@shop.test', name: 'Ada', password: 'correct horse battery' };

/**
 * Every abuse limit off (whatever RATE_* settings the server has, and the sockets' frame and byte
 * budgets, WS_FRAMES_* and WS_BYTES_*): these tests are about delivery, and send far faster than a person.
 */
export const RATES_OFF: Record<string, string> = Object.fromEntries(
  Object.keys(ConfigSchema.shape)
    .filter((k) => k.startsWith('RATE_') || /^WS_(FRAMES|BYTES)_/.test(k))
    .map((k) => [k, 'off']),
);

/** A free loopback port (taken from the kernel, then released for the child to listen on). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServerProcess {
  readonly dir = mkdtempSync(join(tmpdir(), 'parla-proc-'));
  private child: ChildProcess | null = null;
  private exited: Promise<Exit> | null = null;
  /** Everything the children wrote to stderr (a crash shows here). */
  stderr = '';
  starts = 0;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }
  get running(): boolean {
    return this.child !== null;
  }

  private config(): Record<string, string> {
    return {
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dir,
      PUBLIC_URL: this.url,
      LOG_LEVEL: 'warn',
      SITE_ORIGINS: `${SITE}=${SHOP}`,
      AGENT_OFFLINE_GRACE_MS: '600000',
      SLA_SWEEP_MS: '600000',
      ...RATES_OFF,
      ...this.env,
    };
  }

  /** Creates the agent in the database before the first start (in-process, then closed). */
  async seed(): Promise<void> {
    const app = await buildApp(makeConfig({ ...this.config(), LOG_LEVEL: 'silent' }));
    await app.parla.agents.create({ ...AGENT, maxChats: 20 });
    await app.close();
  }

  /** Spawns the server; resolves when it exists (not yet listening). */
  spawn(): void {
    if (this.child) throw new Error('already running');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.config() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.starts++;
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.child = child;
    this.exited = new Promise((res) =>
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = null;
        res({ code, signal });
      }),
    );
  }

  /** Spawns the server and waits until /healthz answers. */
  async start(timeoutMs = 20_000): Promise<void> {
    this.spawn();
    await this.ready(timeoutMs);
  }

  async ready(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`the server exited while starting:\n${this.stderr.slice(-2000)}`);
      try {
        const r = await fetch(`${this.url}/healthz`);
        if (r.ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the server did not start in time');
  }

  /** Sends a signal and waits for the process to end. */
  async stop(signal: NodeJS.Signals): Promise<Exit> {
    const child = this.child;
    if (!child || !this.exited) throw new Error('not running');
    child.kill(signal);
    return this.exited;
  }

  /** Logs the seeded agent in and returns the session cookie (sessions are stored: it outlives restarts). */
  async login(): Promise<string> {
    const res = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.url },
      body: JSON.stringify({ email: AGENT.email, password: AGENT.password }),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }

  /** Opens the database file (the server must be stopped, or only read). */
  open(): OpenedDb {
    return openDb(join(this.dir, 'parla.db'));
  }

  async dispose(): Promise<void> {
    if (this.child) await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What the database holds, for the crash and network tests' verdicts. */
export function inspect(db: OpenedDb) {
  const q = db.sqlite;
  const integrity = q.pragma('integrity_check', { simple: true }) as string;
  const convs = q.prepare('SELECT id, last_seq AS lastSeq FROM conversations').all() as { id: string; lastSeq: number }[];
  const seqs = q.prepare('SELECT seq FROM messages WHERE conversation_id = ? UNION ALL SELECT seq FROM conversation_events WHERE conversation_id = ? ORDER BY seq');
  /** Conversations whose seqs are not exactly 1..last_seq. */
  const gaps: string[] = [];
  for (const c of convs) {
    const got = (seqs.all(c.id, c.id) as { seq: number }[]).map((r) => r.seq);
    if (got.length !== c.lastSeq || got.some((s, i) => s !== i + 1)) gaps.push(`${c.id}: ${got.length} items, last_seq ${c.lastSeq}`);
  }
  const byClient = new Map<string, number>();
  for (const r of q.prepare('SELECT client_id AS clientId, COUNT(*) AS n FROM messages WHERE client_id IS NOT NULL GROUP BY author_id, client_id').all() as { clientId: string; n: number }[]) {
    byClient.set(r.clientId, (byClient.get(r.clientId) ?? 0) + r.n);
  }
  const lastSeq = new Map(convs.map((c) => [c.id, c.lastSeq]));
  return { integrity, conversations: convs.length, gaps, byClient, lastSeq, messages: (q.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n };
}
