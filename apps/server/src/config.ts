import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defaultPaths } from './paths.ts';
import { trustProxySchema } from './lib/trust-proxy.ts';

/** A build folder given by the operator: resolved against the working directory, and it must hold `file`. */
const buildDir = (file: string, what: string) =>
  z
    .string()
    .transform((p) => resolve(p))
    .refine((p) => existsSync(join(p, file)), `no ${file} in this folder: it must be a ${what} build (pnpm build)`);

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const origin = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
  } catch {
    return false;
  }
}, 'each origin must look like https://shop.example.com (scheme, host, optional port; no path or trailing slash)');

/** `site=origin origin;site2=origin` -> { site: [origins] } */
const siteOrigins = z.string().transform((s, ctx) => {
  const out: Record<string, string[]> = {};
  for (const part of s.split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const site = part.slice(0, eq).trim();
    if (eq <= 0 || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(site)) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not site=origin[ origin...] with a lower-case site id` });
      return z.NEVER;
    }
    const origins = part.slice(eq + 1).split(/[\s,]+/).filter(Boolean);
    for (const o of origins) {
      const r = origin.safeParse(o);
      if (!r.success) {
        ctx.addIssue({ code: 'custom', message: `"${o}": ${r.error.issues[0]?.message}` });
        return z.NEVER;
      }
    }
    out[site] = origins;
  }
  return out;
});

/** A token bucket: `N/window` (N at once, refilled over the window: `30/1m`, `5/10s`, `100/1h`), or `off`. */
const rate = z.string().transform((s, ctx) => {
  if (s === 'off') return null;
  const m = /^(\d+)\/(\d+)(ms|s|m|h)$/.exec(s.trim());
  const n = m ? Number(m[1]) : 0;
  const ms = m ? Number(m[2]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[3] as 'ms' | 's' | 'm' | 'h'] : 0;
  if (!m || n < 1 || ms < 1) {
    ctx.addIssue({ code: 'custom', message: 'expected N/window such as 30/1m, 5/10s, 100/1h (units ms s m h), or off' });
    return z.NEVER;
  }
  return { capacity: n, windowMs: ms };
});
export type Rate = { capacity: number; windowMs: number } | null;

const UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const UNITS_BYTES = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;
/** A size: bytes, or a number with a unit (`512KiB`, `4MiB`). */
const sizePattern = '(\\d+)(B|KiB|MiB|GiB)?';
const parseSize = (n: string, unit: string | undefined) => Number(n) * UNITS_BYTES[(unit ?? 'B') as keyof typeof UNITS_BYTES];

/** Bytes per window: `SIZE/window` (`2MiB/10s`), or `off`. */
const byteRate = z.string().transform((s, ctx) => {
  if (s === 'off') return null;
  const m = new RegExp(`^${sizePattern}/(\\d+)(ms|s|m|h)$`).exec(s.trim());
  const n = m ? parseSize(m[1]!, m[2]) : 0;
  const ms = m ? Number(m[3]) * UNITS_MS[m[4] as keyof typeof UNITS_MS] : 0;
  if (!m || n < 1 || ms < 1) {
    ctx.addIssue({ code: 'custom', message: 'expected SIZE/window such as 2MiB/10s, 65536/1s (units B KiB MiB GiB; ms s m h), or off' });
    return z.NEVER;
  }
  return { capacity: n, windowMs: ms };
});

/** A size in bytes: `4194304`, `512KiB`, `4MiB`. */
const size = z.string().transform((s, ctx) => {
  const m = new RegExp(`^${sizePattern}$`).exec(s.trim());
  const n = m ? parseSize(m[1]!, m[2]) : 0;
  if (!m || n < 1) {
    ctx.addIssue({ code: 'custom', message: 'expected a size such as 4MiB, 512KiB or 4194304 (bytes)' });
    return z.NEVER;
  }
  return n;
});

/** A count, or `off` (no limit: Infinity). */
const cap = z.string().transform((s, ctx) => {
  if (s === 'off') return Infinity;
  const n = /^\d+$/.test(s.trim()) ? Number(s) : 0;
  if (n < 1) {
    ctx.addIssue({ code: 'custom', message: 'expected a whole number of at least 1, or off' });
    return z.NEVER;
  }
  return n;
});

/** Waits between webhook delivery attempts: `1s,5s,30s` (units ms s m h); the attempt after the last wait is the last. */
const schedule = z.string().transform((s, ctx) => {
  const out: number[] = [];
  for (const part of s.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(ms|s|m|h)$/.exec(part);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not a duration such as 500ms, 5s, 2m, 1h` });
      return z.NEVER;
    }
    out.push(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h']);
  }
  if (out.length === 0 || out.length > 30) {
    ctx.addIssue({ code: 'custom', message: 'between 1 and 30 waits' });
    return z.NEVER;
  }
  return out;
});

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Reverse proxies whose X-Forwarded-For names the client: false, a hop count, or addresses/networks (lib/trust-proxy.ts). */
  TRUST_PROXY: trustProxySchema.prefault('false'),
  /**
   * Connections the kernel may hold completed but not yet accepted (listen backlog; Linux caps it
   * at net.core.somaxconn). Node's default of 511 overflows when thousands of widgets reconnect at
   * once after a restart: the kernel then drops handshakes, and each dropped one is retried by
   * TCP itself after 1, 2, 4, 8... s, which no client backoff can shorten.
   */
  LISTEN_BACKLOG: z.coerce.number().int().min(1).max(65535).default(4096),
  DATA_DIR: z.string().min(1).default(defaultPaths.data),
  /** The widget and console builds the server serves (defaults: paths.ts). */
  WIDGET_DIR: buildDir('widget.js', 'widget').default(defaultPaths.widget),
  CONSOLE_DIR: buildDir('index.html', 'console').default(defaultPaths.console),
  PUBLIC_URL: z
    .string()
    .url()
    .refine((s) => /^https?:\/\//.test(s), 'must start with http:// or https://')
    .optional(),
  SITE_ORIGINS: siteOrigins.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  AGENT_OFFLINE_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Every socket is pinged this often; one that has not answered the previous ping is closed. */
  WS_PING_MS: z.coerce.number().int().min(50).max(600_000).default(30_000),
  /**
   * Every frame a socket sends is charged to its connection's budgets before it is parsed: at most
   * N frames and SIZE bytes per window (`N/window`, `SIZE/window`, or `off`). Past either, the
   * socket gets one rate_limited error and is closed with 4008 (the widget and the console then
   * wait before reconnecting). Well above the RATE_* limits, which answer rate_limited and keep the socket.
   */
  WS_FRAMES_VISITOR: rate.prefault('300/10s'),
  WS_BYTES_VISITOR: byteRate.prefault('2MiB/10s'),
  WS_FRAMES_AGENT: rate.prefault('1000/10s'),
  WS_BYTES_AGENT: byteRate.prefault('8MiB/10s'),
  /** A socket that has not sent its hello this long after the upgrade is closed (4408). */
  WS_HELLO_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(10_000),
  /**
   * The slow-reader bound: a socket with more than this waiting to be sent to it (its TCP send
   * buffer and the frames queued behind it) is closed with 4013 (CLOSE_TOO_SLOW) and what waited
   * for it is dropped; the client reconnects and resumes from its last seq.
   */
  WS_SEND_BUFFER_LIMIT_VISITOR: size.prefault('256KiB'),
  WS_SEND_BUFFER_LIMIT_AGENT: size.prefault('1MiB'),
  /** Before WS_SEND_BUFFER_LIMIT_*: one bound for both kinds of socket (each WS_SEND_BUFFER_LIMIT_* set wins). */
  WS_MAX_BUFFERED_BYTES: size.optional(),
  /** Visitor sockets open at once per client address (an IPv6 client by its /64); the next handshake gets 429. */
  WS_CONNECTIONS_PER_IP: cap.prefault('200'),
  /** Console sockets open at once per agent (agents are counted by account, not by address: an office shares one). */
  WS_CONNECTIONS_PER_AGENT: cap.prefault('32'),
  SLA_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** /readyz answers 503 while the event loop's longest delay of the last 1-2 s is above this. */
  READY_MAX_LAG_MS: z.coerce.number().int().min(50).max(600_000).default(1_000),
  /** Abuse limits (token buckets) on what visitors send, per visitor, per IP address and per site. */
  RATE_MESSAGES_VISITOR: rate.prefault('30/1m'),
  RATE_MESSAGES_IP: rate.prefault('300/1m'),
  RATE_MESSAGES_SITE: rate.prefault('6000/1m'),
  RATE_CONVERSATIONS_VISITOR: rate.prefault('5/1h'),
  RATE_CONVERSATIONS_IP: rate.prefault('60/10m'),
  RATE_CONVERSATIONS_SITE: rate.prefault('1000/10m'),
  /** New visitors (a hello without a known token) per IP address. */
  RATE_VISITORS_IP: rate.prefault('120/10m'),
  /** Every other visitor frame (typing, page views, FAQ suggestions, sync...) per connection. */
  RATE_FRAMES_VISITOR: rate.prefault('120/10s'),
  /** Transcripts and confirmation links a visitor may ask for in 24 hours (counted in the database). */
  TRANSCRIPTS_PER_VISITOR_DAY: z.coerce.number().int().min(0).max(100).default(3),
  /** Transcripts and confirmation links per IP address (every visitor behind it). */
  RATE_TRANSCRIPTS_IP: rate.prefault('10/24h'),
  /** Login attempts per IP address (all) and per email (failed ones). */
  RATE_LOGIN_IP: rate.prefault('30/10m'),
  RATE_LOGIN_EMAIL: rate.prefault('10/15m'),
  /** Failed logins on one account from every address: past it, attempts on it are held (backoff), never refused. */
  RATE_LOGIN_ACCOUNT: rate.prefault('20/15m'),
  LOGIN_BACKOFF_MAX_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /**
   * Password hashing (scrypt, 32 MiB and ~100-200 ms of CPU each) on worker threads of its own, never
   * on libuv's pool where the WAL sync runs: hashes computed at once (one thread each), and how
   * many more may wait; one more is answered 429 rate_limited with Retry-After.
   */
  PASSWORD_HASH_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  /** Every other /api request per IP address. */
  RATE_API_IP: rate.prefault('1200/1m'),
  DEMO: bool.default(false),
  DEMO_SHOP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Email: how long after an agent's last reply a visitor who left is emailed (one email per burst of replies). */
  MAIL_REPLY_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(120_000),
  /** How often the email outbox is looked at (due emails sent, failed ones retried with backoff). */
  MAIL_SWEEP_MS: z.coerce.number().int().min(50).max(600_000).default(2_000),
  /** Largest attachment accepted, in bytes (images and PDFs). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(10 * 1024 * 1024),
  /**
   * Bearer token for Prometheus at /metrics; `off`: no /metrics at all; unset: /metrics answers
   * requests made on this machine only, which needs TRUST_PROXY off (checked in loadConfig).
   */
  METRICS_TOKEN: z.union([z.literal('off'), z.string().min(16, 'use at least 16 characters (or off)').max(256)]).optional(),
  /** Webhooks may target loopback and private addresses (tests, a receiver on the same network). Off: refused. */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_RETRY_SCHEDULE: schedule.prefault('1s,5s,30s,2m,10m,30m,1h,3h,6h,12h'),
  /** One delivery attempt's time limit (connect, send, response headers). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** REST API (/api/v1) requests per API key. */
  RATE_API_KEY: rate.prefault('600/1m'),
});

