/**
 * What both gateways (visitor, agent) share: the connection's budget charged before anything is
 * parsed, frame size check, JSON parse, zod validation, typed error frames that leave the socket
 * usable, holding frames until the hello is handled, the hello deadline, and the send-buffer bound.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ErrorCode, ServerFrame } from '@parla/protocol';
import { ClientId, CLOSE_HELLO_TIMEOUT, CLOSE_OVER_BUDGET, CLOSE_TOO_SLOW, MAX_FRAME_BYTES, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '@parla/protocol';
import type { Socket } from 'node:net';
import type { WebSocket, RawData } from 'ws';
import type { z } from 'zod';
import { wsTextFrame, type SendStats, type Subscriber } from '../hub.ts';
import { FrameBudget, type Rate } from '../lib/buckets.ts';
import { ServiceError, type SendResult } from '../modules/conversations/service.ts';

/** Frames above this are not even parsed: the socket is closed with 1009 by ws itself. */
export const HARD_MAX_PAYLOAD = 4 * MAX_FRAME_BYTES;

/** After a close the server starts, how long the client has to answer it before the connection is cut. */
export const CLOSE_GRACE_MS = 1000;

/**
 * After the close of a slow reader (CLOSE_TOO_SLOW), how long it has to read what is already in
 * its TCP buffers and the close frame behind them before it is cut: longer than CLOSE_GRACE_MS,
 * since a slow reader is slow by definition. What it costs meanwhile is small: the frames queued
 * for it are dropped at the close, only what sits in the socket's own buffer remains.
 */
export const TOO_SLOW_GRACE_MS = 10_000;

/** What one socket may cost the server (the WS_* settings, per actor). */
export interface SocketLimits {
  kind: 'visitor' | 'agent';
  /** Frames and bytes the client may send per window, charged before parsing (WS_FRAMES_*, WS_BYTES_*; null: off). */
  frames: Rate | null;
  bytes: Rate | null;
  /** The hello must arrive this soon after the upgrade (WS_HELLO_TIMEOUT_MS). */
  helloTimeoutMs: number;
  /** A socket with more than this waiting to be sent to it is closed with CLOSE_TOO_SLOW (WS_SEND_BUFFER_LIMIT_*). */
  maxBufferedBytes: number;
  /** Where the queued bytes and the slow-reader closes are counted (the hub's). */
  stats: SendStats;
}

/** The limits of one actor's sockets from the configuration. */
export function socketLimits(
  kind: 'visitor' | 'agent',
  config: { WS_HELLO_TIMEOUT_MS: number; WS_SEND_BUFFER_LIMIT_VISITOR: number; WS_SEND_BUFFER_LIMIT_AGENT: number },
  frames: Rate | null,
  bytes: Rate | null,
  stats: SendStats,
): SocketLimits {
  const maxBufferedBytes = kind === 'visitor' ? config.WS_SEND_BUFFER_LIMIT_VISITOR : config.WS_SEND_BUFFER_LIMIT_AGENT;
  return { kind, frames, bytes, helloTimeoutMs: config.WS_HELLO_TIMEOUT_MS, maxBufferedBytes, stats };
}

/** `F`: the frames the client sends; `Out`: those the server sends it (ServerToVisitor or ServerToAgent). */
export interface Connection<F, Out extends ServerFrame> {
  sub: Subscriber;
  send(frame: Out): void;
  error(code: ErrorCode, message: string, clientId?: string): void;
  /** Acknowledges a committed (or deduplicated) send. */
  ack(clientId: string, r: SendResult): void;
  /** Called by the hello handler once the connection may process other frames. */
  markReady(): void;
  readonly ready: boolean;
  /** For the handler's own use. */
  onFrame: (frame: F) => void | Promise<void>;
}

/** The TCP socket under a WebSocket (`req.socket` of the upgrade request). */
export type RawSocket = Pick<Socket, 'cork' | 'uncork' | 'write' | 'destroyed' | 'writableCorked' | 'writableLength' | 'writableNeedDrain' | 'pause' | 'once'>;

/** Sockets corked in this turn of the event loop, uncorked together right after it. */
let corked: RawSocket[] = [];
const uncorkAll = () => {
  const list = corked;
  corked = [];
  for (const raw of list) raw.uncork();
};

/**
 * Frames sent to one socket during one turn of the event loop leave in one write: its TCP socket
 * is corked at the first frame and uncorked in the next check phase (setImmediate), after the
 * turn's synchronous work and all its promise callbacks (an ack sent after an await is in the same
 * write as the items of its commit). A group commit settling a batch, or a storm of hellos after a
 * restart, then costs one system call per socket instead of one per frame. Order is kept.
 */
