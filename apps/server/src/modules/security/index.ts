/**
 * Security in one place: abuse limits for visitors, identity verification, the privacy routes,
 * agent session revocation (sockets of a session that ended are closed), login throttling,
 * the origin and CSRF-token check of every state-changing request (csrf.ts), security headers
 * for the console and the API, and the list of registered routes (which the route-by-route
 * authorization test walks).
 */
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { VisitorData, type GroupCommit, type Store } from '@parla/db';
import { Id, LoginRequest, SiteId } from '@parla/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { newToken } from '../../lib/crypto.ts';
import { ipKey } from '../../lib/ip.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';
import type { Sites } from '../sites/service.ts';
import { SESSION_COOKIE } from '../agents/service.ts';
import { csrfGuard, routeAuth, STATE_CHANGING, type CsrfDeps } from './csrf.ts';
import { Identities } from './identity.ts';
import { ConnectionCounts, limitedMessage, VisitorLimits } from './limits.ts';
import { Privacy } from './privacy.ts';
import { LoginThrottle } from './login-throttle.ts';
import { Sockets } from './sockets.ts';
import type { Services } from '../../core/services.ts';
import type { Hub } from '../../hub.ts';

export { identityHash, verifyIdentityHash } from './identity.ts';

/** Routes that check a password, the setup code or a link token: the login limit per IP (RATE_LOGIN_IP) applies to each. */
export const PASSWORD_ROUTES = new Set([
  '/api/auth/login',
  '/api/setup',
  '/api/password-links/inspect',
  '/api/password-links/accept',
  '/api/auth/password',
  '/api/auth/totp/setup',
  '/api/auth/totp/enable',
  '/api/auth/totp/disable',
]);

/** How often agent sockets are checked against their session (logout closes at once; expiry within this). */
export const SESSION_SWEEP_MS = 500;

/** The console's Content-Security-Policy (also sent on every /api response). */
export const CONSOLE_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

export interface RouteEntry {
  method: string;
  url: string;
}

export class Security {
  readonly limits: VisitorLimits;
  readonly identities: Identities;
  readonly privacy: Privacy;
  readonly data: VisitorData;
  /** Open visitor sockets by visitor id. */
  readonly visitorSockets = new Sockets();
  /** Open console sockets by the sha256 of their session token. */
  readonly agentSockets = new Sockets();
  /** Visitor sockets open per client address (WS_CONNECTIONS_PER_IP; an IPv6 client by its /64). */
  readonly visitorConnections: ConnectionCounts;
  /** Console sockets open per agent (WS_CONNECTIONS_PER_AGENT). */
  readonly agentConnections: ConnectionCounts;
  /** Every route registered after the security plugin (method, url). */
  readonly routes: RouteEntry[] = [];
  /** Failed password checks (logins, password changes): per address and account, and per account (login-throttle.ts). */
  readonly login: LoginThrottle;

  constructor(
    readonly config: Config,
    private readonly store: Store,
    commit: GroupCommit,
    sites: Sites,
    hub: Hub,
    private readonly now: () => number = Date.now,
  ) {
    this.limits = new VisitorLimits(config);
    this.visitorConnections = new ConnectionCounts(config.WS_CONNECTIONS_PER_IP);
    this.agentConnections = new ConnectionCounts(config.WS_CONNECTIONS_PER_AGENT);
    this.login = new LoginThrottle(config.RATE_LOGIN_EMAIL, config.RATE_LOGIN_ACCOUNT, config.LOGIN_BACKOFF_MAX_MS);
    this.data = new VisitorData(store.sqlite);
    this.identities = new Identities(store, this.data, commit, sites, now);
    this.privacy = new Privacy(this.data, commit, this.visitorSockets, hub, now);
  }

  /** Closes the console sockets of a session that ended. */
  revokeSession(tokenHash: string): number {
    return this.agentSockets.close(tokenHash, 4401, 'session ended');
  }

  /** Closes the sockets of every session that is no longer valid (expired, deleted); returns how many. */
  sweepSessions(): number {
    let n = 0;
    const at = this.now();
    for (const h of this.agentSockets.keys()) if (!this.store.sessionAgent(h, at)) n += this.revokeSession(h);
    return n;
  }
}

const SiteParams = z.object({ siteId: SiteId });
const IdParams = z.object({ id: Id });

/**
 * Registers the hooks and plugins; call before any route is declared (the onRoute hook must see
 * them all), then `securityRoutes` with the other routes.
 */
