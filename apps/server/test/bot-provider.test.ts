/**
 * The optional model provider (issue #17, must have 6), against a local fake of the OpenAI HTTP API
 * (POST /v1/embeddings, POST /v1/chat/completions with their documented request and response
 * shapes and a Bearer key): the one place a fake is right, a third-party service.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { DEFAULT_SITE_SETTINGS, type BotAnswer, type FaqEntry, type ServerToVisitor, type VisitorToServer } from '@parla/protocol';
import { combine } from '../src/modules/bot/assist.ts';
import { unsupportedFacts } from '../src/modules/bot/grounding.ts';
import { SHOP_ORIGIN, SITE, TestClient, useServer, withCsrf } from './harness.ts';

const KEY = 'sk-test-7f3a9c2e51b84d06a1e2f3c4d5b6a7e8';
const logLines: string[] = [];
const ctx = useServer({ env: { LOG_LEVEL: 'debug' }, build: { logStream: { write: (l: string) => void logLines.push(l) } } });
const json = { 'content-type': 'application/json' };

const kb: FaqEntry[] = [
  { id: 'en-ship', lang: 'en', question: 'How much does shipping cost?', alternatives: ['shipping price'], answer: 'Shipping costs €4.90, free over €49.', quickReplies: ['Track my order'], departmentId: null, tags: [] },
  { id: 'en-returns', lang: 'en', question: 'How do I return an item?', alternatives: [], answer: 'Within 30 days at https://shop.test/returns', quickReplies: [], departmentId: null, tags: [] },
  { id: 'en-club', lang: 'en', question: 'How does the Stardust club work?', alternatives: ['Stardust points'], answer: 'Every order earns Stardust points; 100 points are a €5 voucher.', quickReplies: [], departmentId: null, tags: [] },
  { id: 'it-sped', lang: 'it', question: 'Quanto costa la spedizione?', alternatives: [], answer: 'La spedizione costa 4,90 €, gratis sopra 49 €.', quickReplies: [], departmentId: null, tags: [] },
];

// ---- the fake OpenAI-compatible server -----------------------------------------------------------

/** Its "meaning": a few concepts by keyword (a stand-in for a real embedding model). */
const CONCEPTS: [string, number][][] = [
  [['stardust', 1], ['rewards', 1], ['loyalty', 1], ['galactic', 1]],
  [['shipping', 1], ['spedizione', 1], ['delivery', 1]],
  [['return', 1], ['refund', 1]],
  [['scheme', 0.45], ['tell', 0.45]],
];
function fakeVector(text: string): number[] {
  const t = text.toLowerCase();
  return [...CONCEPTS.map((words) => words.reduce((sum, [w, weight]) => sum + (t.includes(w) ? weight : 0), 0)), 0.1];
}

interface Call {
  path: string;
  auth: string | undefined;
  body: Record<string, unknown>;
}

class FakeOpenAI {
  server: Server;
  calls: Call[] = [];
  mode: 'ok' | 'error' | 'hang' = 'ok';
  /** The assistant's content for a chat request (the test decides what the "model" says). */
  chat: (system: string, user: string) => string = () => '{"entry": null}';
  chatDelayMs = 0;
  url = '';

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as Record<string, unknown>;
    this.calls.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json') return this.send(res, 400, { error: { message: 'bad request', type: 'invalid_request_error', param: null, code: null } });
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      return this.send(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    }
    if (this.mode === 'hang') {
      await new Promise((r) => setTimeout(r, 10_000).unref());
      if (res.destroyed) return;
    }
    if (this.mode === 'error') return this.send(res, 500, { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } });
    if (req.url === '/v1/embeddings') {
      const input = body.input as string[];
      if (typeof body.model !== 'string' || !Array.isArray(input)) return this.send(res, 400, { error: { message: 'model and input required', type: 'invalid_request_error', param: null, code: null } });
      return this.send(res, 200, {
        object: 'list',
        data: input.map((t, index) => ({ object: 'embedding', index, embedding: fakeVector(t) })),
        model: body.model,
        usage: { prompt_tokens: input.length, total_tokens: input.length },
      });
    }
    if (req.url === '/v1/chat/completions') {
      const messages = body.messages as { role: string; content: string }[];
      if (typeof body.model !== 'string' || !Array.isArray(messages)) return this.send(res, 400, { error: { message: 'model and messages required', type: 'invalid_request_error', param: null, code: null } });
      if (this.chatDelayMs) await new Promise((r) => setTimeout(r, this.chatDelayMs));
      const content = this.chat(messages.find((m) => m.role === 'system')?.content ?? '', messages.find((m) => m.role === 'user')?.content ?? '');
      return this.send(res, 200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    }
    return this.send(res, 404, { error: { message: 'Unknown request URL', type: 'invalid_request_error', param: null, code: 'unknown_url' } });
  }
}

