/**
 * /healthz (liveness) and /readyz (readiness): ready on a working server; not ready, with the
 * reason, when the database no longer answers and when the event loop has been blocked past
 * READY_MAX_LAG_MS; 503 while the server shuts down; neither logged at info.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import type { Readiness } from '../src/modules/ops/health.ts';
import { SHOP_ORIGIN, SITE, startServer } from './harness.ts';

async function readyz(url: string): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

/** Keeps the event loop busy for `ms` (the server runs in this process). */
function block(ms: number): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      const end = performance.now() + ms;
      while (performance.now() < end);
      resolve();
    }),
  );
}

describe('health checks', () => {
  it('answers /healthz and /readyz on a working server, uncached', async () => {
    const s = await startServer();
    try {
      const live = await fetch(`${s.url}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ ok: true });
      expect(live.headers.get('cache-control')).toBe('no-store');
      const r = await readyz(s.url);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ready: true, failing: [], maxEventLoopDelayMs: 1000 });
      expect(r.body.reason).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('is not ready, saying why, when the database does not answer; still alive', async () => {
    const s = await startServer();
    try {
      expect((await readyz(s.url)).status).toBe(200);
      s.app.parla.db.sqlite.close(); // the server's own connection is gone
      const r = await readyz(s.url);
      expect(r.status).toBe(503);
      expect(r.body.ready).toBe(false);
      expect(r.body.failing).toEqual(['database']);
      expect(r.body.reason).toMatch(/^database: .*not open/);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200); // liveness looks at nothing else
    } finally {
      await s.close();
    }
  });

  it('is not ready after the event loop was blocked past READY_MAX_LAG_MS, and ready again after', async () => {
    const s = await startServer({ env: { READY_MAX_LAG_MS: '200' } });
    try {
      expect((await readyz(s.url)).status).toBe(200); // the first probe starts the measurement
      await block(1000);
      const r = await readyz(s.url);
      expect(r.status).toBe(503);
      expect(r.body.failing).toEqual(['event_loop']);
      expect(r.body.reason).toMatch(/^event loop delayed \d+ ms \(more than READY_MAX_LAG_MS=200\)$/);
      expect(r.body.eventLoopDelayMs).toBeGreaterThan(200);
      // Once the loop runs freely again, the server is put back.
      let again = r;
      for (let i = 0; i < 100 && again.status !== 200; i++) {
        await new Promise((res) => setTimeout(res, 100));
        again = await readyz(s.url);
      }
      expect(again.status).toBe(200);
      expect(again.body.failing).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('answers 503 while the server shuts down', async () => {
    const s = await startServer();
    let closing: Promise<void> | undefined;
    let ws: WebSocket | undefined;
    try {
      expect((await readyz(s.url)).status).toBe(200);
      // A widget that does not answer the server's close frame keeps the shutdown in its drain
      // (the server waits for it before it stops listening): probes arrive meanwhile.
      ws = new WebSocket(`${s.wsUrl}/ws/visitor?site=${SITE}`, { headers: { origin: SHOP_ORIGIN } });
      await new Promise((r, j) => ws!.once('open', r).once('error', j));
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      closing = s.close();
      expect((await fetch(`${s.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(503);
    } finally {
      ws?.terminate();
      await (closing ?? s.close());
    }
  });

  it('keeps probes out of the info log (other requests are logged)', async () => {
    const lines: string[] = [];
    const s = await startServer({ env: { LOG_LEVEL: 'info' }, build: { logStream: { write: (l: string) => void lines.push(l) } } });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
        expect((await readyz(s.url)).status).toBe(200);
      }
      // The control: an ordinary request is logged with its URL.
      expect((await fetch(`${s.url}/api/auth/me`)).status).toBe(401);
      expect(lines.some((l) => l.includes('/api/auth/me'))).toBe(true);
      expect(lines.filter((l) => /\/healthz|\/readyz/.test(l))).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('validates READY_MAX_LAG_MS', () => {
    expect(loadConfig({}).READY_MAX_LAG_MS).toBe(1000);
    expect(loadConfig({ READY_MAX_LAG_MS: '250' }).READY_MAX_LAG_MS).toBe(250);
    expect(() => loadConfig({ READY_MAX_LAG_MS: 'soon' })).toThrow(/READY_MAX_LAG_MS="soon"/);
    expect(() => loadConfig({ READY_MAX_LAG_MS: '5' })).toThrow(/READY_MAX_LAG_MS/);
  });
});
