/**
 * The console's state: one reducer fed by the realtime Session, plus the hook that owns the
 * Session and exposes the agent's commands.
 */
import { newClientId, Session, type Status } from '@parla/client';
import type {
  AgentToServer,
  AgentView,
  ConversationSummary,
  PageInfo,
  Presence,
  ServerToAgent,
  StreamItem,
} from '@parla/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { agentSocketUrl, api, ApiError } from './api.ts';
import { errorText, t } from './i18n.ts';
import type { ReadMark } from './inbox.ts';

/** PROTOCOL_VERSION of @parla/protocol (not imported: the console ships no zod). */
export const PROTOCOL = 1;
/** MAX_MESSAGE_CHARS of @parla/protocol. */
export const MAX_MESSAGE_CHARS = 4000;
/** A visitor "typing" that is never switched off expires after this long. */
export const TYPING_TTL_MS = 8000;
const MAX_LIVE_PAGES = 50;

export interface PendingMessage {
  clientId: string;
  conversationId: string;
  body: string;
  createdAt: number;
  status: 'sending' | 'sent' | 'failed';
  error?: string;
}

export interface LivePage extends PageInfo {
  at: number;
}

export interface State {
  me: AgentView;
  status: Status;
  /** Incremented at every welcome (detail views refetch after a reconnect). */
  connections: number;
  presence: Presence;
  conversations: Record<string, ConversationSummary>;
  /** Stream items of the followed conversations, in seq order. */
  items: Record<string, StreamItem[]>;
  /** Our own messages not yet seen in the stream, by clientId. */
  pending: Record<string, PendingMessage>;
  /** conversationId -> until when the visitor counts as typing. */
  typing: Record<string, number>;
  /** Pages visitors moved to since the console loaded, by visitorId, oldest first. */
  livePages: Record<string, LivePage[]>;
  read: Record<string, ReadMark>;
  openId: string | null;
  notice: { id: number; text: string } | null;
}

export type Action =
  | { type: 'status'; status: Status }
  | { type: 'welcome'; agent: AgentView; inbox: ConversationSummary[] }
  | { type: 'upsert'; conversation: ConversationSummary }
  | { type: 'presence'; agentId: string; presence: Presence }
  | { type: 'visitorPage'; visitorId: string; page: PageInfo; at: number }
  | { type: 'typing'; conversationId: string; isTyping: boolean; now: number }
  | { type: 'item'; conversationId: string; item: StreamItem }
  | { type: 'ack'; clientId: string }
  | { type: 'sending'; pending: PendingMessage }
  | { type: 'sendFailed'; clientId: string; error: string }
  | { type: 'dismissPending'; clientId: string }
  | { type: 'open'; id: string | null }
  | { type: 'notice'; text: string }
  | { type: 'clearNotice' };

export function initialState(me: AgentView, read: Record<string, ReadMark> = {}): State {
  return {
    me,
    status: 'connecting',
    connections: 0,
    presence: me.presence,
    conversations: {},
    items: {},
    pending: {},
    typing: {},
    livePages: {},
    read,
    openId: null,
    notice: null,
  };
}

let noticeSeq = 0;

function markRead(state: State, id: string, mark: ReadMark): Record<string, ReadMark> {
  const cur = state.read[id];
  if (cur && cur.seq >= mark.seq && cur.at >= mark.at) return state.read;
  return { ...state.read, [id]: { seq: Math.max(cur?.seq ?? 0, mark.seq), at: Math.max(cur?.at ?? 0, mark.at) } };
}

function readMarkOf(c: ConversationSummary): ReadMark {
  return { seq: c.lastSeq, at: c.lastMessageAt ?? 0 };
}

