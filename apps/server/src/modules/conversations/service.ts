/**
 * Conversation lifecycle: messages, states, routing. Every mutation runs inside GroupCommit (one
 * transaction per event-loop turn, a savepoint per operation) and collects its "effects"; the
 * effects are published only after the commit, so nobody hears of a write that is not on disk.
 */
import type { AgentLoadRow, AutoResolveReason, ConversationRow, ConversationSummaryRow, EventKindName, EventRow, GroupCommit, MessageRow, Store } from '@parla/db';
import type { AttachmentInfo, BotAnswer, EventItem, MessageItem, StreamItem, VisitorConversation, ConversationSummary, ServerToAgent } from '@parla/protocol';
import { DEFAULT_ABANDONED_RESOLVE_MIN, DEFAULT_INACTIVITY_RESOLVE_MIN, SYNC_PAGE_SIZE } from '@parla/protocol';
import { nanoid } from 'nanoid';
import { concatFrames, encodeFrame, type Encoded, type Hub } from '../../hub.ts';
import { QueueIndex, type QueueLine } from './queue.ts';
import { siteTopics } from '../../realtime/agent-sites.ts';
import { decideAgent } from '../routing/decide.ts';
import { parseAttributes, priorityOf } from '../routing/priority.ts';
import type { Sites } from '../sites/service.ts';
import type { Bot } from '../bot/service.ts';
import { isOpen } from '../sites/hours.ts';
import { eligible, serves, worksOn } from '../routing/decide.ts';

/** What the bot says in its own words (its answers come from the FAQ in the visitor's language). */
const BOT_TEXT = {
  en: {
    name: 'Assistant',
    handover: "I'll connect you with a colleague who can help.",
    rephrase: 'Sorry that did not help. Could you say it in other words, or talk to a person?',
    suggest: "I'm not sure I understood. Did you mean…",
  },
  it: {
    name: 'Assistente',
    handover: 'Ti metto in contatto con un collega che può aiutarti.',
    rephrase: 'Mi dispiace non esserti stato utile. Puoi riformulare la domanda o parlare con una persona?',
    suggest: 'Non sono sicuro di aver capito. Intendevi…',
  },
} as const;

/** Asking for a person, in English or Italian. */
const HUMAN_RE = /\b(operator|operators|human|person|agent|somebody real|real person|someone|operatore|operatrice|persona|umano|assistenza clienti)\b/i;
const DEFAULT_ESCALATION_KEYWORDS = ['complaint', 'complain', 'reclamo', 'lawyer', 'avvocato'];
/** A visitor at or above this priority skips the bot. */
const HIGH_PRIORITY = 2;
import { ServiceError } from './errors.ts';
import { limitedMessage } from '../security/limits.ts';

export { ServiceError };

/** A resolved conversation the visitor writes to again within this window is reopened; later, a new one starts. */
export const REOPEN_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A visitor may change their satisfaction rating for this long after giving it. */
export const CSAT_CHANGE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A bot conversation whose last FAQ answer was left without reply this long was solved by it (the visitor left satisfied). */
export const BOT_IDLE_RESOLVE_MS = 30 * 60 * 1000;

export interface Actor {
  type: 'visitor' | 'agent' | 'system' | 'bot';
  id: string | null;
  name: string | null;
}

interface Effects {
  items: { conv: ConversationRow; item: StreamItem }[];
  /** Conversations whose inbox row changed beyond its last message (an event, a rating, a call-back). */
  changed: Set<string>;
  /** Conversations with a new message (their inbox row's preview changed). */
  messaged: Set<string>;
  /** Conversations whose state or agent changed (the visitor is told). */
  stateChanged: Set<string>;
  queueChanged: boolean;
  /** Visitor messages the bot answers after the commit, with the site's model provider (providerTurns). */
  botAsks: { conv: ConversationRow; text: string; lang: 'en' | 'it' }[];
}

export interface SendResult {
  conversationId: string;
  message: MessageRow;
  duplicate: boolean;
}

/**
 * Told of every event, message and rating inside the transaction that writes it (the webhooks'
 * outbox is written there, so it commits or rolls back with the change).
 */
export interface ChangeSink {
  event(conv: ConversationRow, e: EventRow): void;
  message(conv: ConversationRow, m: MessageRow): void;
  csat(conv: ConversationRow, rating: number, comment: string | null, changed: boolean, at: number): void;
}

const newEffects = (): Effects => ({ items: [], changed: new Set(), messaged: new Set(), stateChanged: new Set(), queueChanged: false, botAsks: [] });

/**
 * messages.meta: a bot answer's FAQ entry and quick replies (pick: the visitor chose it among the
 * bot's suggestions), the entries a bot message offered, or the proactive message a conversation
 * began with.
 */
type MessageMeta =
  | { faqId: string; quickReplies: string[]; pick?: true }
  | { suggestions: { faqId: string; question: string }[] }
  | { proactive: true; ruleId: string | null }
  | { attachment: AttachmentInfo };

export function messageItem(m: MessageRow): MessageItem {
  const meta = m.meta ? (JSON.parse(m.meta) as MessageMeta) : null;
  return {
    ...(meta && 'faqId' in meta ? { faqId: meta.faqId, quickReplies: meta.quickReplies } : {}),
    ...(meta && 'suggestions' in meta ? { suggestions: meta.suggestions } : {}),
    ...(meta && 'proactive' in meta ? { proactive: true } : {}),
    ...(meta && 'attachment' in meta ? { attachment: meta.attachment } : {}),
    kind: 'message',
    seq: m.seq,
    id: m.id,
    clientId: m.clientId,
    authorType: m.authorType,
    authorId: m.authorId,
    authorName: m.authorName,
    body: m.body,
    createdAt: m.createdAt,
  };
}

export function eventItem(e: EventRow): EventItem {
  return {
    kind: 'event',
    seq: e.seq,
    event: e.kind,
    agentId: e.agentId,
    agentName: e.agentName,
    departmentId: e.departmentId,
    note: e.note,
    ...(e.reason ? { reason: e.reason } : {}),
    createdAt: e.createdAt,
  };
}

/** The sweep resolves (and wakes) at most this many conversations per tick; the rest wait for the next tick. */
export const SWEEP_BATCH = 100;
/** The longest snooze an agent may set. */
export const MAX_SNOOZE_MS = 30 * 24 * 3600_000;
const SYSTEM: Actor = { type: 'system', id: null, name: null };

/** What a visitor may see of an item: internal notes are stripped. */
export function forVisitor(item: StreamItem): StreamItem {
  return item.kind === 'event' && item.note ? { ...item, note: null } : item;
}

/**
 * A row whose only change is a new message (its preview) waits for a flush every this many ms,
 * which carries every such row due, in one write per agent socket (under load: a few writes per
 * agent socket a second instead of one per message and agent). State changes go at once.
 */
export const INBOX_FLUSH_MS = 50;
/**
 * A row whose only change is a new message (its preview) waits up to this long, so that a busy
 * conversation updates every agent's inbox about once a second however fast it goes; a state
 * change, a rating or a call-back goes at once, carrying the latest preview.
 * (The agents following the conversation have its messages at once, as items.)
 */
export const INBOX_PREVIEW_MS = 1000;

/**
 * Resolved conversations in the agent welcome: the most recent this many (of the last 24 hours).
 * The console lists 25; a resolved conversation that changes again (a rating, a reopen) comes as
 * an inbox.upsert anyway, and older ones are opened over HTTP (reports, the visitor's history).
 */
export const INBOX_RESOLVED_LIMIT = 50;

/** A shopper in the queue hears their new place at most this often (the lines are walked on a timer). */
export const QUEUE_TELL_MS = 1000;

/** Shoppers looked at per slice of a walk of the waiting lines (the event loop is free between slices). */
const QUEUE_WALK_SLICE = 256;

/** Queued conversations read at a time by the drain. */
const DRAIN_PAGE = 64;

