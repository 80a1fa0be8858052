import type { FastifyInstance } from 'fastify';
import { BotAnswerRequest, FaqList, SiteId } from '@parla/protocol';
import { z } from 'zod';
import type { Services } from '../../app.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';

const SiteParams = z.object({ siteId: SiteId });

/** The FAQ import/export and "try the bot". */
export function botRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/sites/:siteId/faqs', { preHandler: requireAgent(s) }, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    if (!s.store.getSite(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return s.bot.faqs(p.siteId);
  });

  app.put('/api/sites/:siteId/faqs', { preHandler: [requireAgent(s), requireAdmin], bodyLimit: 8 * 1024 * 1024 }, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(FaqList, req.body, reply);
    if (!p || !body) return reply;
    return { count: await s.bot.replaceFaqs(p.siteId, body) };
  });

  /** The learning loop: questions the bot could not answer or whose answer did not help, most frequent first. */
  app.get('/api/sites/:siteId/bot/misses', { preHandler: requireAgent(s) }, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const q = p && parseOr400(z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }), req.query, reply);
    if (!p || !q) return reply;
    return s.bot.misses(p.siteId, q.days);
  });

  app.post('/api/sites/:siteId/bot/answer', { preHandler: requireAgent(s) }, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(BotAnswerRequest, req.body, reply);
    if (!p || !body) return reply;
    if (!s.store.getSite(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return s.bot.answerAsync(p.siteId, body.question, body.lang); // with the site's model provider, if any
  });
}
