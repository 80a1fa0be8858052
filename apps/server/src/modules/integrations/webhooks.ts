/**
 * Webhooks. The chat path only inserts outbox rows: `Conversations` calls this sink inside the
 * transaction of each event, message and rating, so a delivery exists exactly when the change
 * committed (a rolled-back write leaves no delivery, a committed one is never lost). A worker then
 * POSTs them, each endpoint's deliveries one at a time in the order they were written: a failing
 * delivery holds the ones after it (receivers see events in order) until it succeeds or runs out
 * of attempts (WEBHOOK_RETRY_SCHEDULE: the waits between attempts, with up to 25% jitter added),
 * after which it is `failed` and the next one goes. Redelivering puts a delivery back at its place.
 */
import type { ConversationRow, EventRow, GroupCommit, IntegrationQueries, MessageRow, Store, WebhookDeliveryRow, WebhookEndpointRow, WebhookHeadRow } from '@parla/db';
import type { WebhookConversation, WebhookDelivery, WebhookDeliveryDetail, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointPatch, WebhookEventType, WebhookPayload } from '@parla/protocol/api';
import type { FastifyBaseLogger } from 'fastify';
import { nanoid } from 'nanoid';
import { randomBytes } from 'node:crypto';
import type { ChangeSink } from '../conversations/service.ts';
import { ServiceError } from '../conversations/errors.ts';
import { sign } from './signature.ts';
import { targetProblem, urlProblem } from './targets.ts';

export interface WebhookOptions {
  allowPrivate: boolean;
  /** Waits between attempts, ms; attempts in all = schedule.length + 1. */
  schedule: number[];
  timeoutMs: number;
}

const JITTER = 0.25;
const SNIPPET_BYTES = 300;

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

function conversationView(c: ConversationRow): WebhookConversation {
  return {
    id: c.id,
    siteId: c.siteId,
    visitorId: c.visitorId,
    channel: c.channel === 'callback' ? 'callback' : 'web',
    state: c.state,
    agentId: c.agentId,
    departmentId: c.departmentId,
    priority: c.priority,
    createdAt: c.createdAt,
    queuedAt: c.queuedAt,
    assignedAt: c.assignedAt,
    firstAgentReplyAt: c.firstAgentReplyAt,
    resolvedAt: c.resolvedAt,
  };
}

function deliveryView(d: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: d.id,
    endpointId: d.endpointId,
    event: d.event as WebhookEventType,
    eventId: d.eventId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    deliveredAt: d.deliveredAt,
  };
}

type Extra = Omit<WebhookPayload['data'], 'conversation'>;

export class Webhooks implements ChangeSink {
  /** Enabled endpoints per site and the events each takes (read on the chat path; cleared on every change). */
  private cache = new Map<string, { id: string; events: Set<string> }[]>();
  readonly worker: WebhookWorker;

