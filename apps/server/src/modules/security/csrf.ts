/**
 * Cross-site request forgery: one rule for every state-changing request (POST, PUT, PATCH,
 * DELETE), applied by the security plugin to each route as it is registered.
 *
 * SameSite=Strict keeps the session cookie away from other *sites*, but a site is the registrable
 * domain: another port of the same host (`http://localhost:3131`) or another subdomain
 * (`shop.example.com` next to `chat.example.com`) is the same site, and its pages get the cookie
 * sent along. So each request is judged by what the browser says about where it comes from, and
 * the cookie's power is tied to a token only the console's own pages can read:
 *
 * 1. **Origin.** When `Origin` is present it must be exactly the console's origin (`sameOrigin`:
 *    PUBLIC_URL's origin, or this request's own scheme and Host). `Sec-Fetch-Site`, when present,
 *    must be `same-origin` (or `none`: typed by the user). Either failing: 403 `origin_not_allowed`.
 *    A browser sends `Origin` on every cross-origin POST/PUT/PATCH/DELETE (fetch and forms), and
 *    modern ones send `Sec-Fetch-Site` on every request.
 * 2. **Token**, for requests authorized by the session cookie (a cookie naming a live session):
 *    `X-Parla-CSRF` must be the session's token (HMAC-SHA256 keyed with the session token, so only
 *    who holds the cookie's value or reads /api/auth/me on this origin knows it; it lives exactly
 *    as long as the session, and a new login gives a new one). Missing or wrong: 403
 *    `csrf_token_invalid`. This is what stops a plain HTML form (multipart/form-data, text/plain:
 *    "simple requests" sent cross-site without a preflight) from an old browser that omits
 *    `Origin`; and a custom header cannot be sent cross-origin without a preflight, which this
 *    server never grants for cookies.
 *
 * Requests with neither `Origin` nor `Sec-Fetch-Site` (curl, scripts, an old browser) pass step 1:
 * with the cookie they still need the token (a script reads it from /api/auth/me), and the routes
 * that take their credential in the body (login, setup, password links) only accept
 * `application/json` (415 otherwise), which no form can send and a cross-origin page cannot send
 * without a preflight. A cookie that names no live session authorizes nothing, so it is not asked for a
 * token (the route answers 401 where it needs a session; a stale cookie does not block a login).
 *
 * Exempt, because they carry a credential of their own that a browser never adds by itself and
 * read no cookie: the REST API (`/api/v1`, an API key in `Authorization`) and the widget's uploads
 * (`POST /api/attachments` with `Authorization: Visitor <token>`, from the site's allowed origins
 * with CORS; the route then ignores the cookie and checks the origin against the site's list).
 * The Prometheus scrape (`GET /metrics`) is not state-changing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER as HEADER } from '@parla/protocol';
import { sameOrigin } from '../../lib/http.ts';

/** X-Parla-CSRF, as Node spells request headers. */
export const CSRF_HEADER = HEADER.toLowerCase();

/** The methods that change state; the others (GET, HEAD, OPTIONS) must not. */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * How a state-changing route is authorized, for the rule above.
 * - `session`: the session cookie (every console route): Origin, then the token when the cookie is live.
 * - `credential`: a password, the setup code or a link token in a JSON body (login, setup, links): Origin, JSON only.
 * - `session-or-visitor`: attachments upload: `Authorization: Visitor` (the widget, exempt) or the cookie (`session`).
 * - `api-key`: the REST API (exempt).
 */
export type RouteAuth = 'session' | 'credential' | 'session-or-visitor' | 'api-key';

/** Routes whose credential is in the body: no session to take a token from. */
export const CREDENTIAL_ROUTES = new Set(['/api/auth/login', '/api/setup', '/api/password-links/inspect', '/api/password-links/accept']);

export function routeAuth(url: string): RouteAuth {
  if (url === '/api/v1' || url.startsWith('/api/v1/')) return 'api-key';
  if (CREDENTIAL_ROUTES.has(url)) return 'credential';
  if (url === '/api/attachments') return 'session-or-visitor';
  return 'session';
}

/** The session's CSRF token: HMAC-SHA256 keyed with the session token (never stored). */
export function csrfToken(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('parla csrf v1').digest('base64url');
}

/** True when the request carries the widget's credential (`Authorization: Visitor ...`). */
export function hasVisitorAuth(req: FastifyRequest): boolean {
  return /^Visitor /.test(req.headers.authorization ?? '');
}

/** Why the request does not come from the console's own origin, or null when it may. */
export function crossOriginReason(req: FastifyRequest, publicUrl: string): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(req, publicUrl)) {
    return `a request from ${origin} may not change anything here: only pages of ${new URL(publicUrl).origin} may`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `a ${site} request (Sec-Fetch-Site) may not change anything here: only pages of ${new URL(publicUrl).origin} may`;
  }
  return null;
}

function tokenMatches(sent: string | string[] | undefined, sessionToken: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(csrfToken(sessionToken));
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface CsrfDeps {
  publicUrl: string;
  /** The session token of the request's cookie when it names a live session, else null. */
  liveSession(req: FastifyRequest): string | null;
}

/** The onRequest hook of one state-changing route (see the rule above). */
export function csrfGuard(auth: RouteAuth, deps: CsrfDeps) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!STATE_CHANGING.has(req.method) || auth === 'api-key') return;
    if (auth === 'session-or-visitor' && hasVisitorAuth(req)) return; // the widget: the route checks the site's origins
    const crossOrigin = crossOriginReason(req, deps.publicUrl);
    if (crossOrigin) return reply.code(403).send({ error: 'origin_not_allowed', message: crossOrigin });
    if (auth === 'credential') {
      const type = req.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        return reply.code(415).send({ error: 'unsupported_type', message: 'send the body as application/json (a form post is refused: it could come from another site)' });
      }
      return;
    }
    const session = deps.liveSession(req);
    if (session && !tokenMatches(req.headers[CSRF_HEADER], session)) {
      const sent = req.headers[CSRF_HEADER] !== undefined;
      return reply.code(403).send({
        error: 'csrf_token_invalid',
        message: sent
          ? 'the X-Parla-CSRF header is not this session’s token (signed in again elsewhere? reload the console)'
          : 'a request with the session cookie needs the X-Parla-CSRF header (the csrfToken of GET /api/auth/me)',
      });
    }
  };
}
