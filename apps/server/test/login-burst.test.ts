/**
 * Issue #15, point 2: password hashing must never delay the message path. Scrypt used to run on
 * libuv's thread pool (four threads), where the group commit's WAL fdatasync also runs: 30
 * concurrent logins queued 30 hashes of 32 MiB each in front of every sync, and no message was
 * acknowledged until the hashing was nearly over.
 *
 * The test: a visitor sends a message every 20 ms (durable: each ack waits for the WAL sync) and a
 * probe keeps one file-system call on libuv's pool at a time, while 30 logins arrive at once (25
 * with unknown emails, 5 with the right password). What is asserted is the order of events, never
 * a duration: acknowledgements keep arriving between the logins' answers, and a probe on the pool
 * never waits for more than a few of them. With scrypt on libuv's pool (the code before, load
 * average 9-17 on the shared 2-core machine) the longest stretch without an ack was 19 to 22
 * login answers and a probe waited through 21 or 22 of them (acks meanwhile p50 5.3 s, max
 * 11.4 s); on the password threads, 1 and 1 (p50 4.2 ms, max 235 ms) minutes later.
 */
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { rawVisitor, useServer } from './harness.ts';

const ctx = useServer({
  // 31 logins from one address (the agent's and the burst) and 50 messages a second from one visitor
  // (past the socket's frame budget, WS_FRAMES_VISITOR, after 6 s: off too).
  env: { RATE_LOGIN_IP: 'off', RATE_MESSAGES_VISITOR: 'off', RATE_MESSAGES_IP: 'off', RATE_MESSAGES_SITE: 'off', RATE_FRAMES_VISITOR: 'off', WS_FRAMES_VISITOR: 'off' },
});
const PASSWORD = 'correct horse battery';
const LOGINS = 30;
const RIGHT_EVERY = 6; // every sixth login has the right password: 5 of 30
const SEND_EVERY_MS = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

describe('a login burst beside a message stream', () => {
  it('keeps acknowledging messages while 30 logins are hashed, and libuv’s pool stays free', { timeout: 90_000 }, async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada', PASSWORD);

    const v = await rawVisitor(s);
    ctx.track({ close: () => v.ws.close() });
    v.ws.send(JSON.stringify({ type: 'hello', protocol: 4 }));
    await v.next('welcome');

    // What happened, in order: 'A' an ack, 'L' a login's answer.
    const events: ('A' | 'L')[] = [];
    let answered = 0;
    const sentAt = new Map<string, number>();
    const ackMs: { ms: number; during: boolean }[] = [];
    let bursting = false;
    v.ws.on('message', (d) => {
      const f = JSON.parse(d.toString()) as { type: string; clientId?: string };
      if (f.type !== 'ack' || !f.clientId) return;
      const t = sentAt.get(f.clientId);
      if (t !== undefined) ackMs.push({ ms: performance.now() - t, during: bursting });
      events.push('A');
    });
    let n = 0;
    const send = () => {
      const clientId = `burst-${String(n++).padStart(6, '0')}`;
      sentAt.set(clientId, performance.now());
      v.ws.send(JSON.stringify({ type: 'message.send', clientId, body: `message ${n}` }));
    };
    send(); // opens the conversation
    await v.next('ack');
    const stream = setInterval(send, SEND_EVERY_MS);

    // One small task on libuv's pool at a time: how many login answers arrive while each waits.
    let probing = true;
    const probeWaits: number[] = [];
    const probe = (async () => {
      while (probing) {
        const before = answered;
        await stat(s.dir);
        probeWaits.push(answered - before);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    // A few acks first: the stream is flowing.
    await v.next('ack');
    await v.next('ack');
    const t0 = performance.now();
    bursting = true;
    const from = events.length;
    const statuses = await Promise.all(
      Array.from({ length: LOGINS }, async (_, i) => {
        const right = i % RIGHT_EVERY === RIGHT_EVERY - 1;
        const res = await fetch(`${s.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(right ? { email: 'ada@shop.test', password: PASSWORD } : { email: `nobody${i}@shop.test`, password: `guess-${i}-${Math.random()}` }),
        });
        await res.arrayBuffer();
        answered++;
        events.push('L');
        return { right, status: res.status };
      }),
    );
    const burstMs = performance.now() - t0;
    bursting = false;
    clearInterval(stream);
    probing = false;
    await probe;
    // Every message sent is acknowledged in the end.
    for (let i = 0; ackMs.length < n && i < 400; i++) await new Promise((r) => setTimeout(r, 25));

    // The longest stretch of login answers with no ack between them, from the burst's start.
    let run = 0;
    let longest = 0;
    for (const e of events.slice(from)) {
      run = e === 'L' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    const during = ackMs.filter((a) => a.during).map((a) => a.ms);
    const before = ackMs.filter((a) => !a.during).map((a) => a.ms);
    const acksDuring = events.slice(from).filter((e) => e === 'A').length;
    console.log(
      `login burst: ${LOGINS} logins answered in ${Math.round(burstMs)} ms; ${acksDuring} acks meanwhile, longest stretch without one ${longest} login answers; ` +
        `a pool probe waited through at most ${Math.max(...probeWaits)} login answers (${probeWaits.length} probes); ` +
        `ack ms p50/p99/max before ${pct(before, 50).toFixed(1)}/${pct(before, 99).toFixed(1)}/${Math.max(...before).toFixed(1)}, ` +
        `during ${pct(during, 50).toFixed(1)}/${pct(during, 99).toFixed(1)}/${Math.max(...during).toFixed(1)}`,
    );

    // Every login got its answer: the wrong ones 401, the right password signed in.
    expect(statuses.filter((r) => r.right).map((r) => r.status)).toEqual(Array(LOGINS / RIGHT_EVERY).fill(200));
    expect(statuses.filter((r) => !r.right).map((r) => r.status)).toEqual(Array(LOGINS - LOGINS / RIGHT_EVERY).fill(401));
    expect(ackMs.length).toBe(n);
    // Acks interleave with the logins' answers (before: one stretch of 26 answers without any).
    expect(longest).toBeLessThanOrEqual(5);
    // A task on libuv's pool is not queued behind the hashes (before: it waited through 26 answers).
    expect(Math.max(...probeWaits)).toBeLessThanOrEqual(3);
  });
});
