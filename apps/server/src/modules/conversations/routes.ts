import type { FastifyInstance } from 'fastify';
import type { ConversationDetail } from '@parla/protocol';
import { Id } from '@parla/protocol';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAgent } from '../agents/routes.ts';
import { firstResponseMs, resolutionMs } from '../metrics/summary.ts';

export function conversationRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/conversations/:id', { preHandler: requireAgent(s) }, async (req, reply) => {
    const params = parseOr400(z.object({ id: Id }), req.params, reply);
    if (!params) return reply;
    const conversation = s.conversations.summary(params.id);
    const visitor = conversation && s.visitors.detail(conversation.visitorId);
    if (!conversation || !visitor) return reply.code(404).send({ error: 'not_found', message: 'no such conversation' });
    const detail: ConversationDetail = {
      conversation,
      visitor,
      firstResponseMs: firstResponseMs(conversation),
      resolutionMs: resolutionMs(conversation),
    };
    return detail;
  });
}
