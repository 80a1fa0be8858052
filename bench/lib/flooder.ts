/**
 * The flooding client of bench:flood, in its own process (so its loop competes with the server
 * for the CPU as a real attacker's would, and never with the bench's own measurements). One
 * visitor socket at a time sends FRAME as fast as the socket takes it; when the server closes it,
 * it connects again at once (an attacker does not give up). `typing`: a hello first, then valid
 * typing frames; `empty`: `{}` with no hello. NOREAD=1: the socket's reading is paused after the
 * hello (a client that never reads). Reports over IPC when DURATION_MS is over.
 */
import WebSocket from 'ws';

const URL_ = process.env.URL!;
const ORIGIN = process.env.ORIGIN!;
const MODE = process.env.MODE === 'typing' ? 'typing' : 'empty';
const NOREAD = process.env.NOREAD === '1';
const DURATION_MS = Number(process.env.DURATION_MS ?? 20_000);
/** Frames handed to ws per turn; the socket's own buffer is kept under 1 MiB (the attacker's memory is not what we measure). */
const BURST = 500;
const FRAME = MODE === 'typing' ? JSON.stringify({ type: 'typing', isTyping: true }) : '{}';

const stats = { sent: 0, errors: 0, rateLimited: 0, connections: 0, closes: {} as Record<string, number>, refused: 0 };
const end = Date.now() + DURATION_MS;

function once(): Promise<boolean> {
  return new Promise((resolve) => {
    let refused = false;
    const ws = new WebSocket(URL_, { headers: { origin: ORIGIN }, perMessageDeflate: false });
    let flooding = false;
    const flood = () => {
      if (ws.readyState !== ws.OPEN || Date.now() > end) return;
      if (ws.bufferedAmount < 1 << 20) for (let i = 0; i < BURST; i++, stats.sent++) ws.send(FRAME);
      setImmediate(flood);
    };
    const start = () => {
      if (flooding) return;
      flooding = true;
      if (NOREAD) (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      flood();
    };
    ws.on('open', () => {
      stats.connections++;
      if (MODE === 'typing') ws.send(JSON.stringify({ type: 'hello', protocol: 4, page: { url: `${ORIGIN}/`, title: 'flood' } }));
      else start();
    });
    ws.on('message', (d) => {
      const s = d.toString();
      if (s.startsWith('{"type":"welcome"')) start();
      else if (s.startsWith('{"type":"error"')) {
        stats.errors++;
        if (s.includes('"rate_limited"')) stats.rateLimited++;
      }
    });
    ws.on('unexpected-response', () => {
      stats.refused++;
      refused = true;
      ws.terminate();
    });
    ws.on('error', () => {});
    ws.on('close', (code) => {
      if (!refused) stats.closes[code] = (stats.closes[code] ?? 0) + 1;
      resolve(refused);
    });
    // At the end of the run: stop, whatever the socket is doing. (Not unref'd: a paused socket
    // with nothing to write does not keep the process alive by itself.)
    const stop = setTimeout(() => ws.terminate(), Math.max(0, end - Date.now()) + 10);
    ws.on('close', () => clearTimeout(stop));
  });
}

while (Date.now() < end) {
  if ((await once()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100)); // refused at the handshake: do not spin
}
process.send!({ ev: 'done', ...stats });
