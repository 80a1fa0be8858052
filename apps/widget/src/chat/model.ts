/**
 * The chat's state and its connection, with no UI: the Session from @parla/client, what the
 * server said, the visitor's unacknowledged messages, typing and unread bookkeeping. The view
 * re-renders on `onChange`. Only types come from @parla/protocol, so zod is never bundled.
 */
import { newClientId, Session, type SocketLike } from '@parla/client';
import type { PageInfo, ServerToVisitor, StreamItem, VisitorConversation, VisitorToServer } from '@parla/protocol';
import type { Lang } from './i18n.ts';

/** PROTOCOL_VERSION of @parla/protocol (a value import would bundle zod). */
const PROTOCOL = 1;
/** MAX_MESSAGE_CHARS of @parla/protocol. */
export const MAX_CHARS = 4000;
const TYPING_EVERY_MS = 2000;
const TYPING_IDLE_MS = 3000;
const AGENT_TYPING_MS = 6000;

/** A message the visitor sent that the stream has not carried back yet. */
export interface Pending {
  clientId: string;
  body: string;
  state: 'sending' | 'sent' | 'failed';
  error?: string;
}

/** A stream item with the conversation it belongs to (seqs are per conversation). */
export interface Entry {
  conversationId: string;
  item: StreamItem;
}

export interface ChatState {
  connected: boolean;
  open: boolean;
  conversation: VisitorConversation | null;
  /** From the last welcome; -1 until the first one. */
  agentsOnline: number;
  entries: Entry[];
  pending: Pending[];
  agentTyping: boolean;
  /** Agent messages that arrived while the panel was closed. */
  unread: number;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ChatOptions {
  site: string;
  /** The server's base URL, ending in '/': http(s)://host[:port]/path/ */
  base: string;
  lang: Lang;
  onChange: () => void;
  onUnread?: (count: number) => void;
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

  const s: ChatState = { connected: false, open: false, conversation: null, agentsOnline: -1, entries: [], pending: [], agentTyping: false, unread: 0 };
  const changed = o.onChange;
  /** The page the server last heard of (hello or page.view). */
  let lastUrl = '';
  /** Per conversation, the last seq that was history when we first heard of it (not unread). */
  const history = new Map<string, number>();

  const session = new Session<VisitorToServer>({
    url: socketUrl(o.base, o.site),
    createSocket: o.createSocket,
    hello: () => {
      // The token is a secret: it travels only in this frame, never in a URL or a log.
      const token = load('token');
      const p = page();
      lastUrl = p.url;
      return {
        type: 'hello',
        protocol: PROTOCOL,
        ...(token && token.length >= 16 && token.length <= 128 ? { visitorToken: token } : {}),
        page: p,
        lang: o.lang,
      };
    },
  });

  const setConversation = (c: VisitorConversation) => {
    if (s.conversation?.id !== c.id) session.track(c.id, session.lastSeqOf(c.id) ?? 0);
    s.conversation = c;
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
      s.agentsOnline = f.agentsOnline;
      if (f.conversation) {
        if (!history.has(f.conversation.id)) history.set(f.conversation.id, f.conversation.lastSeq);
        setConversation(f.conversation);
      }
    } else if (f.type === 'conversation') {
      setConversation(f.conversation);
    } else if (f.type === 'typing') {
      if (f.from === 'agent') agentTyping(f.isTyping);
    } else return;
    changed();
  });

  session.on('item', (conversationId, item) => {
    if (item.kind === 'event' && (item.event === 'created' || item.event === 'reopened')) return;
    if (item.kind === 'message') {
      if (item.clientId) s.pending = s.pending.filter((p) => p.clientId !== item.clientId);
      if (item.authorType !== 'visitor') {
        agentTyping(false);
        if (!s.open && item.seq > (history.get(conversationId) ?? 0)) setUnread(s.unread + 1);
      }
    }
    s.entries.push({ conversationId, item });
    changed();
  });

  const markPending = (clientId: string, state: Pending['state'], error?: string) => {
    const p = s.pending.find((x) => x.clientId === clientId);
    if (!p) return;
    p.state = state;
    p.error = error;
    changed();
  };
  session.on('ack', (a) => markPending(a.clientId, 'sent'));
  session.on('sendError', (clientId, err) => markPending(clientId, 'failed', err.message));

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

  const send = (text: string): boolean => {
    const body = text.trim();
    if (!body || body.length > MAX_CHARS) return false;
    stopTyping();
    const clientId = newClientId();
    s.pending.push({ clientId, body, state: 'sending' });
    session.sendReliable({ type: 'message.send', clientId, body });
    changed();
    return true;
  };

  const setOpen = (open: boolean) => {
    if (open) setUnread(0);
    if (s.open === open) return;
    s.open = open;
    changed();
  };

  const onNavigate = () => {
    const p = page();
    if (p.url !== lastUrl && session.send({ type: 'page.view', page: p })) lastUrl = p.url;
  };
  const events = o.events ?? (typeof window === 'undefined' ? undefined : window);
  events?.addEventListener('popstate', onNavigate);
  events?.addEventListener('hashchange', onNavigate);

  session.connect();
  return {
    state: s,
    send,
    typing,
    setOpen,
    destroy() {
      events?.removeEventListener('popstate', onNavigate);
      events?.removeEventListener('hashchange', onNavigate);
      clearTimeout(idleTimer);
      clearTimeout(agentTypingTimer);
      session.close();
    },
  };
}