let fake: FakeOpenAI;
beforeEach(async () => {
  logLines.length = 0;
  fake = await new FakeOpenAI().start();
});
afterEach(async () => {
  await fake.close();
});

// ---- helpers -----------------------------------------------------------------------------------

async function admin(): Promise<string> {
  const s = ctx.s;
  const id = await s.addAgent('boss@shop.test', 'Boss');
  s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(id);
  const cookie = await s.login('boss@shop.test');
  const put = await fetch(`${s.url}/api/sites/${SITE}/faqs`, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify(kb) });
  expect(put.status).toBe(200);
  return cookie;
}

const providerUrl = () => `${ctx.s.url}/api/sites/${SITE}/bot/provider`;

async function setProvider(cookie: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(providerUrl(), {
    method: 'PUT',
    headers: { ...json, ...withCsrf(cookie) },
    body: JSON.stringify({ enabled: true, baseUrl: fake.url, chatModel: 'gpt-4o-mini', embeddingModel: 'text-embedding-3-small', apiKey: KEY, ...body }),
  });
}

async function ask(cookie: string, question: string, lang = 'en'): Promise<BotAnswer> {
  const res = await fetch(`${ctx.s.url}/api/sites/${SITE}/bot/answer`, { method: 'POST', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify({ question, lang }) });
  expect(res.status).toBe(200);
  return (await res.json()) as BotAnswer;
}

/** The entries the fake was given in a chat prompt. */
const promptEntries = (system: string) => JSON.parse(system.slice(system.indexOf('FAQ entries (JSON): ') + 20)) as { id: string; question: string; answer: string }[];

function shopper(lang: 'en' | 'it' = 'en') {
  return ctx.track(new TestClient<VisitorToServer, ServerToVisitor>(`${ctx.s.wsUrl}/ws/visitor?site=${SITE}`, () => ({ type: 'hello', protocol: 3, lang }), { origin: SHOP_ORIGIN }));
}
const botSaid = (v: ReturnType<typeof shopper>) => v.items.flatMap((i) => (i.item.kind === 'message' && i.item.authorType === 'bot' ? [i.item] : []));

// ---- the tests ---------------------------------------------------------------------------------

describe('unsupportedFacts: a phrased answer may state only what the cited entry says', () => {
  it('passes faithful phrasings, translations of number formats and shortened links', () => {
    expect(unsupportedFacts('It is €4.90, and shipping is free above €49.', 'Shipping costs €4.90, free over €49.')).toEqual([]);
    expect(unsupportedFacts('Costa 4,90 € (gratis sopra i 49 €).', 'Shipping costs €4.90, free over €49.')).toEqual([]);
    expect(unsupportedFacts('You have thirty days: see shop.test', 'Within 30 days at https://shop.test/returns')).toEqual([]);
    expect(unsupportedFacts('Write to help@shop.test on Monday, 9:00-18:00', 'Mail help@shop.test, Monday to Friday 9:00-18:00')).toEqual([]);
    expect(unsupportedFacts('We ship with one courier; you may pick it up.', 'Shipping with DHL.')).toEqual([]);
  });

  it('catches invented numbers, prices, percentages, dates, links and addresses', () => {
    expect(unsupportedFacts('It costs €3.90.', 'Shipping costs €4.90, free over €49.')).toEqual(['number 3.90', 'price EUR 3.90']);
    expect(unsupportedFacts('It costs $4.90.', 'Shipping costs €4.90.')).toEqual(['price USD 4.90']);
    expect(unsupportedFacts('Returns within 14 days.', 'Returns within 30 days.')).toEqual(['number 14']);
    expect(unsupportedFacts('Returns within fourteen days.', 'Returns within 30 days.')).toEqual(['number 14']);
    expect(unsupportedFacts('You get 10% off.', 'You get 10 points per order.')).toEqual(['percentage 10']);
    expect(unsupportedFacts('We are open on Sunday.', 'We are open Monday to Friday.')).toEqual(['date day:7']);
    expect(unsupportedFacts('Il negozio chiude a dicembre.', 'The shop closes in January.')).toEqual(['date month:12']);
    expect(unsupportedFacts('See https://evil.test/returns', 'Within 30 days at https://shop.test/returns')).toEqual(['url evil.test/returns']);
    expect(unsupportedFacts('Go to shop.test/returns/form', 'See https://shop.test/returns')).toEqual(['url shop.test/returns/form']);
    expect(unsupportedFacts('Mail refunds@shop.test', 'Mail help@shop.test')).toEqual(['email refunds@shop.test']);
  });
});

