/**
 * Upload and download of attachments.
 *
 * POST /api/attachments: multipart with one `file`. Agents: the session cookie, the CSRF token in
 * `X-Parla-CSRF` and the console's origin (checked by the security plugin), and `?conversationId=`.
 * Visitors: `Authorization: Visitor <token>` (never in the URL) and `?site=`, from an origin on the
 * site's allowlist (CORS answers only those); with that header the cookie is not looked at. GET /api/attachments/:id:
 * agents, the conversation's visitor, or the uploader before sending; anyone else gets 404.
 * Images are served as themselves, everything else (PDF) as a download; always nosniff and
 * `Content-Security-Policy: default-src 'none'`.
 */
import { createReadStream } from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import type { AttachmentRow, SiteRow, VisitorRow } from '@parla/db';
import { Id, SiteId } from '@parla/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { hashToken } from '../../lib/crypto.ts';
import { parseOr400 } from '../../lib/http.ts';
import { SESSION_COOKIE } from '../agents/service.ts';
import { hasVisitorAuth } from '../security/csrf.ts';
import { UploadError, type Attachments } from './service.ts';

const UploadQuery = z.object({ site: SiteId.optional(), conversationId: Id.optional() });
const IdParams = z.object({ id: Id });
const VISITOR_AUTH = /^Visitor ([A-Za-z0-9_-]{16,128})$/;

/** The visitor whose token is in `Authorization: Visitor <token>`, on this site. */
export function visitorOf(s: Services, req: FastifyRequest, siteId: string): VisitorRow | null {
  const m = VISITOR_AUTH.exec(req.headers.authorization ?? '');
  return m ? (s.store.visitorByToken(siteId, hashToken(m[1]!)) ?? null) : null;
}

/** CORS for the widget: only an origin on the site's allowlist is answered, without credentials. */
function allowOrigin(s: Services, reply: FastifyReply, req: FastifyRequest, site: SiteRow | undefined): void {
  void reply.header('vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !site || !s.sites.originAllowed(site, origin)) return;
  void reply
    .header('access-control-allow-origin', origin)
    .header('access-control-allow-headers', 'authorization')
    .header('access-control-allow-methods', 'GET, POST')
    .header('access-control-max-age', '600');
}

/** Files being sent now: a client that stops reading must not hold up a shutdown. */
const sending = new Set<FastifyReply['raw']>();

/** The headers every served file gets: its own type only for images, a download for the rest. */
export function sendFile(reply: FastifyReply, files: Attachments, a: AttachmentRow): FastifyReply {
  const raw = reply.raw;
  sending.add(raw);
  raw.once('close', () => sending.delete(raw));
  const image = a.mime.startsWith('image/');
  const ascii = a.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', a.mime)
    .header('content-length', String(a.size))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'private, max-age=3600')
    .header('content-disposition', `${image ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name)}`)
    .send(createReadStream(files.path(a.id)));
}

export async function attachmentRoutes(app: FastifyInstance, s: Services, files: Attachments): Promise<void> {
  app.addHook('preClose', async () => {
    for (const raw of sending) raw.destroy();
  });
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: files.maxBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 } });

    scope.options('/api/attachments', async (req, reply) => {
      const q = UploadQuery.safeParse(req.query);
      allowOrigin(s, reply, req, q.success && q.data.site ? s.store.getSite(q.data.site) : undefined);
      return reply.code(204).send();
    });
    scope.options('/api/attachments/:id', async (req, reply) => {
      const p = IdParams.safeParse(req.params);
      const a = p.success ? files.get(p.data.id) : undefined;
      allowOrigin(s, reply, req, a ? s.store.getSite(a.siteId) : undefined);
      return reply.code(204).send();
    });

    scope.post('/api/attachments', async (req, reply) => {
      const q = parseOr400(UploadQuery, req.query, reply);
      if (!q) return reply;
      // The widget names its credential (Authorization: Visitor); the cookie is then not looked at,
      // so a page of another origin cannot borrow an agent's session by adding that header. Without
      // it the cookie decides, and the security plugin has checked the origin and the CSRF token.
      const agent = hasVisitorAuth(req) ? null : s.agents.authenticate(req.cookies[SESSION_COOKIE]);
      let uploader: { type: 'visitor' | 'agent'; id: string };
      let siteId: string;
      let conversationId: string | null;
      if (agent) {
        const conv = q.conversationId ? s.store.conversation(q.conversationId) : undefined;
        if (!conv) return reply.code(400).send({ error: 'bad_request', message: 'conversationId: an existing conversation is needed' });
        uploader = { type: 'agent', id: agent.id };
        siteId = conv.siteId;
        conversationId = conv.id;
      } else {
        const site = q.site ? s.store.getSite(q.site) : undefined;
        allowOrigin(s, reply, req, site);
        const v = site ? visitorOf(s, req, site.id) : null;
        if (!site || !v) return reply.code(401).send({ error: 'unauthorized', message: 'log in, or send Authorization: Visitor <token> with ?site=' });
        // A browser page of another origin may not upload for this site's visitors.
        if (req.headers.origin && !s.sites.originAllowed(site, req.headers.origin)) {
          return reply.code(403).send({ error: 'origin_not_allowed', message: 'this origin may not upload for this site' });
        }
        uploader = { type: 'visitor', id: v.id };
        siteId = site.id;
        conversationId = s.conversations.currentOf(v.id)?.id ?? null;
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > files.maxBytes + 64 * 1024) {
        return reply.code(413).send({ error: 'too_large', message: `the file is larger than ${files.maxBytes} bytes` });
      }
      if (!req.isMultipart()) return reply.code(415).send({ error: 'unsupported_type', message: 'send multipart/form-data with one field named file' });
      let part;
      try {
        part = await req.file();
      } catch (e) {
        return reply.code(400).send({ error: 'bad_request', message: e instanceof Error ? e.message : 'bad multipart body' });
      }
      if (!part) return reply.code(400).send({ error: 'bad_request', message: 'no file in the request' });
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          return reply.code(413).send({ error: 'too_large', message: `the file is larger than ${files.maxBytes} bytes` });
        }
        throw e;
      }
      try {
        const a = await files.store(uploader, siteId, conversationId, bytes, part.filename);
        return reply.code(201).send(a);
      } catch (e) {
        if (e instanceof UploadError) return reply.code(e.status).send({ error: e.code, message: e.message });
        throw e;
      }
    });

    scope.get('/api/attachments/:id', async (req, reply) => {
      const p = parseOr400(IdParams, req.params, reply);
      if (!p) return reply;
      const a = files.get(p.id);
      const agent = s.agents.authenticate(req.cookies[SESSION_COOKIE]);
      const site = a ? s.store.getSite(a.siteId) : undefined;
      if (!agent) allowOrigin(s, reply, req, site);
      const hasVisitorAuth = VISITOR_AUTH.test(req.headers.authorization ?? '');
      if (!agent && !hasVisitorAuth) return reply.code(401).send({ error: 'unauthorized', message: 'log in, or send Authorization: Visitor <token>' });
      const notFound = () => reply.code(404).send({ error: 'not_found', message: 'no such attachment' });
      if (!a) return notFound();
      if (!agent) {
        const v = visitorOf(s, req, a.siteId);
        const conv = a.conversationId ? s.store.conversation(a.conversationId) : undefined;
        // Another visitor's file is answered exactly like a missing one.
        if (!v || (a.uploaderId !== v.id && conv?.visitorId !== v.id)) return notFound();
      }
      return sendFile(reply, files, a);
    });
  });
}
