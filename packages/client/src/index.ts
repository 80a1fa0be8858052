/**
 * The realtime session shared by the widget, the console, the tests and the benchmarks.
 *
 * - connects, and reconnects with full-jitter exponential backoff;
 * - sends the caller's hello first on every connection and holds everything else until welcome;
 * - keeps every sent message in an outbox until the server acknowledges it, and resends the
 *   outbox after a reconnect (the server dedupes by clientId, so a resend never duplicates); with
 *   an OutboxStore (storageOutbox: localStorage) the outbox survives a reload of the page;
 * - a send refused for the server's own trouble (internal error) stays in the outbox and is sent
 *   again later; a refusal of the message (bad input, forbidden, conflict, rate limit) drops it;
 * - tracks the last seq seen per conversation, delivers stream items exactly once and in order,
 *   and asks the server for whatever it missed (after a reconnect, or on a gap).
 *
 * It imports only types from @parla/protocol, so the widget does not ship zod.
 */
import type { ErrorFrame, MessageItem, ServerFrame, StreamItem } from '@parla/protocol';
import { CLOSE_OVER_BUDGET, CLOSE_RATE_LIMITED, CLOSE_TOO_SLOW } from '@parla/protocol/constants';

/** The part of the browser WebSocket API we use; `ws` in Node provides it too. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export type Status = 'connecting' | 'open' | 'closed';

export interface SessionOptions<Out extends { type: string }> {
  /** The WebSocket URL, or a function giving it (read at every connect). */
  url: string | (() => string);
  /** The first frame of every connection (visitor token, page, protocol version). */
  hello: () => Out;
  /** Creates a socket; defaults to the global WebSocket. Node tests pass one built on `ws`. */
  createSocket?: (url: string) => SocketLike;
  /** Backoff bounds in ms (defaults 500 and 15000). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Keepalive ping period in ms (default 25000); a silent connection is dropped after 2.5 periods. */
  pingMs?: number;
  random?: () => number;
  /** Keeps the outbox somewhere that outlives the page (see storageOutbox); loaded at construction. */
  outbox?: OutboxStore;
  /** How long to wait before sending again a send refused for a passing reason (default 2000 ms). */
  retryMs?: number;
  /**
   * After the server closed the connection for sending too much (BACK_OFF_CODES), the wait before
   * reconnecting: at least this (default 30000 ms) or the retryAfterMs the server asked for, plus
   * up to half as much again at random.
   */
  backOffMs?: number;
}

/**
 * Close codes after which the server wants the client to stay away for a while (from
 * @parla/protocol/constants, which ships no zod): 4008 over the connection's budget,
 * 4029 rate limited. Reconnecting at once would only be closed again.
 */
export const BACK_OFF_CODES: readonly number[] = [CLOSE_OVER_BUDGET, CLOSE_RATE_LIMITED];

/**
 * The close of a client that read too slowly (CLOSE_TOO_SLOW in @parla/protocol/constants): the
 * server dropped what waited for it. Not a back-off and not a refusal: the session reconnects with
 * the usual short backoff and asks for everything after the last seq it saw, like after any drop.
 */
export { CLOSE_TOO_SLOW };

export interface PendingSend {
  clientId: string;
  frame: { type: string; clientId: string };
  /** When it was first sent (epoch ms). */
  at?: number;
}

/** Where a Session keeps its unacknowledged sends so that they survive a reload. */
export interface OutboxStore {
  load(): PendingSend[];
  add(p: PendingSend): void;
  remove(clientId: string): void;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Error codes that are the server's trouble, not the message's (a failed write, a server going
 * down): the send is kept and retried. A rate limit is the sender's to see (it is dropped and
 * reported, like bad input), so a flood is not resent forever.
 */
const RETRYABLE = ['internal', 'not_ready'];

/**
 * An OutboxStore in one key of a Storage (the host page's localStorage). Every change reads,
 * edits and writes the list, so two tabs sharing the key never drop each other's entries (both
 * may send an entry: the server dedupes by clientId). A blocked or full storage leaves the outbox
 * in memory only. At most `max` entries are kept, the oldest dropped first.
 */
export function storageOutbox(storage: KeyValue | null | undefined, key: string, max = 200): OutboxStore {
  const read = (): PendingSend[] => {
    try {
      const v: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
      return Array.isArray(v)
        ? v.filter((p: Partial<PendingSend> | null): p is PendingSend => typeof p?.clientId === 'string' && p.frame?.clientId === p.clientId && typeof p.frame.type === 'string')
        : [];
    } catch {
      return [];
    }
  };
  const write = (list: PendingSend[]) => {
    try {
      if (list.length) storage?.setItem(key, JSON.stringify(list.slice(-max)));
      else storage?.removeItem(key);
    } catch {
      /* full or blocked */
    }
  };
  return {
    load: read,
    add(p) {
      write([...read().filter((x) => x.clientId !== p.clientId), p]);
    },
    remove(clientId) {
      const list = read();
      const kept = list.filter((x) => x.clientId !== clientId);
      if (kept.length !== list.length) write(kept);
    },
  };
}