/** How far back recent assignments count for the estimated wait. */
const WAIT_SAMPLE_MS = 7 * 24 * 3600_000;

/** A queued conversation's place, whether anyone could answer it, and its expected wait. */
interface QueueView {
  position: number;
  available: boolean;
  estimatedWaitMs: number | null;
}

/** The median of `xs` (null when empty). */
export function medianOf(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export class Conversations {
  /** Messages committed and published since start, by author (read by the Prometheus endpoint). */
  readonly committedMessages: Record<'visitor' | 'agent' | 'bot' | 'system', number> = { visitor: 0, agent: 0, bot: 0, system: 0 };
  /** Webhooks (modules/integrations). */
  sink: ChangeSink | null = null;
  /** Called inside the transaction for every message and event appended (the email outbox writes its rows there). */
  readonly txListeners: ((conv: ConversationRow, item: StreamItem, at: number) => void)[] = [];
  /** Checks an upload may be sent in `conv` by `uploaderId` and describes it (set by the attachments module; throws ServiceError). */
  attachmentOf: ((attachmentId: string, uploaderId: string, conv: ConversationRow) => AttachmentInfo) | null = null;
  /** Conversations whose inbox row the agents have not been sent yet. */
  private inboxDirty = new Set<string>();
  /** Conversations with only a new preview, and when each was last sent. */
  private previewDirty = new Set<string>();
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly previewSentAt = new Map<string, number>();
  private previewSweptAt = 0;
  /** The waiting lines per site and department, in serving order (loaded on first use, then kept by `reconcileQueue`). */
  private queue: QueueIndex | null = null;
  /** The place and estimate (`position|estimatedWaitMs|available`) each queued visitor was last sent, and when (performance.now()). */
  private readonly queueTold = new Map<string, { key: string; at: number }>();
  /** A walk of the lines in progress (tellQueue): the lines left and where it stands. */
  private queueWalk: { lines: { line: QueueLine; from: number }[]; at: number; estimate: ReturnType<Conversations['waitEstimator']> } | null = null;
  /** The next walk of the lines that moved (tellQueue), and when the last one ran (performance.now()). */
  private queueTimer: ReturnType<typeof setTimeout> | null = null;
  private queueToldAt = -Infinity;
  /** Is a widget of this visitor connected now (set by app.ts from the hub)? Until set: nobody is. */
  visitorConnected: (visitorId: string) => boolean = () => false;
  /** When the shopper of each open conversation last typed (process memory: typing is never stored). */
  private readonly typedAt = new Map<string, number>();
  /** Nobody's disconnection before this is known (a process that just started heard no socket close). */
  private readonly startedAt: number;

  constructor(
    private readonly store: Store,
    private readonly commit: GroupCommit,
    private readonly hub: Hub,
    private readonly sites: Sites,
    private readonly bot: Bot,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** The provider's answer being appended per conversation (providerTurns). */
  private readonly providerChains = new Map<string, Promise<void>>();
  private stopped = false;
  /** Where a failure of work after a commit goes (app.ts logs it). */
  onBackgroundError: (err: unknown) => void = () => undefined;

  // ---- commands ------------------------------------------------------------------------------

  /** A visitor's message: into their open conversation, reopening or starting one as needed. */
  async visitorMessage(
    visitor: { id: string; siteId: string; name: string | null },
    clientId: string,
    body: string,
    opts: {
      departmentId?: string;
      name?: string;
      email?: string;
      channel?: 'web' | 'callback';
      authorType?: 'visitor' | 'system';
      lang?: 'en' | 'it';
      noBot?: boolean;
      /** The proactive message the visitor answers (a rule's id, or null for one the host page showed). */
      proactive?: { ruleId: string | null; text: string };
      /** An upload of this visitor sent with the message. */
      attachmentId?: string;
      /**
       * The abuse limits, asked inside the write once the message is known not to be a resend
       * (`starting`: it opens a new conversation): 0, or ms to wait (the message is refused).
       */
      admit?: (starting: boolean) => number;
    } = {},
    inTx?: (fx: Effects, conv: ConversationRow, at: number) => void,
  ): Promise<SendResult> {
    const fx = newEffects();
    const result = await this.commit.run((): SendResult => {
      const dup = this.store.messageByClient(visitor.id, clientId);
      if (dup) return { conversationId: dup.conversationId, message: dup, duplicate: true };
      const at = this.now();
      let conv = this.store.latestConversationOf(visitor.id);
      const starting = !conv || (conv.state === 'resolved' && at - (conv.resolvedAt ?? 0) > REOPEN_WINDOW_MS);
      const wait = opts.admit?.(starting) ?? 0;
      if (wait > 0) throw new ServiceError('rate_limited', limitedMessage(starting ? 'new conversations' : 'messages', wait), wait);
      // Pre-chat / offline form fields; the inbox row is refreshed with the message below.
      if (opts.name || opts.email) this.store.setVisitorContact(visitor.id, opts.name ?? null, opts.email ?? null);
      const name = opts.name ?? visitor.name;
      const actor: Actor = { type: opts.authorType ?? 'visitor', id: visitor.id, name };
      let message: MessageRow;
      if (!conv || starting) {
        const dept = opts.departmentId ? this.store.department(opts.departmentId) : undefined;
        if (opts.departmentId && dept?.siteId !== visitor.siteId) throw new ServiceError('not_found', 'no such department');
        const id = nanoid();
        const priority = this.priorityFor(visitor.siteId, visitor.id, dept?.urgency ?? 0);
        // Offline messages and call-backs are for people; a chat may start with the bot.
        const withBot = !opts.noBot && actor.type === 'visitor' && (opts.channel ?? 'web') === 'web' && this.botFirst(visitor.siteId, dept?.id ?? null, at);
        this.store.insertConversation({
          id,
          siteId: visitor.siteId,
          visitorId: visitor.id,
          channel: opts.channel ?? 'web',
          state: withBot ? 'bot' : 'queued',
          departmentId: dept?.id ?? null,
          priority,
          createdAt: at,
          queuedAt: withBot ? null : at,
        });
        conv = this.store.conversation(id)!;
        this.appendEvent(fx, conv, 'created', actor, at);
        if (opts.proactive) {
          this.store.markProactive(id);
          this.proactiveMessage(fx, conv, opts.proactive, opts.lang ?? 'en', at);
        }
        message = this.appendMessage(fx, conv, actor, clientId, body, at, this.attachmentMeta(opts.attachmentId, visitor.id, conv));
        if (withBot) this.botTurn(fx, conv, body, opts.lang ?? 'en', at);
        else {
          this.appendEvent(fx, conv, 'queued', actor, at);
          fx.queueChanged = true;
          this.route(fx, conv, at);
        }
      } else if (conv.state === 'resolved') {
        this.store.queue(conv.id, at);
        this.appendEvent(fx, conv, 'reopened', actor, at);
        if (opts.proactive) this.proactiveMessage(fx, conv, opts.proactive, opts.lang ?? 'en', at);
        message = this.appendMessage(fx, conv, actor, clientId, body, at, this.attachmentMeta(opts.attachmentId, visitor.id, conv));
        fx.queueChanged = true;
        this.route(fx, conv, at);
      } else {
        message = this.appendMessage(fx, conv, actor, clientId, body, at, this.attachmentMeta(opts.attachmentId, visitor.id, conv));
        // The shopper wrote: a snoozed conversation is back in its agent's active list.
        if (conv.snoozedAt !== null) this.wake(fx, conv, at);
        if (conv.state === 'queued') this.route(fx, conv, at);
        else if (conv.state === 'bot') {
          if (actor.type === 'visitor') this.botTurn(fx, conv, body, opts.lang ?? 'en', at);
          else this.escalate(fx, conv, at); // a call-back request needs a person
        }
      }
      inTx?.(fx, conv, at);
      return { conversationId: conv.id, message, duplicate: false };
    });
    this.publish(fx);
    this.providerTurns(fx.botAsks);
    return result;
  }

  /** An agent's reply. Replying to a waiting conversation takes it. */
  async agentMessage(agent: { id: string; name: string }, conversationId: string, clientId: string, body: string, attachmentId?: string): Promise<SendResult> {
    const fx = newEffects();
    const result = await this.commit.run((): SendResult => {
      const dup = this.store.messageByClient(agent.id, clientId);
      if (dup) return { conversationId: dup.conversationId, message: dup, duplicate: true };
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      if (conv.state === 'resolved') throw new ServiceError('conflict', 'the conversation is resolved');
      const at = this.now();
      const actor: Actor = { type: 'agent', id: agent.id, name: agent.name };
      if (conv.state === 'queued' || conv.state === 'bot') {
        // Replying to a waiting conversation takes it, under the same rules as a take.
        this.checkCanTake(agent);
        this.assignTo(fx, conv, agent, at);
      }
      const message = this.appendMessage(fx, conv, actor, clientId, body, at, this.attachmentMeta(attachmentId, agent.id, conv));
      this.store.markFirstAgentReply(conv.id, at);
      if (conv.wokeAt !== null && this.store.clearWoke(conv.id)) fx.changed.add(conv.id); // seen to: no longer "back from snooze"
      return { conversationId: conv.id, message, duplicate: false };
    });
    this.publish(fx);
    return result;
  }

  /** The shopper is typing in this conversation (activity: the inactivity rule waits). */
  visitorTyping(conversationId: string): void {
    this.typedAt.set(conversationId, this.now());
  }

  /**
   * Snoozes the agent's own conversation until `until` (null: the shopper's next message): it
   * leaves their active list and capacity (the queue may drain to them at once).
   */
  async snooze(agent: { id: string }, conversationId: string, until: number | null): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      if (conv.state !== 'assigned' || conv.agentId !== agent.id) throw new ServiceError('conflict', 'only your own open conversation can be snoozed');
      const at = this.now();
      if (until !== null && (until <= at || until > at + MAX_SNOOZE_MS)) throw new ServiceError('bad_frame', 'a snooze ends in the future, within 30 days');
      this.store.snooze(conv.id, at, until);
      fx.changed.add(conv.id);
    });
    this.publish(fx);
    await this.drain(); // capacity freed
  }

  /** Ends a snooze now (the agent's own conversation). */
  async unsnooze(agent: { id: string }, conversationId: string): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      if (conv.agentId !== agent.id) throw new ServiceError('conflict', 'only your own conversation can be woken');
      if (this.store.wake(conv.id, this.now())) {
        this.store.clearWoke(conv.id); // woken by its agent: nothing to point out
        fx.changed.add(conv.id);
      }
    });
    this.publish(fx);
  }

  /**
   * The abandoned-conversation sweep (run on the SLA timer), at most SWEEP_BATCH changes a tick:
   * snoozes whose time came wake up; per site, conversations the agent answered last and the
   * shopper left quiet for inactivityResolveMin are resolved (reason inactivity), and those still
   * waiting for a person's first answer whose shopper has been gone abandonedResolveMin (no
   * widget connected, no email to answer to) are resolved (reason abandoned). No survey follows
   * (the widget does not ask; the KPIs count them apart). Freed capacity drains the queue at once.
   */
  async sweepInactive(): Promise<{ woken: number; inactivity: number; abandoned: number }> {
    const fx = newEffects();
    const done = { woken: 0, inactivity: 0, abandoned: 0 };
    await this.commit.run(() => {
      const at = this.now();
      let budget = SWEEP_BATCH;
      for (const conv of this.store.dueSnoozes(at, budget)) {
        if (!this.wake(fx, conv, at)) continue;
        budget--;
        done.woken++;
      }
      for (const [id, t] of this.typedAt) if (t < at - REOPEN_WINDOW_MS) this.typedAt.delete(id); // conversations closed some other way
      for (const site of this.store.listSites()) {
        if (budget <= 0) break;
        const settings = this.sites.settings(site.id);
        const quietMin = settings?.inactivityResolveMin ?? DEFAULT_INACTIVITY_RESOLVE_MIN;
        if (quietMin > 0) {
          const before = at - quietMin * 60_000;
          for (const conv of this.store.inactiveAssigned(site.id, before)) {
            if (budget <= 0) break;
            if ((this.typedAt.get(conv.id) ?? 0) >= before) continue;
            if (this.autoResolve(fx, conv, 'inactivity', at)) {
              budget--;
              done.inactivity++;
            }
          }
        }
        const goneMin = settings?.abandonedResolveMin ?? DEFAULT_ABANDONED_RESOLVE_MIN;
        // Gone since the last socket closed (visitors.last_seen_at), or since this process started.
        const before = at - goneMin * 60_000;
        if (goneMin > 0 && this.startedAt < before) {
          for (const conv of this.store.abandonedUnanswered(site.id, before)) {
            if (budget <= 0) break;
            if (this.visitorConnected(conv.visitorId) || (this.typedAt.get(conv.id) ?? 0) >= before) continue;
            if (this.autoResolve(fx, conv, 'abandoned', at)) {
              budget--;
              done.abandoned++;
            }
          }
        }
      }
    });
    this.publish(fx);
    if (done.inactivity || done.abandoned || done.woken) await this.drain();
    return done;
  }

  /** Ends a snooze: back in its agent's active list, or (its agent left meanwhile) in the queue, like their other conversations went. */
  private wake(fx: Effects, conv: ConversationRow, at: number): boolean {
    if (!this.store.wake(conv.id, at)) return false;
    fx.changed.add(conv.id);
    if (this.store.agentById(conv.agentId ?? '')?.presence === 'offline' && this.store.requeue(conv.id)) {
      this.appendEvent(fx, conv, 'queued', null, at);
      fx.queueChanged = true;
      this.route(fx, this.store.conversation(conv.id)!, at);
    }
    return true;
  }

  private autoResolve(fx: Effects, conv: ConversationRow, reason: AutoResolveReason, at: number): boolean {
    if (!this.store.resolve(conv.id, at, reason)) return false;
    this.typedAt.delete(conv.id);
    if (conv.state === 'queued') fx.queueChanged = true;
    this.appendEvent(fx, conv, 'resolved', SYSTEM, at, undefined, { reason });
    return true;
  }

  /**
   * A reply through the REST API, as the API key (an agent-type message under the key's name and
   * id): it counts as a person's reply (first response, KPIs) but takes nobody's capacity; a
   * conversation still with the bot is handed to the queue first (a person is answering now).
   */
  async apiMessage(key: { id: string; name: string }, conversationId: string, clientId: string | null, body: string): Promise<SendResult> {
    const fx = newEffects();
    const result = await this.commit.run((): SendResult => {
      const dup = clientId ? this.store.messageByClient(key.id, clientId) : undefined;
      if (dup) return { conversationId: dup.conversationId, message: dup, duplicate: true };
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      if (conv.state === 'resolved') throw new ServiceError('conflict', 'the conversation is resolved');
      const at = this.now();
      if (conv.state === 'bot') this.escalate(fx, conv, at);
      const message = this.appendMessage(fx, conv, { type: 'agent', id: key.id, name: key.name }, clientId, body, at);
      this.store.markFirstAgentReply(conv.id, at);
      return { conversationId: conv.id, message, duplicate: false };
    });
    this.publish(fx);
    return result;
  }

  /** An agent takes a waiting conversation from the queue. */
  async take(agent: { id: string; name: string }, conversationId: string): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      if (conv.state !== 'queued') throw new ServiceError('conflict', conv.state === 'assigned' ? 'already assigned' : `the conversation is ${conv.state}`);
      this.checkCanTake(agent);
      this.assignTo(fx, conv, agent, this.now());
    });
    this.publish(fx);
  }

  /**
   * A call-back request: into the open conversation, or a new one on the callback channel. The
   * details are a system message (for agents) and a callbacks row (the console's card).
   */
  async callbackRequest(
    visitor: { id: string; siteId: string; name: string | null },
    clientId: string,
    req: { phone: string; preferredTime: string; note?: string; name?: string; departmentId?: string },
    admit?: (starting: boolean) => number,
  ): Promise<SendResult> {
    const body = [`Call-back requested: ${req.phone}`, req.preferredTime && `preferred time: ${req.preferredTime}`, req.note && `note: ${req.note}`]
      .filter(Boolean)
      .join(' · ');
    return this.visitorMessage(visitor, clientId, body, { departmentId: req.departmentId, name: req.name, channel: 'callback', authorType: 'system', admit }, (fx, conv, at) => {
      this.store.upsertCallback(conv.id, req.phone, req.preferredTime, req.note ?? null, at);
      fx.changed.add(conv.id);
    });
  }

  /**
   * The visitor's verdict on the bot's answer. Yes: resolved by the bot (self-service). No: the
   * bot asks to rephrase; a second no hands over to a person.
   */
  async botFeedback(visitor: { id: string }, helpful: boolean, lang: 'en' | 'it'): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.latestConversationOf(visitor.id);
      if (!conv || conv.state !== 'bot') throw new ServiceError('conflict', 'the bot is not answering this conversation');
      const at = this.now();
      const bot: Actor = { type: 'bot', id: null, name: BOT_TEXT[lang].name };
      if (helpful) {
        this.store.resolve(conv.id, at);
        this.appendEvent(fx, conv, 'resolved', bot, at);
        return;
      }
      this.appendEvent(fx, conv, 'bot_unhelpful', { type: 'visitor', id: visitor.id, name: null }, at);
      const asked = this.store.lastVisitorMessage(conv.id);
      if (asked) this.bot.recordMiss({ siteId: conv.siteId, conversationId: conv.id, lang, question: asked, reason: 'unhelpful', nearest: this.bot.answer(conv.siteId, asked, lang).nearest[0], at });
      fx.stateChanged.delete(conv.id);
      if (this.store.unhelpfulCount(conv.id) >= 2) {
        this.appendMessage(fx, conv, bot, null, BOT_TEXT[lang].handover, at);
        this.escalate(fx, conv, at);
      } else {
        this.appendMessage(fx, conv, bot, null, BOT_TEXT[lang].rephrase, at);
      }
    });
    this.publish(fx);
  }

  /**
   * The visitor picked one of the entries the bot offered ("Did you mean…"): stored as their
   * message (the entry's question, so the transcript reads naturally), answered with the entry as
   * an FAQ answer (its quick replies, the helpful yes/no and the idle resolution follow as for any
   * answer), marked `pick` in the answer's meta. Only an entry offered in this conversation, while
   * the bot answers it; a resend of the same clientId is a duplicate.
   */
  async botPick(
    visitor: { id: string; siteId: string; name: string | null },
    clientId: string,
    faqId: string,
    lang: 'en' | 'it',
    admit?: (starting: boolean) => number,
  ): Promise<SendResult> {
    const fx = newEffects();
    const result = await this.commit.run((): SendResult => {
      const dup = this.store.messageByClient(visitor.id, clientId);
      if (dup) return { conversationId: dup.conversationId, message: dup, duplicate: true };
      const conv = this.store.latestConversationOf(visitor.id);
      if (!conv || conv.state !== 'bot') throw new ServiceError('conflict', 'the bot is not answering this conversation');
      const offered = this.store.offeredSuggestions(conv.id).some((m) => (JSON.parse(m) as { suggestions?: { faqId: string }[] }).suggestions?.some((x) => x.faqId === faqId));
      const entry = offered ? this.bot.entry(conv.siteId, faqId) : undefined;
      if (!entry) throw new ServiceError('not_found', 'the bot did not suggest this entry in this conversation');
      const wait = admit?.(false) ?? 0;
      if (wait > 0) throw new ServiceError('rate_limited', limitedMessage('messages', wait), wait);
      const at = this.now();
      const message = this.appendMessage(fx, conv, { type: 'visitor', id: visitor.id, name: visitor.name }, clientId, entry.question, at);
      this.appendMessage(fx, conv, { type: 'bot', id: null, name: BOT_TEXT[lang].name }, null, entry.answer, at, { faqId: entry.id, quickReplies: entry.quickReplies, pick: true });
      return { conversationId: conv.id, message, duplicate: false };
    });
    this.publish(fx);
    return result;
  }

  /** "Talk to a person": from the bot to the queue, in one click. */
  async requestHuman(visitor: { id: string }): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.latestConversationOf(visitor.id);
      if (conv?.state === 'bot') this.escalate(fx, conv, this.now());
    });
    this.publish(fx);
  }

  /** Hands a conversation to another agent, or to a department's queue, with an internal note. */
  async transfer(agent: { id: string; name: string }, conversationId: string, to: { toAgentId?: string; toDepartmentId?: string; note?: string }): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      if (conv.state === 'resolved') throw new ServiceError('conflict', 'the conversation is resolved');
      const at = this.now();
      const actor: Actor = { type: 'agent', id: agent.id, name: agent.name };
      const note = to.note?.trim() || null;
      if (to.toAgentId) {
        const target = this.store.agentById(to.toAgentId);
        if (!target) throw new ServiceError('not_found', 'no such agent');
        if (target.id === conv.agentId && conv.state === 'assigned') throw new ServiceError('conflict', 'the conversation is already theirs');
        if (target.presence === 'offline') throw new ServiceError('conflict', `${target.name} is offline`);
        if (!worksOn({ siteIds: this.store.agentSites(target.id) }, conv.siteId)) throw new ServiceError('conflict', `${target.name} does not work on this site`);
        if (this.store.agentLoad(target.id) >= target.maxChats) throw new ServiceError('conflict', `${target.name} is at their maximum number of conversations`);
        this.store.transferToAgent(conv.id, target.id, at);
        this.store.touchAgentAssigned(target.id, at);
        this.appendEvent(fx, conv, 'transferred', actor, at, { id: target.id, name: target.name }, { note });
        if (conv.state === 'queued') fx.queueChanged = true; // everyone behind it moves up
      } else {
        const dept = this.store.department(to.toDepartmentId!);
        if (!dept || dept.siteId !== conv.siteId) throw new ServiceError('not_found', 'no such department');
        this.store.setDepartment(conv.id, dept.id, this.priorityFor(conv.siteId, conv.visitorId, dept.urgency));
        if (conv.state === 'assigned') this.store.requeue(conv.id);
        this.appendEvent(fx, conv, 'transferred', actor, at, undefined, { note, departmentId: dept.id });
        const fresh = this.store.conversation(conv.id)!;
        fx.queueChanged = true;
        if (fresh.state === 'queued') this.route(fx, fresh, at);
      }
    });
    this.publish(fx);
    await this.drain(); // the sender's capacity freed
  }

  /**
   * An agent's internal note, at any time (open or resolved): an event in the stream whose text
   * only agents get (the visitor's copy has note null, the export and the transcript leave it out).
   */
  async addNote(agent: { id: string; name: string }, conversationId: string, body: string): Promise<number> {
    const fx = newEffects();
    const seq = await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      this.appendEvent(fx, conv, 'note', { type: 'agent', id: agent.id, name: agent.name }, this.now(), agent, { note: body });
      return this.store.conversation(conversationId)!.lastSeq;
    });
    fx.stateChanged.clear(); // a note changes nothing the visitor is told about
    this.publish(fx);
    return seq;
  }

  /**
   * Something on the rows of these conversations changed outside this service (their tags, an
   * erase, a deleted site): the waiting lines re-read them (those behind a conversation that left
   * are told) and the agents get the rows that still exist now.
   */
  rowsChanged(ids: Iterable<string>): void {
    const list = [...ids];
    for (const id of list) this.reconcileQueue(id);
    this.queueMoved();
    this.inboxChanged(list);
  }

  /** The host page changed the visitor's attributes: their waiting conversation's priority follows. */
  async reprioritize(visitorId: string): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.latestConversationOf(visitorId);
      if (!conv || conv.state === 'resolved') return;
      const urgency = conv.departmentId ? (this.store.department(conv.departmentId)?.urgency ?? 0) : 0;
      const p = this.priorityFor(conv.siteId, visitorId, urgency);
      if (p === conv.priority) return;
      this.store.setPriority(conv.id, p);
      fx.changed.add(conv.id);
      if (conv.state === 'queued') fx.queueChanged = true;
    });
    this.publish(fx);
  }

  private priorityFor(siteId: string, visitorId: string, urgency: number): number {
    const v = this.store.visitorById(visitorId);
    return priorityOf(urgency, parseAttributes(v?.attributes ?? '{}'), this.sites.priorityRules(siteId));
  }

  /**
   * The visitor's satisfaction rating (1-5) of their resolved conversation, with an optional
   * comment: one per conversation, changeable for CSAT_CHANGE_WINDOW_MS after it was first given.
   */
  async rate(visitor: { id: string }, conversationId: string, rating: number, comment: string | undefined): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv || conv.visitorId !== visitor.id) throw new ServiceError('not_found', 'no such conversation');
      if (conv.state !== 'resolved') throw new ServiceError('conflict', 'only a resolved conversation can be rated');
      const at = this.now();
      const prev = this.store.csatOf(conv.id);
      if (prev && at > prev.createdAt + CSAT_CHANGE_WINDOW_MS) throw new ServiceError('conflict', 'the rating can no longer be changed');
      this.store.upsertCsat({ conversationId: conv.id, rating, comment: comment?.trim() || null, agentId: conv.agentId, at });
      this.sink?.csat(conv, rating, comment?.trim() || null, !!prev, at);
      fx.changed.add(conv.id);
      fx.stateChanged.add(conv.id);
    });
    this.publish(fx);
  }

  /** Bot conversations left after an FAQ answer for BOT_IDLE_RESOLVE_MS are resolved by the bot (self-service). */
  async resolveIdleBot(): Promise<number> {
    const fx = newEffects();
    const n = await this.commit.run(() => {
      const at = this.now();
      const idle = this.store.idleBotConversations(at - BOT_IDLE_RESOLVE_MS);
      for (const conv of idle) {
        if (!this.store.resolve(conv.id, at)) continue;
        this.appendEvent(fx, conv, 'resolved', { type: 'bot', id: null, name: null }, at);
      }
      return idle.length;
    });
    this.publish(fx);
    return n;
  }

  /** Records a first-response SLA breach for every conversation past its target (run periodically). */
  async checkSla(): Promise<number> {
    const fx = newEffects();
    const n = await this.commit.run(() => {
      const at = this.now();
      let count = 0;
      for (const conv of this.store.slaCandidates()) {
        if (at < conv.queuedAt! + this.sites.slaTargetMs(conv.siteId, conv.departmentId)) continue;
        if (!this.store.markSlaBreached(conv.id, at)) continue;
        this.appendEvent(fx, conv, 'sla_breached', null, at);
        fx.stateChanged.delete(conv.id); // nothing for the visitor to hear
        count++;
      }
      return count;
    });
    this.publish(fx);
    return n;
  }

  async resolve(agent: { id: string; name: string }, conversationId: string): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const conv = this.store.conversation(conversationId);
      if (!conv) throw new ServiceError('not_found', 'no such conversation');
      if (conv.state === 'resolved') return;
      const at = this.now();
      this.store.resolve(conv.id, at);
      this.typedAt.delete(conv.id);
      if (conv.state === 'queued') fx.queueChanged = true;
      this.appendEvent(fx, conv, 'resolved', { type: 'agent', id: agent.id, name: agent.name }, at, agent);
    });
    this.publish(fx);
    await this.drain();
  }

  /**
   * Assigns every waiting conversation some eligible agent can take, highest priority and longest
   * waiting first (called whenever capacity frees: a resolve, an agent online, a raised capacity).
   */
  async drain(): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const at = this.now();
      const candidates = this.store.onlineAgentsWithLoad();
      const room = () => candidates.some((c) => c.load < c.maxChats);
      // In pages, in serving order: a long line with every agent full costs nothing, one free
      // place reads the head of the line only. A routed conversation leaves the queue, so the
      // next page starts after those still waiting.
      let waiting = 0;
      while (room()) {
        const page = this.store.queuedPage(DRAIN_PAGE, waiting);
        for (const conv of page) {
          if (!room()) break;
          if (!this.route(fx, conv, at, candidates)) waiting++;
        }
        if (page.length < DRAIN_PAGE) break;
      }
    });
    this.publish(fx);
  }

  /** An agent left: their conversations go back to the queue (keeping their place) and are routed again. */
  async requeueAgent(agentId: string): Promise<void> {
    const fx = newEffects();
    await this.commit.run(() => {
      const at = this.now();
      for (const conv of this.store.assignedTo(agentId)) {
        if (!this.store.requeue(conv.id)) continue;
        this.appendEvent(fx, conv, 'queued', null, at);
        fx.queueChanged = true;
      }
    });
    this.publish(fx);
    await this.drain();
  }

  /** Changes an agent's maximum of simultaneous conversations; current ones stay, new ones respect it. */
  async setCapacity(agentId: string, maxChats: number): Promise<void> {
    await this.commit.run(() => {
      if (!this.store.agentById(agentId)) throw new ServiceError('not_found', 'no such agent');
      this.store.setMaxChats(agentId, maxChats);
    });
    await this.drain();
  }

  // ---- reads ---------------------------------------------------------------------------------

  /** Up to SYNC_PAGE_SIZE items after `afterSeq`, in seq order. */
  itemsAfter(conversationId: string, afterSeq: number): { items: StreamItem[]; lastSeq: number; hasMore: boolean } | null {
    const conv = this.store.conversation(conversationId);
    if (!conv) return null;
    const msgs = this.store.messagesAfter(conversationId, afterSeq, SYNC_PAGE_SIZE);
    const evs = this.store.eventsAfter(conversationId, afterSeq, SYNC_PAGE_SIZE);
    const items: StreamItem[] = [];
    let i = 0;
    let j = 0;
    while (items.length < SYNC_PAGE_SIZE && (i < msgs.length || j < evs.length)) {
      const m = msgs[i];
      const e = evs[j];
      if (m && (!e || m.seq < e.seq)) {
        items.push(messageItem(m));
        i++;
      } else {
        items.push(eventItem(e!));
        j++;
      }
    }
    const last = items.length ? items[items.length - 1]!.seq : afterSeq;
    return { items, lastSeq: conv.lastSeq, hasMore: last < conv.lastSeq };
  }

  /** What the visitor sees of their conversation; `queued`: its place and estimate, when the caller has them already. */
  visitorView(conv: ConversationRow, queued?: QueueView): VisitorConversation {
    const open = conv.state !== 'resolved';
    const q = queued ?? (conv.state === 'queued' ? this.waitEstimator()(conv, this.queuePosition(conv.id)) : null);
    const available = q ? q.available : open && this.available(conv.siteId, conv.departmentId);
    return {
      id: conv.id,
      state: conv.state,
      agentName: conv.agentId ? (this.store.agentById(conv.agentId)?.name ?? null) : null,
      lastSeq: conv.lastSeq,
      createdAt: conv.createdAt,
      // A place in a queue nobody serves would be a promise: only while someone could answer.
      queuePosition: q?.available ? q.position : null,
      ...(open ? { available } : {}),
      estimatedWaitMs: q?.available ? q.estimatedWaitMs : null,
      queuedAt: conv.queuedAt,
      channel: conv.channel === 'callback' ? 'callback' : 'web',
      csat: this.csatView(conv.id),
      ...(conv.state === 'resolved' && conv.autoResolved ? { resolvedReason: conv.autoResolved } : {}),
    };
  }

  private csatView(conversationId: string): { rating: number; comment: string | null; changeableUntil: number } | null {
    const r = this.store.csatOf(conversationId);
    return r ? { rating: r.rating, comment: r.comment, changeableUntil: r.createdAt + CSAT_CHANGE_WINDOW_MS } : null;
  }

  /** The conversation a visitor sees when the widget loads: open, or resolved recently. */
  currentOf(visitorId: string): ConversationRow | null {
    const conv = this.store.latestConversationOf(visitorId);
    if (!conv) return null;
    if (conv.state === 'resolved' && this.now() - (conv.resolvedAt ?? 0) > REOPEN_WINDOW_MS) return null;
    return conv;
  }

  summary(conversationId: string): ConversationSummary | null {
    const s = this.store.summary(conversationId);
    return s ? this.toSummary(s) : null;
  }

  /**
   * The console's inbox (the agent welcome): every open conversation, the queued ones first in
   * serving order, and the INBOX_RESOLVED_LIMIT most recently resolved of the last 24 hours.
   */
  inbox(siteIds: readonly string[] | null = null): ConversationSummary[] {
    const rows = this.store.inbox(this.now() - REOPEN_WINDOW_MS, INBOX_RESOLVED_LIMIT);
    return (siteIds ? rows.filter((r) => siteIds.includes(r.siteId)) : rows).map((s) => this.toSummary(s));
  }

  toSummary(s: ConversationSummaryRow): ConversationSummary {
    const waitingForReply = s.firstAgentReplyAt === null && s.queuedAt !== null && (s.state === 'queued' || s.state === 'assigned');
    return {
      ...toSummary(s),
      visitorEmail: s.visitorEmail,
      slaDueAt: waitingForReply ? s.queuedAt! + this.sites.slaTargetMs(s.siteId, s.departmentId) : null,
      slaBreached: s.slaBreachedAt !== null,
      callback: s.callbackPhone ? { phone: s.callbackPhone, preferredTime: s.callbackPreferredTime ?? '', note: s.callbackNote } : null,
      csat: s.csatRating !== null ? { rating: s.csatRating, comment: s.csatComment, at: s.csatAt! } : null,
      ...(s.proactive ? { proactive: true } : {}),
      ...(s.snoozedAt !== null ? { snoozed: true, snoozedUntil: s.snoozedUntil } : {}),
      ...(s.wokeAt !== null ? { wokeAt: s.wokeAt } : {}),
      ...(s.autoResolved ? { autoResolved: s.autoResolved } : {}),
    };
  }

  /**
   * Someone could answer a conversation of this department now: within its business hours and an
   * agent of it online (at capacity or not: then it waits its turn in the queue). `online`: the
   * online agents, when the caller has read them already.
   */
  available(siteId: string, departmentId: string | null, online: readonly AgentLoadRow[] = this.store.onlineAgentsWithLoad()): boolean {
    return isOpen(this.sites.hoursOf(siteId, departmentId), this.now()) && online.some((a) => serves(a, siteId, departmentId));
  }

  /**
   * The 1-based place of a queued conversation in its site and department's line (0: not waiting),
   * from the in-memory index: O(log n), no count over the queue.
   */
  queuePosition(conversationId: string): number {
    return this.queueIndex().position(conversationId);
  }

  /** The index, loaded from the database on first use. */
  private queueIndex(): QueueIndex {
    if (!this.queue) {
      this.queue = new QueueIndex();
      this.queue.load(this.store.queueEntries());
    }
    return this.queue;
  }

  /** Expected wait for a queued conversation: the median of recent queue waits × position ÷ agents who could take it. */
  estimatedWait(conv: ConversationRow, position: number): number | null {
    return this.waitEstimator()(conv, position).estimatedWaitMs;
  }

  /**
   * The place, availability and estimate of queued conversations at one moment: the recent waits
   * are read once per site and department, the online agents once. The estimate is the median of
   * department's last 20 queue waits of the last 7 days (the site's, without a department), times
   * the position, divided by the agents online who could take it; null without any recent wait.
   */
  private waitEstimator(): (conv: Pick<ConversationRow, 'siteId' | 'departmentId'>, position: number) => QueueView {
    const since = this.now() - WAIT_SAMPLE_MS;
    const medians = new Map<string, number | null>();
    const agentCounts = new Map<string, number>();
    const availability = new Map<string, boolean>();
    let online: AgentLoadRow[] | null = null;
    return (conv, position) => {
      online ??= this.store.onlineAgentsWithLoad();
      const key = `${conv.siteId}\n${conv.departmentId ?? ''}`;
      let available = availability.get(key);
      if (available === undefined) {
        available = this.available(conv.siteId, conv.departmentId, online);
        availability.set(key, available);
      }
      if (!available) return { position, available, estimatedWaitMs: null };
      let median = medians.get(key);
      if (median === undefined) {
        median = medianOf(this.store.recentQueueWaits(conv.siteId, conv.departmentId, since));
        medians.set(key, median);
      }
      let agents = agentCounts.get(key);
      if (agents === undefined) {
        agents = online.filter((a) => serves(a, conv.siteId, conv.departmentId)).length;
        agentCounts.set(key, agents);
      }
      return { position, available, estimatedWaitMs: median === null ? null : Math.round((median * position) / Math.max(1, agents)) };
    };
  }

  /** Agents came, went or stepped away: visitors in the queue whose availability or estimate changed are told. */
  presenceChanged(): void {
    this.queueIndex().touchAll();
    this.queueMoved();
  }



  // ---- in-transaction helpers ----------------------------------------------------------------

  /** Does a new conversation start with the bot? Per the site's botMode (fallback: nobody can take it, or closed). */
  private botFirst(siteId: string, departmentId: string | null, at: number): boolean {
    const mode = this.sites.settings(siteId)?.botMode ?? 'off';
    if (mode === 'off' || this.bot.faqCount(siteId) === 0) return false;
    if (mode === 'first') return true;
    if (!isOpen(this.sites.hoursOf(siteId, departmentId), at)) return true;
    return !this.store.onlineAgentsWithLoad().some((a) => eligible(a, departmentId, siteId));
  }

  /** The bot's reply to a visitor message: an FAQ answer, or a handover when it should or cannot help. */
  private botTurn(fx: Effects, conv: ConversationRow, text: string, lang: 'en' | 'it', at: number, provided?: BotAnswer): void {
    const bot: Actor = { type: 'bot', id: null, name: BOT_TEXT[lang].name };
    const keywords = this.sites.settings(conv.siteId)?.escalationKeywords ?? DEFAULT_ESCALATION_KEYWORDS;
    const folded = text.toLowerCase();
    if (HUMAN_RE.test(text) || keywords.some((k) => folded.includes(k.toLowerCase())) || conv.priority >= HIGH_PRIORITY) {
      this.escalate(fx, conv, at);
      return;
    }
    if (!provided && this.bot.usesProvider(conv.siteId)) {
      fx.botAsks.push({ conv, text, lang }); // answered after this commit (providerTurns)
      return;
    }
    const a = provided ?? this.bot.answer(conv.siteId, text, lang);
    if (a.decision === 'suggest' && a.suggestions.length) {
      // Not sure: the best entries as buttons ("Did you mean…"), beside "talk to a person". Not
      // answered outright, so the question stays in the learning list as before.
      this.bot.recordMiss({ siteId: conv.siteId, conversationId: conv.id, lang, question: text, reason: 'suggested', nearest: a.nearest[0], at });
      this.appendMessage(fx, conv, bot, null, BOT_TEXT[lang].suggest, at, { suggestions: a.suggestions.map((x) => ({ faqId: x.faqId, question: x.question })) });
      return;
    }
    if (!a.faqId || !a.answer) {
      this.bot.recordMiss({ siteId: conv.siteId, conversationId: conv.id, lang, question: text, reason: 'abstained', nearest: a.nearest[0], at });
      this.appendMessage(fx, conv, bot, null, BOT_TEXT[lang].handover, at);
      this.escalate(fx, conv, at);
      return;
    }
    this.appendMessage(fx, conv, bot, null, a.answer, at, { faqId: a.faqId, quickReplies: a.quickReplies });
  }

  /**
   * The bot's replies on sites with a model provider. The provider's calls (up to its deadline,
   * 1.4 s) must not run inside a group commit (every writer would wait for them), nor hold the
   * visitor's ack: the visitor's message is committed and acknowledged as on any site, then the
   * answer is computed here and appended in a commit of its own if the conversation is still
   * with the bot. Several questions of one conversation are answered at once but appended in order.
   */
  private providerTurns(asks: Effects['botAsks']): void {
    for (const { conv, text, lang } of asks) {
      const answer = this.bot.answerAsync(conv.siteId, text, lang); // the provider's failures fall back inside it
      answer.catch(() => undefined); // handled below, in turn
      const prev = this.providerChains.get(conv.id) ?? Promise.resolve();
      const next = prev
        .then(async () => {
          const a = await answer;
          if (this.stopped) return;
          const fx = newEffects();
          await this.commit.run(() => {
            const current = this.store.conversation(conv.id);
            if (current?.state !== 'bot') return; // taken, handed over or resolved meanwhile: the bot keeps quiet
            this.botTurn(fx, current, text, lang, this.now(), a);
          });
          this.publish(fx);
        })
        .catch((err: unknown) => this.onBackgroundError(err))
        .finally(() => {
          if (this.providerChains.get(conv.id) === next) this.providerChains.delete(conv.id);
        });
      this.providerChains.set(conv.id, next);
    }
  }

  /**
   * The proactive message the visitor answered, stored before their answer (a bot message: never a
   * first response, not an interaction). A rule's own text in the visitor's language when the
   * rule still exists (so a page cannot put words in the site's mouth under a rule's name), else
   * what the page showed.
   */
  private proactiveMessage(fx: Effects, conv: ConversationRow, p: { ruleId: string | null; text: string }, lang: 'en' | 'it', at: number): void {
    const rule = p.ruleId ? this.sites.settings(conv.siteId)?.proactive?.find((r) => r.id === p.ruleId) : undefined;
    this.appendMessage(fx, conv, { type: 'bot', id: null, name: null }, null, rule ? rule.message[lang] : p.text, at, { proactive: true, ruleId: rule ? rule.id : null });
  }

  /** From the bot to a person: the conversation is queued now (the FRT clock starts) and routed. */
  private escalate(fx: Effects, conv: ConversationRow, at: number): void {
    if (!this.store.escalate(conv.id, at)) return;
    this.appendEvent(fx, conv, 'queued', { type: 'bot', id: null, name: null }, at);
    fx.queueChanged = true;
    this.route(fx, this.store.conversation(conv.id)!, at);
  }

  private attachmentMeta(attachmentId: string | undefined, uploaderId: string, conv: ConversationRow): MessageMeta | undefined {
    if (!attachmentId) return undefined;
    if (!this.attachmentOf) throw new ServiceError('not_found', 'no such attachment');
    return { attachment: this.attachmentOf(attachmentId, uploaderId, conv) };
  }

  /** An agent may take a conversation while connected (online or away) and under capacity. */
  private checkCanTake(agent: { id: string }): void {
    const row = this.store.agentById(agent.id);
    if (!row || row.presence === 'offline') throw new ServiceError('conflict', 'you are offline');
    if (this.store.agentLoad(agent.id) >= row.maxChats) throw new ServiceError('conflict', `you are at your limit of ${row.maxChats} active conversations`);
  }

  private appendMessage(
    fx: Effects,
    conv: ConversationRow,
    actor: Actor,
    clientId: string | null,
    body: string,
    at: number,
    meta?: MessageMeta,
  ): MessageRow {
    const m: MessageRow = {
      meta: meta ? JSON.stringify(meta) : null,
      id: nanoid(),
      conversationId: conv.id,
      seq: this.store.nextSeq(conv.id),
      authorType: actor.type,
      authorId: actor.id,
      authorName: actor.name,
      clientId,
      body,
      createdAt: at,
    };
    this.store.insertMessage(m);
    this.sink?.message(conv, m);
    // The inbox preview is the shopper's own words: a bot, agent or system line never replaces it.
    this.store.setLastMessage(conv.id, actor.type === 'visitor' ? preview(body) : null, at);
    const item = messageItem(m);
    fx.items.push({ conv, item });
    fx.messaged.add(conv.id);
    for (const l of this.txListeners) l(conv, item, at);
    return m;
  }

  private appendEvent(
    fx: Effects,
    conv: ConversationRow,
    kind: EventKindName,
    actor: Actor | null,
    at: number,
    agent?: { id: string; name: string },
    extra: { note?: string | null; departmentId?: string | null; reason?: AutoResolveReason } = {},
  ): void {
    const e: EventRow = {
      departmentId: extra.departmentId ?? null,
      note: extra.note ?? null,
      reason: extra.reason ?? null,
      conversationId: conv.id,
      seq: this.store.nextSeq(conv.id),
      kind,
      actorType: actor?.type ?? 'system',
      actorId: actor?.id ?? null,
      agentId: agent?.id ?? null,
      agentName: agent?.name ?? null,
      createdAt: at,
    };
    this.store.insertEvent(e);
    this.sink?.event(conv, e);
    const item = eventItem(e);
    fx.items.push({ conv, item });
    for (const l of this.txListeners) l(conv, item, at);
    fx.changed.add(conv.id);
    fx.stateChanged.add(conv.id);
  }

  private assignTo(fx: Effects, conv: ConversationRow, agent: { id: string; name: string }, at: number, by: Actor | null = { type: 'agent', id: agent.id, name: agent.name }): void {
    if (!this.store.assign(conv.id, agent.id, at)) throw new ServiceError('conflict', 'the conversation is no longer waiting');
    this.store.touchAgentAssigned(agent.id, at);
    this.appendEvent(fx, conv, 'assigned', by, at, agent);
    fx.queueChanged = true;
  }

  /**
   * Applies the routing decision to one waiting conversation; false when nobody can take it or
   * the site routes manually. `candidates` is kept current (load, last assignment) for the caller.
   */
  private route(fx: Effects, conv: ConversationRow, at: number, candidates: AgentLoadRow[] = this.store.onlineAgentsWithLoad()): boolean {
    if (this.store.getSite(conv.siteId)?.routingMode === 'manual') return false;
    const agentId = decideAgent(candidates, { siteId: conv.siteId, departmentId: conv.departmentId, previousAgentId: this.store.previousAgentOfVisitor(conv.visitorId) });
    if (!agentId) return false;
    const agent = candidates.find((c) => c.id === agentId)!;
    this.assignTo(fx, conv, agent, at, null);
    agent.load++;
    agent.lastAssignedAt = at;
    return true;
  }

  // ---- after commit --------------------------------------------------------------------------

  private publish(fx: Effects): void {
    for (const { conv, item } of fx.items) {
      if (item.kind === 'message') this.committedMessages[item.authorType]++;
      const frame = { type: 'item' as const, conversationId: conv.id, item };
      const visible = forVisitor(item);
      if (visible === item) this.hub.publishMany([`visitor:${conv.visitorId}`, `conv:${conv.id}`], frame);
      else {
        this.hub.publish(`conv:${conv.id}`, frame);
        this.hub.publish(`visitor:${conv.visitorId}`, { ...frame, item: visible });
      }
    }
    if (fx.changed.size) this.inboxChanged(fx.changed);
    for (const id of fx.messaged) if (!fx.changed.has(id)) this.previewChanged(id);
    if (fx.queueChanged) {
      // Every conversation whose row changed is re-read into the waiting lines (a priority, a
      // department, a state): the index follows the database whatever the command was.
      for (const id of fx.changed) this.reconcileQueue(id);
    }
    for (const id of fx.stateChanged) if (!fx.queueChanged || !fx.changed.has(id)) this.reconcileQueue(id);
    if (fx.queueChanged || fx.stateChanged.size) this.publishStates(fx.stateChanged, fx.queueChanged);
  }

  /** A state change, a rating, a call-back: every agent gets the row at once (with any preview held back). */
  private inboxChanged(ids: Iterable<string>): void {
    for (const id of ids) this.inboxDirty.add(id);
    this.flushInbox();
  }

  /** Only a new message: the row waits for the next preview flush, at most once a second per conversation. */
  private previewChanged(id: string): void {
    this.previewDirty.add(id);
    this.previewTimer ??= setTimeout(this.flushPreviews, INBOX_FLUSH_MS);
  }

  /** Previews held back: those whose interval has passed (or never sent) leave together, one write per agent socket. */
  private readonly flushPreviews = (): void => {
    this.previewTimer = null;
    const now = performance.now();
    for (const id of this.previewDirty) {
      const last = this.previewSentAt.get(id);
      if (last === undefined || now - last >= INBOX_PREVIEW_MS) this.inboxDirty.add(id);
    }
    if (this.inboxDirty.size) this.flushInbox();
    if (this.previewDirty.size) this.previewTimer = setTimeout(this.flushPreviews, INBOX_FLUSH_MS);
  };

  /** Sends the agents the current row of every conversation changed since the last time. */
  private readonly flushInbox = (): void => {
    const now = performance.now();
    const ids = this.inboxDirty;
    this.inboxDirty = new Set();
    for (const id of ids) {
      this.previewSentAt.set(id, now);
      this.previewDirty.delete(id);
    }
    // Forget the send times of quiet conversations (the map stays as small as the busy ones).
    if (now - this.previewSweptAt >= INBOX_PREVIEW_MS) {
      this.previewSweptAt = now;
      for (const [id, at] of this.previewSentAt) if (now - at >= INBOX_PREVIEW_MS && !this.previewDirty.has(id)) this.previewSentAt.delete(id);
    }
    // One write per agent socket: every row's frame of the sites they work on, back to back.
    const bySite = new Map<string, Encoded<ServerToAgent>[]>();
    for (const id of ids) {
      const s = this.summary(id);
      if (!s) continue;
      let frames = bySite.get(s.siteId);
      if (!frames) bySite.set(s.siteId, (frames = []));
      frames.push(encodeFrame({ type: 'inbox.upsert', conversation: s }));
    }
    for (const [siteId, frames] of bySite) this.hub.publishEncodedToAgents(siteTopics(siteId), concatFrames(frames));
  };

  /** Before the database closes: the rows not sent yet go now. */
  stop(): void {
    this.stopped = true;
    if (this.previewTimer) clearTimeout(this.previewTimer);
    if (this.queueTimer) clearTimeout(this.queueTimer);
    for (const id of this.previewDirty) this.inboxDirty.add(id);
    this.flushInbox();
  }

  /**
   * Tells visitors whose conversation changed state where they stand now (their place read from
   * the index), and, when the queue moved, schedules the walk that tells those behind the change
   * (tellQueue). Nothing here reads the queue: a shopper joining the end of a line of 5,000 costs
   * one indexed read and a binary search, and nobody ahead of them hears anything.
   */
  private publishStates(changed: Set<string>, queueChanged: boolean): void {
    const estimate = this.waitEstimator();
    for (const id of changed) {
      const conv = this.store.conversation(id);
      if (!conv) continue;
      const q = conv.state === 'queued' ? estimate(conv, this.queuePosition(id)) : undefined;
      if (q) this.queueTold.set(id, { key: toldKey(q), at: performance.now() });
      this.hub.publish(`visitor:${conv.visitorId}`, { type: 'conversation', conversation: this.visitorView(conv, q) });
    }
    if (queueChanged) this.queueMoved();
  }

  /** Re-reads one conversation into the waiting lines; leaving the line after a wait (assigned) changes its line's estimate. */
  private reconcileQueue(id: string): void {
    const queue = this.queueIndex();
    const row = this.store.queueEntry(id);
    const was = queue.has(id);
    queue.reconcile(id, row);
    if (was && !queue.has(id)) {
      this.queueTold.delete(id);
      if (row?.state === 'assigned') queue.touch(row.siteId, row.departmentId);
    }
  }

  /** Something in the lines moved: the shoppers behind it hear at the next walk, at most one walk per QUEUE_TELL_MS. */
  private queueMoved(): void {
    if (this.queueTimer || this.queueWalk || this.stopped) return;
    const wait = Math.max(0, this.queueToldAt + QUEUE_TELL_MS - performance.now());
    this.queueTimer = setTimeout(this.tellQueue, wait);
  }

  /**
   * Walks each line from the first place that moved: a connected shopper whose place, estimate or
   * availability differs from what they were last told hears it (one frame), unless they heard
   * something less than QUEUE_TELL_MS ago (then the next walk tells them). Runs on a timer, so
   * never before the acknowledgement of the write that moved the line, and in slices of
   * QUEUE_WALK_SLICE shoppers with the event loop free in between: a line of thousands that all
   * moved up delays nobody's message by more than one slice.
   */
  private readonly tellQueue = (): void => {
    this.queueTimer = null;
    if (this.stopped) return;
    if (!this.queueWalk) {
      this.queueToldAt = performance.now();
      this.queueWalk = { lines: this.queueIndex().takeMoved(), at: this.queueToldAt, estimate: this.waitEstimator() };
    }
    const walk = this.queueWalk;
    const queue = this.queueIndex();
    const now = performance.now();
    let budget = QUEUE_WALK_SLICE;
    while (walk.lines.length && budget > 0) {
      const cur = walk.lines[0]!;
      const { line } = cur;
      for (; cur.from < line.entries.length && budget > 0; cur.from++, budget--) {
        const i = cur.from;
        const e = line.entries[i]!;
        const topic = `visitor:${e.visitorId}` as const;
        if (!this.hub.count(topic)) {
          this.queueTold.delete(e.id);
          continue;
        }
        const q = walk.estimate(e, i + 1);
        const key = toldKey(q);
        const told = this.queueTold.get(e.id);
        if (told?.key === key) continue;
        if (told && now - told.at < QUEUE_TELL_MS) {
          queue.mark(line, i); // heard something a moment ago: the next walk tells them
          continue;
        }
        const conv = this.store.conversation(e.id);
        if (!conv) continue;
        this.queueTold.set(e.id, { key, at: now });
        this.hub.publish(topic, { type: 'conversation', conversation: this.visitorView(conv, q) });
      }
      if (cur.from >= line.entries.length) walk.lines.shift();
    }
    if (walk.lines.length) {
      this.queueTimer = setTimeout(this.tellQueue, 0); // the rest after whatever waits (acks first)
      return;
    }
    this.queueWalk = null;
    if (queue.anyMoved) this.queueMoved();
  };
}

/** What a queued shopper was told, to tell them again only when it changes. */
function toldKey(q: QueueView): string {
  return `${q.position}|${q.estimatedWaitMs}|${q.available}`;
}

/** An inbox preview: the first 140 characters. */
export function preview(body: string): string {
  return body.length > 140 ? `${body.slice(0, 139)}…` : body;
}

function toSummary(s: ConversationSummaryRow): ConversationSummary {
  return {
    id: s.id,
    siteId: s.siteId,
    channel: s.channel === 'callback' ? 'callback' : 'web',
    visitorId: s.visitorId,
    visitorName: s.visitorName,
    state: s.state,
    agentId: s.agentId,
    agentName: s.agentName,
    departmentId: s.departmentId,
    departmentName: s.departmentName,
    tags: s.tagIds ? s.tagIds.split(',') : [],
    priority: s.priority,
    serial: s.serial,
    lastSeq: s.lastSeq,
    lastMessage: s.lastMessage,
    lastMessageAt: s.lastMessageAt,
    createdAt: s.createdAt,
    queuedAt: s.queuedAt,
    assignedAt: s.assignedAt,
    firstAgentReplyAt: s.firstAgentReplyAt,
    resolvedAt: s.resolvedAt,
  };
}