describe('combine: the embedding signal beside the built-in decision', () => {
  const byId = new Map(kb.map((e) => [e.id, e]));
  const base = (over: Partial<BotAnswer>): BotAnswer => ({
    decision: 'abstain', faqId: null, score: 0, answer: null, question: null, quickReplies: [], suggestions: [], nearest: [], thresholds: { answer: 0.6, suggest: 0.3 }, ...over,
  });
  const ship = { faqId: 'en-ship', question: 'How much does shipping cost?', score: 0.8 };
  const answered = base({ decision: 'answer', faqId: 'en-ship', answer: 'Shipping costs €4.90, free over €49.', question: ship.question, score: 0.8, nearest: [ship] });

  it('keeps a built-in answer its entry still leads, and suggests when the signals disagree', () => {
    expect(combine(answered, new Map([['en-ship', 0.7], ['en-club', 0.2]]), byId)).toMatchObject({ decision: 'answer', faqId: 'en-ship' });
    // A strong built-in answer outweighs one high cosine (0.6 × 0.8 > 0.4 × 0.99); a weaker one does not.
    expect(combine(answered, new Map([['en-ship', 0.0], ['en-club', 0.99]]), byId)).toMatchObject({ decision: 'answer', faqId: 'en-ship' });
    const weak = { ...answered, score: 0.55, nearest: [{ ...ship, score: 0.55 }] };
    const split = combine(weak, new Map([['en-ship', 0.0], ['en-club', 0.99], ['en-returns', 0.1]]), byId);
    expect(split).toMatchObject({ decision: 'suggest', faqId: null, answer: null });
    expect(split.suggestions.map((s) => s.faqId).sort()).toEqual(['en-club', 'en-ship']);
  });

  it('answers on embeddings alone only above 0.9 and clear of the runner-up; suggests from 0.6; else abstains', () => {
    expect(combine(base({}), new Map([['en-club', 0.95], ['en-ship', 0.3]]), byId)).toMatchObject({ decision: 'answer', faqId: 'en-club', answer: kb[2]!.answer });
    expect(combine(base({}), new Map([['en-club', 0.95], ['en-ship', 0.93]]), byId)).toMatchObject({ decision: 'suggest', faqId: null });
    expect(combine(base({}), new Map([['en-club', 0.7], ['en-ship', 0.3]]), byId)).toMatchObject({ decision: 'suggest', suggestions: [{ faqId: 'en-club' }] });
    expect(combine(base({}), new Map([['en-club', 0.5], ['en-ship', 0.3]]), byId)).toMatchObject({ decision: 'abstain', faqId: null, suggestions: [] });
  });
});

