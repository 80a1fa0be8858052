/**
 * The chat's state and its connection, with no UI: the Session from @parla/client, what the
 * server said, the visitor's unacknowledged messages, typing and unread bookkeeping, the pre-chat
 * fields, offline messages and callback requests, and when to offer them instead of waiting.
 * The view re-renders on `onChange`. Only types come from @parla/protocol, so zod is never bundled.
 */
import { newClientId, Session, storageOutbox, type SocketLike } from '@parla/client';
import type { Identity, MessageItem, PageInfo, ServerToVisitor, StreamItem, VisitorConversation, VisitorToServer, WidgetSite } from '@parla/protocol';
import type { FieldId, Lang, Problem } from './i18n.ts';

/** PROTOCOL_VERSION of @parla/protocol (a value import would bundle zod). */
export const PROTOCOL = 7;
/** MAX_MESSAGE_CHARS of @parla/protocol. */
export const MAX_CHARS = 4000;
const TYPING_EVERY_MS = 2000;
const TYPING_IDLE_MS = 3000;
const AGENT_TYPING_MS = 6000;
/** FAQ suggestions: asked after this pause in typing, from this many characters. */
const SUGGEST_MS = 300;
const SUGGEST_MIN = 4;
/** The server's checks (protocol Email, Name and callback phone), so a refused frame is rare. */
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9 ().-]{6,24}$/;
/** Stream items that are for agents only: the widget never shows them. */
const HIDDEN_EVENTS = ['created', 'reopened', 'sla_breached', 'bot_unhelpful', 'note'];

/** Form values by field id (pre-chat, offline message, callback request), as typed. */
export type Fields = Partial<Record<FieldId, string>>;

export type Attributes = Record<string, string | number | boolean>;

/**
 * Keeps only what the server accepts (names of letters, digits, _ . -; strings up to 500
 * characters, finite numbers, booleans; 30 at most), so a host page's mistake can never make the
 * server refuse the hello.
 */
export function cleanAttributes(a: Record<string, unknown> | undefined): Attributes {
  const out: Attributes = {};
  let n = 0;
  for (const [k, v] of Object.entries(a ?? {})) {
    if (n >= 30 || !/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(k)) continue;
    if (typeof v === 'string') out[k] = v.slice(0, 500);
    else if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else continue;
    n++;
  }
  return out;
}

/**
 * The host page's identify({ userId, email, name, hash }) as the server accepts it (strings of
 * the allowed lengths; userId exactly as given, since the hash is computed over it); undefined
 * without a userId.
 */
export function cleanIdentity(i: Record<string, unknown> | undefined): Identity | undefined {
  const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined);
  const userId = typeof i?.userId === 'number' ? `${i.userId}` : i?.userId;
  if (typeof userId !== 'string' || !userId || userId.length > 128) return undefined;
  const email = str(i?.email, 254);
  const name = str(i?.name, 120);
  const hash = str(i?.hash, 128);
  return { userId, ...(email && EMAIL_RE.test(email) ? { email } : {}), ...(name ? { name } : {}), ...(hash ? { hash } : {}) };
}

/** Name and email the visitor gave once (localStorage `parla:<site>:profile`). */
export interface Profile {
  name?: string;
  email?: string;
}

/** A pre-chat field to ask before the first message. */
export interface PreChatField {
  id: 'name' | 'email' | 'department';
  required: boolean;
}

/** An offline message or callback request (outside hours, or instead of waiting), from sending to the server's answer. */
export interface OfflineRequest {
  kind: 'offline' | 'callback';
  clientId: string;
  /** What was sent (trimmed): the confirmation shows the email or phone. */
  fields: Fields;
  state: 'sending' | 'done' | 'failed';
  error?: string;
  /** Refused as too fast (rate_limited): after how long sending may work again. */
  retryAfterMs?: number;
}

/**
 * Checks form values: each id in `required` must be filled; a filled email or phone must look
 * like one (length limits are the inputs' maxLength). Returns the problem per field ({} when all is well).
 */
