import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { AccountQueries, BotProviderQueries, GroupCommit, MetricsQueries, openDb, Store, type OpenedDb } from '@parla/db';
import Fastify, { type FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Config } from './config.ts';
import { agentGateway } from './gateway/agent.ts';
import { HARD_MAX_PAYLOAD } from './gateway/connection.ts';
import { drainSockets, socketError } from './lifecycle.ts';
import { RequestError } from './lib/http.ts';
import { PasswordPool } from './lib/passwords.ts';
import { fastifyTrustProxy } from './lib/trust-proxy.ts';
import { visitorGateway } from './gateway/visitor.ts';
import { Hub } from './hub.ts';
import { AgentSites, siteTopics } from './realtime/agent-sites.ts';
import { agentRoutes } from './modules/agents/routes.ts';
import { Agents } from './modules/agents/service.ts';
import { Team } from './modules/agents/team.ts';
import { TwoFactor } from './modules/agents/two-factor.ts';
import { conversationRoutes } from './modules/conversations/routes.ts';
import { Conversations } from './modules/conversations/service.ts';
import { ServiceError } from './modules/conversations/errors.ts';
import { inboxRoutes } from './modules/inbox/routes.ts';
import { metricsRoutes } from './modules/metrics/routes.ts';
import { MetricsService } from './modules/metrics/service.ts';
import { healthRoutes } from './modules/ops/health.ts';
import { prometheus } from './modules/ops/prometheus.ts';
import { Sites } from './modules/sites/service.ts';
import { Availability } from './modules/sites/availability.ts';
import { siteRoutes } from './modules/sites/routes.ts';
import { Bot } from './modules/bot/service.ts';
import { botRoutes } from './modules/bot/routes.ts';
import { BotProvider } from './modules/bot/assist.ts';
import { providerRoutes } from './modules/bot/provider-routes.ts';
import { engagementRoutes } from './modules/engagement/routes.ts';
import { emailAndAttachments } from './modules/mail/index.ts';
import { Visitors } from './modules/visitors/service.ts';
import { Security, securityPlugin, securityRoutes } from './modules/security/index.ts';
import { integrations } from './modules/integrations/index.ts';
import { PARLA_VERSION } from './version.ts';
import type { Services } from './core/services.ts';
import { defaultPaths } from './paths.ts';

/** The widget and console builds served when WIDGET_DIR / CONSOLE_DIR are not set (from the sources: the workspace's). */
export const WIDGET_DIST = defaultPaths.widget;
export const CONSOLE_DIST = defaultPaths.console;

export interface BuildOptions {
  /** The clock (tests drive it). */
  now?: () => number;
  /** Database file; default DATA_DIR/parla.db. */
  dbFile?: string;
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: { write(line: string): void };
}

/** Where and how the server listens (`port` 0 in tests: any free port). */
export function listenOptions(config: Config, port: number = config.PORT): { port: number; host: string; backlog: number } {
  return { port, host: config.HOST, backlog: config.LISTEN_BACKLOG };
}

