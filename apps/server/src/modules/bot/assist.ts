/**
 * The optional model provider's part in an answer (per site, off by default). It starts from the
 * built-in decision and may change it in two steps, each within one shared deadline:
 *
 * 1. Embeddings, a second retrieval signal. Candidates: the built-in nearest entries plus the
 *    embedding top 3. Each gets combined = 0.6 × built-in score + 0.4 × cosine (the cosine over the
 *    entry's question and alternatives, best of them; an entry the built-in matcher did not rank
 *    scores 0 there). The rule:
 *    - a built-in answer stays an answer when its entry is still first; otherwise the two signals
 *      disagree and the bot suggests both entries (and any other with a cosine of COS_SUGGEST);
 *    - otherwise an entry is suggested when the built-in matcher suggested it or its cosine is at
 *      least COS_SUGGEST; embeddings alone make an outright answer only when the top cosine is at
 *      least COS_ANSWER and leads the second by COS_LEAD.
 * 2. A grounded answer (chat). On an answer or a suggestion, the model gets the best 1–3 entries
 *    (question + answer) and the question, and replies {"entry": id, "answer": text} or
 *    {"entry": null}. The cited id must be one of the given entries; a phrasing that states a number,
 *    price, date, percentage, URL or email not in the cited entry's answer is replaced by that
 *    entry's own text (grounding.ts); {"entry": null} never answers outright (an answer becomes a
 *    suggestion of the given entries; a suggestion stays one).
 *
 * A step that times out or fails (HTTP error, malformed reply) leaves the decision as it was before
 * it: the built-in one when the provider does nothing useful. What is sent: the question and the
 * FAQ entries' text, nothing else about the shopper.
 */
import { createHash } from 'node:crypto';
import type { BotProviderQueries } from '@parla/db';
import type { BotAnswer, BotNearest, FaqEntry, Lang } from '@parla/protocol';
import { unsupportedFacts } from './grounding.ts';
import { chat, cosine, embed, groundedPrompt, parseGrounded, ProviderError, providerReason, type ProviderConfig } from './provider.ts';

/** The provider may delay the bot's reply by at most this much (the deadline shared by every call of one answer). */
export const PROVIDER_DEADLINE_MS = 1400;
const W_BUILTIN = 0.6;
const W_EMBED = 0.4;
export const COS_SUGGEST = 0.6;
export const COS_ANSWER = 0.9;
export const COS_LEAD = 0.05;
const EMBED_BATCH = 64;
/** Embedding a site's entries (in the background, batch by batch) may take this long per batch. */
const INDEX_TIMEOUT_MS = 30_000;
/** After a failed indexing, the next try waits this long (asks meanwhile go without embeddings). */
const INDEX_RETRY_MS = 60_000;

interface SiteIndex {
  /** baseUrl + model: another model, another index. */
  key: string;
  entries: FaqEntry[] | null;
  /** text hash -> vector, only the texts of the current entries. */
  vectors: Map<string, number[]>;
  building: Promise<void> | null;
  failedAt: number;
}

type Log = { warn(obj: object, msg: string): void };

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');
const phrasings = (e: FaqEntry) => [e.question, ...e.alternatives].filter((t) => t.trim());
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Rejects when the signal aborts (to stop waiting for something that goes on in the background). */
function aborted(signal: AbortSignal): Promise<never> {
  const p = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new ProviderError('timed out'));
    signal.addEventListener('abort', () => reject(new ProviderError('timed out')), { once: true });
  });
  p.catch(() => undefined); // it fires after the ask too (the deadline's timer): not an unhandled rejection
  return p;
}

export class BotProvider {
  private readonly indexes = new Map<string, SiteIndex>();
  /** Aborted when the server closes: no call outlives it. */
  private readonly closing = new AbortController();
  /** Texts embedded so far (for the tests and the logs). */
  embeddedTexts = 0;

