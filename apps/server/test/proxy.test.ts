/**
 * Behind a reverse proxy: TRUST_PROXY, the client address every per-address limit counts (an IPv6
 * client by its /64), and a real nginx from Debian's packages in front of the real server, run
 * with the configuration block of the README. Shoppers are told apart by connecting from different
 * loopback source addresses (all of 127/8 is loopback on Linux).
 */
import { execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newClientId } from '@parla/client';
import { PROTOCOL_VERSION } from '@parla/protocol';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConfigError, loadConfig } from '../src/config.ts';
import { fromThisMachine, ipKey, isLoopback } from '../src/lib/ip.ts';
import { fastifyTrustProxy, type TrustProxy } from '../src/lib/trust-proxy.ts';
import { agent, SHOP_ORIGIN, SITE, startServer, visitor, withCsrf, type TestServer } from './harness.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** METRICS_TOKEN of the servers behind nginx with TRUST_PROXY. */
const METRICS = 'scrape-through-nginx-0123456789';
const README = resolve(serverDir, '../../README.md');

describe('client address keys', () => {
  it('keeps IPv4, turns IPv4-mapped IPv6 into IPv4, and keys IPv6 by its /64', () => {
    expect(ipKey('192.0.2.1')).toBe('192.0.2.1');
    expect(ipKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(ipKey('::FFFF:c000:0201')).toBe('192.0.2.1');
    expect(ipKey('0:0:0:0:0:ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(ipKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(ipKey('2001:DB8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(ipKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(ipKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(ipKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64'); // NAT64 is IPv6 (its /64 is the gateway's)
    expect(ipKey('::1')).toBe('0:0:0:0::/64');
    expect(ipKey(undefined)).toBe('unknown');
    expect(ipKey('not-an-address')).toBe('not-an-address');
  });

  it('knows loopback, and a request a proxy forwards for another address is not from this machine', () => {
    for (const a of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['10.0.0.1', '::2', '::ffff:10.0.0.1', '2001:db8::1', '', undefined, 'localhost']) expect(isLoopback(a)).toBe(false);
    const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers });
    expect(fromThisMachine(req('127.0.0.1'))).toBe(true);
    expect(fromThisMachine(req('::1', { 'x-forwarded-for': '127.0.0.2, ::1' }))).toBe(true);
    expect(fromThisMachine(req('10.0.0.1'))).toBe(false);
    expect(fromThisMachine(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toBe(false);
    expect(fromThisMachine(req('127.0.0.1', { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' }))).toBe(false);
    expect(fromThisMachine(req('127.0.0.1', { 'x-real-ip': '203.0.113.9' }))).toBe(false);
    expect(fromThisMachine(req('127.0.0.1', { forwarded: 'for=127.0.0.1' }))).toBe(false);
  });
});

describe('TRUST_PROXY', () => {
  // A trusted proxy needs METRICS_TOKEN (tested in prometheus.test.ts): off here.
  const parse = (v: string | undefined) => loadConfig(v === undefined ? {} : { TRUST_PROXY: v, METRICS_TOKEN: 'off' }).TRUST_PROXY;

  it('is off by default and reads off, a hop count and lists of addresses, networks and names', () => {
    expect(parse(undefined)).toBe(false);
    expect(parse('false')).toBe(false);
    expect(parse('off')).toBe(false);
    expect(parse('0')).toBe(false);
    expect(parse('1')).toEqual({ hops: 1 });
    expect(parse('127.0.0.1')).toEqual({ addresses: ['127.0.0.1'] });
    expect(parse(' loopback, 10.0.0.0/8 ,10.1.0.0/255.255.0.0,fd00::/8,::1,uniquelocal,linklocal')).toEqual({
      addresses: ['loopback', '10.0.0.0/8', '10.1.0.0/255.255.0.0', 'fd00::/8', '::1', 'uniquelocal', 'linklocal'],
    });
  });

  it('refuses what Fastify would not take, and trusting everyone, naming the variable', () => {
    for (const bad of ['true', 'yes', 'proxy.example.com', '10.0.0.0/33', '10.0.0.0/0', '::/0', '10.0.0.0/255.0.255.0', '10.0.0.0/', '10.0.0.0/8,', '10.0.0.0/8;192.168.0.0/16', '127.1', 'fe80::1%eth0', 'lo', '33']) {
      expect(() => parse(bad), bad).toThrow(ConfigError);
      expect(() => parse(bad), bad).toThrow(/TRUST_PROXY=/);
    }
  });

  it('derives the client as described, in Fastify itself (a hop count too, which Fastify alone ignores)', async () => {
    const ipOf = async (t: TrustProxy, remoteAddress: string, xff?: string) => {
      const app = Fastify({ trustProxy: fastifyTrustProxy(t) });
      app.get('/', async (req) => ({ ip: req.ip }));
      const res = await app.inject({ url: '/', remoteAddress, headers: xff ? { 'x-forwarded-for': xff } : {} });
      await app.close();
      return (res.json() as { ip: string }).ip;
    };
    const list = (v: string) => parse(v);
    expect(await ipOf(false, '10.0.0.1', '198.51.100.1')).toBe('10.0.0.1');
    expect(await ipOf(list('10.0.0.1'), '10.0.0.1', '203.0.113.5, 198.51.100.1')).toBe('198.51.100.1');
    expect(await ipOf(list('10.0.0.1'), '10.0.0.9', '198.51.100.1')).toBe('10.0.0.9');
    expect(await ipOf(list('10.0.0.0/8'), '10.0.0.1', '198.51.100.1, 10.2.3.4')).toBe('198.51.100.1');
    expect(await ipOf(list('10.0.0.0/255.0.0.0'), '10.0.0.1', '198.51.100.1, 10.2.3.4')).toBe('198.51.100.1');
    expect(await ipOf(list('loopback'), '::1', '2001:db8::5')).toBe('2001:db8::5');
    expect(await ipOf(list('uniquelocal,linklocal'), '192.168.1.1', '198.51.100.1, 169.254.0.1')).toBe('198.51.100.1');
    expect(await ipOf({ hops: 1 }, '10.0.0.1', '203.0.113.5, 198.51.100.1')).toBe('198.51.100.1');
    expect(await ipOf({ hops: 2 }, '10.0.0.1', '203.0.113.5, 198.51.100.1')).toBe('203.0.113.5');
    // What Fastify 5.12.1+ does with a plain number: nothing is trusted.
    const plain = Fastify({ trustProxy: 1 as unknown as boolean });
    plain.get('/', async (req) => ({ ip: req.ip }));
    expect((await plain.inject({ url: '/', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': '198.51.100.1' } })).json()).toEqual({ ip: '10.0.0.1' });
    await plain.close();
  });

  it('stops the server with exit code 2 and the variable named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parla-trust-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: serverDir,
        env: { ...process.env, TRUST_PROXY: 'true', DATA_DIR: dir, PORT: '0' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/TRUST_PROXY="true": trusting every proxy lets any client choose its address/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- a real nginx ----------------------------------------------------------------------------

/** Debian's nginx: NGINX_PATH, or the package's; installed when missing and we are root on Debian. */
function nginxBinary(): string {
  const found = (process.env.NGINX_PATH ? [process.env.NGINX_PATH] : ['/usr/sbin/nginx', '/usr/bin/nginx']).find((p) => existsSync(p));
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get') && !process.env.NGINX_PATH) {
    console.log('Installing Debian nginx for the reverse-proxy tests (apt-get install nginx)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx', { stdio: 'inherit' });
    if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  }
  throw new Error(
    `The reverse-proxy tests run a real nginx and found none${process.env.NGINX_PATH ? ` at NGINX_PATH=${process.env.NGINX_PATH}` : ''}. ` +
      'Install it (Debian/Ubuntu: sudo apt-get install nginx) or set NGINX_PATH.',
  );
}

/** The README's nginx block, pointed at `upstreamPort` and listening on 127.0.0.1:`port` instead of 443 with TLS. */
function readmeNginxBlock(upstreamPort: number, port: number): string {
  const text = readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('## Behind a reverse proxy'));
  const m = /```nginx\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('no ```nginx block in the README section "Behind a reverse proxy"');
  const block = m[1]!;
  expect(block).toContain('127.0.0.1:3000');
  return block
    .replaceAll('127.0.0.1:3000', `127.0.0.1:${upstreamPort}`)
    .split('\n')
    .filter((l) => !/^\s*(listen|server_name|ssl_certificate|ssl_certificate_key)\s/.test(l))
    .join('\n')
    .replace(/server \{\n/, `server {\n    listen 127.0.0.1:${port};\n`);
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const addr = srv.address();
  await new Promise((r) => srv.close(r));
  return typeof addr === 'object' && addr ? addr.port : 0;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((r) => {
    const c = createConnection({ port, host: '127.0.0.1' });
    c.once('connect', () => (c.destroy(), r(true)));
    c.once('error', () => r(false));
  });
}

interface Nginx {
  url: string;
  wsUrl: string;
  stop(): Promise<void>;
}

let nginx = '';

class PortTaken extends Error {}

/** Starts nginx in the foreground on 127.0.0.1:`port`, with a config of its own in a temporary directory. */
async function startNginx(upstreamPort: number, port: number): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'parla-nginx-'));
  chmodSync(dir, 0o755); // run as root, nginx's workers are another user
  mkdirSync(join(dir, 'tmp'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${dir}/tmp/${t};`),
      readmeNginxBlock(upstreamPort, port),
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(nginx, ['-p', `${dir}/`, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  const exit = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await exit;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!exited && Date.now() < deadline && !(await accepts(port))) await new Promise((r) => setTimeout(r, 25));
  if (!exited && (await accepts(port))) return { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}`, stop };
  const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
  await stop();
  if (/Address already in use/.test(log + stderr)) throw new PortTaken(log);
  throw new Error(`nginx did not start:\n${stderr}\n${log}`);
}

/** A new visitor (a hello without a token): its welcome, or how the socket was closed. */
function newVisitor(wsUrl: string, opts: { localAddress?: string; forwardedFor?: string } = {}): Promise<{ welcome: boolean; code?: number; error?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { origin: SHOP_ORIGIN, ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}) };
    const ws = new WebSocket(`${wsUrl}/ws/visitor?site=${SITE}`, { headers, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) });
    let error: string | undefined;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })));
    ws.on('message', (d: Buffer) => {
      const f = JSON.parse(d.toString()) as { type: string; code?: string };
      if (f.type === 'welcome') {
        resolve({ welcome: true });
        ws.close();
      } else if (f.type === 'error') error = f.code;
    });
    ws.on('close', (code) => resolve({ welcome: false, code, ...(error ? { error } : {}) }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`handshake answered ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

/** An HTTP request from a chosen local address, on a connection of its own. */
function http(url: string, opts: { localAddress?: string; headers?: Record<string, string>; method?: string; body?: string } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {}, agent: false, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const statuses = async (n: number, url: string, opts: (i: number) => Parameters<typeof http>[1]) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await http(url, opts(i))).status);
  return out;
};

describe('behind a real nginx', () => {
  // Looked for (and installed if it may be) once; when missing, every test below fails with the
  // reason (a failing hook would leave them merely skipped in the counts).
  let missing: Error | undefined;
  beforeAll(() => {
    try {
      nginx = nginxBinary();
    } catch (e) {
      missing = e as Error;
    }
  }, 600_000);

  /**
   * The real server with `env`, and nginx in front of it running the README's block; PUBLIC_URL is
   * nginx's URL. With TRUST_PROXY, METRICS_TOKEN is METRICS (the server refuses to start without one).
   */
  async function behindNginx(env: Record<string, string>): Promise<{ s: TestServer; proxy: Nginx; close(): Promise<void> }> {
    if (missing) throw missing;
    for (let attempt = 1; ; attempt++) {
      // The server's PUBLIC_URL needs nginx's port, nginx needs the server's: choose nginx's first.
      const port = await freePort();
      const s = await startServer({ env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ...(env.TRUST_PROXY ? { METRICS_TOKEN: METRICS } : {}), ...env } });
      try {
        const proxy = await startNginx(Number(new URL(s.url).port), port);
        return {
          s,
          proxy,
          async close() {
            await s.close();
            await proxy.stop();
          },
        };
      } catch (e) {
        await s.close();
        // Another process took the port between our probe and nginx's bind: try another.
        if (!(e instanceof PortTaken) || attempt >= 3) throw e;
      }
    }
  }

  it('carries the widget and the console: hello, welcome, a message to an agent; login and the console socket with PUBLIC_URL as origin', async () => {
    const { s, proxy, close } = await behindNginx({ TRUST_PROXY: '127.0.0.1' });
    const closers: { close(): void }[] = [];
    try {
      await s.addAgent('ada@shop.test', 'Ada');
      const login = await http(`${proxy.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: proxy.url },
        body: JSON.stringify({ email: 'ada@shop.test', password: 'correct horse battery' }),
      });
      expect(login.status).toBe(200);
      const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      expect(cookie).toMatch(/=./);
      const viaProxy = { ...s, url: proxy.url, wsUrl: proxy.wsUrl };
      const a = agent(viaProxy, cookie);
      closers.push(a);
      await a.frame('welcome');

      const v = visitor(viaProxy);
      closers.push(v);
      const welcome = await v.frame('welcome');
      expect(welcome.agentsOnline).toBe(1);
      v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Hello through nginx' });
      const ack = await v.frame('ack');
      await a.frame('inbox.upsert', (f) => f.conversation.id === ack.conversationId);
      a.session.track(ack.conversationId);
      await a.waitFor(() => a.messages().includes('Hello through nginx'), 'the message at the agent');
      a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'And back' });
      await v.waitFor(() => v.messages().includes('And back'), 'the reply at the visitor');

      // The console's origin check holds through the proxy: another origin is refused.
      const foreign = await http(`${proxy.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ email: 'ada@shop.test', password: 'correct horse battery' }),
      });
      expect(foreign.status).toBe(403);
      // A state-changing console request through the proxy: its origin (PUBLIC_URL) and the token pass; another origin does not.
      const change = (origin: string) =>
        http(`${proxy.url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...withCsrf(cookie) }, body: JSON.stringify({ currentPassword: 'correct horse battery', newPassword: 'correct horse battery 2' }) });
      expect((await change('https://evil.example')).status).toBe(403);
      expect((await change(proxy.url)).status).toBe(204);
    } finally {
      for (const c of closers) c.close();
      await close();
    }
  });

  it('gives shoppers on different addresses their own buckets, and a spoofed X-Forwarded-For sent through nginx changes nothing; /metrics wants its token', async () => {
    const { s, proxy, close } = await behindNginx({ TRUST_PROXY: '127.0.0.1', RATE_VISITORS_IP: '2/10m', RATE_API_IP: '3/1m' });
    try {
      const one = { localAddress: '127.0.0.2' };
      const two = { localAddress: '127.0.0.3' };
      expect(await newVisitor(proxy.wsUrl, one)).toEqual({ welcome: true });
      expect(await newVisitor(proxy.wsUrl, one)).toEqual({ welcome: true });
      expect(await newVisitor(proxy.wsUrl, one)).toEqual({ welcome: false, code: 4029, error: 'rate_limited' });
      expect(await newVisitor(proxy.wsUrl, { ...one, forwardedFor: '198.51.100.23' })).toEqual({ welcome: false, code: 4029, error: 'rate_limited' });
      expect(await newVisitor(proxy.wsUrl, two)).toEqual({ welcome: true });
      expect(await newVisitor(proxy.wsUrl, two)).toEqual({ welcome: true });

      const me = `${proxy.url}/api/auth/me`;
      expect(await statuses(4, me, () => one)).toEqual([401, 401, 401, 429]);
      expect((await http(me, { ...one, headers: { 'x-forwarded-for': '198.51.100.24' } })).status).toBe(429);
      expect(await statuses(3, me, () => two)).toEqual([401, 401, 401]);

      // /metrics behind a trusted proxy: the token and nothing else, whoever asks (this machine too:
      // through the proxy it cannot be told from the internet).
      const bearer = { authorization: `Bearer ${METRICS}` };
      expect((await http(`${proxy.url}/metrics`, one)).status).toBe(401);
      expect((await http(`${proxy.url}/metrics`, { localAddress: '127.0.0.1' })).status).toBe(401);
      expect((await http(`${s.url}/metrics`, { localAddress: '127.0.0.1' })).status).toBe(401); // directly, from loopback
      expect((await http(`${proxy.url}/metrics`, { ...one, headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      const scraped = await http(`${proxy.url}/metrics`, { ...one, headers: bearer });
      expect(scraped.status).toBe(200);
      expect(scraped.body).toContain('parla_websocket_connections');
      expect((await http(`${proxy.url}/metrics`, { ...one, headers: { ...bearer, 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200);
    } finally {
      await close();
    }
  });

  it('without TRUST_PROXY every shopper behind nginx shares the proxy’s bucket (why the setting exists); /metrics stays closed to forwarded requests', async () => {
    const { proxy, close } = await behindNginx({ RATE_VISITORS_IP: '2/10m' });
    try {
      expect(await newVisitor(proxy.wsUrl, { localAddress: '127.0.0.2' })).toEqual({ welcome: true });
      expect(await newVisitor(proxy.wsUrl, { localAddress: '127.0.0.3' })).toEqual({ welcome: true });
      expect(await newVisitor(proxy.wsUrl, { localAddress: '127.0.0.4' })).toEqual({ welcome: false, code: 4029, error: 'rate_limited' });
      expect((await http(`${proxy.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    } finally {
      await close();
    }
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const { s, close } = await behindNginx({ TRUST_PROXY: '127.0.0.1', RATE_VISITORS_IP: '2/10m', RATE_API_IP: '3/1m' });
    try {
      const direct = (i: number) => ({ localAddress: '127.0.0.5', forwardedFor: `198.51.100.${i + 1}` });
      expect(await newVisitor(s.wsUrl, direct(0))).toEqual({ welcome: true });
      expect(await newVisitor(s.wsUrl, direct(1))).toEqual({ welcome: true });
      expect(await newVisitor(s.wsUrl, direct(2))).toEqual({ welcome: false, code: 4029, error: 'rate_limited' });
      const me = `${s.url}/api/auth/me`;
      expect(await statuses(4, me, (i) => ({ localAddress: '127.0.0.5', headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } }))).toEqual([401, 401, 401, 429]);
    } finally {
      await close();
    }
  });

  it('counts IPv6 clients of a trusted proxy by their /64, and an IPv4-mapped address as its IPv4 address', async () => {
    const { s, close } = await behindNginx({ TRUST_PROXY: '127.0.0.1', RATE_VISITORS_IP: '2/10m', RATE_API_IP: '2/1m' });
    try {
      // Sent as a trusted proxy (this test connects from 127.0.0.1) naming its client.
      const from = (forwardedFor: string) => newVisitor(s.wsUrl, { localAddress: '127.0.0.1', forwardedFor });
      expect(await from('2001:db8:aa:1::1')).toEqual({ welcome: true });
      expect(await from('2001:db8:aa:1:ffff:ffff:ffff:fffe')).toEqual({ welcome: true });
      expect(await from('2001:db8:aa:1::99')).toEqual({ welcome: false, code: 4029, error: 'rate_limited' });
      expect(await from('2001:db8:aa:2::1')).toEqual({ welcome: true });
      expect(await from('198.51.100.7')).toEqual({ welcome: true });
      expect(await from('::ffff:198.51.100.7')).toEqual({ welcome: true });
      expect(await from('198.51.100.7')).toEqual({ welcome: false, code: 4029, error: 'rate_limited' });

      const me = `${s.url}/api/auth/me`;
      const api = (xff: string) => ({ localAddress: '127.0.0.1', headers: { 'x-forwarded-for': xff } });
      expect(await statuses(3, me, (i) => api(`2001:db8:bb:1::${i + 1}`))).toEqual([401, 401, 429]);
      expect((await http(me, api('2001:db8:bb:2::1'))).status).toBe(401);
    } finally {
      await close();
    }
  });

  it('works with a hop count through nginx (where a direct client could name itself, as documented)', async () => {
    const { s, proxy, close } = await behindNginx({ TRUST_PROXY: '1', RATE_VISITORS_IP: '2/10m' });
    try {
      const one = { localAddress: '127.0.0.2' };
      expect(await newVisitor(proxy.wsUrl, one)).toEqual({ welcome: true });
      expect(await newVisitor(proxy.wsUrl, one)).toEqual({ welcome: true });
      expect(await newVisitor(proxy.wsUrl, one)).toEqual({ welcome: false, code: 4029, error: 'rate_limited' });
      expect(await newVisitor(proxy.wsUrl, { localAddress: '127.0.0.3' })).toEqual({ welcome: true });
      // The README's warning: a hop count cannot tell a proxy from a client that connects directly.
      for (let i = 0; i < 3; i++) expect(await newVisitor(s.wsUrl, { localAddress: '127.0.0.5', forwardedFor: `198.51.100.${i + 1}` })).toEqual({ welcome: true });
    } finally {
      await close();
    }
  });
});