type Handlers = {
  status: (s: Status) => void;
  /** Every frame the server sent, after the session's own bookkeeping. */
  frame: (f: ServerFrame) => void;
  /** A stream item, exactly once per (conversation, seq), in seq order. */
  item: (conversationId: string, item: StreamItem) => void;
  ack: (a: { clientId: string; conversationId: string; messageId: string; seq: number }) => void;
  /** The server refused a send (bad input, forbidden): it is dropped from the outbox. */
  sendError: (clientId: string, err: ErrorFrame) => void;
  error: (err: ErrorFrame) => void;
};

type Listener<K extends keyof Handlers> = Handlers[K];

const OPEN = 1;

/** 21 characters of URL-safe alphabet from crypto.getRandomValues (126 bits), like nanoid. */
export function newClientId(): string {
  const alphabet = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';
  const bytes = crypto.getRandomValues(new Uint8Array(21));
  let id = '';
  for (let i = 0; i < 21; i++) id += alphabet[bytes[i]! & 63];
  return id;
}

export class Session<Out extends { type: string }> {
  private ws: SocketLike | null = null;
  private status: Status = 'closed';
  private ready = false;
  private stopped = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private lastHeard = 0;
  /** The retryAfterMs of the last error frame (the server sends one just before a BACK_OFF_CODES close). */
  private retryAfterMs = 0;
  private readonly lastSeq = new Map<string, number>();
  private readonly syncing = new Set<string>();
  private readonly outbox = new Map<string, PendingSend>();
  private readonly listeners: { [K in keyof Handlers]?: Set<Listener<K>> } = {};

  constructor(private readonly opts: SessionOptions<Out>) {
    for (const p of opts.outbox?.load() ?? []) this.outbox.set(p.clientId, p);
  }

  on<K extends keyof Handlers>(event: K, fn: Handlers[K]): () => void {
    let set = this.listeners[event] as Set<Listener<K>> | undefined;
    if (!set) {
      set = new Set();
      (this.listeners as Record<string, unknown>)[event] = set;
    }
    set.add(fn);
    return () => set.delete(fn);
  }

  private emit<K extends keyof Handlers>(event: K, ...args: Parameters<Handlers[K]>): void {
    const set = this.listeners[event] as Set<(...a: Parameters<Handlers[K]>) => void> | undefined;
    if (set) for (const fn of set) fn(...args);
  }

  get state(): Status {
    return this.status;
  }

  /** True once the server has answered this connection's hello. */
  get isReady(): boolean {
    return this.ready;
  }

  connect(): void {
    this.stopped = false;
    if (this.ws) return;
    this.open();
  }