export function check(f: Fields, required: readonly FieldId[]): Partial<Record<FieldId, Problem>> {
  const out: Partial<Record<FieldId, Problem>> = {};
  for (const id of required) if (!f[id]?.trim()) out[id] = 'required';
  const email = f.email?.trim();
  if (email && !(email.length <= 254 && EMAIL_RE.test(email))) out.email = 'email';
  const phone = f.phone?.trim();
  if (phone && !PHONE_RE.test(phone)) out.phone = 'phone';
  return out;
}

/** A message the visitor sent that the stream has not carried back yet. */
export interface Pending {
  clientId: string;
  body: string;
  state: 'sending' | 'sent' | 'failed';
  error?: string;
  /** Refused as too fast (rate_limited): after how long sending may work again. */
  retryAfterMs?: number;
}

/** A stream item with the conversation it belongs to (seqs are per conversation). */
export interface Entry {
  conversationId: string;
  item: StreamItem;
}

export interface ChatState {
  connected: boolean;
  /** Where the transcript was sent (transcript.queued). */
  mailedTo?: string;
  /** A confirmation link went there first (the address was not shown to be the visitor's yet). */
  mailConfirm?: boolean;
  open: boolean;
  conversation: VisitorConversation | null;
  /** From the last welcome; -1 until the first one. */
  agentsOnline: number;
  entries: Entry[];
  pending: Pending[];
  agentTyping: boolean;
  /** Agent messages that arrived while the panel was closed. */
  unread: number;
  /** The site's settings from the last welcome (null from servers before protocol 3). */
  site: WidgetSite | null;
  profile: Profile;
  /** The last offline message or callback request of this page. */
  request: OfflineRequest | null;
  /** Queued for longer than site.offerAlternativesAfterMs: offer a message or a call back instead. */
  offerAlternatives: boolean;
  /** FAQ questions matching what the visitor is typing (sites with the bot on; up to 3). */
  suggestions: { id: string; question: string }[];
  /** The bot answer the visitor said was "not quite" (its feedback prompt is not offered again). */
  rated: string | null;
  /** The bot's "Did you mean…" the visitor picked from (its buttons are off), and the pick's clientId. */
  picked: { id: string; clientId: string } | null;
  /**
   * A proactive message shown before any conversation (a site rule, or Parla.showMessage): only
   * here until the visitor answers; their first message then carries it and the server stores it.
   */
  proactive: { text: string; ruleId: string | null } | null;
}

