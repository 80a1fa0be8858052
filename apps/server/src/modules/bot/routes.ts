import type { FastifyInstance } from 'fastify';
import { BotAnswerRequest, BotMissDismiss, BotMissesQuery, FaqAlternativeRequest, FaqEntry, FaqList, SiteId } from '@parla/protocol';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';

const SiteParams = z.object({ siteId: SiteId });
const FaqParams = z.object({ siteId: SiteId, faqId: FaqEntry.shape.id });

/** The FAQ import/export, "try the bot" and the learning loop (unanswered questions, one-click learning). */
/** What the bot's routes use of the services. */
export type BotRoutesDeps = Pick<Services, 'store' | 'bot' | 'agents'>;

export function botRoutes(app: FastifyInstance, s: BotRoutesDeps): void {
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

  /**
   * The learning loop: questions the bot could not answer, only suggested for or whose answer did
   * not help, grouped by normalised question, most frequent first; trials=1: the console's trials only.
   */
  app.get('/api/sites/:siteId/bot/misses', { preHandler: requireAgent(s) }, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const q = p && parseOr400(BotMissesQuery, req.query, reply);
    if (!p || !q) return reply;
    if (!s.store.getSite(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    await s.bot.normaliseOldMisses(p.siteId);
    return s.bot.misses(p.siteId, q.days, q.trials === '1');
  });

  /** One-click learning: the text becomes a phrasing of the entry, and its unanswered group leaves the list. */
  app.post('/api/sites/:siteId/faqs/:faqId/alternatives', { preHandler: [requireAgent(s), requireAdmin] }, async (req, reply) => {
    const p = parseOr400(FaqParams, req.params, reply);
    const body = p && parseOr400(FaqAlternativeRequest, req.body, reply);
    if (!p || !body) return reply;
    await s.bot.normaliseOldMisses(p.siteId);
    return s.bot.addAlternative(p.siteId, p.faqId, body.text);
  });

  /** Hides a group of unanswered questions without learning from it. */
  app.post('/api/sites/:siteId/bot/misses/dismiss', { preHandler: [requireAgent(s), requireAdmin] }, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(BotMissDismiss, req.body, reply);
    if (!p || !body) return reply;
    await s.bot.normaliseOldMisses(p.siteId);
    return { handled: await s.bot.dismissMisses(p.siteId, body.lang, body.normalised) };
  });

  app.post('/api/sites/:siteId/bot/answer', { preHandler: requireAgent(s) }, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(BotAnswerRequest, req.body, reply);
    if (!p || !body) return reply;
    if (!s.store.getSite(p.siteId)) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    // With the site's model provider, if any; a question the bot does not answer outright is kept as a trial, never as a shopper's miss.
    return s.bot.tryAnswer(p.siteId, body.question, body.lang);
  });
}