export async function securityPlugin(app: FastifyInstance, s: Services): Promise<void> {
  const sec = s.security;
  const cfg = s.config;
  const emailOf = (req: FastifyRequest) => {
    const r = LoginRequest.shape.email.safeParse((req.body as { email?: unknown } | undefined)?.email);
    return r.success ? r.data : null;
  };
  const throttleEmail = async (req: FastifyRequest, reply: FastifyReply) => {
    const email = emailOf(req);
    if (!email) return;
    const wait = sec.login.refused(ipKey(req.ip), email, Date.now());
    if (wait > 0) {
      void reply.header('retry-after', Math.ceil(wait / 1000));
      return reply.code(429).send({ error: 'rate_limited', message: limitedMessage('failed logins for this account from this address', wait) });
    }
    // An account under attack from many addresses: held, not refused.
    const hold = sec.login.holdMs(email, Date.now());
    if (hold > 0) await new Promise((r) => setTimeout(r, hold));
  };
  const countFailure = async (req: FastifyRequest, reply: FastifyReply) => {
    const email = reply.statusCode === 401 ? emailOf(req) : null;
    if (email) sec.login.failed(ipKey(req.ip), email, Date.now());
  };
  const scoped = (url: string) => /^\/(console|api)(\/|$)/.test(url);

  // A live session behind the request's cookie (the CSRF token is asked of those only).
  const csrfDeps: CsrfDeps = {
    publicUrl: cfg.PUBLIC_URL,
    liveSession: (req) => {
      const token = req.cookies[SESSION_COOKIE];
      return token && s.agents.authenticate(token) ? token : null;
    },
  };

  app.addHook('onRoute', (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) if (m !== 'HEAD') sec.routes.push({ method: m, url: r.url });
    // Every state-changing route: the console's own origin, and the session's CSRF token (csrf.ts).
    if (methods.some((m) => STATE_CHANGING.has(m))) {
      r.onRequest = [...(r.onRequest ? [r.onRequest].flat() : []), csrfGuard(routeAuth(r.url), csrfDeps)];
    }
    // Security headers on the console and the API only: the widget's files stay loadable from any origin.
    if (!scoped(r.url)) r.config = { ...(r.config as object), helmet: { skipRoute: true } } as RouteOptions['config'];
    if (r.url === '/api/auth/login') {
      r.preHandler = [...(r.preHandler ? [r.preHandler].flat() : []), throttleEmail];
      r.onResponse = [...(r.onResponse ? [r.onResponse].flat() : []), countFailure];
    }
    // Everything that checks a password, a setup code or a link token gets the login limit per IP.
    if (PASSWORD_ROUTES.has(r.url) && methods.includes('POST')) {
      if (cfg.RATE_LOGIN_IP) {
        r.config = { ...(r.config as object), rateLimit: { max: cfg.RATE_LOGIN_IP.capacity, timeWindow: cfg.RATE_LOGIN_IP.windowMs } } as RouteOptions['config'];
      }
    }
  });

  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain http on localhost in development: only an https PUBLIC_URL gets HSTS.
    strictTransportSecurity: cfg.PUBLIC_URL.startsWith('https://'),
  });

  if (cfg.RATE_API_IP || cfg.RATE_LOGIN_IP) {
    await app.register(fastifyRateLimit, {
      global: true,
      max: cfg.RATE_API_IP?.capacity ?? Number.MAX_SAFE_INTEGER,
      timeWindow: cfg.RATE_API_IP?.windowMs ?? 60_000,
      allowList: (req) => !req.url.startsWith('/api/'),
      // Per client address as the visitor limits count it (the login limit inherits it).
      keyGenerator: (req) => ipKey(req.ip),
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        code: 'rate_limited',
        error: 'rate_limited',
        message: limitedMessage('requests from this address', ctx.ttl),
      }),
    });
  }

  const timer = setInterval(() => sec.sweepSessions(), SESSION_SWEEP_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** The site secret (admins) and the privacy routes (admins). */
export function securityRoutes(app: FastifyInstance, s: Services): void {
  const admin = { preHandler: [requireAgent(s), requireAdmin] };
  const sec = s.security;

  app.get('/api/sites/:siteId/secret', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    const site = s.store.getSite(p.siteId);
    if (!site) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return reply.header('cache-control', 'no-store').send({ siteId: site.id, secret: site.secret });
  });

  app.post('/api/sites/:siteId/secret/rotate', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    const secret = newToken();
    const ok = await s.commit.run(() => s.store.setSiteSecret(p.siteId, secret));
    if (!ok) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    req.log.info({ site: p.siteId }, 'site secret rotated');
    return reply.header('cache-control', 'no-store').send({ siteId: p.siteId, secret });
  });

  app.get('/api/visitors/:id/export', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    const data = sec.privacy.export(p.id);
    if (!data) return reply.code(404).send({ error: 'not_found', message: 'no such visitor' });
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="visitor-${p.id}.json"`)
      .send(data);
  });

  app.delete('/api/visitors/:id', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    if (!(await sec.privacy.erase(p.id))) return reply.code(404).send({ error: 'not_found', message: 'no such visitor' });
    req.log.info({ visitor: p.id }, 'visitor erased');
    return reply.code(204).send();
  });
}