  constructor(
    private readonly q: BotProviderQueries,
    private readonly log: Log,
    private readonly now: () => number = Date.now,
    readonly deadlineMs = PROVIDER_DEADLINE_MS,
  ) {}

  /** The site's provider when it is enabled and has something to do; null: the bot is the built-in matcher alone. */
  config(siteId: string): ProviderConfig | null {
    const r = this.q.get(siteId);
    if (!r || !r.enabled) return null;
    const cfg: ProviderConfig = {
      baseUrl: r.baseUrl,
      chatModel: r.chatModel,
      embeddingModel: r.embeddingModel,
      useEmbeddings: r.useEmbeddings === 1 && r.embeddingModel !== '',
      useAnswers: r.useAnswers === 1 && r.chatModel !== '',
      apiKey: r.apiKey,
    };
    return cfg.useEmbeddings || cfg.useAnswers ? cfg : null;
  }

  /**
   * The FAQ or the provider settings changed: the entries are read again and, when the site uses
   * embeddings, the texts not embedded yet are embedded now in the background (unchanged texts keep
   * their vectors), so that the next asks need not wait for them.
   */
  faqsChanged(siteId: string, faqs: () => FaqEntry[]): void {
    const ix = this.indexes.get(siteId);
    if (ix) {
      ix.entries = null;
      ix.failedAt = 0;
    }
    const cfg = this.config(siteId);
    if (!cfg?.useEmbeddings) return;
    const fresh = this.index(siteId, cfg);
    fresh.entries ??= faqs();
    this.build(siteId, cfg, fresh).catch(() => undefined); // reported in build
  }

  /** The server is closing: every call in flight is aborted. */
  close(): void {
    this.closing.abort();
  }

  forgetSite(siteId: string): void {
    this.indexes.delete(siteId);
  }

  /** Improves the built-in answer with the provider, within the deadline; never throws. */
  async improve(siteId: string, question: string, lang: Lang, base: BotAnswer, faqs: () => FaqEntry[]): Promise<BotAnswer> {
    const cfg = this.config(siteId);
    if (!cfg) return base;
    const signal = AbortSignal.any([AbortSignal.timeout(this.deadlineMs), this.closing.signal]);
    let a = base;
    const entries = this.entries(siteId, cfg, faqs);
    const byId = new Map(entries.map((e) => [e.id, e]));
    if (cfg.useEmbeddings) {
      try {
        const cos = await this.cosines(siteId, cfg, question, lang, faqs, signal);
        a = combine(a, cos, byId);
      } catch (err) {
        this.log.warn({ site: siteId, reason: providerReason(err) }, 'model provider: embeddings failed; the built-in ranking is used');
      }
    }
    if (cfg.useAnswers && a.decision !== 'abstain') {
      try {
        a = await this.ground(cfg, a, question, lang, byId, signal);
      } catch (err) {
        this.log.warn({ site: siteId, reason: providerReason(err) }, 'model provider: grounded answer failed; the matched entry is used');
      }
    }
    return a;
  }

