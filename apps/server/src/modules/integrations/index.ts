/**
 * Integrations: webhooks (outbox written with each change, a worker delivering it), the REST API
 * with per-site API keys, its OpenAPI document at /api/docs, and the console's admin routes to
 * manage them. One call from app.ts.
 */
import { IntegrationQueries } from '@parla/db';
import { SiteId } from '@parla/protocol';
import { ApiIdParams, ApiKeyInput, WebhookEndpointInput, WebhookEndpointPatch } from '@parla/protocol/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { currentAgent, requireAdmin, requireAgent } from '../agents/routes.ts';
import { ApiKeys } from './api-keys.ts';
import { openApiDocument } from './openapi.ts';
import { apiRoutes, registerApi } from './rest.ts';
import { Webhooks } from './webhooks.ts';

export interface Integrations {
  q: IntegrationQueries;
  webhooks: Webhooks;
  keys: ApiKeys;
}

declare module 'fastify' {
  interface FastifyInstance {
    integrations: Integrations;
  }
}

const SiteParams = z.object({ siteId: SiteId });
const Limit = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export function integrations(app: FastifyInstance, s: Services, now: () => number = Date.now): Integrations {
  const q = new IntegrationQueries(s.db.sqlite);
  const webhooks = new Webhooks(
    q,
    s.store,
    s.commit,
    { allowPrivate: s.config.WEBHOOK_ALLOW_PRIVATE, schedule: s.config.WEBHOOK_RETRY_SCHEDULE, timeoutMs: s.config.WEBHOOK_TIMEOUT_MS },
    app.log.child({ module: 'webhooks' }),
    now,
  );
  const keys = new ApiKeys(q, s.commit, now);
  s.conversations.sink = webhooks;
  s.sites.deletedListeners.push((siteId) => webhooks.forgetSite(siteId));
  const it: Integrations = { q, webhooks, keys };
  app.decorate('integrations', it);
  app.addHook('onReady', async () => webhooks.worker.start());
  app.addHook('preClose', async () => webhooks.worker.stop());

  // ---- REST API and its document --------------------------------------------------------------
  const routes = apiRoutes(s, q);
  registerApi(app, s, keys, routes);
  const doc = openApiDocument(routes, s.config.PUBLIC_URL);
  app.get('/api/docs', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(doc));

  // ---- the console: admins manage endpoints and keys --------------------------------------------
  const admin = { preHandler: [requireAgent(s), requireAdmin] };
  const siteOr404 = (siteId: string, reply: FastifyReply) => {
    if (s.store.getSite(siteId)) return true;
    void reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return false;
  };
  const urlOr400 = (url: string | undefined, reply: FastifyReply) => {
    const problem = url === undefined ? null : webhooks.urlProblem(url);
    if (problem) void reply.code(400).send({ error: 'bad_request', message: `url: ${problem}` });
    return !problem;
  };
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.get('/api/sites/:siteId/webhooks', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p || !siteOr404(p.siteId, reply)) return reply;
    return webhooks.list(p.siteId);
  });

  app.post('/api/sites/:siteId/webhooks', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(WebhookEndpointInput, req.body, reply);
    if (!p || !body || !siteOr404(p.siteId, reply) || !urlOr400(body.url, reply)) return reply;
    const created = await webhooks.create(p.siteId, body);
    req.log.info({ site: p.siteId, endpoint: created.id }, 'webhook endpoint created');
    return noStore(reply).code(201).send(created);
  });

  app.patch('/api/webhooks/:id', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    const body = p && parseOr400(WebhookEndpointPatch, req.body, reply);
    if (!p || !body || !urlOr400(body.url, reply)) return reply;
    return webhooks.update(p.id, body);
  });

  app.delete('/api/webhooks/:id', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    if (!p) return reply;
    await webhooks.remove(p.id);
    return reply.code(204).send();
  });

  app.get('/api/webhooks/:id/secret', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    if (!p) return reply;
    return noStore(reply).send({ endpointId: p.id, secret: webhooks.endpoint(p.id).secret });
  });

  app.post('/api/webhooks/:id/secret/rotate', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    if (!p) return reply;
    const secret = await webhooks.rotateSecret(p.id);
    req.log.info({ endpoint: p.id }, 'webhook secret rotated');
    return noStore(reply).send({ endpointId: p.id, secret });
  });

  app.get('/api/webhooks/:id/deliveries', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    const l = p && parseOr400(Limit, req.query, reply);
    if (!p || !l) return reply;
    webhooks.endpoint(p.id);
    return webhooks.deliveries(p.id, l.limit);
  });

  app.get('/api/webhook-deliveries/:id', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    if (!p) return reply;
    const { siteId: _site, ...d } = webhooks.delivery(p.id);
    return noStore(reply).send(d);
  });

  app.post('/api/webhook-deliveries/:id/redeliver', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    if (!p) return reply;
    return webhooks.redeliver(p.id);
  });

  app.get('/api/sites/:siteId/api-keys', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p || !siteOr404(p.siteId, reply)) return reply;
    return keys.list(p.siteId);
  });

  app.post('/api/sites/:siteId/api-keys', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(ApiKeyInput, req.body, reply);
    if (!p || !body || !siteOr404(p.siteId, reply)) return reply;
    const created = await keys.create(p.siteId, body.name, currentAgent(req).id);
    req.log.info({ site: p.siteId, apiKey: created.id }, 'API key created');
    return noStore(reply).code(201).send(created);
  });

  app.delete('/api/api-keys/:id', admin, async (req, reply) => {
    const p = parseOr400(ApiIdParams, req.params, reply);
    if (!p) return reply;
    const k = await keys.revoke(p.id);
    req.log.info({ apiKey: p.id }, 'API key revoked');
    return k;
  });

  return it;
}
