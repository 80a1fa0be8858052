/**
 * The console's state: one reducer fed by the realtime Session, plus the hook that owns the
 * Session and exposes the agent's commands.
 */
import { newClientId, Session, storageOutbox, type Status } from '@parla/client';
import type { SettablePresenceName } from '@parla/protocol/constants';
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
import { transferFrame, type TransferTarget } from './transfer.ts';

/** PROTOCOL_VERSION of @parla/protocol (not imported: the console ships no zod). */
export const PROTOCOL = 7;
/** MAX_MESSAGE_CHARS of @parla/protocol. */
export const MAX_MESSAGE_CHARS = 4000;
/** A visitor "typing" that is never switched off expires after this long. */
export const TYPING_TTL_MS = 8000;
const MAX_LIVE_PAGES = 50;
/** A transfer neither confirmed nor refused after this long is reported as unanswered. */
export const TRANSFER_TIMEOUT_MS = 10_000;

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

/** The transfer in flight from the dialog (one at a time). */
export interface TransferState {
  token: number;
  conversationId: string;
  status: 'sending' | 'done' | 'failed';
  error?: string;
  /** The summary fields a completed transfer changes. */
  before: Pick<ConversationSummary, 'state' | 'agentId' | 'departmentId' | 'queuedAt'> | null;
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
  /** Every agent's presence as the latest presence frames said (the agents list patches itself). */
  agentPresence: Record<string, Presence>;
  /** Incremented at every presence frame. */
  presenceSeq: number;
  transfer: TransferState | null;
  /** 'conversationId:seq' of the transferred events this console caused (so it can say "You transferred…"). */
  ownTransfers: Record<string, true>;
  /** The conversation of our last transfer whose 'transferred' event has not arrived yet (outlives the dialog). */
  awaitingOwnTransfer: string | null;
}

export type Action =
  | { type: 'status'; status: Status }
  | { type: 'welcome'; agent: AgentView; inbox: ConversationSummary[] }
  | { type: 'upsert'; conversation: ConversationSummary }
  | { type: 'erased'; conversationId: string }
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
  | { type: 'clearNotice' }
  | { type: 'transferStart'; token: number; conversationId: string }
  | { type: 'transferFailed'; token?: number; error: string }
  | { type: 'transferClear' };

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
    agentPresence: {},
    presenceSeq: 0,
    transfer: null,
    ownTransfers: {},
    awaitingOwnTransfer: null,
  };
}

let noticeSeq = 0;
let transferSeq = 0;

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
      // The welcome holds every open conversation and the latest resolved ones; keep the open one
      // even if it is not among them (resolved earlier, or opened from the reports). If we knew it
      // as open, it no longer is: its detail, fetched again after the reconnect, replaces the row.
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

    case 'erased': {
      // Its visitor was erased (privacy): gone from the inbox, closed if open.
      const { [a.conversationId]: _, ...conversations } = state.conversations;
      return { ...state, conversations, openId: state.openId === a.conversationId ? null : state.openId };
    }
    case 'upsert': {
      const c = a.conversation;
      const prev = state.conversations[c.id];
      // Frames arrive in order, but never let an older snapshot replace a newer one.
      if (prev && prev.lastSeq > c.lastSeq) return state;
      const next: State = { ...state, conversations: { ...state.conversations, [c.id]: c } };
      if (state.openId === c.id) next.read = markRead(state, c.id, readMarkOf(c));
      const tr = state.transfer;
      if (tr && tr.status === 'sending' && tr.conversationId === c.id && tr.before) {
        const b = tr.before;
        if (b.state !== c.state || b.agentId !== c.agentId || b.departmentId !== c.departmentId || b.queuedAt !== c.queuedAt) {
          next.transfer = { ...tr, status: 'done' };
        }
      }
      return next;
    }

    case 'presence': {
      const next: State = {
        ...state,
        agentPresence: { ...state.agentPresence, [a.agentId]: a.presence },
        presenceSeq: state.presenceSeq + 1,
      };
      if (a.agentId === state.me.id) {
        next.presence = a.presence;
        next.me = { ...state.me, presence: a.presence };
      }
      return next;
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
        // The inbox row's preview, at once (the server sends other agents' previews about once a second):
        // the shopper's own words only, as the server keeps it.
        const row = state.conversations[id];
        if (row && row.lastSeq < item.seq) {
          const preview = item.authorType !== 'visitor' ? '' : item.body.length > 140 ? `${item.body.slice(0, 139)}…` : item.body;
          next.conversations = { ...state.conversations, [id]: { ...row, lastSeq: item.seq, lastMessage: preview || row.lastMessage, lastMessageAt: item.createdAt } };
        }
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
      const tr = state.transfer;
      if (item.kind === 'event' && item.event === 'transferred') {
        if (tr && tr.status === 'sending' && tr.conversationId === id) next.transfer = { ...tr, status: 'done' };
        if (state.awaitingOwnTransfer === id) {
          next.ownTransfers = { ...state.ownTransfers, [`${id}:${item.seq}`]: true };
          next.awaitingOwnTransfer = null;
        }
      }
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

    case 'transferStart': {
      const c = state.conversations[a.conversationId];
      const before = c ? { state: c.state, agentId: c.agentId, departmentId: c.departmentId, queuedAt: c.queuedAt } : null;
      return { ...state, transfer: { token: a.token, conversationId: a.conversationId, status: 'sending', before }, awaitingOwnTransfer: a.conversationId };
    }

    case 'transferFailed': {
      const tr = state.transfer;
      if (!tr || tr.status !== 'sending' || (a.token !== undefined && a.token !== tr.token)) return state;
      return { ...state, transfer: { ...tr, status: 'failed', error: a.error }, awaitingOwnTransfer: null };
    }

    case 'transferClear':
      return state.transfer ? { ...state, transfer: null } : state;
  }
}