/** Builds the whole server (not listening yet). */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const now = opts.now ?? Date.now;
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // A model provider's key (bot/provider-routes.ts) is never logged on purpose; these catch an accident.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'apiKey', '*.apiKey', '*.*.apiKey'],
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    bodyLimit: 64 * 1024,
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
  });

  const db = openDb(opts.dbFile ?? join(config.DATA_DIR, 'parla.db'), { synchronous: config.DB_SYNCHRONOUS, backgroundCheckpoint: true, appVersion: PARLA_VERSION, migrationsFolder: defaultPaths.migrations });
  if (db.schema.backup) app.log.info({ backup: db.schema.backup, from: db.schema.from, to: db.schema.version }, 'migrated the database; the copy made before the migration is kept');
  // Password hashing on threads of its own (lib/passwords.ts); started now, awaited at the end.
  const passwords = new PasswordPool({
    workers: config.PASSWORD_HASH_WORKERS,
    queue: config.PASSWORD_HASH_QUEUE,
    onWorkerError: (err, replaced) => app.log.error({ err }, replaced ? 'a password worker stopped; it was replaced' : 'a password worker could not start'),
  });
  const store = new Store(db.sqlite);
  store.resetPresence(); // nobody is connected to a process that just started
  const commit = new GroupCommit(db.sqlite, { checkpoint: db.checkpoint });
  const hub = new Hub();
  const agentSites = new AgentSites(hub, store);
  const sites = new Sites(store, commit, now);
  const bot = new Bot(store, commit, now, (siteId) => sites.settings(siteId));
  await bot.normaliseOldMisses(); // misses recorded before the learning loop join its groups
  const providerQueries = new BotProviderQueries(db.sqlite);
  bot.provider = new BotProvider(providerQueries, app.log, now); // per site, off by default (assist.ts)
  const conversations = new Conversations(store, commit, hub, sites, bot, now);
  conversations.onBackgroundError = (err) => app.log.error({ err }, 'the bot reply with the model provider failed');
  const availability = new Availability(hub, sites, store);
  const visitors = new Visitors(store, commit, now);
  conversations.visitorConnected = (visitorId) => hub.count(`visitor:${visitorId}`) > 0;
  const agents = new Agents(
    store,
    commit,
    hub,
    conversations,
    availability,
    passwords,
    { sessionTtlMs: config.SESSION_TTL_HOURS * 3600_000, offlineGraceMs: config.AGENT_OFFLINE_GRACE_MS },
    now,
  );
  const metrics = new MetricsService(store, new MetricsQueries(db.sqlite), sites, () => hub.idsWithPrefix('visitor:'), now);
  const security = new Security(config, store, commit, sites, hub, now);
  const accounts = new AccountQueries(db.sqlite);
  const team = new Team(store, accounts, commit, passwords, { publicUrl: config.PUBLIC_URL }, now);
  const twoFactor = new TwoFactor(accounts, commit, now);
  agents.secondFactor = (id, code) => twoFactor.verify(id, code);
  team.hooks = {
    sessionsEnded: (hashes) => {
      for (const h of hashes) security.revokeSession(h); // their console sockets close now
    },
    deactivated: (id) => agents.setPresence(id, 'offline'), // offline now: their conversations go back to the queue
    changed: async (id, maxChats, sites) => {
      if (sites) agentSites.refresh(id);
      await (maxChats === undefined ? conversations.drain() : conversations.setCapacity(id, maxChats));
    },
    mailer: null, // the mail module sets it
  };
  const services: Services = { config, db, store, commit, hub, sites, availability, bot, conversations, visitors, agents, team, twoFactor, passwords, metrics, security, agentSites };
  // A deleted site's caches go, its visitors' sockets close, and its conversations leave the consoles
  // (their queue would otherwise count shoppers who no longer exist, until the next reconnect).
  sites.deletedListeners.push((siteId, visitorIds, _files, conversationIds) => {
    bot.forgetSite(siteId);
    for (const v of visitorIds) security.visitorSockets.close(v, 4404, 'site deleted');
    for (const id of conversationIds) hub.publishToAgents(siteTopics(siteId), { type: 'conversation.erased', conversationId: id });
    conversations.rowsChanged(conversationIds);
    void conversations.drain().catch((err: unknown) => app.log.error({ err }, 'drain after a site deletion failed'));
  });
  // An erased visitor's conversations leave the waiting lines, and the agents they held take the next in line.
  security.privacy.erasedListeners.push(async (ids) => {
    conversations.rowsChanged(ids);
    await conversations.drain();
  });
  app.decorate('parla', services);
  if (config.SITE_ORIGINS) await sites.declare(config.SITE_ORIGINS);

  // First-response SLA: breaches are recorded as they happen (a periodic sweep, cheap: one indexed query).
  const slaTimer = setInterval(() => {
    void conversations.checkSla().catch((err: unknown) => app.log.error({ err }, 'SLA sweep failed'));
    void conversations.resolveIdleBot().catch((err: unknown) => app.log.error({ err }, 'bot idle sweep failed'));
    void conversations.sweepInactive().catch((err: unknown) => app.log.error({ err }, 'inactivity sweep failed'));
  }, config.SLA_SWEEP_MS);
  slaTimer.unref();

  app.addHook('onClose', async () => {
    clearInterval(slaTimer);
    availability.stop();
    agents.stop();
    conversations.stop();
    bot.provider?.close();
    commit.close();
    await db.close();
    await passwords.close();
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    if (err instanceof RequestError) {
      if (err.retryAfterMs !== undefined) void reply.header('retry-after', Math.max(1, Math.ceil(err.retryAfterMs / 1000)));
      return void reply.code(err.status).send({ error: err.code, message: err.message });
    }
    if (err instanceof ServiceError) {
      const status = { not_found: 404, conflict: 409, forbidden: 403, rate_limited: 429 }[err.code as string] ?? 400;
      return void reply.code(status).send({ error: err.code, message: err.message });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    void reply.code(status).send({ error: status >= 500 ? 'internal' : (err.code ?? 'bad_request').toLowerCase(), message: status >= 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler(async (req, reply) => {
    // The console is a single-page app with an address per view (/console/c/<id>, /console/reports…):
    // a page load of any such address gets its index.html, so a reload or a shared link lands there.
    // Files (a name with an extension) and other methods keep their 404.
    const path = req.url.split('?')[0]!;
    if ((req.method === 'GET' || req.method === 'HEAD') && isConsolePage(path)) {
      const html = await readFile(join(config.CONSOLE_DIR, 'index.html'), 'utf8').catch(() => null);
      if (html !== null) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    }
    return reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${path}` });
  });

  await app.register(fastifyCookie);
  await securityPlugin(app, services); // before any route: headers, rate limits, the route list
  await app.register(fastifyWebsocket, { options: { maxPayload: HARD_MAX_PAYLOAD, perMessageDeflate: false }, preClose: drainSockets, errorHandler: socketError });

  // Dead sockets (a phone that lost its network, a half-open TCP connection) never say goodbye:
  // ping every WS_PING_MS and close any socket that did not answer the previous ping. Closing it
  // starts the agent's offline grace period as a normal close would.
  const alive = new WeakSet<WebSocket>();
  // One listener function for every socket (`this` is the socket), not a closure per socket.
  function answered(this: WebSocket) {
    alive.add(this);
  }
  app.websocketServer.on('connection', (ws: WebSocket) => {
    alive.add(ws);
    ws.on('pong', answered);
  });
  // A sweep pings PING_SLICE sockets at a time, its slices spread over the first half of the
  // interval: 15,000 idle sockets cost a few ms every ~100 ms instead of one burst of pings (and
  // of their pongs) that held every message back for a quarter of a second every WS_PING_MS.
  const PING_SLICE = 100;
  let sweeping = false;
  let sliceTimer: ReturnType<typeof setTimeout> | undefined;
  const sweep = (sockets: WebSocket[], from: number, gapMs: number) => {
    const end = Math.min(from + PING_SLICE, sockets.length);
    for (let i = from; i < end; i++) {
      const ws = sockets[i]!;
      if (ws.readyState !== ws.OPEN) continue;
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
    if (end < sockets.length) {
      sliceTimer = setTimeout(sweep, gapMs, sockets, end, gapMs);
      sliceTimer.unref();
    } else sweeping = false;
  };
  const reaper = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    const sockets = [...app.websocketServer.clients];
    const slices = Math.ceil(sockets.length / PING_SLICE);
    sweep(sockets, 0, slices > 1 ? Math.floor(config.WS_PING_MS / 2 / slices) : 0);
  }, config.WS_PING_MS);
  reaper.unref();
  app.addHook('onClose', async () => {
    clearInterval(reaper);
    clearTimeout(sliceTimer);
  });

  // The widget: the loader at /widget.js, the lazily loaded chat UI under /widget/. Module
  // scripts are fetched with CORS, so these files are readable from any origin (they hold no secret).
  if (existsSync(join(config.WIDGET_DIR, 'widget.js'))) {
    await app.register(fastifyStatic, {
      root: join(config.WIDGET_DIR, 'widget'),
      prefix: '/widget/',
      // The build writes .br and .gz copies (scripts/precompress.mjs): sent when the browser accepts them.
      preCompressed: true,
      setHeaders: (res, path) => {
        res.header('Access-Control-Allow-Origin', '*');
        // Vite names shared chunks with a content hash: those never change.
        res.header('Cache-Control', /-[A-Za-z0-9_-]{8}\.js(\.br|\.gz)?$/.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      },
    });
    app.get('/widget.js', (_req, reply) =>
      reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'public, max-age=300').sendFile('widget.js', config.WIDGET_DIR),
    );
  } else {
    app.log.warn(`widget not built (${config.WIDGET_DIR}); run pnpm build`);
  }
  if (existsSync(join(config.CONSOLE_DIR, 'index.html'))) {
    // Not pre-compressed: @fastify/static answers the directory index (/console/) with 404 when preCompressed is on.
    await app.register(fastifyStatic, { root: config.CONSOLE_DIR, prefix: '/console/', decorateReply: false, index: 'index.html' });
    app.get('/console', (_req, reply) => reply.redirect('/console/'));
  } else {
    app.log.warn(`console not built (${config.CONSOLE_DIR}); run pnpm build`);
  }
  app.get('/', (_req, reply) => reply.redirect('/console/'));
  healthRoutes(app, { sqlite: db.sqlite, maxLagMs: config.READY_MAX_LAG_MS }); // /healthz, /readyz

  visitorGateway(app, services);
  agentGateway(app, services);
  agentRoutes(app, services);
  conversationRoutes(app, services);
  inboxRoutes(app, services); // search, filters, tags, notes
  metricsRoutes(app, services);
  prometheus(app, services);
  siteRoutes(app, services);
  botRoutes(app, services);
  providerRoutes(app, services, providerQueries, bot.provider, now);
  securityRoutes(app, services);
  engagementRoutes(app, services);
  integrations(app, services, now); // webhooks, REST API /api/v1, /api/docs
  await emailAndAttachments(app, services, now);
  try {
    await passwords.ready();
  } catch (e) {
    await app.close();
    throw new Error(`password hashing could not start: ${(e as Error).message}`, { cause: e });
  }
  return app;
}

/** A console address the SPA draws (/console/<view>[/…]), not a file under /console/ (assets have an extension). */
export function isConsolePage(path: string): boolean {
  return path.startsWith('/console/') && !path.startsWith('/console/assets/') && !/\.[A-Za-z0-9]+$/.test(path) && !path.includes('..');
}