export function reducer(state: State, a: Action): State {
  switch (a.type) {
    case 'status':
      return a.status === state.status ? state : { ...state, status: a.status };

    case 'welcome': {
      const conversations: Record<string, ConversationSummary> = {};
      for (const c of a.inbox) conversations[c.id] = c;
      // Keep the open conversation even if it fell out of the inbox window.
      if (state.openId && !conversations[state.openId] && state.conversations[state.openId]) {
        conversations[state.openId] = state.conversations[state.openId]!;
      }
      const open = state.openId ? conversations[state.openId] : undefined;
      return {
        ...state,
        me: a.agent,
        presence: a.agent.presence,
        connections: state.connections + 1,
        conversations,
        typing: {},
        read: open ? markRead(state, open.id, readMarkOf(open)) : state.read,
      };
    }

    case 'upsert': {
      const c = a.conversation;
      const prev = state.conversations[c.id];
      // Frames arrive in order, but never let an older snapshot replace a newer one.
      if (prev && prev.lastSeq > c.lastSeq) return state;
      const next: State = { ...state, conversations: { ...state.conversations, [c.id]: c } };
      if (state.openId === c.id) next.read = markRead(state, c.id, readMarkOf(c));
      return next;
    }

    case 'presence': {
      if (a.agentId !== state.me.id) return state;
      return { ...state, presence: a.presence, me: { ...state.me, presence: a.presence } };
    }

    case 'visitorPage': {
      const list = state.livePages[a.visitorId] ?? [];
      const last = list[list.length - 1];
      if (last && last.url === a.page.url && last.at === a.at) return state;
      const next = [...list, { url: a.page.url, title: a.page.title ?? '', at: a.at }];
      if (next.length > MAX_LIVE_PAGES) next.splice(0, next.length - MAX_LIVE_PAGES);
      return { ...state, livePages: { ...state.livePages, [a.visitorId]: next } };
    }

    case 'typing': {
      if (a.isTyping) return { ...state, typing: { ...state.typing, [a.conversationId]: a.now + TYPING_TTL_MS } };
      if (!(a.conversationId in state.typing)) return state;
      const typing = { ...state.typing };
      delete typing[a.conversationId];
      return { ...state, typing };
    }

    case 'item': {
      const { conversationId: id, item } = a;
      const list = state.items[id] ?? [];
      const last = list[list.length - 1];
      if (last && last.seq >= item.seq) return state; // the Session already guarantees this
      const next: State = { ...state, items: { ...state.items, [id]: [...list, item] } };
      if (item.kind === 'message') {
        if (item.clientId && state.pending[item.clientId]) {
          const pending = { ...state.pending };
          delete pending[item.clientId];
          next.pending = pending;
        }
        if (item.authorType === 'visitor' && id in state.typing) {
          const typing = { ...state.typing };
          delete typing[id];
          next.typing = typing;
        }
      }
      if (state.openId === id) next.read = markRead(state, id, { seq: item.seq, at: item.kind === 'message' ? item.createdAt : 0 });
      return next;
    }

    case 'sending':
      return { ...state, pending: { ...state.pending, [a.pending.clientId]: a.pending } };

    case 'ack': {
      const p = state.pending[a.clientId];
      if (!p || p.status !== 'sending') return state;
      return { ...state, pending: { ...state.pending, [a.clientId]: { ...p, status: 'sent' } } };
    }

    case 'sendFailed': {
      const p = state.pending[a.clientId];
      if (!p) return state;
      return { ...state, pending: { ...state.pending, [a.clientId]: { ...p, status: 'failed', error: a.error } } };
    }

    case 'dismissPending': {
      if (!state.pending[a.clientId]) return state;
      const pending = { ...state.pending };
      delete pending[a.clientId];
      return { ...state, pending };
    }

    case 'open': {
      if (a.id === state.openId) return state;
      const c = a.id ? state.conversations[a.id] : undefined;
      return { ...state, openId: a.id, read: c ? markRead(state, c.id, readMarkOf(c)) : state.read };
    }

    case 'notice':
      return { ...state, notice: { id: ++noticeSeq, text: a.text } };

    case 'clearNotice':
      return state.notice ? { ...state, notice: null } : state;
  }
}