  /** Closes for good (no reconnect). */
  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
    this.teardown();
    this.setStatus('closed');
  }

  /** Drops the connection and reconnects (as after a network blip). */
  reconnectNow(): void {
    this.teardown();
    this.attempt = 0;
    this.open();
  }

  /** Starts following a conversation from `afterSeq` (0: from the beginning). */
  track(conversationId: string, afterSeq = 0): void {
    if (!this.lastSeq.has(conversationId)) this.lastSeq.set(conversationId, afterSeq);
    this.requestSync(conversationId);
  }

  untrack(conversationId: string): void {
    this.lastSeq.delete(conversationId);
    this.syncing.delete(conversationId);
  }

  lastSeqOf(conversationId: string): number | undefined {
    return this.lastSeq.get(conversationId);
  }

  /** Sends a frame now if the session is ready; otherwise drops it (use sendReliable for messages). */
  send(frame: Out): boolean {
    if (!this.ready || !this.ws || this.ws.readyState !== OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /**
   * Sends a frame that carries a clientId and keeps it until acknowledged, resending it after
   * every reconnect. Returns the clientId.
   */
  sendReliable(frame: Out & { clientId: string }): string {
    const p = { clientId: frame.clientId, frame, at: Date.now() };
    this.outbox.set(p.clientId, p);
    this.opts.outbox?.add(p);
    this.send(frame);
    return frame.clientId;
  }

  /** Unacknowledged sends, oldest first (after a reload, the stored ones). */
  pending(): PendingSend[] {
    return [...this.outbox.values()];
  }

  /** Removes a send from the outbox (acknowledged, seen in the stream, or refused for good). */
  private settle(clientId: string): boolean {
    if (!this.outbox.delete(clientId)) return false;
    this.opts.outbox?.remove(clientId);
    return true;
  }

  private resendOutbox(): void {
    for (const p of this.outbox.values()) this.ws?.send(JSON.stringify(p.frame));
  }

  // -------------------------------------------------------------------------------------------

  private setStatus(s: Status): void {
    if (this.status === s) return;
    this.status = s;
    this.emit('status', s);
  }

  private open(): void {
    if (this.stopped) return;
    this.setStatus('connecting');
    const url = typeof this.opts.url === 'function' ? this.opts.url() : this.opts.url;
    let ws: SocketLike;
    try {
      ws = this.opts.createSocket ? this.opts.createSocket(url) : (new WebSocket(url) as unknown as SocketLike);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    // The watchdog runs from the start: a handshake that hangs (a dropped connection, a black
    // hole) is given up after 2.5 ping periods like a silent open connection.
    this.lastHeard = Date.now();
    this.startPing();
    ws.onopen = () => {
      this.lastHeard = Date.now();
      ws.send(JSON.stringify(this.opts.hello()));
    };
    ws.onmessage = (ev) => {
      this.lastHeard = Date.now();
      if (typeof ev.data !== 'string') return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(ev.data) as ServerFrame;
      } catch {
        return;
      }
      this.handle(frame);
    };
    ws.onerror = () => {
      /* onclose follows */
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.teardown();
      this.scheduleReconnect((ev as { code?: number } | null)?.code);
    };
  }

  private teardown(): void {
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    this.syncing.clear();
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      ws.onerror = () => {}; // closing a socket that is still connecting reports an error: nobody needs it
      try {
        ws.close(1000);
      } catch {
        /* already closed */
      }
    }
  }

  private scheduleReconnect(code?: number): void {
    if (this.stopped) {
      this.setStatus('closed');
      return;
    }
    this.setStatus('connecting');
    const min = this.opts.minDelayMs ?? 500;
    const max = this.opts.maxDelayMs ?? 15000;
    const cap = Math.min(max, min * 2 ** this.attempt);
    this.attempt++;
    const random = (this.opts.random ?? Math.random)();
    const delay = BACK_OFF_CODES.includes(code!) ? Math.max(this.opts.backOffMs ?? 30000, this.retryAfterMs) * (1 + random / 2) : Math.max(min / 2, random * cap);
    this.retryAfterMs = 0;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, delay);
  }

  private startPing(): void {
    const period = this.opts.pingMs ?? 25000;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > period * 2.5) {
        this.reconnectNow();
        return;
      }
      if (this.ready) this.ws?.send('{"type":"ping"}');
    }, period);
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        this.ready = true;
        this.attempt = 0;
        this.setStatus('open');
        break;
      case 'ack':
        this.settle(frame.clientId);
        this.emit('ack', frame);
        break;
      case 'error':
        this.retryAfterMs = frame.retryAfterMs ?? 0;
        if (frame.clientId && this.outbox.has(frame.clientId) && RETRYABLE.includes(frame.code)) {
          // Not the message's fault: keep it and send the outbox again a little later.
          this.retryTimer ??= setTimeout(() => {
            this.retryTimer = null;
            if (this.ready) this.resendOutbox();
          }, this.opts.retryMs ?? 2000);
          this.emit('error', frame);
        } else if (frame.clientId && this.settle(frame.clientId)) this.emit('sendError', frame.clientId, frame);
        else this.emit('error', frame);
        break;
      case 'item':
        this.accept(frame.conversationId, frame.item);
        break;
      case 'sync.result':
        this.syncing.delete(frame.conversationId);
        for (const it of frame.items) this.accept(frame.conversationId, it);
        if (frame.hasMore) this.requestSync(frame.conversationId);
        break;
    }
    this.emit('frame', frame);
    if (frame.type === 'welcome') {
      // Catch up on everything we follow, then resend what was never acknowledged.
      for (const id of this.lastSeq.keys()) this.requestSync(id);
      this.resendOutbox();
    }
  }

  /** Delivers an item if it is the next one; asks for the missing part on a gap. */
  private accept(conversationId: string, item: StreamItem): void {
    const last = this.lastSeq.get(conversationId) ?? 0;
    if (!this.lastSeq.has(conversationId)) this.lastSeq.set(conversationId, 0);
    if (item.seq <= last) return; // already delivered
    if (item.seq > last + 1) {
      this.requestSync(conversationId);
      return;
    }
    this.lastSeq.set(conversationId, item.seq);
    if (item.kind === 'message' && item.clientId) this.settle(item.clientId);
    this.emit('item', conversationId, item);
  }

  private requestSync(conversationId: string): void {
    if (!this.ready || this.syncing.has(conversationId)) return;
    this.syncing.add(conversationId);
    const afterSeq = this.lastSeq.get(conversationId) ?? 0;
    this.ws?.send(JSON.stringify({ type: 'sync', conversationId, afterSeq }));
  }
}

export function createSession<Out extends { type: string }>(opts: SessionOptions<Out>): Session<Out> {
  return new Session(opts);
}

export type { MessageItem, StreamItem };
