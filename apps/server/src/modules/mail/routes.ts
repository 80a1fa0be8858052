/**
 * The SMTP settings (admins; the password is write-only) and the page a link in an email opens:
 * `/c/<token>` shows the conversation's transcript (the token is random, single-purpose, stored
 * hashed, expires) and a link back to the shop.
 */
import type { MailQueries } from '@parla/db';
import { Id, SiteId, SmtpInput } from '@parla/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { hashToken } from '../../lib/crypto.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';
import type { Attachments } from '../attachments/service.ts';
import { sendFile } from '../attachments/routes.ts';
import type { Email } from './service.ts';
import { confirmPage, conversationPage, expiredPage, type Lang } from './templates.ts';

const SiteParams = z.object({ siteId: SiteId });
const LinkParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const FileParams = LinkParams.extend({ id: Id });

/** The link page: nothing but its own inline style; no referrer (the token is in its URL), never cached or indexed. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', PAGE_CSP)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex');
}

/** Where "continue on the shop" goes: the visitor's last page when it is on an allowed origin, else the site's first origin. */
function shopUrl(s: Services, q: MailQueries, siteId: string, visitorId: string): string | null {
  const site = s.store.getSite(siteId);
  const origins = site ? s.sites.allOrigins(site) : [];
  const last = q.lastPageUrl(visitorId);
  try {
    if (last && origins.includes(new URL(last).origin) && /^https?:$/.test(new URL(last).protocol)) return last;
  } catch {
    // not a URL: fall back
  }
  return origins[0] ?? null;
}

export function mailRoutes(app: FastifyInstance, s: Services, email: Email, q: MailQueries, files: Attachments, now: () => number): void {
  const admin = { preHandler: [requireAgent(s), requireAdmin] };

  app.get('/api/sites/:siteId/smtp', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    if (!s.store.getSite(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return reply.header('cache-control', 'no-store').send({ smtp: email.smtpView(p.siteId) });
  });

  app.put('/api/sites/:siteId/smtp', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(SmtpInput, req.body, reply);
    if (!p || !body) return reply;
    const saved = await email.saveSmtp(p.siteId, body);
    req.log.info({ site: p.siteId, host: body.host, port: body.port }, 'SMTP settings saved');
    return reply.header('cache-control', 'no-store').send({ smtp: saved });
  });

  app.delete('/api/sites/:siteId/smtp', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    if (!(await email.deleteSmtp(p.siteId))) return reply.code(404).send({ error: 'not_found', message: 'no SMTP settings for this site' });
    return reply.code(204).send();
  });

  const conversationOf = (token: string) => {
    const id = q.linkConversation(hashToken(token), now());
    return id ? s.store.conversation(id) : undefined;
  };

  // The token is in these URLs: their requests are not logged (logLevel warn skips the request lines).
  const quiet = { logLevel: 'warn' as const };
  app.get('/c/:token', quiet, async (req, reply) => {
    const p = LinkParams.safeParse(req.params);
    const conv = p.success ? conversationOf(p.data.token) : undefined;
    const accept = String(req.headers['accept-language'] ?? '');
    if (!p.success || !conv) return pageHeaders(reply).code(404).type('text/html; charset=utf-8').send(expiredPage(accept.startsWith('it') ? 'it' : 'en'));
    const contact = q.visitorContact(conv.visitorId);
    const lang: Lang = contact?.lang ?? (accept.startsWith('it') ? 'it' : 'en');
    const site = s.store.getSite(conv.siteId);
    const html = conversationPage(site?.name ?? conv.siteId, q.lines(conv.id), lang, (id) => `/c/${p.data.token}/files/${id}`, shopUrl(s, q, conv.siteId, conv.visitorId));
    return pageHeaders(reply).type('text/html; charset=utf-8').send(html);
  });

  // A confirmation link: GET shows a button, POST (the button) confirms the address and sends the transcript.
  const CONFIRM_CSP = PAGE_CSP.replace("form-action 'none'", "form-action 'self'");
  const langOf = (accept: unknown): Lang => (String(accept ?? '').startsWith('it') ? 'it' : 'en');
  app.get('/c/confirm/:token', quiet, async (req, reply) => {
    const p = LinkParams.safeParse(req.params);
    const info = p.success ? email.confirmationInfo(p.data.token) : null;
    pageHeaders(reply).header('content-security-policy', CONFIRM_CSP).type('text/html; charset=utf-8');
    if (!info) return reply.code(404).send(expiredPage(langOf(req.headers['accept-language'])));
    return reply.send(confirmPage(info.site, info.lang, 'ask'));
  });
  app.post('/c/confirm/:token', quiet, async (req, reply) => {
    const p = LinkParams.safeParse(req.params);
    const done = p.success ? await email.confirmAddress(p.data.token) : null;
    pageHeaders(reply).type('text/html; charset=utf-8');
    if (!done) return reply.code(404).send(expiredPage(langOf(req.headers['accept-language'])));
    void email.sweep().catch((err: unknown) => req.log.error({ err }, 'email sweep failed')); // the transcript goes now, not at the next sweep
    return reply.send(confirmPage(done.site, done.lang, 'done'));
  });

  app.get('/c/:token/files/:id', quiet, async (req, reply) => {
    const p = FileParams.safeParse(req.params);
    const conv = p.success ? conversationOf(p.data.token) : undefined;
    const a = p.success && conv ? files.get(p.data.id) : undefined;
    if (!conv || !a || a.conversationId !== conv.id || a.messageId === null) return reply.code(404).send({ error: 'not_found', message: 'no such file' });
    return sendFile(reply.header('referrer-policy', 'no-referrer'), files, a);
  });
}