describe('the optional model provider', () => {
  it('is off by default: no provider, no call, and a saved but disabled one makes none either', async () => {
    const cookie = await admin();
    const got = await fetch(providerUrl(), { headers: { cookie } });
    expect(await got.json()).toEqual({ provider: null });
    expect((await ask(cookie, 'how much is shipping?')).faqId).toBe('en-ship');
    expect((await setProvider(cookie, { enabled: false, useEmbeddings: true, useAnswers: true })).status).toBe(200);
    expect((await ask(cookie, 'how much is shipping?')).phrased).toBeUndefined();
    expect(ctx.s.app.parla.bot.usesProvider(SITE)).toBe(false);
    expect(fake.calls).toEqual([]);
  });

  it('embeddings make a suggestion of an entry the built-in matcher cannot find; only changed entries are embedded again', async () => {
    const cookie = await admin();
    // Words the built-in vocabulary does not know ("rewards" it does: loyalty), the fake's model does.
    const question = 'tell me about the galactic scheme';
    const builtin = await ask(cookie, question);
    expect(builtin.faqId).toBeNull();
    expect([...builtin.suggestions, ...builtin.nearest].map((n) => n.faqId)).not.toContain('en-club');

    expect((await setProvider(cookie, { useEmbeddings: true })).status).toBe(200);
    const a = await ask(cookie, question);
    expect(a).toMatchObject({ decision: 'suggest', faqId: null, answer: null });
    expect(a.suggestions.map((s) => s.faqId)).toContain('en-club');
    expect(a.nearest[0]!.faqId).toBe('en-club');
    // OpenAI's shape: {model, input: string[]}, the key as a Bearer token; the entries once (question and alternatives), then the question.
    const embeds = fake.calls.filter((c) => c.path === '/v1/embeddings');
    expect(embeds.every((c) => c.auth === `Bearer ${KEY}` && c.body.model === 'text-embedding-3-small')).toBe(true);
    const texts = embeds.flatMap((c) => c.body.input as string[]);
    expect(texts.filter((t) => t === 'How does the Stardust club work?')).toHaveLength(1);
    expect(texts).toContain(question);
    expect(fake.calls.some((c) => c.path === '/v1/chat/completions')).toBe(false); // answers not asked for

    // Still suggested on a second ask, without embedding the entries again.
    fake.calls = [];
    expect((await ask(cookie, question)).suggestions.map((s) => s.faqId)).toContain('en-club');
    expect(fake.calls.flatMap((c) => c.body.input as string[])).toEqual([question]);

    // A FAQ change: only the changed entry's texts are embedded.
    fake.calls = [];
    const changed = kb.map((e) => (e.id === 'en-returns' ? { ...e, question: 'How can I return or refund an item?' } : e));
    expect((await fetch(`${ctx.s.url}/api/sites/${SITE}/faqs`, { method: 'PUT', headers: { ...json, ...withCsrf(cookie) }, body: JSON.stringify(changed) })).status).toBe(200);
    await ask(cookie, question);
    expect(fake.calls.flatMap((c) => c.body.input as string[]).sort()).toEqual(['How can I return or refund an item?', question].sort());
  });

  it('phrases a grounded answer from the given entries only, citing one of them', async () => {
    const cookie = await admin();
    const before = await ask(cookie, 'how much is shipping?');
    expect(before).toMatchObject({ decision: 'answer', faqId: 'en-ship' });
    expect((await setProvider(cookie, { useAnswers: true })).status).toBe(200);
    let seen: { system: string; user: string } | null = null;
    fake.chat = (system, user) => {
      seen = { system, user };
      return JSON.stringify({ entry: 'en-ship', answer: 'Shipping is €4.90, and it is free for orders over €49.' });
    };
    const a = await ask(cookie, 'how much is shipping?');
    expect(a).toMatchObject({ decision: 'answer', faqId: 'en-ship', answer: 'Shipping is €4.90, and it is free for orders over €49.', phrased: true, quickReplies: ['Track my order'] });
    // The prompt: the best 1–3 entries (their question and answer) and the shopper's question; nothing else.
    const given = promptEntries(seen!.system);
    expect(given.length).toBeGreaterThanOrEqual(1);
    expect(given.length).toBeLessThanOrEqual(3);
    expect(given[0]).toEqual({ id: 'en-ship', question: 'How much does shipping cost?', answer: 'Shipping costs €4.90, free over €49.' });
    expect(seen!.user).toBe('how much is shipping?');
    const chatCall = fake.calls.find((c) => c.path === '/v1/chat/completions')!;
    expect(chatCall).toMatchObject({ auth: `Bearer ${KEY}`, body: { model: 'gpt-4o-mini', response_format: { type: 'json_object' } } });

    // An entry it was not given is not cited: the built-in answer stands.
    fake.chat = () => JSON.stringify({ entry: 'it-sped', answer: 'La spedizione costa 4,90 €.' });
    expect(await ask(cookie, 'how much is shipping?')).toMatchObject({ decision: 'answer', faqId: 'en-ship', answer: 'Shipping costs €4.90, free over €49.' });
    // Not JSON: the same.
    fake.chat = () => 'Sure! Shipping is cheap.';
    expect(await ask(cookie, 'how much is shipping?')).toMatchObject({ decision: 'answer', faqId: 'en-ship', answer: 'Shipping costs €4.90, free over €49.' });
  });

  it("an invented number falls back to the entry's own text", async () => {
    const cookie = await admin();
    expect((await setProvider(cookie, { useAnswers: true })).status).toBe(200);
    fake.chat = () => JSON.stringify({ entry: 'en-ship', answer: 'Shipping is €3.90, free over €49.' });
    const a = await ask(cookie, 'how much is shipping?');
    expect(a).toMatchObject({ decision: 'answer', faqId: 'en-ship', answer: 'Shipping costs €4.90, free over €49.', phrased: false });
  });

  it('{"entry": null}: the bot does not answer outright', async () => {
    const cookie = await admin();
    expect((await setProvider(cookie, { useAnswers: true })).status).toBe(200);
    fake.chat = () => '{"entry": null}';
    const a = await ask(cookie, 'how much is shipping?');
    expect(a.decision).not.toBe('answer');
    expect(a).toMatchObject({ faqId: null, answer: null });
    expect(a.suggestions.map((s) => s.faqId)).toContain('en-ship');
  });

  it('the provider answering 500 leaves the built-in decision', async () => {
    const cookie = await admin();
    const builtin = await ask(cookie, 'how much is shipping?');
    expect((await setProvider(cookie, { useEmbeddings: true, useAnswers: true })).status).toBe(200);
    fake.mode = 'error';
    const a = await ask(cookie, 'how much is shipping?');
    expect(a).toEqual(builtin);
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(logLines.some((l) => l.includes('HTTP 500'))).toBe(true);
  });

  it('a provider that hangs 10 s: the bot replies in the chat within 1.5 s with the built-in answer', async () => {
    const cookie = await admin();
    await ctx.s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, botMode: 'first' });
    expect((await setProvider(cookie, { useEmbeddings: true, useAnswers: true })).status).toBe(200);
    fake.mode = 'hang';
    const v = shopper();
    await v.frame('welcome');
    const clientId = newClientId();
    const t0 = performance.now();
    v.session.sendReliable({ type: 'message.send', clientId, body: 'how much is shipping?' });
    await v.frame('ack', (f) => f.clientId === clientId);
    const reply = await v.waitFor(() => botSaid(v)[0], 'bot reply');
    const ms = performance.now() - t0;
    expect(reply).toMatchObject({ body: 'Shipping costs €4.90, free over €49.', faqId: 'en-ship' });
    expect(ms).toBeLessThan(2500);
    expect(fake.calls.length).toBeGreaterThan(0); // it was asked, and did not answer in time

    // The try-the-bot API too.
    const t1 = performance.now();
    expect(await ask(cookie, 'how much is shipping?')).toMatchObject({ decision: 'answer', faqId: 'en-ship', answer: 'Shipping costs €4.90, free over €49.' });
    expect(performance.now() - t1).toBeLessThan(2500);
  });

  it('a chat over a real WebSocket: the message is acked at once, the grounded answer follows in order', async () => {
    const cookie = await admin();
    await ctx.s.app.parla.sites.saveSettings(SITE, { ...DEFAULT_SITE_SETTINGS, botMode: 'first' });
    expect((await setProvider(cookie, { useEmbeddings: true, useAnswers: true })).status).toBe(200);
    fake.chatDelayMs = 300;
    fake.chat = (system, user) => {
      const e = promptEntries(system)[0]!;
      return JSON.stringify(user.includes('shipping') ? { entry: e.id, answer: `Good question! ${e.answer}` } : { entry: null });
    };
    const v = shopper();
    await v.frame('welcome');
    const clientId = newClientId();
    v.session.sendReliable({ type: 'message.send', clientId, body: 'how much is shipping?' });
    const ack = await v.frame('ack', (f) => f.clientId === clientId);
    expect(botSaid(v)).toEqual([]); // the ack does not wait for the provider
    const reply = await v.waitFor(() => botSaid(v)[0], 'bot reply');
    expect(reply).toMatchObject({ body: 'Good question! Shipping costs €4.90, free over €49.', faqId: 'en-ship', quickReplies: ['Track my order'], authorName: 'Assistant' });
    const visitorMsg = v.items.find((i) => i.item.kind === 'message' && i.item.clientId === clientId)!.item;
    expect(reply.seq).toBeGreaterThan(visitorMsg.seq);
    expect(ctx.s.app.parla.store.conversation(ack.conversationId)!.state).toBe('bot');

    // Asked for a person while the provider works: the handover is immediate and the bot keeps quiet after it.
    fake.chatDelayMs = 600;
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'how much is shipping to Rome?' });
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'I want a real person' });
    await v.frame('conversation', (f) => f.conversation.state === 'queued');
    await new Promise((r) => setTimeout(r, 1600));
    expect(botSaid(v)).toHaveLength(1);
  });

  it('keeps the key write-only: never in a GET, a test result or the logs; admins only, with CSRF', async () => {
    const cookie = await admin();
    const saved = await setProvider(cookie, { useEmbeddings: true });
    const savedText = await saved.text();
    expect(savedText).not.toContain(KEY);
    expect(JSON.parse(savedText).provider).toMatchObject({ enabled: true, baseUrl: fake.url, hasKey: true, useEmbeddings: true, useAnswers: false });
    const got = await fetch(providerUrl(), { headers: { cookie } });
    const gotText = await got.text();
    expect(gotText).not.toContain(KEY);
    expect(JSON.parse(gotText).provider.hasKey).toBe(true);
    expect(got.headers.get('cache-control')).toBe('no-store');
    // Neither in the site's settings.
    expect(await (await fetch(`${ctx.s.url}/api/sites/${SITE}/settings`, { headers: { cookie } })).text()).not.toContain(KEY);

    // A PUT without the key keeps it (the fake still gets it); the test connection says ok.
    expect((await setProvider(cookie, { apiKey: undefined, useEmbeddings: true })).status).toBe(200);
    const test = async () => (await fetch(`${providerUrl()}/test`, { method: 'POST', headers: withCsrf(cookie) })).text();
    const ok = await test();
    expect(JSON.parse(ok)).toMatchObject({ ok: true, call: 'embeddings', reason: null });
    expect(fake.calls.at(-1)!.auth).toBe(`Bearer ${KEY}`);

    // A wrong key: the reason, not the key.
    expect((await setProvider(cookie, { apiKey: 'sk-wrong-key-0000' })).status).toBe(200);
    const bad = await test();
    expect(JSON.parse(bad)).toMatchObject({ ok: false, reason: 'HTTP 401 (check the API key)' });
    expect(bad).not.toContain('sk-wrong-key-0000');

    // An explicit clear removes it.
    const cleared = await setProvider(cookie, { apiKey: null });
    expect((await cleared.json()).provider.hasKey).toBe(false);
    expect(ctx.s.app.parla.db.sqlite.prepare('SELECT api_key FROM bot_providers').get()).toEqual({ api_key: null });

    // Bad input is refused with a reason; non-admins and requests without the CSRF token are refused.
    const refused = await setProvider(cookie, { baseUrl: 'file:///etc/passwd' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/http or https/);
    expect((await setProvider(cookie, { baseUrl: `http://user:${KEY}@127.0.0.1/v1` })).status).toBe(400);
    const noModel = await setProvider(cookie, { useAnswers: true, chatModel: '' });
    expect([noModel.status, (await noModel.json()).message]).toEqual([400, 'chatModel: phrased answers need a chat model']);
    const noCsrf = await fetch(providerUrl(), { method: 'PUT', headers: { ...json, cookie }, body: JSON.stringify({ enabled: true, baseUrl: fake.url, apiKey: KEY }) });
    expect(noCsrf.status).toBe(403);
    await ctx.s.addAgent('ada@shop.test', 'Ada');
    const agentCookie = await ctx.s.login('ada@shop.test');
    expect((await fetch(providerUrl(), { headers: { cookie: agentCookie } })).status).toBe(403);
    expect((await setProvider(agentCookie, {})).status).toBe(403);

    // Asked with the key set, the answers and the logs never carry it.
    expect((await setProvider(cookie, { useEmbeddings: true, useAnswers: true })).status).toBe(200);
    fake.mode = 'error';
    await ask(cookie, 'how much is shipping?');
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).not.toContain(KEY);
    expect(logLines.join('\n')).not.toContain('sk-wrong-key-0000');
  });
});
