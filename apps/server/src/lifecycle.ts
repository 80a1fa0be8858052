/**
 * Graceful shutdown of the WebSockets (the @fastify/websocket preClose hook): no new upgrades,
 * the last group commit flushed so its acknowledgements go out, then every socket closed with
 * 1001 "going away" (clients reconnect with backoff and resume from their last seq), waiting a
 * moment for them to close and cutting the rest. The database is closed after, in app's onClose.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/** The close code sent to every socket when the server shuts down. */
export const GOING_AWAY = 1001;
/** How long shutdown waits for clients to answer the close before cutting them. */
const CLOSE_WAIT_MS = 2000;

export async function drainSockets(this: FastifyInstance): Promise<void> {
  const wss = this.websocketServer;
  // Refuse new upgrades (the HTTP server stops accepting connections right after this hook).
  this.server.removeAllListeners('upgrade');
  this.server.on('upgrade', (_req, socket: { destroy(): void }) => socket.destroy());
  // What was written in this turn is committed; its acks and fan-out are sent before the close.
  this.parla.commit.flush();
  await new Promise((r) => setImmediate(r));
  const open = [...wss.clients];
  const closed = Promise.all(open.map((ws) => new Promise((r) => (ws.readyState === ws.CLOSED ? r(null) : ws.once('close', r)))));
  for (const ws of open) ws.close(GOING_AWAY, 'server shutting down');
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([closed, new Promise((r) => (timer = setTimeout(r, CLOSE_WAIT_MS)))]);
  clearTimeout(timer);
  for (const ws of wss.clients) ws.terminate();
  await new Promise((r) => wss.close(() => r(null)));
}

/**
 * A socket error (@fastify/websocket's errorHandler). A protocol error of the client (a text
 * frame that is not UTF-8, a frame above maxPayload) is already being closed by ws with the right
 * code (1007, 1009): let that close happen, so the client learns why, and log it as the client's
 * fault, not the server's (garbage from the internet must not flood the error log). Anything
 * else cuts the socket.
 */
export function socketError(this: FastifyInstance, err: Error, socket: WebSocket, req: FastifyRequest): void {
  onSocketError(req.log, err, socket);
}

function onSocketError(log: FastifyBaseLogger, err: Error, socket: WebSocket): void {
  if (socket.readyState === socket.CLOSING || socket.readyState === socket.CLOSED) {
    log.info({ reason: err.message }, 'websocket closed for a protocol error of the client');
    return;
  }
  log.error({ err }, 'websocket error');
  socket.terminate();
}

/**
 * @fastify/websocket keeps the upgrade's request and reply for the whole life of the socket: its
 * error listener closes over both, and the reply (a ServerResponse assigned to the TCP socket)
 * stays attached to the socket. That is the headers, the Fastify request, reply and logger, over
 * 2 KB of heap per idle visitor. Called first thing in a WebSocket handler, once it has copied
 * what it needs from `req`: socket errors go to the same handling with the request's logger, and
 * the rest can be collected.
 */
export function releaseUpgrade(socket: WebSocket, req: FastifyRequest): void {
  const log = req.log;
  socket.removeAllListeners('error');
  socket.on('error', (err: Error) => onSocketError(log, err, socket));
  const tcp = req.raw.socket as Socket & { _httpMessage?: ServerResponse | null };
  tcp._httpMessage?.detachSocket(tcp);
}