  constructor(
    private readonly q: IntegrationQueries,
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly opts: WebhookOptions,
    log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {
    this.worker = new WebhookWorker(q, commit, opts, log, now);
  }

  // ---- the sink (inside the change's transaction) ------------------------------------------------

  event(conv: ConversationRow, e: EventRow): void {
    switch (e.kind) {
      case 'created':
        return this.emit(conv, 'conversation.created', {}, e.createdAt);
      case 'queued':
        return this.emit(conv, 'conversation.queued', { reason: e.actorType === 'bot' ? 'handover' : e.actorId === null ? 'requeued' : 'new' }, e.createdAt);
      case 'reopened':
        return this.emit(conv, 'conversation.queued', { reason: 'reopened' }, e.createdAt);
      case 'assigned':
        return this.emit(conv, 'conversation.assigned', { agent: { id: e.agentId!, name: e.agentName } }, e.createdAt);
      case 'transferred':
        if (e.agentId) return this.emit(conv, 'conversation.assigned', { agent: { id: e.agentId, name: e.agentName }, transferred: true }, e.createdAt);
        if (this.store.conversation(conv.id)?.state === 'queued') return this.emit(conv, 'conversation.queued', { reason: 'transferred' }, e.createdAt);
        return;
      case 'resolved':
        return this.emit(conv, 'conversation.resolved', e.reason ? { reason: e.reason } : {}, e.createdAt);
      default:
        return; // sla_breached, bot_unhelpful: not events of the API
    }
  }

  message(conv: ConversationRow, m: MessageRow): void {
    // The message path: nothing is built for a site without a subscribed endpoint.
    if (!this.endpointsFor(conv.siteId).some((e) => e.events.has('message.created'))) return;
    const message = { id: m.id, seq: m.seq, authorType: m.authorType, authorId: m.authorId, authorName: m.authorName, body: m.body, createdAt: m.createdAt };
    this.emit(conv, 'message.created', { message }, m.createdAt);
  }

  csat(conv: ConversationRow, rating: number, comment: string | null, changed: boolean, at: number): void {
    this.emit(conv, 'csat.submitted', { csat: { rating, comment, changed } }, at);
  }

  private endpointsFor(siteId: string): { id: string; events: Set<string> }[] {
    let eps = this.cache.get(siteId);
    if (!eps) {
      eps = this.q
        .endpointsOf(siteId)
        .filter((e) => e.enabled)
        .map((e) => ({ id: e.id, events: new Set(JSON.parse(e.events) as string[]) }));
      this.cache.set(siteId, eps);
    }
    return eps;
  }

  private emit(conv: ConversationRow, type: WebhookEventType, extra: Extra, at: number): void {
    const eps = this.endpointsFor(conv.siteId).filter((e) => e.events.has(type));
    if (eps.length === 0) return;
    const eventId = `evt_${nanoid()}`;
    const payload: WebhookPayload = { id: eventId, type, createdAt: at, siteId: conv.siteId, data: { conversation: conversationView(this.store.conversation(conv.id) ?? conv), ...extra } };
    const body = JSON.stringify(payload);
    for (const ep of eps) {
      this.q.insertDelivery({ id: `dlv_${nanoid()}`, endpointId: ep.id, siteId: conv.siteId, conversationId: conv.id, event: type, eventId, payload: body, nextAttemptAt: at, createdAt: at });
    }
    // Runs after this transaction ends (we are inside GroupCommit's synchronous batch): committed rows are seen, rolled-back ones never existed.
    this.worker.kick();
  }

  // ---- the console (admins) ----------------------------------------------------------------------

  private view(e: WebhookEndpointRow): WebhookEndpoint {
    return {
      id: e.id,
      siteId: e.siteId,
      url: e.url,
      description: e.description,
      events: JSON.parse(e.events) as WebhookEventType[],
      enabled: e.enabled === 1,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      ...this.q.counts(e.id),
    };
  }

  list(siteId: string): WebhookEndpoint[] {
    return this.q.endpointsOf(siteId).map((e) => this.view(e));
  }

  endpoint(id: string): WebhookEndpointRow {
    const e = this.q.endpoint(id);
    if (!e) throw new ServiceError('not_found', 'no such webhook endpoint');
    return e;
  }

  /** null when the URL may not be used (a private target without WEBHOOK_ALLOW_PRIVATE), with the reason in `problem`. */
  urlProblem(url: string): string | null {
    return urlProblem(url, this.opts.allowPrivate);
  }

  async create(siteId: string, input: WebhookEndpointInput): Promise<WebhookEndpoint & { secret: string }> {
    const at = this.now();
    const row: WebhookEndpointRow = {
      id: `whe_${nanoid()}`,
      siteId,
      url: input.url,
      description: input.description,
      secret: newWebhookSecret(),
      events: JSON.stringify([...new Set(input.events)]),
      enabled: input.enabled ? 1 : 0,
      createdAt: at,
      updatedAt: at,
    };
    await this.changed(() => this.q.insertEndpoint(row));
    return { ...this.view(row), secret: row.secret };
  }

  async update(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpoint> {
    await this.changed(() => {
      const e = this.endpoint(id);
      this.q.updateEndpoint({
        id,
        url: patch.url ?? e.url,
        description: patch.description ?? e.description,
        events: patch.events ? JSON.stringify([...new Set(patch.events)]) : e.events,
        enabled: patch.enabled === undefined ? e.enabled : patch.enabled ? 1 : 0,
        updatedAt: this.now(),
      });
    });
    this.worker.kick(); // re-enabled: its waiting deliveries go
    return this.view(this.endpoint(id));
  }

  async remove(id: string): Promise<void> {
    await this.changed(() => {
      if (!this.q.removeEndpoint(id)) throw new ServiceError('not_found', 'no such webhook endpoint');
    });
  }

  async rotateSecret(id: string): Promise<string> {
    const secret = newWebhookSecret();
    await this.commit.run(() => {
      if (!this.q.setEndpointSecret(id, secret, this.now())) throw new ServiceError('not_found', 'no such webhook endpoint');
    });
    return secret;
  }

  deliveries(endpointId: string, limit: number): WebhookDelivery[] {
    return this.q.deliveriesOf(endpointId, limit).map(deliveryView);
  }

  delivery(id: string): WebhookDeliveryDetail & { siteId: string } {
    const d = this.q.delivery(id);
    if (!d) throw new ServiceError('not_found', 'no such delivery');
    return { ...deliveryView(d), payload: d.payload, siteId: d.siteId };
  }

  async redeliver(id: string): Promise<WebhookDelivery> {
    await this.commit.run(() => {
      if (!this.q.delivery(id)) throw new ServiceError('not_found', 'no such delivery');
      if (!this.q.redeliver(id, this.now())) throw new ServiceError('conflict', 'the delivery is still pending');
    });
    this.worker.kick();
    return deliveryView(this.q.delivery(id)!);
  }

  /** A site was deleted (its endpoints with it): nothing cached of it stays. */
  forgetSite(siteId: string): void {
    this.cache.delete(siteId);
  }

  private async changed(fn: () => void): Promise<void> {
    try {
      await this.commit.run(fn);
    } finally {
      this.cache.clear();
    }
  }
}

/** Sends the outbox: per endpoint one delivery at a time, oldest first; retries on the schedule. */
export class WebhookWorker {
  private readonly inFlight = new Map<string, AbortController>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private kicked = false;
  private stopped = true;
  /** Attempts made since start (read by tests and logs). */
  attempts = 0;

  constructor(
    private readonly q: IntegrationQueries,
    private readonly commit: GroupCommit,
    private readonly opts: WebhookOptions,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number,
  ) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Stops sending; attempts in flight are aborted and not recorded (they are retried after a restart). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const ac of this.inFlight.values()) ac.abort();
    this.inFlight.clear();
  }

