/**
 * The real server (apps/server/src/server.ts under tsx, or the compiled dist/server.js exactly as
 * the product starts) as a child process on loopback with a temporary DATA_DIR, plus what the load benchmarks need around it: agents created beforehand
 * through the server's own services, logins, and the event-loop probe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { freePort, nowMs, sleep } from './util.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_DIR = join(REPO, 'apps/server');
export const BENCH_SITE = 'bench';
export const BENCH_ORIGIN = 'http://bench.test';
export const AGENT_PASSWORD = 'bench-password-2026';
export const agentEmail = (i: number) => `agent${i}@bench.test`;

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Creates `count` agents (with capacity `maxChats`) in DATA_DIR through the server's own services, then closes. */
export async function prepareAgents(dataDir: string, count: number, maxChats: number): Promise<void> {
  const { buildApp } = await import('@parla/server/app');
  const { makeConfig } = await import('@parla/server/config');
  const app = await buildApp(makeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_ORIGINS: `${BENCH_SITE}=${BENCH_ORIGIN}` }));
  for (let i = 0; i < count; i++) await app.parla.agents.create({ email: agentEmail(i), name: `Agent ${i}`, password: AGENT_PASSWORD, maxChats });
  await app.close();
}

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** SIGTERM (graceful) and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit. */
  kill(): Promise<void>;
}

/**
 * The server's abuse limits (token buckets per visitor, per IP address and per site; the sockets'
 * frame and byte budgets; sockets per address) are off in the load benchmarks: every simulated
 * visitor comes from 127.0.0.1, and the issue's load (1 message/s per conversation, thousands per
 * site) is above the per-visitor and per-site defaults. (bench:flood keeps the defaults.)
 */
export const LIMITS_OFF: Record<string, string> = {
  ...Object.fromEntries(
    ['MESSAGES_VISITOR', 'MESSAGES_IP', 'MESSAGES_SITE', 'CONVERSATIONS_VISITOR', 'CONVERSATIONS_IP', 'CONVERSATIONS_SITE', 'VISITORS_IP', 'FRAMES_VISITOR', 'LOGIN_IP', 'LOGIN_EMAIL', 'API_IP'].map((k) => [
      `RATE_${k}`,
      'off',
    ]),
  ),
  ...Object.fromEntries(['WS_FRAMES_VISITOR', 'WS_BYTES_VISITOR', 'WS_FRAMES_AGENT', 'WS_BYTES_AGENT', 'WS_CONNECTIONS_PER_IP', 'WS_CONNECTIONS_PER_AGENT'].map((k) => [k, 'off'])),
};

/** The newest modification time (ms) of the files under `dir` (node_modules and dist left out). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The compiled server of `serverDir` (`dist/server.js`, made by `pnpm build`): an error saying
 * so when it is missing, a warning when a source file of the server or of a package it bundles is
 * newer (the figures would be those of older code).
 */
export function distServer(serverDir = SERVER_DIR): string {
  const file = join(serverDir, 'dist/server.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx pnpm@10 build\` first (this benchmark starts the server from its compiled JavaScript, as the product does)`);
  const built = statSync(file).mtimeMs;
  const repo = resolve(serverDir, '../..');
  const sources = [join(serverDir, 'src'), ...['protocol', 'db'].map((p) => join(repo, 'packages', p, 'src'))].filter(existsSync);
  if (sources.some((d) => newestMtime(d) > built)) console.warn(`warning: ${file} is older than the server's sources; run \`npx pnpm@10 build\` to measure this code`);
  return file;
}

/**
 * Starts the server with the given environment (abuse limits off unless `limits: 'default'`) and
 * waits for /healthz: `src/server.ts` under tsx, or with `from: 'dist'` the compiled
 * `dist/server.js` with plain node, as `pnpm start` and the production image run it.
 */
export async function startServer(env: Record<string, string>, port?: number, opts: { limits?: 'off' | 'default'; serverDir?: string; from?: 'src' | 'dist' } = {}): Promise<RunningServer> {
  port ??= await freePort();
  // SERVER_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to find hot spots.
  const extra = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const serverDir = opts.serverDir ?? SERVER_DIR;
  const entry = opts.from === 'dist' ? [distServer(serverDir)] : ['--import', 'tsx', 'src/server.ts'];
  const child = spawn(process.execPath, [...extra, ...entry], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: String(port), SITE_ORIGINS: `${BENCH_SITE}=${BENCH_ORIGIN}`, ...(opts.limits === 'default' ? {} : LIMITS_OFF), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child);
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

// Generous: a server restarted into a reconnect storm answers /healthz only after the thousands
// of connections queued before it (the listen backlog is FIFO), on a machine shared with others.
export async function waitHealthy(url: string, child?: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy');
    await sleep(20);
  }
}

/**
 * Logs an agent in; returns the session cookie (`name=value`). A 429 because too many passwords
 * are being checked at once (PASSWORD_HASH_QUEUE: many agents logging in together) is retried
 * after its Retry-After.
 */
export async function login(url: string, email: string, password = AGENT_PASSWORD): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status === 429 && attempt < 10 && /password checks/.test(await res.clone().text())) {
      await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000);
      continue;
    }
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
}

/**
 * Event-loop lag seen from outside: a dedicated WebSocket sends a ping control frame every
 * `everyMs`; the server's ws library answers it from the server's JavaScript thread, so the round
 * trip is loopback time plus however long the server's event loop was busy.
 */
export async function lagProbe(wsUrl: string, headers: Record<string, string>, everyMs = 50) {
  const ws = new WebSocket(wsUrl, { headers, perMessageDeflate: false });
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  // A visitor that says hello like any widget (the server closes a socket that stays silent past
  // its hello deadline, WS_HELLO_TIMEOUT_MS, which used to end the probe 10 s in); its welcome is ignored.
  ws.send(JSON.stringify({ type: 'hello', protocol: 3, page: { url: `${headers.origin ?? 'http://bench.test'}/lag-probe`, title: 'probe' } }));
  let samples: number[] = [];
  let sentAt = 0;
  let waiting = false;
  ws.on('pong', () => {
    if (!waiting) return;
    waiting = false;
    samples.push(nowMs() - sentAt);
  });
  const timer = setInterval(() => {
    if (waiting) return; // a pong still outstanding: measured when it comes
    if (ws.readyState !== ws.OPEN) return;
    waiting = true;
    sentAt = nowMs();
    ws.ping();
  }, everyMs);
  return {
    /** The round trips since the last take (ms), and starts a new window. */
    take(): number[] {
      const s = samples;
      samples = [];
      return s;
    },
    close() {
      clearInterval(timer);
      ws.terminate();
    },
  };
}
