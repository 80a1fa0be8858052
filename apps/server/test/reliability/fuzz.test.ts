/**
 * Frame fuzzing: over 100,000 malformed frames (bad JSON, invalid UTF-8, deep nesting,
 * __proto__/constructor keys, wrong types, oversize, binary) on visitor and agent sockets in
 * parallel, before and after a hello, reconnecting whenever the server closes one. The server
 * (in this process, so a crash or an unhandled rejection is seen here) answers with typed error
 * frames, never an internal error, pollutes no prototype, and a well-behaved visitor and agent
 * keep chatting throughout and at the end.
 */
import fc from 'fast-check';
import { MAX_FRAME_BYTES } from '@parla/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SHOP_ORIGIN, SITE, startServer, type TestServer } from '../harness.ts';
import { RATES_OFF } from './child.ts';
import { agentAt, sleep, until, visitorAt } from './clients.ts';

const TOTAL = Number(process.env.FUZZ_TOTAL ?? 100_000);
const WORKERS = 6; // four visitor sockets, two agent sockets
const BATCH = 250;

const TYPES = [
  // (no 'ping': its pong is the batch barrier)
  'hello', 'message.send', 'offline.message', 'callback.request', 'typing', 'page.view', 'sync', 'visitor.attributes', 'bot.feedback',
  'escalate', 'faq.suggest', 'presence.set', 'conversation.take', 'conversation.resolve', 'conversation.transfer', 'csat.submit', 'identify',
  '', 'nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'HELLO',
];
const KEYS = [
  'type', 'protocol', 'visitorToken', 'page', 'url', 'title', 'lang', 'attributes', 'clientId', 'body', 'conversationId', 'afterSeq', 'isTyping',
  'departmentId', 'name', 'email', 'phone', 'preferredTime', 'note', 'helpful', 'text', 'presence', 'toAgentId', 'toDepartmentId', 'rating',
  '__proto__', 'constructor', 'prototype',
];

/** A JSON object text from key/value pairs (so `__proto__` is a real key in the text, never a prototype here). */
const objectText = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.5, '', 'x'.repeat(5000), '\u0000', '\ud800', '🦜'.repeat(50), true, null, [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

type Frame = { kind: string; data: string | Buffer; binary?: boolean };

const frames: fc.Arbitrary<Frame> = fc.oneof(
  // A known (or almost known) type with random fields of random types.
  { weight: 800, arbitrary: fc.tuple(fc.constantFrom(...TYPES), fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 8 })).map(([type, rest]) => ({ kind: 'wrong types', data: objectText([['type', type], ...rest]) })) },
  // Prototype pollution attempts, at the top and nested where objects are accepted.
  {
    weight: 200,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype').chain((k) =>
      fc.constantFrom(
        `{"type":"visitor.attributes","attributes":{"${k}":{"polluted":1}}}`,
        `{"type":"visitor.attributes","attributes":{"${k}":"x","tier":"vip"}}`,
        `{"type":"hello","protocol":3,"${k}":{"polluted":1},"page":{"url":"http://shop.test/","title":"t","${k}":{"polluted":1}}}`,
        `{"${k}":{"polluted":1},"type":"typing","isTyping":true}`,
        `{"type":"sync","conversationId":"${k}","afterSeq":0}`,
        `{"type":"message.send","clientId":"abcdefgh${k.length}","body":"x","conversationId":"${k}","${k}":{"prototype":{"polluted":1}}}`,
        `{"type":"${k}","constructor":{"prototype":{"polluted":1}}}`,
      ).map((data) => ({ kind: 'pollution', data })),
    ),
  },
  // Not JSON at all, or JSON cut short.
  { weight: 240, arbitrary: fc.string({ maxLength: 200 }).map((data) => ({ kind: 'bad JSON', data })) },
  { weight: 100, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([v, n]) => { const t = JSON.stringify(v); return { kind: 'bad JSON', data: t.slice(0, n % Math.max(1, t.length)) || '{' }; }) },
  // Valid JSON that is not an object (or an object without a type).
  { weight: 200, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'not a frame', data: JSON.stringify(v) })) },
  // Deep nesting, bare and inside a known frame.
  {
    weight: 60,
    arbitrary: fc.tuple(fc.integer({ min: 100, max: 5000 }), fc.constantFrom('[]', '{}', 'attr')).map(([n, how]) => ({
      kind: 'deep nesting',
      data: how === '[]' ? '['.repeat(n) + ']'.repeat(n) : how === '{}' ? '{"a":'.repeat(n) + '1' + '}'.repeat(n) : `{"type":"visitor.attributes","attributes":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`,
    })),
  },
  // Binary frames.
  { weight: 100, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => ({ kind: 'binary', data: Buffer.from(b), binary: true })) },
  // Above the frame limit: an error frame.
  { weight: 20, arbitrary: fc.integer({ min: MAX_FRAME_BYTES + 1, max: MAX_FRAME_BYTES * 2 }).map((n) => ({ kind: 'oversize', data: `{"type":"message.send","clientId":"abcdefghij","body":"${'x'.repeat(n)}"}` })) },
);