// -------------------------------------------------------------------------------------------
// Read marks survive a reload (per agent, in localStorage)
// -------------------------------------------------------------------------------------------

const MAX_READ_MARKS = 500;
const readKey = (agentId: string) => `parla.console.read.${agentId}`;

function loadRead(agentId: string): Record<string, ReadMark> {
  try {
    const raw = localStorage.getItem(readKey(agentId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, ReadMark> = {};
    for (const [id, v] of Object.entries(parsed as Record<string, unknown>)) {
      const m = v as Partial<ReadMark> | null;
      if (m && typeof m.seq === 'number' && typeof m.at === 'number') out[id] = { seq: m.seq, at: m.at };
    }
    return out;
  } catch {
    return {};
  }
}

function saveRead(agentId: string, read: Record<string, ReadMark>): void {
  try {
    const entries = Object.entries(read);
    const kept = entries.length > MAX_READ_MARKS ? entries.sort((a, b) => b[1].at - a[1].at).slice(0, MAX_READ_MARKS) : entries;
    localStorage.setItem(readKey(agentId), JSON.stringify(Object.fromEntries(kept)));
  } catch {
    /* storage full or disabled: unread dots just reset on reload */
  }
}

// -------------------------------------------------------------------------------------------
// The hook: owns the Session for the logged-in agent
// -------------------------------------------------------------------------------------------

export interface ConsoleActions {
  open(id: string | null): void;
  /** Adds a conversation fetched over HTTP (not in the inbox window) to the known ones. */
  remember(c: ConversationSummary): void;
  take(id: string): void;
  resolve(id: string): void;
  send(conversationId: string, body: string): void;
  typing(conversationId: string, isTyping: boolean): void;
  setPresence(p: 'online' | 'away'): void;
  dismissPending(clientId: string): void;
  clearNotice(): void;
}

/**
 * Connects to /ws/agent and keeps the state current. `onUnauthorized` is called when the session
 * cookie turns out to be invalid (the socket keeps failing and /api/auth/me answers 401).
 */
export function useConsole(agent: AgentView, onUnauthorized: () => void): [State, ConsoleActions] {
  const [state, dispatch] = useReducer(reducer, agent, (a) => initialState(a, loadRead(a.id)));
  const stateRef = useRef(state);
  stateRef.current = state;
  const sessionRef = useRef<Session<AgentToServer> | null>(null);
  const tracked = useRef(new Set<string>());
  const wantedPresence = useRef<'online' | 'away'>(agent.presence === 'away' ? 'away' : 'online');
  const unauthorizedRef = useRef(onUnauthorized);
  unauthorizedRef.current = onUnauthorized;

  useEffect(() => {
    const session = new Session<AgentToServer>({
      url: () => agentSocketUrl(),
      hello: () => ({ type: 'hello', protocol: PROTOCOL }),
    });
    sessionRef.current = session;
    const follow = (id: string) => {
      if (tracked.current.has(id)) return;
      tracked.current.add(id);
      session.track(id);
    };
    const followIfMine = (c: ConversationSummary, meId: string) => {
      if (c.agentId === meId && c.state !== 'resolved') follow(c.id);
    };

    let lastAuthCheck = 0;
    let disposed = false;
    const checkAuth = () => {
      const now = Date.now();
      if (now - lastAuthCheck < 10_000) return;
      lastAuthCheck = now;
      api.me().catch((e: unknown) => {
        if (!disposed && e instanceof ApiError && e.status === 401) unauthorizedRef.current();
      });
    };

    const offs = [
      session.on('status', (status) => {
        dispatch({ type: 'status', status });
        if (status === 'connecting') checkAuth();
      }),
      session.on('frame', (raw) => {
        const f = raw as ServerToAgent;
        switch (f.type) {
          case 'welcome': {
            dispatch({ type: 'welcome', agent: f.agent, inbox: f.inbox });
            for (const c of f.inbox) followIfMine(c, f.agent.id);
            const open = stateRef.current.openId;
            if (open) follow(open);
            // The server sets us online on connect; restore a chosen "away".
            if (wantedPresence.current === 'away' && f.agent.presence !== 'away') {
              session.send({ type: 'presence.set', presence: 'away' });
            }
            break;
          }
          case 'inbox.upsert':
            dispatch({ type: 'upsert', conversation: f.conversation });
            followIfMine(f.conversation, stateRef.current.me.id);
            break;
          case 'presence':
            dispatch({ type: 'presence', agentId: f.agentId, presence: f.presence });
            break;
          case 'visitor.page':
            dispatch({ type: 'visitorPage', visitorId: f.visitorId, page: f.page, at: f.at });
            break;
          case 'typing':
            if (f.from === 'visitor') dispatch({ type: 'typing', conversationId: f.conversationId, isTyping: f.isTyping, now: Date.now() });
            break;
          default:
            break;
        }
      }),
      session.on('item', (conversationId, item) => dispatch({ type: 'item', conversationId, item })),
      session.on('ack', (a) => dispatch({ type: 'ack', clientId: a.clientId })),
      session.on('sendError', (clientId, err) => dispatch({ type: 'sendFailed', clientId, error: errorText(err.code, err.message) })),
      session.on('error', (err) => {
        if (err.code === 'unsupported_protocol') session.close();
        dispatch({ type: 'notice', text: errorText(err.code, err.message) });
      }),
    ];
    session.connect();
    return () => {
      disposed = true;
      for (const off of offs) off();
      session.close();
      sessionRef.current = null;
      tracked.current = new Set();
    };
  }, []);

  // Persist read marks (debounced a little: items can arrive in bursts).
  useEffect(() => {
    const timer = setTimeout(() => saveRead(agent.id, state.read), 300);
    return () => clearTimeout(timer);
  }, [state.read, agent.id]);

  const actions = useMemo<ConsoleActions>(() => {
    const notConnected = () => dispatch({ type: 'notice', text: t.header.connecting });
    const open = (id: string | null) => {
      dispatch({ type: 'open', id });
      const session = sessionRef.current;
      if (id && session && !tracked.current.has(id)) {
        tracked.current.add(id);
        session.track(id);
      }
    };
    return {
      open,
      remember: (conversation) => dispatch({ type: 'upsert', conversation }),
      take(id) {
        if (!sessionRef.current?.send({ type: 'conversation.take', conversationId: id })) return notConnected();
        open(id);
      },
      resolve(id) {
        if (!sessionRef.current?.send({ type: 'conversation.resolve', conversationId: id })) notConnected();
      },
      send(conversationId, body) {
        const session = sessionRef.current;
        if (!session) return;
        const clientId = newClientId();
        dispatch({ type: 'sending', pending: { clientId, conversationId, body, createdAt: Date.now(), status: 'sending' } });
        // Kept in the Session's outbox and resent after a reconnect until acknowledged.
        session.sendReliable({ type: 'message.send', clientId, conversationId, body });
      },
      typing(conversationId, isTyping) {
        sessionRef.current?.send({ type: 'typing', conversationId, isTyping });
      },
      setPresence(presence) {
        wantedPresence.current = presence;
        if (!sessionRef.current?.send({ type: 'presence.set', presence })) return notConnected();
        // Optimistic; the server's presence frame confirms.
        dispatch({ type: 'presence', agentId: stateRef.current.me.id, presence });
      },
      dismissPending: (clientId) => dispatch({ type: 'dismissPending', clientId }),
      clearNotice: () => dispatch({ type: 'clearNotice' }),
    };
  }, []);

  return [state, actions];
}

/** Stable callback wrapper (latest closure, constant identity). */
export function useEvent<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  ref.current = fn;
  return useCallback((...args: A) => ref.current(...args), []);
}