export type Config = z.infer<typeof ConfigSchema> & { PUBLIC_URL: string };

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  for (const key of ['WS_SEND_BUFFER_LIMIT_VISITOR', 'WS_SEND_BUFFER_LIMIT_AGENT'] as const) {
    if (picked.WS_MAX_BUFFERED_BYTES !== undefined && picked[key] === undefined) picked[key] = picked.WS_MAX_BUFFERED_BYTES;
  }
  const r = ConfigSchema.safeParse(picked);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}=${JSON.stringify(picked[String(i.path[0])] ?? '')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // Behind a trusted proxy every request arrives from the proxy, often on this machine: whether a
  // request "was made here" cannot be told from the socket, so /metrics needs its own token.
  if (r.data.TRUST_PROXY !== false && r.data.METRICS_TOKEN === undefined) {
    throw new ConfigError(
      `Invalid configuration:\n  METRICS_TOKEN="": required when TRUST_PROXY is set (TRUST_PROXY=${JSON.stringify(picked.TRUST_PROXY)}): behind a reverse proxy /metrics cannot tell this machine from the internet; set METRICS_TOKEN to a bearer token of at least 16 characters for Prometheus, or METRICS_TOKEN=off to turn /metrics off`,
    );
  }
  // The URL browsers use to reach this server; by default this machine on PORT.
  return { ...r.data, PUBLIC_URL: (r.data.PUBLIC_URL ?? `http://localhost:${r.data.PORT}`).replace(/\/+$/, '') };
}

/** Test and embedding helper: defaults plus overrides, validated the same way. */
export function makeConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig(overrides);
}
