/**
 * Load-generator process of bench:fanout (child_process.fork of this file): visitors of several
 * sites that each open a visitor socket, say hello, send a first message (acknowledged) and stay
 * connected; then messages at `rate`/s in all (round robin over this process's visitors) for
 * `durationMs`. Bodies are `b|0|<monotonic ns>|...` (loadgen's format): the agents measure delivery.
 */
import WebSocket from 'ws';
import { nowMs } from './util.ts';

export type FanoutCmd =
  | { cmd: 'open'; url: string; visitors: { site: string; origin: string }[]; inFlight: number; waitMs: number }
  | { cmd: 'send'; rate: number; durationMs: number }
  | { cmd: 'close' };

const send = (msg: object) => process.send!(msg);
const wid = process.pid.toString(36);
let counter = 0;
const errors: Record<string, number> = {};
const err = (k: string) => (errors[k] = (errors[k] ?? 0) + 1);
const clientId = () => `f${wid}x${(counter++).toString(36).padStart(7, '0')}`;
const body = () => `b|0|${process.hrtime.bigint()}|Do you ship to Bologna?`;

interface Visitor {
  ws: WebSocket;
  acked: number;
}
const visitors: Visitor[] = [];

function visitor(url: string, site: string, origin: string, onAck: () => void): void {
  const ws = new WebSocket(`${url}/ws/visitor?site=${site}`, { headers: { origin }, perMessageDeflate: false });
  const v: Visitor = { ws, acked: 0 };
  visitors.push(v);
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 7, page: { url: `${origin}/shop`, title: 'Shop' } })));
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString());
    if (f.type === 'welcome') ws.send(JSON.stringify({ type: 'message.send', clientId: clientId(), body: body() }));
    else if (f.type === 'ack') {
      if (v.acked++ === 0) onAck();
    } else if (f.type === 'error') err(`visitor:${f.code}`);
  });
  ws.on('error', (e: NodeJS.ErrnoException) => err(e.code ?? e.message.slice(0, 40)));
}

process.on('message', async (m: FanoutCmd) => {
  switch (m.cmd) {
    case 'open': {
      let started = 0;
      let done = 0;
      await new Promise<void>((resolve) => {
        if (m.visitors.length === 0) return resolve();
        setTimeout(() => {
          if (done < m.visitors.length) err(`open: ${m.visitors.length - done} not acknowledged after ${m.waitMs} ms`);
          resolve();
        }, m.waitMs).unref();
        const next = () => {
          while (started < m.visitors.length && started - done < m.inFlight) {
            const { site, origin } = m.visitors[started++]!;
            visitor(m.url, site, origin, () => {
              if (++done === m.visitors.length) resolve();
              else next();
            });
          }
        };
        next();
      });
      return send({ ev: 'opened', n: done, errors });
    }
    case 'send': {
      // Paced: owed messages are sent every 5 ms, round robin over the visitors.
      let sent = 0;
      let owed = 0;
      let cursor = 0;
      const start = nowMs();
      let last = start;
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          const now = nowMs();
          const end = Math.min(now, start + m.durationMs);
          owed += (m.rate * (end - last)) / 1000;
          last = end;
          while (owed >= 1 && visitors.length) {
            owed--;
            const v = visitors[cursor++ % visitors.length]!;
            if (v.ws.readyState !== WebSocket.OPEN) continue;
            v.ws.send(JSON.stringify({ type: 'message.send', clientId: clientId(), body: body() }));
            sent++;
          }
          if (now >= start + m.durationMs) {
            clearInterval(t);
            resolve();
          }
        }, 5);
      });
      return send({ ev: 'sent', sent, acked: visitors.reduce((n, v) => n + v.acked, 0), errors });
    }
    case 'close':
      for (const v of visitors) v.ws.terminate();
      setTimeout(() => process.exit(0), 200);
      return;
  }
});
send({ ev: 'up' });