  /** One call with the stored settings (the console's "Test connection"): embeddings when a model is set, else chat. */
  async test(siteId: string, timeoutMs = 5000): Promise<{ ok: boolean; call: 'embeddings' | 'chat' | 'none'; ms: number; reason: string | null }> {
    const r = this.q.get(siteId);
    if (!r) return { ok: false, call: 'none', ms: 0, reason: 'no provider is set' };
    const cfg: ProviderConfig = { baseUrl: r.baseUrl, chatModel: r.chatModel, embeddingModel: r.embeddingModel, useEmbeddings: true, useAnswers: true, apiKey: r.apiKey };
    const call = r.embeddingModel ? 'embeddings' : r.chatModel ? 'chat' : 'none';
    if (call === 'none') return { ok: false, call, ms: 0, reason: 'no model is set' };
    const t0 = performance.now();
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), this.closing.signal]);
    try {
      if (call === 'embeddings') await embed(cfg, ['test'], signal);
      else await chat(cfg, [{ role: 'user', content: 'Reply with the JSON object {"ok": true}.' }], signal, 20);
      return { ok: true, call, ms: Math.round(performance.now() - t0), reason: null };
    } catch (err) {
      return { ok: false, call, ms: Math.round(performance.now() - t0), reason: providerReason(err) };
    }
  }

  private index(siteId: string, cfg: ProviderConfig): SiteIndex {
    const key = `${cfg.baseUrl}\n${cfg.embeddingModel}`;
    let ix = this.indexes.get(siteId);
    if (!ix || ix.key !== key) {
      ix = { key, entries: null, vectors: new Map(), building: null, failedAt: 0 };
      this.indexes.set(siteId, ix);
    }
    return ix;
  }

  private entries(siteId: string, cfg: ProviderConfig, faqs: () => FaqEntry[]): FaqEntry[] {
    const ix = this.index(siteId, cfg);
    ix.entries ??= faqs();
    return ix.entries;
  }

  /** Embeds the entries' texts not embedded yet (in the background: an ask waits for it only within its deadline). */
  private build(siteId: string, cfg: ProviderConfig, ix: SiteIndex): Promise<void> {
    if (ix.building) return ix.building;
    const entries = ix.entries ?? [];
    const wanted = new Map<string, string>();
    for (const e of entries) for (const t of phrasings(e)) wanted.set(hashOf(t), t);
    for (const h of ix.vectors.keys()) if (!wanted.has(h)) ix.vectors.delete(h); // entries gone or changed
    const missing = [...wanted].filter(([h]) => !ix.vectors.has(h));
    if (!missing.length) return Promise.resolve();
    ix.building = (async () => {
      for (let i = 0; i < missing.length; i += EMBED_BATCH) {
        const batch = missing.slice(i, i + EMBED_BATCH);
        const vectors = await embed(cfg, batch.map(([, t]) => t), AbortSignal.any([AbortSignal.timeout(INDEX_TIMEOUT_MS), this.closing.signal]));
        batch.forEach(([h], j) => ix.vectors.set(h, vectors[j]!));
        this.embeddedTexts += batch.length;
      }
    })()
      .catch((err: unknown) => {
        ix.failedAt = this.now();
        this.log.warn({ site: siteId, reason: providerReason(err) }, 'model provider: embedding the FAQ failed');
        throw err;
      })
      .finally(() => {
        ix.building = null;
      });
    return ix.building;
  }

  /** The cosine of the question with each entry of its language (best over the entry's phrasings). */
  private async cosines(siteId: string, cfg: ProviderConfig, question: string, lang: Lang, faqs: () => FaqEntry[], signal: AbortSignal): Promise<Map<string, number>> {
    const ix = this.index(siteId, cfg);
    ix.entries ??= faqs();
    if (ix.failedAt && this.now() - ix.failedAt < INDEX_RETRY_MS) throw new ProviderError('embedding the FAQ failed recently');
    const built = this.build(siteId, cfg, ix);
    built.catch(() => undefined); // reported in build; an ask that gave up waiting must not leave it unhandled
    const [[q]] = await Promise.all([embed(cfg, [question], signal), Promise.race([built, aborted(signal)])]);
    const out = new Map<string, number>();
    for (const e of ix.entries) {
      if (e.lang !== lang) continue;
      let best = -1;
      for (const t of phrasings(e)) {
        const v = ix.vectors.get(hashOf(t));
        if (v) best = Math.max(best, cosine(q!, v));
      }
      if (best > -1) out.set(e.id, best);
    }
    return out;
  }

  private async ground(cfg: ProviderConfig, a: BotAnswer, question: string, lang: Lang, byId: Map<string, FaqEntry>, signal: AbortSignal): Promise<BotAnswer> {
    // An answer: its entry and the next nearest ones the bot would at least suggest; a suggestion: the entries offered.
    const close = a.nearest.filter((n) => n.faqId !== a.faqId && n.score >= a.thresholds.suggest).map((n) => n.faqId);
    const ids = a.decision === 'answer' ? [a.faqId!, ...close] : a.suggestions.map((s) => s.faqId);
    const given = [...new Set(ids)]
      .slice(0, 3)
      .map((id) => byId.get(id))
      .filter((e): e is FaqEntry => !!e);
    if (!given.length) return a;
    const reply = parseGrounded(await chat(cfg, groundedPrompt(question, lang, given), signal));
    if (!reply) throw new ProviderError('malformed grounded reply');
    if (reply.entry === null) {
      // The entries do not cover the question: never an outright answer.
      if (a.decision !== 'answer') return a;
      return { ...a, decision: 'suggest', faqId: null, answer: null, question: null, quickReplies: [], suggestions: given.map((e) => nearestOf(a, e)) };
    }
    const cited = given.find((e) => e.id === reply.entry);
    if (!cited) throw new ProviderError('the reply cites an entry it was not given');
    const invented = unsupportedFacts(reply.answer, cited.answer);
    return {
      ...a,
      decision: 'answer',
      faqId: cited.id,
      answer: invented.length ? cited.answer : reply.answer,
      question: cited.question,
      quickReplies: cited.quickReplies,
      suggestions: [],
      phrased: invented.length === 0,
    };
  }
}