  /** Looks at the outbox soon (after the current transaction, when called inside one). */
  kick(): void {
    if (this.kicked || this.stopped) return;
    this.kicked = true;
    setImmediate(() => {
      this.kicked = false;
      this.tick();
    });
  }

  private tick(): void {
    if (this.stopped) return;
    let heads: WebhookHeadRow[];
    try {
      heads = this.q.heads();
    } catch (err) {
      this.log.error({ err }, 'webhook outbox read failed');
      return;
    }
    const at = this.now();
    let next = Number.POSITIVE_INFINITY;
    for (const h of heads) {
      if (this.inFlight.has(h.endpointId)) continue;
      if (h.nextAttemptAt <= at) void this.attempt(h);
      else next = Math.min(next, h.nextAttemptAt);
    }
    this.arm(next);
  }

  private arm(at: number): void {
    if (!Number.isFinite(at) || (this.timer && this.timerAt <= at)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.tick();
    }, Math.max(0, at - this.now()));
    this.timer.unref();
  }

  /** The wait after the n-th failed attempt (n >= 1), jitter added; null when that was the last attempt. */
  backoff(n: number): number | null {
    const base = this.opts.schedule[n - 1];
    return base === undefined ? null : Math.round(base * (1 + JITTER * Math.random()));
  }

  private async attempt(h: WebhookHeadRow): Promise<void> {
    const ac = new AbortController();
    this.inFlight.set(h.endpointId, ac);
    const n = h.attempts + 1;
    this.attempts++;
    const result = await this.send(h, n, ac.signal);
    if (this.stopped || ac.signal.aborted) return;
    const at = this.now();
    const wait = result.ok ? null : this.backoff(n);
    const status = result.ok ? 'delivered' : wait === null ? 'failed' : 'pending';
    if (!result.ok) this.log.warn({ delivery: h.id, endpoint: h.endpointId, attempt: n, status: result.status, error: result.error, next: status }, 'webhook attempt failed');
    try {
      await this.commit.run(() =>
        this.q.attempted({ id: h.id, status, nextAttemptAt: wait === null ? at : at + wait, lastStatus: result.status, lastError: result.error, at }),
      );
    } catch (err) {
      if (!this.stopped) this.log.error({ err, delivery: h.id }, 'webhook attempt not recorded');
    }
    this.inFlight.delete(h.endpointId);
    this.kick();
  }

  private async send(h: WebhookHeadRow, attempt: number, abort: AbortSignal): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    const problem = await targetProblem(h.url, this.opts.allowPrivate);
    if (problem) return { ok: false, status: null, error: problem };
    const t = Date.now();
    try {
      const res = await fetch(h.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.any([abort, AbortSignal.timeout(this.opts.timeoutMs)]),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Parla-Webhooks/1',
          'x-parla-event': h.event,
          'x-parla-delivery': h.id,
          'x-parla-attempt': String(attempt),
          'x-parla-signature': sign(h.secret, h.payload, t),
        },
        body: h.payload,
      });
      const snippet = await readSnippet(res);
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
      return { ok: false, status: res.status, error: `HTTP ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : ''}${snippet ? `: ${snippet}` : ''}` };
    } catch (e) {
      const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError') return { ok: false, status: null, error: `no response within ${this.opts.timeoutMs} ms` };
      return { ok: false, status: null, error: (err.cause?.code ?? err.cause?.message ?? err.message ?? 'request failed').slice(0, 200) };
    }
  }
}

/** The first bytes of a response body as text (for the delivery log); the rest is discarded. */
async function readSnippet(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < SNIPPET_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // a body cut short: what we have is enough
  } finally {
    void reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8').replace(/\s+/g, ' ').trim();
}
