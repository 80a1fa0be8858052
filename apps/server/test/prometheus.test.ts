/**
 * Prometheus at /metrics: what it reports, and who may read it: with METRICS_TOKEN the bearer
 * token; without, requests made on this machine, which the server allows only when no reverse
 * proxy is trusted (with TRUST_PROXY it refuses to start without METRICS_TOKEN, or `off`). The
 * same behind a real nginx: proxy.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { ConfigError, loadConfig } from '../src/config.ts';
import { startServer, visitor } from './harness.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The value of one sample line of the Prometheus text format. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  if (!line) throw new Error(`no sample ${name}${labels} in:\n${text.slice(0, 2000)}`);
  return Number(line.split(' ').at(-1));
}

describe('Prometheus /metrics', () => {
  it('reports connections, committed messages, the queue and event-loop lag to loopback clients', async () => {
    const s = await startServer();
    try {
      const v = visitor(s);
      await v.frame('welcome');
      const clientId = newClientId();
      v.session.sendReliable({ type: 'message.send', clientId, body: 'hello' });
      await v.frame('ack');
      const res = await fetch(`${s.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(sample(text, 'parla_websocket_connections', '{kind="visitor"}')).toBe(1);
      expect(sample(text, 'parla_websocket_connections', '{kind="agent"}')).toBe(0);
      expect(sample(text, 'parla_messages_total', '{author="visitor"}')).toBe(1);
      expect(sample(text, 'parla_queue_length')).toBe(1);
      expect(sample(text, 'parla_open_conversations')).toBe(1);
      expect(text).toMatch(/^parla_nodejs_eventloop_lag_p99_seconds \d/m);
      v.close();
      let open = 1;
      for (let i = 0; i < 50 && open !== 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        open = sample(await (await fetch(`${s.url}/metrics`)).text(), 'parla_websocket_connections', '{kind="visitor"}');
      }
      expect(open).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const s = await startServer({ env: { METRICS_TOKEN: 'scrape-me-0123456789' } });
    try {
      expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${s.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456' } })).status).toBe(401);
      const ok = await fetch(`${s.url}/metrics`, { headers: { authorization: 'Bearer scrape-me-0123456789' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('parla_agents{presence="online"} 0');
    } finally {
      await s.close();
    }
  });

  it('METRICS_TOKEN=off turns /metrics off', async () => {
    const s = await startServer({ env: { METRICS_TOKEN: 'off' } });
    try {
      const res = await fetch(`${s.url}/metrics`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { message: string }).message).toContain('METRICS_TOKEN=off');
    } finally {
      await s.close();
    }
  });
});

describe('/metrics behind a trusted proxy', () => {
  it('needs METRICS_TOKEN (or off): the configuration is refused otherwise, naming both variables', () => {
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      return null;
    };
    for (const TRUST_PROXY of ['127.0.0.1', 'loopback', '10.0.0.0/8', '1']) {
      const m = refused({ TRUST_PROXY });
      expect(m, TRUST_PROXY).toMatch(/METRICS_TOKEN="": required when TRUST_PROXY is set/);
      expect(m, TRUST_PROXY).toContain(`TRUST_PROXY="${TRUST_PROXY}"`);
      expect(m, TRUST_PROXY).toContain('METRICS_TOKEN=off');
      expect(refused({ TRUST_PROXY, METRICS_TOKEN: 'scrape-me-0123456789' }), TRUST_PROXY).toBeNull();
      expect(refused({ TRUST_PROXY, METRICS_TOKEN: 'off' }), TRUST_PROXY).toBeNull();
    }
    // No proxy trusted: local-only without a token, as before.
    for (const TRUST_PROXY of [undefined, 'false', 'off', '0']) expect(refused(TRUST_PROXY ? { TRUST_PROXY } : {}), String(TRUST_PROXY)).toBeNull();
    expect(refused({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN="short": use at least 16 characters/);
  });

  it('stops a real server start with exit code 2 and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parla-metrics-'));
    try {
      const env: Record<string, string | undefined> = { ...process.env, TRUST_PROXY: '127.0.0.1', DATA_DIR: dir, PORT: '0' };
      delete env.METRICS_TOKEN;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: serverDir, env, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/METRICS_TOKEN="": required when TRUST_PROXY is set \(TRUST_PROXY="127.0.0.1"\)/);
      console.log(`start refused (exit ${r.status}): ${r.stderr.trim().split('\n').at(-1)!.trim()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 401 without the token and 200 with it, to loopback too', async () => {
    const s = await startServer({ env: { TRUST_PROXY: '127.0.0.1', METRICS_TOKEN: 'scrape-me-0123456789' } });
    try {
      expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${s.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(401);
      const ok = await fetch(`${s.url}/metrics`, { headers: { authorization: 'Bearer scrape-me-0123456789', 'x-forwarded-for': '203.0.113.9' } });
      expect(ok.status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