export function coalesceWrites(raw: RawSocket): RawSocket | undefined {
  if (raw.destroyed) return undefined;
  if (raw.writableCorked === 0) {
    raw.cork();
    if (corked.push(raw) === 1) setImmediate(uncorkAll);
  }
  return raw;
}

export function serveSocket<S extends z.ZodType<{ type: string }>, Out extends ServerFrame>(
  socket: WebSocket,
  raw: RawSocket,
  log: FastifyBaseLogger,
  schema: S,
  limits: SocketLimits,
  onFrame: (frame: z.infer<S>, conn: Connection<z.infer<S>, Out>) => void | Promise<void>,
): Connection<z.infer<S>, Out> {
  type F = z.infer<S>;
  let ready = false;
  let helloSeen = false;
  /** The server is closing this socket: nothing more is read or written. */
  let closing = false;
  let backlog: F[] = [];
  const budget = new FrameBudget(limits.frames, limits.bytes, Date.now());
  const maxBuffered = limits.maxBufferedBytes;

  /** Closes with `code`; a client that does not answer the close within `graceMs` is cut. */
  const shut = (code: number, reason: string, graceMs = CLOSE_GRACE_MS) => {
    closing = true;
    socket.close(code, reason);
    setTimeout(() => socket.terminate(), graceMs).unref();
  };

  /**
   * The send side. Frames are written straight to the TCP socket while it takes them; once a
   * write finds its buffer full (`write` returned false: the client reads slower than it is
   * written to), the next frames wait in `queue`, in order, and leave on 'drain'. The socket's
   * own buffer then stays near its high-water mark, and what waits for a slow reader is in
   * `queue`, where it can be dropped.
   */
  let queue: Buffer[] = [];
  let queued = 0;
  let waitingDrain = false;
  const stats = limits.stats;
  const dropQueue = () => {
    stats.queuedBytes -= queued;
    queue = [];
    queued = 0;
  };
  const drain = () => {
    waitingDrain = false;
    if (closing || socket.readyState !== socket.OPEN) return dropQueue();
    coalesceWrites(raw);
    let i = 0;
    let room = true;
    while (i < queue.length && room) {
      const data = queue[i++]!;
      queued -= data.length;
      stats.queuedBytes -= data.length;
      room = raw.write(data);
    }
    queue = i === queue.length ? [] : queue.slice(i);
    if (queue.length) {
      waitingDrain = true;
      raw.once('drain', drain);
    }
  };
  /** Everything queued, written now whatever the buffer holds (before a close frame, which must come last). */
  const flush = () => {
    if (!queue.length || raw.destroyed) return dropQueue();
    coalesceWrites(raw);
    for (const data of queue) raw.write(data);
    dropQueue();
  };
  // Whoever closes this socket (a merge, an erase, a logout, a shutdown, the client's own close
  // answered by ws): the frames queued before the close leave before the close frame.
  const wsClose = socket.close.bind(socket);
  // (A slow reader's queue was dropped before its close: nothing is left to flush then.)
  socket.close = (code?: number, reason?: string | Buffer) => {
    flush();
    wsClose(code, reason);
  };
  socket.once('close', dropQueue);

  /**
   * The slow-reader bound, checked after every frame: a socket with more than `maxBuffered`
   * waiting to be sent to it (its TCP buffer and the queue) is closed with CLOSE_TOO_SLOW and the
   * queue is dropped at once; the client reconnects and resumes from its last seq. The bound is
   * above every answer of ordinary size, so a slow client that reads is not closed for one of
   * them; one frame larger than the bound itself (a sync page of long messages, the console's
   * welcome with every open conversation) is let through when it joins a backlog within the
   * bound: the socket may then hold that frame and the bound besides while it drains, and is
   * held to the bound again once it is back under it.
   */
  let allowed = maxBuffered;
  const bounded = (size: number) => {
    const pending = raw.writableLength + queued;
    if (pending <= maxBuffered) {
      allowed = maxBuffered;
      return;
    }
    if (size > maxBuffered && pending - size <= maxBuffered) allowed = pending + maxBuffered;
    if (pending <= allowed) return;
    log.info({ pending }, `websocket closed (${CLOSE_TOO_SLOW}): more than WS_SEND_BUFFER_LIMIT_${limits.kind.toUpperCase()} waits for it (the client reads too slowly)`);
    stats.tooSlow[limits.kind]++;
    dropQueue();
    shut(CLOSE_TOO_SLOW, 'too slow', TOO_SLOW_GRACE_MS);
  };

  /** One or more whole frames to this socket, in order; written between ws's own (ping, pong, close), each of which it writes in one go. */
  const out = (data: Buffer) => {
    if (closing || socket.readyState !== socket.OPEN) return;
    if (queued > 0 || raw.writableNeedDrain) {
      queue.push(data);
      queued += data.length;
      stats.queuedBytes += data.length;
      if (!waitingDrain) {
        waitingDrain = true;
        raw.once('drain', drain);
      }
    } else coalesceWrites(raw)?.write(data);
    bounded(data.length);
  };
  const write = (frame: ServerFrame) => out(wsTextFrame(JSON.stringify(frame)));

  const conn: Connection<F, Out> = {
    sub: { send: out },
    send: write,
    error(code, message, clientId) {
      write(clientId ? { type: 'error', code, message, clientId } : { type: 'error', code, message });
    },
    ack(clientId, r) {
      write({ type: 'ack', clientId, conversationId: r.conversationId, messageId: r.message.id, seq: r.message.seq, createdAt: r.message.createdAt });
    },
    markReady() {
      ready = true;
      const pending = backlog;
      backlog = [];
      for (const f of pending) dispatch(f);
    },
    get ready() {
      return ready;
    },
    onFrame: (f) => onFrame(f, conn),
  };

  const dispatch = (frame: F) => {
    const clientId = 'clientId' in frame && typeof frame.clientId === 'string' ? frame.clientId : undefined;
    let r: void | Promise<void>;
    try {
      r = conn.onFrame(frame);
    } catch (e) {
      fail(e, clientId);
      return;
    }
    if (r) r.catch((e: unknown) => fail(e, clientId));
  };

  const fail = (e: unknown, clientId?: string) => {
    if (e instanceof ServiceError) {
      if (e.retryAfterMs !== undefined) write({ type: 'error', code: e.code, message: e.message, retryAfterMs: e.retryAfterMs, ...(clientId ? { clientId } : {}) });
      else conn.error(e.code, e.message, clientId);
    } else {
      log.error({ err: e }, 'frame handler failed');
      conn.error('internal', 'internal error; please retry', clientId);
    }
  };

  /** Past the budget: one error saying when to come back, the close, and nothing more read. */
  const overBudget = () => {
    const retryAfterMs = Math.max(limits.frames?.windowMs ?? 0, limits.bytes?.windowMs ?? 0);
    write({ type: 'error', code: 'rate_limited', message: `too many frames on this connection; it is closed, reconnect in ${Math.ceil(retryAfterMs / 1000)} s`, retryAfterMs });
    log.info('websocket closed: over its frame budget (WS_FRAMES_*, WS_BYTES_*)');
    shut(CLOSE_OVER_BUDGET, 'over budget');
    // The rest of a flood stays in the kernel (TCP pushes back on the client) instead of being
    // read and thrown away here; ws may resume reading for its own reasons, and then `closing` drops it.
    raw.pause();
  };

  // No hello in time (a socket opened and left idle, by mistake or to hold a slot): closed.
  const helloTimer = setTimeout(() => {
    if (helloSeen || closing || socket.readyState !== socket.OPEN) return;
    conn.error('not_ready', `no hello within ${limits.helloTimeoutMs} ms of connecting`);
    shut(CLOSE_HELLO_TIMEOUT, 'no hello');
  }, limits.helloTimeoutMs).unref();

  // Attached synchronously, before any await: frames that arrive during the hello are kept.
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (closing) return;
    // Charged before anything else: a frame that will be refused counts all the same.
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
    if (!budget.take(size)) {
      overBudget();
      return;
    }
    if (size > MAX_FRAME_BYTES) {
      conn.error('frame_too_large', `frames are limited to ${MAX_FRAME_BYTES} bytes`);
      return;
    }
    if (isBinary) {
      conn.error('bad_frame', 'binary frames are not supported; send JSON text');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      conn.error('bad_frame', 'frame is not valid JSON');
      return;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      const cid = json && typeof json === 'object' && 'clientId' in json ? ClientId.safeParse(json.clientId) : undefined;
      conn.error('bad_frame', `${where}${issue?.message ?? 'invalid frame'}`, cid?.success ? cid.data : undefined);
      return;
    }
    const frame = parsed.data as F;
    if (frame.type === 'ping') {
      write({ type: 'pong' });
      return;
    }
    if (frame.type === 'hello') {
      if (helloSeen) {
        conn.error('bad_frame', 'hello was already received on this connection');
        return;
      }
      helloSeen = true;
      clearTimeout(helloTimer);
      const version = (frame as { protocol?: number }).protocol ?? 0;
      if (version < MIN_PROTOCOL_VERSION || version > PROTOCOL_VERSION) {
        conn.error('unsupported_protocol', `this server speaks protocol ${MIN_PROTOCOL_VERSION} to ${PROTOCOL_VERSION}`);
        socket.close(4000, 'unsupported protocol');
        return;
      }
      dispatch(frame);
      return;
    }
    if (!helloSeen) {
      conn.error('not_ready', 'send hello first');
      return;
    }
    if (!ready) backlog.push(frame);
    else dispatch(frame);
  });

  return conn;
}