interface Tally {
  /** Frames the server had read when it answered the ping after their batch, by kind. */
  read: Record<string, number>;
  /** Frames of a batch the server cut short by closing the socket (it may have read some). */
  cutOff: number;
  errors: Record<string, number>;
  closes: Record<string, number>;
  connections: number;
  refusedHandshakes: number;
  /** Frames that were neither a typed error nor an expected answer. */
  odd: string[];
}

/** Frames after which the server closes the socket: one may follow a batch (after its barrier). */
const killers: fc.Arbitrary<Frame> = fc.oneof(
  // A text frame that is not UTF-8: ws closes with 1007.
  fc.uint8Array({ minLength: 1, maxLength: 50 }).map((b) => ({ kind: 'bad UTF-8', data: Buffer.concat([Buffer.from('{"type":"'), Buffer.from(b), Buffer.from([0xc3, 0x28, 0xff])]) })),
  // Above the hard payload limit: closed with 1009 before it is even parsed.
  fc.constant({ kind: 'oversize (closing)', data: 'y'.repeat(MAX_FRAME_BYTES * 4 + 10) }),
);

/** One socket's worth of abuse: `quota` frames read by the server, reconnecting whenever it closes the socket. */
async function worker(url: string, headers: Record<string, string>, quota: number, seed: number, tally: Tally): Promise<void> {
  let read = 0;
  let batches = 0;
  while (read < quota) {
    const ws = new WebSocket(url, { headers });
    const opened = await new Promise<boolean>((res) => {
      ws.once('open', () => res(true));
      ws.once('unexpected-response', () => res(false));
      ws.once('error', () => res(false));
    });
    if (!opened) {
      tally.refusedHandshakes++;
      ws.terminate();
      await sleep(50);
      continue;
    }
    tally.connections++;
    let pongs = 0;
    ws.on('close', (code) => (tally.closes[code] = (tally.closes[code] ?? 0) + 1));
    ws.on('error', () => {});
    ws.on('message', (raw) => {
      let f: { type?: string; code?: string };
      try {
        f = JSON.parse(raw.toString()) as typeof f;
      } catch {
        tally.odd.push(raw.toString().slice(0, 100));
        return;
      }
      if (f.type === 'pong') pongs++;
      else if (f.type === 'error' && typeof f.code === 'string') tally.errors[f.code] = (tally.errors[f.code] ?? 0) + 1;
      else if (!ANSWERS.includes(f.type ?? '')) tally.odd.push(JSON.stringify(f).slice(0, 200));
    });
    const open = () => ws.readyState === ws.OPEN;
    // Every other connection says a proper hello first, so the frames reach the handlers.
    if (batches % 2 === 0) ws.send(JSON.stringify({ type: 'hello', protocol: 3, page: { url: `${SHOP_ORIGIN}/`, title: 'fuzz' } }));
    while (open() && read < quota) {
      const batch = fc.sample(frames, { numRuns: BATCH, seed: seed + batches++ });
      const kinds: Record<string, number> = {};
      let n = 0;
      for (const f of batch) {
        if (!open()) break;
        ws.send(f.data, { binary: f.binary ?? false });
        kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
        n++;
      }
      // A barrier: once the server answers this ping it has read the whole batch.
      const want = pongs + 1;
      if (open()) ws.send('{"type":"ping"}');
      await until(() => !open() || pongs >= want, () => 'pong after a batch', 20_000);
      if (pongs >= want) {
        read += n;
        for (const [k, v] of Object.entries(kinds)) tally.read[k] = (tally.read[k] ?? 0) + v;
      } else tally.cutOff += n;
      // Now and then a frame the server closes the socket for; the loop reconnects.
      if (open() && batches % 8 === 3) {
        const [k] = fc.sample(killers, { numRuns: 1, seed: seed + batches });
        ws.send(k!.data, { binary: false });
        await until(() => !open(), () => `a close after ${k!.kind}`, 20_000);
        read++;
        tally.read[k!.kind] = (tally.read[k!.kind] ?? 0) + 1;
      }
    }
    if (open()) ws.close();
  }
}

/** Frames a fuzzed socket may receive besides errors and pongs (answers to frames that happened to be valid). */
const ANSWERS = ['welcome', 'sync.result', 'ack', 'item', 'inbox.upsert', 'presence', 'conversation', 'faq.suggestions', 'visitor.page', 'typing', 'availability'];

