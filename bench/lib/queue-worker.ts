/**
 * Load-generator process of bench:queue (child_process.fork of this file): shoppers that each open
 * a visitor socket, say hello, send one message and stay connected, waiting in the queue. It counts
 * every `conversation` frame they receive, and remembers per shopper the place they were last told.
 *
 * Two kinds of shoppers: the fill (opened as fast as `inFlight` allows, before the measurement) and
 * the arrivals (open-loop Poisson arrivals at `rate`/s for `durationMs`: each arrival is scheduled
 * on its own clock, whether or not earlier ones were answered), whose send -> ack times are kept.
 */
import WebSocket from 'ws';
import { nowMs } from './util.ts';

export type QueueCmd =
  | { cmd: 'fill'; url: string; origin: string; count: number; inFlight: number; waitMs: number }
  | { cmd: 'arrive'; url: string; origin: string; rate: number; durationMs: number; ackWaitMs: number }
  | { cmd: 'measure'; on: boolean }
  | { cmd: 'report' }
  | { cmd: 'close' };

export interface QueueReport {
  ev: 'report';
  /** send -> ack (ms) of each acknowledged arrival. */
  acks: number[];
  arrivals: number;
  unacked: number;
  /** `conversation` frames received by the shoppers while `measure` was on, and of those, the ones whose place changed while queued. */
  frames: number;
  placeFrames: number;
  /** The most place-change frames one shopper received within any 1,000 ms (from the start of the measurement to the report). */
  maxPerSecond: number;
  /** The shortest time between two place-change frames of one shopper (ms), and how many such gaps were under 1,000 ms. */
  minGapMs: number | null;
  gapsUnder1s: number;
  /** Each shopper's last told state, place and queuedAt. */
  last: { state: string; position: number | null; queuedAt: number | null }[];
  errors: Record<string, number>;
  open: number;
}

const send = (msg: object) => process.send!(msg);
const wid = process.pid.toString(36);
let counter = 0;
const errors: Record<string, number> = {};
const err = (k: string) => (errors[k] = (errors[k] ?? 0) + 1);

interface Shopper {
  ws: WebSocket;
  state: string | null;
  position: number | null;
  queuedAt: number | null;
  /** Monotonic ms of the place-change frames received since the measurement started. */
  moves: number[];
  sentAt: number;
  acked: boolean;
}

const shoppers: Shopper[] = [];
const acks: number[] = [];
let arrivals = 0;
let measuring = false;
let tracking = false;
let frames = 0;
let placeFrames = 0;

/** Opens one shopper; `onAck(ms)` when its message is acknowledged. */
function shopper(url: string, origin: string, onAck: (ms: number) => void): void {
  const ws = new WebSocket(`${url}/ws/visitor?site=bench`, { headers: { origin }, perMessageDeflate: false });
  const s: Shopper = { ws, state: null, position: null, queuedAt: null, moves: [], sentAt: NaN, acked: false };
  shoppers.push(s);
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 7, page: { url: `${origin}/sale`, title: 'Flash sale' } })));
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString());
    switch (f.type) {
      case 'welcome':
        s.sentAt = nowMs();
        ws.send(JSON.stringify({ type: 'message.send', clientId: `q${wid}x${(counter++).toString(36).padStart(6, '0')}`, body: 'Is the moka pot still on sale? I would like two.' }));
        return;
      case 'ack':
        if (s.acked) return;
        s.acked = true;
        onAck(nowMs() - s.sentAt);
        return;
      case 'conversation': {
        const c = f.conversation;
        const t = nowMs();
        if (measuring) frames++;
        // A place change: queued before and after (its own state change is not one), another place.
        if (s.state === 'queued' && c.state === 'queued' && c.queuePosition !== s.position) {
          if (measuring) placeFrames++;
          if (tracking) s.moves.push(t);
        }
        s.state = c.state;
        s.position = c.queuePosition ?? null;
        s.queuedAt = c.queuedAt ?? null;
        return;
      }
      case 'error':
        err(`visitor:${f.code}`);
        return;
    }
  });
  ws.on('error', (e: NodeJS.ErrnoException) => err(e.code ?? e.message.slice(0, 40)));
}

/** Exponential inter-arrival time (ms) for `rate` per second. */
const gap = (rate: number) => (-Math.log(1 - Math.random()) * 1000) / rate;

process.on('message', async (m: QueueCmd) => {
  switch (m.cmd) {
    case 'fill': {
      const t0 = nowMs();
      let started = 0;
      let done = 0;
      await new Promise<void>((resolve) => {
        if (m.count === 0) return resolve();
        setTimeout(() => {
          if (done < m.count) err(`fill: ${m.count - done} of ${m.count} not acknowledged after ${m.waitMs} ms`);
          resolve();
        }, m.waitMs).unref();
        const next = () => {
          while (started < m.count && started - done < m.inFlight) {
            started++;
            shopper(m.url, m.origin, () => {
              done++;
              if (done === m.count) resolve();
              else next();
            });
          }
        };
        next();
      });
      return send({ ev: 'filled', n: done, ms: nowMs() - t0 });
    }
    case 'arrive': {
      let outstanding = 0;
      let allScheduled = false;
      let finish: () => void = () => {};
      const finished = new Promise<void>((r) => (finish = r));
      const start = nowMs();
      let due = start + gap(m.rate);
      const tick = () => {
        const t = nowMs();
        while (due <= t) {
          if (due - start >= m.durationMs) {
            allScheduled = true;
            if (outstanding === 0) finish();
            else setTimeout(finish, m.ackWaitMs); // those still unacknowledged then are reported as such
            return;
          }
          arrivals++;
          outstanding++;
          shopper(m.url, m.origin, (ms) => {
            acks.push(ms);
            outstanding--;
            if (allScheduled && outstanding === 0) finish();
          });
          due += gap(m.rate);
        }
        setTimeout(tick, Math.max(0, due - nowMs()));
      };
      tick();
      await finished;
      return send({ ev: 'arrived', n: arrivals, ms: nowMs() - start });
    }
    case 'measure':
      measuring = m.on;
      if (m.on) tracking = true;
      return;
    case 'report': {
      let maxPerSecond = 0;
      let minGapMs = Infinity;
      let gapsUnder1s = 0;
      for (const s of shoppers) {
        const t = s.moves;
        for (let i = 0, j = 0; j < t.length; j++) {
          while (t[j]! - t[i]! >= 1000) i++;
          maxPerSecond = Math.max(maxPerSecond, j - i + 1);
          if (j > 0) {
            minGapMs = Math.min(minGapMs, t[j]! - t[j - 1]!);
            if (t[j]! - t[j - 1]! < 1000) gapsUnder1s++;
          }
        }
      }
      const r: QueueReport = {
        ev: 'report',
        acks,
        arrivals,
        unacked: arrivals - acks.length,
        frames,
        placeFrames,
        maxPerSecond,
        minGapMs: Number.isFinite(minGapMs) ? minGapMs : null, // (IPC is JSON: no Infinity)
        gapsUnder1s,
        last: shoppers.map((s) => ({ state: s.state ?? 'none', position: s.position, queuedAt: s.queuedAt })),
        errors,
        open: shoppers.filter((s) => s.ws.readyState === WebSocket.OPEN).length,
      };
      return send(r);
    }
    case 'close':
      for (const s of shoppers) s.ws.terminate();
      setTimeout(() => process.exit(0), 200);
      return;
  }
});
send({ ev: 'up' });