// -------------------------------------------------------------------------------------------
// Read marks survive a reload (per agent, in localStorage)
// -------------------------------------------------------------------------------------------

const MAX_READ_MARKS = 500;
const readKey = (agentId: string) => `parla.console.read.${agentId}`;
const outboxKey = (agentId: string) => `parla.console.outbox.${agentId}`;

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
  /** Snoozes the agent's own conversation until `until` (null: the shopper's next message); unsnooze ends it now. */
  snooze(id: string, until: number | null): void;
  unsnooze(id: string): void;
  send(conversationId: string, body: string, attachmentId?: string): void;
  typing(conversationId: string, isTyping: boolean): void;
  setPresence(p: SettablePresenceName): void;
  dismissPending(clientId: string): void;
  clearNotice(): void;
  /** Sends conversation.transfer; state.transfer follows it (done on the 'transferred' item or the summary change, failed on an error frame). */
  transfer(conversationId: string, target: TransferTarget, note: string): void;
  clearTransfer(): void;
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
  const wantedPresence = useRef<SettablePresenceName>(agent.presence === 'away' ? 'away' : 'online');
  const unauthorizedRef = useRef(onUnauthorized);
  unauthorizedRef.current = onUnauthorized;

  useEffect(() => {
    const session = new Session<AgentToServer>({
      url: () => agentSocketUrl(),
      hello: () => ({ type: 'hello', protocol: PROTOCOL }),
      // Replies not yet acknowledged survive a reload of the console (per agent, in localStorage).
      outbox: storageOutbox(typeof localStorage === 'undefined' ? null : localStorage, outboxKey(agent.id)),
    });
    sessionRef.current = session;
    const follow = (id: string) => {
      if (tracked.current.has(id)) return;
      tracked.current.add(id);
      session.track(id);
    };
    // After a reload: the stored replies are pending again; following their conversations
    // lets the stream settle them once they are sent.
    for (const { clientId, frame, at } of session.pending()) {
      const f = frame as AgentToServer;
      if (f.type !== 'message.send') continue;
      dispatch({ type: 'sending', pending: { clientId, conversationId: f.conversationId, body: f.body, createdAt: at ?? Date.now(), status: 'sending' } });
      follow(f.conversationId);
    }
    const followIfMine = (c: ConversationSummary, meId: string) => {
      if (c.agentId === meId && c.state !== 'resolved') follow(c.id);
    };

    // While the socket cannot connect, is the session still good? At most once every 10 s; a check
    // that comes too soon is put off, not dropped (the status stays 'connecting' across retries,
    // so no later event would ask again: a session ended by an admin would go unnoticed).
    let lastAuthCheck = 0;
    let authTimer: ReturnType<typeof setTimeout> | null = null;
    let connecting = false;
    let disposed = false;
    const checkAuth = () => {
      if (authTimer) return;
      authTimer = setTimeout(
        () => {
          authTimer = null;
          if (disposed || !connecting) return;
          lastAuthCheck = Date.now();
          api.me().catch((e: unknown) => {
            if (!disposed && e instanceof ApiError && e.status === 401) unauthorizedRef.current();
          });
        },
        Math.max(0, lastAuthCheck + 10_000 - Date.now()),
      );
    };

    const offs = [
      session.on('status', (status) => {
        dispatch({ type: 'status', status });
        connecting = status === 'connecting';
        if (connecting) checkAuth();
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
          case 'conversation.erased':
            dispatch({ type: 'erased', conversationId: f.conversationId });
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
        // Error frames name no request; while a transfer waits for its answer, a refusal is its own.
        if (stateRef.current.transfer?.status === 'sending' && err.code !== 'unsupported_protocol' && err.code !== 'rate_limited') {
          const text = errorText(err.code, err.message);
          dispatch({ type: 'transferFailed', error: t.transfer.refused(text === err.message ? text : `${text} (${err.message})`) });
          return;
        }
        dispatch({ type: 'notice', text: errorText(err.code, err.message) });
      }),
    ];
    session.connect();
    return () => {
      disposed = true;
      if (authTimer) clearTimeout(authTimer);
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
      snooze(id, until) {
        if (!sessionRef.current?.send({ type: 'conversation.snooze', conversationId: id, until })) notConnected();
      },
      unsnooze(id) {
        if (!sessionRef.current?.send({ type: 'conversation.unsnooze', conversationId: id })) notConnected();
      },
      send(conversationId, body, attachmentId) {
        const session = sessionRef.current;
        if (!session) return;
        const clientId = newClientId();
        dispatch({ type: 'sending', pending: { clientId, conversationId, body, createdAt: Date.now(), status: 'sending' } });
        // Kept in the Session's outbox and resent after a reconnect until acknowledged.
        session.sendReliable({ type: 'message.send', clientId, conversationId, body, ...(attachmentId ? { attachmentId } : {}) });
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
      transfer(conversationId, target, note) {
        const token = ++transferSeq;
        dispatch({ type: 'transferStart', token, conversationId });
        // Keep receiving the stream (the 'transferred' event confirms) even if it was not followed yet.
        const session = sessionRef.current;
        if (session && !tracked.current.has(conversationId)) {
          tracked.current.add(conversationId);
          session.track(conversationId);
        }
        if (!session?.send(transferFrame(conversationId, target, note))) {
          dispatch({ type: 'transferFailed', token, error: t.header.connecting });
          return;
        }
        setTimeout(() => dispatch({ type: 'transferFailed', token, error: t.transfer.noAnswer }), TRANSFER_TIMEOUT_MS);
      },
      clearTransfer: () => dispatch({ type: 'transferClear' }),
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