describe('frame fuzzing', () => {
  let s: TestServer | undefined;
  afterEach(async () => s?.close());

  it('survives 100,000 malformed frames and keeps serving a well-behaved visitor and agent', { timeout: 120_000 }, async () => {
    const crashes: unknown[] = [];
    const onCrash = (e: unknown) => crashes.push(e);
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
    try {
      s = await startServer({ env: { ...RATES_OFF, AGENT_OFFLINE_GRACE_MS: '10000' } });
      await s.addAgent('ada@shop.test', 'Ada', undefined, 50);
      await s.addAgent('fuzz@shop.test', 'Fuzz', undefined, 50);
      const good = { agent: agentAt(s.wsUrl, s.url, await s.login('ada@shop.test')), visitor: visitorAt(s.wsUrl, SHOP_ORIGIN, SITE) };
      const fuzzCookie = await s.login('fuzz@shop.test');
      await until(() => good.agent.welcomes > 0 && good.visitor.welcomes > 0, () => 'welcomes');

      // The well-behaved pair chats during the whole run: a visitor line, the agent's answer.
      let chatting = true;
      let lines = 0;
      const chat = (async () => {
        while (chatting) {
          const n = lines++;
          good.visitor.send({}, `question ${n}`);
          await until(() => good.visitor.acked.size > n, () => `ack of question ${n}`);
          const conversationId = [...good.visitor.seqs.keys()][0] ?? [...good.agent.known.keys()][0]!;
          good.agent.send({ conversationId }, `answer ${n}`);
          await until(() => (good.visitor.delivered.get(conversationId) ?? []).some((m) => m.body === `answer ${n}`), () => `answer ${n} delivered`);
          await sleep(100);
        }
      })();

      const tally: Tally = { read: {}, cutOff: 0, errors: {}, closes: {}, connections: 0, refusedHandshakes: 0, odd: [] };
      const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
      const per = Math.ceil(TOTAL / WORKERS);
      await Promise.all(
        Array.from({ length: WORKERS }, (_, i) =>
          i < 4
            ? worker(`${s!.wsUrl}/ws/visitor?site=${SITE}`, { origin: SHOP_ORIGIN }, per, seed + i * 1_000_003, tally)
            : worker(`${s!.wsUrl}/ws/agent`, { origin: s!.url, cookie: fuzzCookie }, per, seed + i * 1_000_003, tally),
        ),
      );
      const linesDuring = lines;
      chatting = false;
      await chat;

      // And after it: one more exchange, in order, nothing missing or doubled.
      const conversationId = [...good.visitor.seqs.keys()][0]!;
      good.visitor.send({}, 'after the storm');
      good.agent.send({ conversationId }, 'still here');
      await until(() => (good.visitor.delivered.get(conversationId) ?? []).some((m) => m.body === 'still here') && (good.agent.delivered.get(conversationId) ?? []).some((m) => m.body === 'after the storm'), () => 'final exchange');
      const fromVisitor = (good.agent.delivered.get(conversationId) ?? []).filter((m) => m.authorType === 'visitor').map((m) => m.body);
      const fromAgent = (good.visitor.delivered.get(conversationId) ?? []).filter((m) => m.authorType === 'agent').map((m) => m.body);
      good.agent.close();
      good.visitor.close();

      const total = Object.values(tally.read).reduce((a, b) => a + b, 0);
      const errors = Object.values(tally.errors).reduce((a, b) => a + b, 0);
      console.log(
        `frame fuzzing (seed ${seed}): ${total} malformed frames read by the server (${JSON.stringify(tally.read)}) over ${tally.connections} connections of ${WORKERS} parallel sockets, ` +
          `${tally.cutOff} more cut off by a close; ${errors} error frames (${JSON.stringify(tally.errors)}); close codes ${JSON.stringify(tally.closes)}; ` +
          `crashes ${crashes.length}; the well-behaved pair exchanged ${linesDuring} questions and answers during the run`,
      );
      expect(crashes).toEqual([]);
      expect(total).toBeGreaterThanOrEqual(TOTAL);
      expect(tally.errors.internal ?? 0).toBe(0);
      expect(tally.odd).toEqual([]);
      expect(Object.keys(tally.errors).every((c) => ['bad_frame', 'frame_too_large', 'not_ready', 'not_found', 'forbidden', 'conflict', 'unsupported_protocol'].includes(c))).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(linesDuring).toBeGreaterThan(3);
      expect(fromVisitor).toEqual([...Array.from({ length: lines }, (_, i) => `question ${i}`), 'after the storm']);
      expect(fromAgent).toEqual([...Array.from({ length: lines }, (_, i) => `answer ${i}`), 'still here']);
    } finally {
      process.off('unhandledRejection', onCrash);
      process.off('uncaughtException', onCrash);
    }
  });
});
