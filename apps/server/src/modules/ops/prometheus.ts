/**
 * Operations endpoint: Prometheus text format at /metrics (prom-client). WebSocket connections by
 * kind, slow readers closed (4013) and the bytes queued for slow sockets, messages committed by
 * author (a counter: rate() gives messages/s), queue length, open conversations, agents online,
 * and prom-client's process metrics (event-loop lag percentiles,
 * memory, CPU, handles). With METRICS_TOKEN set it wants `Authorization: Bearer <token>`;
 * `METRICS_TOKEN=off` turns it off (404); unset, it answers only requests made on this machine
 * (loopback socket, no forwarding header naming another address), which the server allows only
 * when no reverse proxy is trusted (TRUST_PROXY off; config.ts refuses to start otherwise).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { WebSocket } from 'ws';
import type { Services } from '../../core/services.ts';
import { fromThisMachine } from '../../lib/ip.ts';

function allowed(req: FastifyRequest, token: string | undefined, proxied: boolean): boolean {
  // Without a token: this machine only, judged by the socket (and no forwarding header naming
  // anyone else), which means something only when no proxy is trusted (config.ts refuses to start
  // with TRUST_PROXY and no METRICS_TOKEN; refused here too, should a config come another way).
  if (!token) return !proxied && fromThisMachine(req);
  const got = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return got.length === want.length && timingSafeEqual(got, want);
}

export function prometheus(app: FastifyInstance, s: Services): void {
  const register = new Registry();
  const sockets = { visitor: 0, agent: 0 };
  app.websocketServer.on('connection', (ws: WebSocket, req: { url?: string }) => {
    const kind = req.url?.startsWith('/ws/agent') ? 'agent' : 'visitor';
    sockets[kind]++;
    ws.once('close', () => sockets[kind]--);
  });

  new Gauge({
    name: 'parla_websocket_connections',
    help: 'Open WebSocket connections',
    labelNames: ['kind'],
    registers: [register],
    collect() {
      this.set({ kind: 'visitor' }, sockets.visitor);
      this.set({ kind: 'agent' }, sockets.agent);
    },
  });
  const sends = s.hub.sendStats;
  new Counter({
    name: 'parla_websocket_slow_closes_total',
    help: 'WebSockets closed with 4013 (too slow: more than WS_SEND_BUFFER_LIMIT_* waited for them), by kind',
    labelNames: ['kind'],
    registers: [register],
    collect() {
      this.reset();
      this.inc({ kind: 'visitor' }, sends.tooSlow.visitor);
      this.inc({ kind: 'agent' }, sends.tooSlow.agent);
    },
  });
  new Gauge({
    name: 'parla_websocket_queued_bytes',
    help: 'Bytes of frames waiting behind full TCP send buffers, over all WebSockets',
    registers: [register],
    collect() {
      this.set(sends.queuedBytes);
    },
  });
  new Counter({
    name: 'parla_messages_total',
    help: 'Messages committed to disk and delivered, by author',
    labelNames: ['author'],
    registers: [register],
    collect() {
      this.reset();
      for (const [author, n] of Object.entries(s.conversations.committedMessages)) this.inc({ author }, n);
    },
  });
  new Gauge({
    name: 'parla_queue_length',
    help: 'Conversations waiting for an agent',
    registers: [register],
    collect() {
      this.set(s.metrics.live().queueLength);
    },
  });
  new Gauge({
    name: 'parla_open_conversations',
    help: 'Conversations not resolved',
    registers: [register],
    collect() {
      this.set(s.metrics.live().openConversations);
    },
  });
  new Gauge({
    name: 'parla_agents',
    help: 'Agents by presence',
    labelNames: ['presence'],
    registers: [register],
    collect() {
      const n = { online: 0, away: 0, offline: 0 };
      for (const a of s.store.allAgents()) n[a.presence]++;
      for (const [presence, v] of Object.entries(n)) this.set({ presence }, v);
    },
  });

  // The process metrics (event-loop lag among them) start with the first scrape, so a server
  // nobody monitors does not run the event-loop delay sampler.
  let defaults = false;
  const token = s.config.METRICS_TOKEN;
  const proxied = s.config.TRUST_PROXY !== false;
  app.get('/metrics', async (req, reply) => {
    if (token === 'off') return reply.code(404).send({ error: 'not_found', message: '/metrics is turned off (METRICS_TOKEN=off)' });
    if (!allowed(req, token, proxied)) {
      return reply.code(token ? 401 : 403).send({
        error: 'forbidden',
        message: token ? 'a valid bearer token is needed' : 'only this machine may read /metrics (set METRICS_TOKEN to scrape from elsewhere)',
      });
    }
    if (!defaults) {
      collectDefaultMetrics({ register, prefix: 'parla_', eventLoopMonitoringPrecision: 10 });
      defaults = true;
    }
    return reply.header('content-type', register.contentType).send(await register.metrics());
  });
}