function nearestOf(a: BotAnswer, e: FaqEntry): BotNearest {
  return a.nearest.find((n) => n.faqId === e.id) ?? { faqId: e.id, question: e.question, score: 0 };
}

/** The embedding signal combined with the built-in decision (the rule in this file's header). */
export function combine(a: BotAnswer, cos: Map<string, number>, byId: Map<string, FaqEntry>): BotAnswer {
  if (!cos.size) return a;
  const builtin = new Map(a.nearest.map((n) => [n.faqId, n.score]));
  const byCos = [...cos].sort((x, y) => y[1] - x[1]);
  const candidates = new Set([...a.nearest.map((n) => n.faqId), ...byCos.slice(0, 3).map(([id]) => id)]);
  const ranked = [...candidates]
    .filter((id) => byId.has(id))
    .map((id) => {
      const c = Math.max(0, cos.get(id) ?? 0);
      const b = builtin.get(id) ?? 0;
      return { id, b, c, combined: W_BUILTIN * b + W_EMBED * c };
    })
    .sort((x, y) => y.combined - x.combined);
  const near = (r: (typeof ranked)[number]): BotNearest => ({ faqId: r.id, question: byId.get(r.id)!.question, score: round(r.combined) });
  const nearest = ranked.slice(0, 5).map(near);
  const top = ranked[0];
  if (!top) return a;
  if (a.decision === 'answer') {
    if (top.id === a.faqId) return { ...a, nearest };
    const offer = ranked.filter((r) => r === top || r.id === a.faqId || r.c >= COS_SUGGEST).slice(0, 3);
    return { ...a, decision: 'suggest', faqId: null, answer: null, question: null, quickReplies: [], suggestions: offer.map(near), nearest };
  }
  const suggested = new Set(a.suggestions.map((s) => s.faqId));
  const offer = ranked.filter((r) => suggested.has(r.id) || r.c >= COS_SUGGEST).slice(0, 3);
  const [c1, c2] = [byCos[0]?.[1] ?? 0, byCos[1]?.[1] ?? 0];
  if (byCos[0] && c1 >= COS_ANSWER && c1 - c2 >= COS_LEAD) {
    const e = byId.get(byCos[0][0])!;
    return { ...a, decision: 'answer', faqId: e.id, answer: e.answer, question: e.question, quickReplies: e.quickReplies, suggestions: [], nearest, score: round(c1) };
  }
  if (offer.length) return { ...a, decision: 'suggest', faqId: null, answer: null, question: null, quickReplies: [], suggestions: offer.map(near), nearest };
  return { ...a, nearest };
}
