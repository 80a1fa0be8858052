/**
 * What both gateways (visitor, agent) share: frame size check, JSON parse, zod validation, typed
 * error frames that leave the socket usable, and holding frames until the hello is handled.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ErrorCode } from '@parla/protocol';
import { ClientId, MAX_FRAME_BYTES, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '@parla/protocol';
import type { Socket } from 'node:net';
import type { WebSocket, RawData } from 'ws';
import type { z } from 'zod';
import type { Subscriber } from '../hub.ts';
import { ServiceError, type SendResult } from '../modules/conversations/service.ts';

/** Frames above this are not even parsed: the socket is closed with 1009 by ws itself. */
export const HARD_MAX_PAYLOAD = 4 * MAX_FRAME_BYTES;

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
export type RawSocket = Pick<Socket, 'cork' | 'uncork' | 'write' | 'destroyed' | 'writableCorked'>;

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
  onFrame: (frame: z.infer<S>, conn: Connection<z.infer<S>>) => void | Promise<void>,
): Connection<z.infer<S>> {
  type F = z.infer<S>;
  let ready = false;
  let helloSeen = false;
  let backlog: F[] = [];

  const conn: Connection<F> = {
    sub: {
      send(frames: Buffer) {
        // Whole frames, written between ws's own (each of which it writes in one go): with
        // per-message deflate off, nothing of ws's is ever half-written when this runs.
        if (socket.readyState !== socket.OPEN) return;
        coalesceWrites(raw)?.write(frames);
      },
    },
    send(frame) {
      if (socket.readyState !== socket.OPEN) return;
      coalesceWrites(raw);
      socket.send(JSON.stringify(frame));
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

  // Attached synchronously, before any await: frames that arrive during the hello are kept.
  socket.on('message', (raw: RawData, isBinary: boolean) => {
    const size = Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : (raw as Buffer | ArrayBuffer).byteLength;
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
      json = JSON.parse(raw.toString());
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