/** What the host page's `Parla.on('message', fn)` receives: a new message from an agent or the bot. */
export interface IncomingMessage {
  body: string;
  authorType: 'agent' | 'bot';
  authorName: string | null;
  createdAt: number;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ChatOptions {
  site: string;
  /** The server's base URL, ending in '/': http(s)://host[:port]/path/ */
  base: string;
  lang: Lang;
  /** data-department of the script tag: sent with the first message, and the pre-chat skips the field. */
  department?: string;
  /** What the host page set with Parla.setAttributes (tier, cartValue, plan...): read at every hello. */
  attributes?: () => Record<string, unknown>;
  /** What the host page passed to Parla.identify: read at every hello. */
  identity?: () => Record<string, unknown> | undefined;
  /** The visitor's own data, as they asked for it (privacy.export). */
  onExport?: (data: unknown) => void;
  /** The visitor's data was erased (by them or an admin): forget them on this device. */
  onErased?: () => void;
  onChange: () => void;
  onUnread?: (count: number) => void;
  /** A new agent or bot message (not history). */
  onMessage?: (m: IncomingMessage) => void;
  storage?: KeyValue | null;
  createSocket?: (url: string) => SocketLike;
  page?: () => PageInfo;
  /** Where to listen for popstate/hashchange; defaults to window. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

export type Chat = ReturnType<typeof createChat>;

/** http://host/x/ -> ws://host/x/ws/visitor?site=<site> (https -> wss). */
export const socketUrl = (base: string, site: string): string =>
  `${base.replace(/^http/, 'ws')}ws/visitor?site=${encodeURIComponent(site)}`;

const currentPage = (): PageInfo => ({ url: location.href.slice(0, 2048), title: document.title.slice(0, 512) });

export function createChat(o: ChatOptions) {
  const key = (k: string) => `parla:${o.site}:${k}`;
  const load = (k: string): string | null => {
    try {
      return o.storage?.getItem(key(k)) ?? null;
    } catch {
      return null;
    }
  };
  const save = (k: string, v: string | null): void => {
    try {
      if (v === null) o.storage?.removeItem(key(k));
      else o.storage?.setItem(key(k), v);
    } catch {
      /* storage full or blocked: the chat still works for this page */
    }
  };
  const page = o.page ?? currentPage;

  const s: ChatState = {
    connected: false,
    open: false,
    conversation: null,
    agentsOnline: -1,
    entries: [],
    pending: [],
    agentTyping: false,
    unread: 0,
    site: null,
    profile: {},
    request: null,
    offerAlternatives: false,
    suggestions: [],
    rated: null,
    picked: null,
    proactive: null,
  };
  /** Keeps the valid name and email of `f` in the profile (and in storage). */
  const remember = (f: Fields) => {
    const name = f.name?.trim();
    const email = f.email?.trim();
    const p = { ...s.profile };
    if (name && name.length <= 120) p.name = name;
    if (email && !check({ email }, []).email) p.email = email;
    if (p.name === s.profile.name && p.email === s.profile.email) return;
    s.profile = p;
    save('profile', JSON.stringify(p));
  };
  try {
    remember(JSON.parse(load('profile') ?? '{}') as Fields);
  } catch {
    /* not JSON: ask again */
  }

  const changed = o.onChange;
  /** The identity the server was last told (hello or identify), to catch one set while connecting. */
  let toldIdentity = '';
  /** The page the server last heard of (hello or page.view). */
  let lastUrl = '';
  /** Per conversation, the last seq that was history when we first heard of it (not unread). */
  const history = new Map<string, number>();

  const identity = () => cleanIdentity(o.identity?.());
  const attrs = () => {
    const a = cleanAttributes(o.attributes?.());
    return Object.keys(a).length ? a : undefined;
  };

  const session = new Session<VisitorToServer>({
    url: socketUrl(o.base, o.site),
    createSocket: o.createSocket,
    // What the visitor sent and the server has not acknowledged survives a reload of the page
    // (localStorage `parla:<site>:outbox`); the loader then mounts the chat at once to send it.
    outbox: storageOutbox(o.storage, key('outbox')),
    hello: () => {
      // The token is a secret: it travels only in this frame, never in a URL or a log.
      const token = load('token');
      const p = page();
      lastUrl = p.url;
      toldIdentity = JSON.stringify(identity() ?? '');
      return {
        type: 'hello',
        protocol: PROTOCOL,
        ...(token && token.length >= 16 && token.length <= 128 ? { visitorToken: token } : {}),
        page: p,
        lang: o.lang,
        ...(attrs() ? { attributes: attrs() } : {}),
        ...(identity() ? { identity: identity() } : {}),
      };
    },
  });

  /** The next message starts a conversation (none yet, or the last one was resolved). */
  const starting = () => !s.conversation || s.conversation.state === 'resolved';

  /** Within business hours (the host page's department's own, when it set one); true when unknown. */
  const isOpen = () => {
    const site = s.site;
    const d = site?.departments.find((x) => x.id === o.department);
    return !site || (d ? d.open : site.open);
  };

  /**
   * Someone could answer now (the server's word: the open conversation's, else the host page's
   * department's, else the site's); true when unknown. False: the widget says so at once, asks
   * for an email and offers a message or a call back, and shows no queue position.
   */
  const available = () => {
    const c = s.conversation;
    if (c && c.state !== 'resolved' && c.available !== undefined) return c.available;
    const site = s.site;
    if (!site) return true;
    const d = site.departments.find((x) => x.id === o.department);
    return d ? (d.available ?? d.open) : (site.available ?? (site.open && s.agentsOnline !== 0));
  };

  // Offer alternatives once the conversation has been queued for offerAlternativesAfterMs
  // (counted from conversation.queuedAt, on this machine's clock), or at once when the estimated
  // wait is longer than that.
  let offerTimer: ReturnType<typeof setTimeout> | undefined;
  const planOffer = () => {
    clearTimeout(offerTimer);
    const c = s.conversation;
    const site = s.site;
    s.offerAlternatives = false;
    if (!c || !site || c.state !== 'queued' || c.channel === 'callback' || !isOpen()) return;
    if ((c.estimatedWaitMs ?? 0) > site.offerAlternativesAfterMs) {
      s.offerAlternatives = true;
      return;
    }
    const left = (c.queuedAt ?? c.createdAt) + site.offerAlternativesAfterMs - Date.now();
    if (left <= 0) s.offerAlternatives = true;
    else
      offerTimer = setTimeout(() => {
        s.offerAlternatives = true;
        changed();
      }, left);
  };

  const setConversation = (c: VisitorConversation) => {
    if (s.conversation?.id !== c.id) session.track(c.id, session.lastSeqOf(c.id) ?? 0);
    s.conversation = c;
    planOffer();
    // While a conversation is open the loader mounts the chat at once on the next page.
    save('open', c.state === 'resolved' ? null : '1');
  };

  let agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  const agentTyping = (on: boolean) => {
    clearTimeout(agentTypingTimer);
    s.agentTyping = on;
    if (on)
      agentTypingTimer = setTimeout(() => {
        s.agentTyping = false;
        changed();
      }, AGENT_TYPING_MS);
  };

  const setUnread = (n: number) => {
    if (s.unread === n) return;
    s.unread = n;
    o.onUnread?.(n);
  };

  session.on('status', (st) => {
    s.connected = st === 'open';
    changed();
  });

  session.on('frame', (frame) => {
    const f = frame as ServerToVisitor;
    if (f.type === 'welcome') {
      if (f.visitorToken) save('token', f.visitorToken);
      // Parla.identify between this connection's hello and its welcome could not be sent then.
      const i = identity();
      if (i && JSON.stringify(i) !== toldIdentity && session.send({ type: 'identify', identity: i })) toldIdentity = JSON.stringify(i);
      s.agentsOnline = f.agentsOnline;
      s.site = f.site ?? null;
      if (f.conversation) {
        if (!history.has(f.conversation.id)) history.set(f.conversation.id, f.conversation.lastSeq);
        setConversation(f.conversation);
      } else planOffer();
    } else if (f.type === 'availability') {
      // Someone came or went (or the hours turned): what the header, the email request and the alternatives follow.
      const { agentsOnline, open, available, departments } = f;
      s.agentsOnline = agentsOnline;
      if (s.site) s.site = { ...s.site, open, available, departments: s.site.departments.map((x) => ({ ...x, ...departments.find((d) => d.id === x.id) })) };
      changed();
    } else if (f.type === 'conversation') {
      setConversation(f.conversation);
    } else if (f.type === 'typing') {
      if (f.from === 'agent') agentTyping(f.isTyping);
    } else if (f.type === 'faq.suggestions') {
      // An answer to older text than what is in the input now is stale.
      if (f.text !== wanted) return;
      s.suggestions = f.items.slice(0, 3);
    } else if (f.type === 'privacy.data') {
      o.onExport?.(f.data);
      return;
    } else if (f.type === 'transcript.queued') {
      s.mailedTo = f.email;
      s.mailConfirm = f.confirm === true;
    } else if (f.type === 'privacy.erased') {
      o.onErased?.();
      return;
    } else return;
    changed();
  });

  session.on('item', (conversationId, item) => {
    if (item.kind === 'event' && HIDDEN_EVENTS.includes(item.event)) return;
    if (item.kind === 'message') {
      if (item.clientId) s.pending = s.pending.filter((p) => p.clientId !== item.clientId);
      if (item.authorType === 'system') {
        // For agents (a callback's details): not shown, but it may have settled a pending bubble.
        changed();
        return;
      }
      if (item.proactive) s.proactive = null; // stored now: the stream shows it
      else if (item.authorType !== 'visitor') {
        agentTyping(false);
        if (item.seq > (history.get(conversationId) ?? 0)) {
          o.onMessage?.({ body: item.body, authorType: item.authorType, authorName: item.authorName, createdAt: item.createdAt });
          if (!s.open) setUnread(s.unread + 1);
        }
      }
    }
    s.entries.push({ conversationId, item });
    changed();
  });

  const markPending = (clientId: string, state: Pending['state'], error?: string, retryAfterMs?: number) => {
    const r = s.request;
    const p = r?.clientId === clientId ? r : s.pending.find((x) => x.clientId === clientId);
    if (!p) return;
    p.state = p === r && state === 'sent' ? 'done' : state;
    p.error = error;
    p.retryAfterMs = retryAfterMs;
    changed();
  };
  session.on('ack', (a) => markPending(a.clientId, 'sent'));
  // Too fast (the server's abuse limits): the bubble says so, in the visitor's language, with when to try again.
  session.on('sendError', (clientId, err) => {
    // A refused pick: the buttons are back.
    if (s.picked?.clientId === clientId) s.picked = null;
    markPending(clientId, 'failed', err.message, err.code === 'rate_limited' ? (err.retryAfterMs ?? 1000) : undefined);
  });
  session.on('error', (err) => {
    if (err.code === 'identity_invalid') console.warn(`Parla: identify refused: ${err.message}`);
  });

  // Typing: "true" at most every 2 s while the visitor types, "false" after 3 s idle or on send.
  let typingSentAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const stopTyping = () => {
    clearTimeout(idleTimer);
    if (typingSentAt) session.send({ type: 'typing', isTyping: false });
    typingSentAt = 0;
  };
  const typing = () => {
    const c = s.conversation;
    if (!c || c.state === 'resolved') return; // the server has no one to tell
    const now = Date.now();
    if (now - typingSentAt >= TYPING_EVERY_MS && session.send({ type: 'typing', isTyping: true })) typingSentAt = now;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  // FAQ suggestions: asked SUGGEST_MS after the visitor stops typing (bot sites, not while a person answers).
  let wanted = '';
  let suggestTimer: ReturnType<typeof setTimeout> | undefined;
  const suggest = (text: string) => {
    clearTimeout(suggestTimer);
    const q = text.trim().slice(0, 300);
    const mode = s.site?.botMode;
    wanted = mode && mode !== 'off' && s.conversation?.state !== 'assigned' && q.length >= SUGGEST_MIN ? q : '';
    if (wanted) suggestTimer = setTimeout(() => session.send({ type: 'faq.suggest', text: q }), SUGGEST_MS);
    else if (s.suggestions.length) {
      s.suggestions = [];
      changed();
    }
  };

  /**
   * The bot answer to ask about and to show the quick replies of: the newest bot message with a
   * faqId in the conversation, while the bot handles it (null otherwise).
   */
  const botAnswer = (): MessageItem | null => {
    const c = s.conversation;
    if (c?.state !== 'bot') return null;
    for (let i = s.entries.length; i--; ) {
      const { conversationId, item } = s.entries[i]!;
      if (conversationId === c.id && item.kind === 'message' && item.authorType === 'bot' && item.faqId) return item;
    }
    return null;
  };

  /**
   * The bot's "Did you mean…" whose buttons work: the newest bot message of the conversation, if
   * it offers entries, while the bot handles it and nothing was picked from it (null otherwise).
   */
  const offer = (): MessageItem | null => {
    const c = s.conversation;
    if (c?.state !== 'bot') return null;
    for (let i = s.entries.length; i--; ) {
      const { conversationId, item } = s.entries[i]!;
      if (conversationId === c.id && item.kind === 'message' && item.authorType === 'bot') return item.suggestions && s.picked?.id !== item.id ? item : null;
    }
    return null;
  };

  /** Picks an entry the bot offered: the server stores it as the visitor's question and answers it. */
  const pick = (faqId: string) => {
    const o = offer();
    if (!o) return false;
    const clientId = newClientId();
    s.picked = { id: o.id, clientId };
    session.sendReliable({ type: 'bot.pick', clientId, faqId });
    changed();
    return true;
  };

  /** "Not quite" (the bot asks to rephrase; twice hands over) or "yes, thanks" (resolved as self-service). */
  const feedback = (helpful: boolean) => {
    const a = botAnswer();
    if (!a || !session.send({ type: 'bot.feedback', helpful })) return false;
    s.rated = a.id;
    changed();
    return true;
  };

  /** Talk to a person: the server queues the conversation at once. */
  const escalate = () => !!s.conversation && session.send({ type: 'escalate' });

  /** The satisfaction survey of the resolved conversation (1-5); the server answers with the conversation and its rating. */
  const rate = (rating: number, comment?: string) => {
    const c = s.conversation;
    if (c?.state !== 'resolved') return false;
    const note = comment?.trim();
    return session.send({ type: 'csat.submit', conversationId: c.id, rating, ...(note ? { comment: note.slice(0, 1000) } : {}) });
  };

  /**
   * The fields to ask above the message box: the pre-chat ones before the first message (never in
   * a resolved conversation: writing again reopens it); and, while nobody could answer, the email
   * (so the reply reaches a visitor who leaves) until it is known.
   */
  const preChat = (): PreChatField[] => {
    const site = s.site;
    if (!site) return [];
    const out: PreChatField[] = [];
    const ask = (id: PreChatField['id'], mode: string, known: unknown) => {
      if (mode !== 'off' && !known) out.push({ id, required: mode === 'required' });
    };
    if (!s.conversation) {
      ask('name', site.preChat.name, s.profile.name);
      ask('email', site.preChat.email, s.profile.email);
      ask('department', site.preChat.department, o.department || !site.departments.length);
    }
    if (!available() && !s.profile.email && !out.some((f) => f.id === 'email')) out.push({ id: 'email', required: false });
    return out;
  };

  /** Outside hours with no open conversation: offer a message or a call back instead of the chat. */
  const offline = () => !isOpen() && starting();

  /**
   * Sends a chat message; when it starts a conversation, with the department (the host page's,
   * else the pre-chat's) and the visitor's name and email (remembered for the next visits).
   */
  const send = (text: string, f: Fields = {}, attachmentId?: string): boolean => {
    const body = text.trim();
    if (!body || body.length > MAX_CHARS) return false;
    stopTyping();
    suggest('');
    const clientId = newClientId();
    s.pending.push({ clientId, body, state: 'sending' });
    let extra: object = attachmentId ? { attachmentId } : {};
    if (starting()) {
      remember(f);
      const departmentId = o.department || f.department;
      extra = { ...extra, ...s.profile, ...(departmentId ? { departmentId } : {}), ...(s.proactive ? { proactive: s.proactive } : {}) };
    } else if (f.email?.trim() && !s.profile.email) {
      // Asked while nobody could answer: stored on the visitor, so an agent's reply is emailed.
      remember(f);
      if (s.profile.email) extra = { ...extra, email: s.profile.email };
    }
    session.sendReliable({ type: 'message.send', clientId, body, ...extra });
    changed();
    return true;
  };

  /**
   * Sends an offline message (body and email required, name optional) or a callback request
   * (phone required; preferred time, name and note optional). Nothing is sent when a field is
   * wrong: the problems are returned ({} when sent). The outcome is state.request.
   */
  const request = (kind: OfflineRequest['kind'], f: Fields): Partial<Record<FieldId, Problem>> => {
    const v = (id: FieldId) => f[id]?.trim() || undefined;
    // Only this form's fields: what another form holds is neither checked nor sent.
    const fields: Fields =
      kind === 'offline' ? { body: v('body'), email: v('email'), name: v('name') } : { phone: v('phone'), time: v('time'), name: v('name'), note: v('note') };
    const problems = check(fields, kind === 'offline' ? ['body', 'email'] : ['phone']);
    if (Object.keys(problems).length || s.request?.state === 'sending') return problems;
    const clientId = newClientId();
    const base = { clientId, name: fields.name, departmentId: o.department || undefined };
    remember(fields);
    s.request = { kind, clientId, fields, state: 'sending' };
    session.sendReliable(
      kind === 'offline'
        ? { type: 'offline.message', ...base, body: fields.body!, email: fields.email! }
        : { type: 'callback.request', ...base, phone: fields.phone!, preferredTime: fields.time ?? '', note: fields.note },
    );
    changed();
    return problems;
  };

  const setOpen = (open: boolean) => {
    if (open) setUnread(0);
    if (s.open === open) return;
    s.open = open;
    changed();
  };

  /** Shows a proactive message (before a conversation only: an open one is never interrupted); false when not shown. */
  const show = (text: string, ruleId: string | null = null): boolean => {
    const body = text.trim().slice(0, 500);
    if (!body || !starting() || s.pending.length) return false;
    s.proactive = { text: body, ruleId };
    changed();
    return true;
  };

  const onNavigate = () => {
    const p = page();
    if (p.url !== lastUrl && session.send({ type: 'page.view', page: p })) lastUrl = p.url;
  };
  const events = o.events ?? (typeof window === 'undefined' ? undefined : window);
  events?.addEventListener('popstate', onNavigate);
  events?.addEventListener('hashchange', onNavigate);

  // A reload with unsent messages: they are pending again (and sent once connected).
  for (const { clientId, frame } of session.pending()) {
    const f = frame as VisitorToServer;
    if (f.type === 'message.send') s.pending.push({ clientId, body: f.body, state: 'sending' });
    else if (f.type === 'offline.message') s.request = { kind: 'offline', clientId, fields: { body: f.body, email: f.email, name: f.name }, state: 'sending' };
    else if (f.type === 'callback.request') s.request = { kind: 'callback', clientId, fields: { phone: f.phone, time: f.preferredTime, name: f.name, note: f.note }, state: 'sending' };
  }

  session.connect();
  return {
    state: s,
    send,
    request,
    preChat,
    offline,
    isOpen,
    available,
    typing,
    suggest,
    botAnswer,
    offer,
    pick,
    feedback,
    escalate,
    rate,
    setOpen,
    show,
    /** The page changed without a popstate or hashchange (history.pushState, Parla.trackPage). */
    pageChanged: onNavigate,
    /** The visitor asks for everything stored about them (onExport), or for its erasure (onErased). */
    exportData: () => session.send({ type: 'privacy.export' }),
    /** "Email me the transcript" of the current conversation. */
    transcript: (email?: string) => !!s.conversation && session.send({ type: 'transcript.request', conversationId: s.conversation.id, ...(email ? { email } : {}) }),
    /** For uploads and fetching attachments (an Authorization header, never a URL). */
    token: () => load('token') ?? '',
    eraseData: () => session.send({ type: 'privacy.erase' }),
    /** The host page called identify: tell the server now (answered with a new welcome). */
    identityChanged() {
      const i = identity();
      if (i && session.send({ type: 'identify', identity: i })) toldIdentity = JSON.stringify(i);
    },
    /** The host page changed its attributes: tell the server now (the next hello carries them anyway). */
    attributesChanged() {
      const a = attrs();
      if (a) session.send({ type: 'visitor.attributes', attributes: a });
    },
    destroy() {
      events?.removeEventListener('popstate', onNavigate);
      events?.removeEventListener('hashchange', onNavigate);
      clearTimeout(idleTimer);
      clearTimeout(agentTypingTimer);
      clearTimeout(offerTimer);
      clearTimeout(suggestTimer);
      session.close();
    },
  };
}
