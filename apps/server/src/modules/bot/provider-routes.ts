/**
 * The site's optional model provider (admins only; state-changing routes carry the CSRF token as
 * every other). The API key is write-only: GET says `hasKey` and nothing more, a PUT without
 * `apiKey` keeps the stored one, `apiKey: null` clears it; it is never logged nor echoed.
 */
import type { BotProviderQueries } from '@parla/db';
import { ProviderInput, SiteId, type ProviderTestResult, type ProviderView } from '@parla/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';
import type { BotProvider } from './assist.ts';

const SiteParams = z.object({ siteId: SiteId });

function view(q: BotProviderQueries, siteId: string): ProviderView | null {
  const r = q.get(siteId);
  if (!r) return null;
  return {
    enabled: r.enabled === 1,
    baseUrl: r.baseUrl,
    chatModel: r.chatModel,
    embeddingModel: r.embeddingModel,
    useEmbeddings: r.useEmbeddings === 1,
    useAnswers: r.useAnswers === 1,
    hasKey: r.apiKey !== null,
    updatedAt: r.updatedAt,
  };
}

export function providerRoutes(app: FastifyInstance, s: Services, q: BotProviderQueries, provider: BotProvider, now: () => number): void {
  const admin = { preHandler: [requireAgent(s), requireAdmin] };
  const site = (siteId: string) => !!s.store.getSite(siteId);

  app.get('/api/sites/:siteId/bot/provider', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    if (!site(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return reply.header('cache-control', 'no-store').send({ provider: view(q, p.siteId) });
  });

  app.put('/api/sites/:siteId/bot/provider', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(ProviderInput, req.body, reply);
    if (!p || !body) return reply;
    if (!site(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    await s.commit.run(() => {
      const old = q.get(p.siteId);
      q.save({
        siteId: p.siteId,
        enabled: body.enabled ? 1 : 0,
        baseUrl: body.baseUrl,
        chatModel: body.chatModel,
        embeddingModel: body.embeddingModel,
        useEmbeddings: body.useEmbeddings ? 1 : 0,
        useAnswers: body.useAnswers ? 1 : 0,
        apiKey: body.apiKey === undefined ? (old?.apiKey ?? null) : body.apiKey,
        updatedAt: Math.max(now(), (old?.updatedAt ?? 0) + 1),
      });
    });
    provider.faqsChanged(p.siteId, () => s.bot.faqs(p.siteId)); // another model: its embeddings are made now
    req.log.info({ site: p.siteId, enabled: body.enabled, baseUrl: body.baseUrl, keyChanged: body.apiKey !== undefined }, 'model provider settings saved');
    return reply.header('cache-control', 'no-store').send({ provider: view(q, p.siteId) });
  });

  /** One call to the provider with the stored settings: ok, or why not (never the key). */
  app.post('/api/sites/:siteId/bot/provider/test', admin, async (req, reply): Promise<ProviderTestResult | typeof reply> => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    if (!site(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return provider.test(p.siteId);
  });
}
