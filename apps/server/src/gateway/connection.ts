/**
 * What both gateways (visitor, agent) share: the connection's budget charged before anything is
 * parsed, frame size check, JSON parse, zod validation, typed error frames that leave the socket
 * usable, holding frames until the hello is handled, the hello deadline, and the send-buffer bound.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ErrorCode } from '@parla/protocol';
import { ClientId, CLOSE_HELLO_TIMEOUT, CLOSE_OVER_BUDGET, MAX_FRAME_BYTES, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '@parla/protocol';
import type { Socket } from 'node:net';
import type { WebSocket, RawData } from 'ws';
import type { z } from 'zod';
import type { Subscriber } from '../hub.ts';
import { FrameBudget, type Rate } from '../lib/buckets.ts';
import { ServiceError, type SendResult } from '../modules/conversations/service.ts';

/** Frames above this are not even parsed: the socket is closed with 1009 by ws itself. */
export const HARD_MAX_PAYLOAD = 4 * MAX_FRAME_BYTES;

/** After a close the server starts, how long the client has to answer it before the connection is cut. */
export const CLOSE_GRACE_MS = 1000;

/** What one socket may cost the server (the WS_* settings, per actor). */
export interface SocketLimits {
  /** Frames and bytes the client may send per window, charged before parsing (WS_FRAMES_*, WS_BYTES_*; null: off). */
  frames: Rate | null;
  bytes: Rate | null;
  /** The hello must arrive this soon after the upgrade (WS_HELLO_TIMEOUT_MS). */
  helloTimeoutMs: number;
  /** A socket whose send buffer holds more than this is cut (WS_MAX_BUFFERED_BYTES). */
  maxBufferedBytes: number;
}

/** The limits of one actor's sockets from the configuration. */
export function socketLimits(
  config: { WS_HELLO_TIMEOUT_MS: number; WS_MAX_BUFFERED_BYTES: number },
  frames: Rate | null,
  bytes: Rate | null,
): SocketLimits {
  return { frames, bytes, helloTimeoutMs: config.WS_HELLO_TIMEOUT_MS, maxBufferedBytes: config.WS_MAX_BUFFERED_BYTES };
}

export interface Connection<F> {
  sub: Subscriber;
  send(frame: object): void;
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
export type RawSocket = Pick<Socket, 'cork' | 'uncork' | 'write' | 'destroyed' | 'writableCorked' | 'writableLength' | 'pause'>;

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

export function serveSocket<S extends z.ZodType<{ type: string }>>(
  socket: WebSocket,
  raw: RawSocket,
  log: FastifyBaseLogger,
  schema: S,
  limits: SocketLimits,
  onFrame: (frame: z.infer<S>, conn: Connection<z.infer<S>>) => void | Promise<void>,
): Connection<z.infer<S>> {
  type F = z.infer<S>;
  let ready = false;
  let helloSeen = false;
  /** The server is closing this socket: nothing more is read or written. */
  let closing = false;
  let backlog: F[] = [];
  const budget = new FrameBudget(limits.frames, limits.bytes, Date.now());
  const maxBuffered = limits.maxBufferedBytes;

  /** Closes with `code`; a client that does not answer the close within CLOSE_GRACE_MS is cut. */
  const shut = (code: number, reason: string) => {
    closing = true;
    socket.close(code, reason);
    setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  };

  /**
   * The send-buffer bound, checked after every write: a client that does not read (or reads far
   * slower than it is written to) is cut at once, which frees what was waiting for it. The bound
   * is above every answer of ordinary size (a sync page is 2.5 MB at worst), so a slow client
   * that reads is not cut for one of them. One frame larger than the bound itself (the console's
   * welcome, which carries every open conversation: about 500 bytes each) is let through when
   * it is written onto a buffer within the bound: the socket may then hold that frame and the
   * bound besides while it drains, and is held to the bound again once it is back under it.
   */
  let allowed = maxBuffered;
  const bounded = (size: number) => {
    const buffered = raw.writableLength;
    if (buffered <= maxBuffered) {
      allowed = maxBuffered;
      return;
    }
    if (size > maxBuffered && buffered - size <= maxBuffered) allowed = buffered + maxBuffered;
    if (buffered <= allowed) return;
    log.info({ buffered }, 'websocket cut: its send buffer is over WS_MAX_BUFFERED_BYTES (the client does not read)');
    closing = true;
    socket.terminate();
  };

  const conn: Connection<F> = {
    sub: {
      send(frames: Buffer) {
        // Whole frames, written between ws's own (each of which it writes in one go): with
        // per-message deflate off, nothing of ws's is ever half-written when this runs.
        if (socket.readyState !== socket.OPEN) return;
        coalesceWrites(raw)?.write(frames);
        bounded(frames.length);
      },
    },
    send(frame) {
      if (socket.readyState !== socket.OPEN) return;
      coalesceWrites(raw);
      const before = raw.writableLength;
      socket.send(JSON.stringify(frame));
      bounded(raw.writableLength - before);
    },
    error(code, message, clientId) {
      conn.send(clientId ? { type: 'error', code, message, clientId } : { type: 'error', code, message });
    },
    ack(clientId, r) {
      conn.send({ type: 'ack', clientId, conversationId: r.conversationId, messageId: r.message.id, seq: r.message.seq, createdAt: r.message.createdAt });
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
      if (e.retryAfterMs !== undefined) conn.send({ type: 'error', code: e.code, message: e.message, retryAfterMs: e.retryAfterMs, ...(clientId ? { clientId } : {}) });
      else conn.error(e.code, e.message, clientId);
    } else {
      log.error({ err: e }, 'frame handler failed');
      conn.error('internal', 'internal error; please retry', clientId);
    }
  };

  /** Past the budget: one error saying when to come back, the close, and nothing more read. */
  const overBudget = () => {
    const retryAfterMs = Math.max(limits.frames?.windowMs ?? 0, limits.bytes?.windowMs ?? 0);
    conn.send({ type: 'error', code: 'rate_limited', message: `too many frames on this connection; it is closed, reconnect in ${Math.ceil(retryAfterMs / 1000)} s`, retryAfterMs });
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
      conn.send({ type: 'pong' });
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
