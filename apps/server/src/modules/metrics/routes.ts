import type { FastifyInstance } from 'fastify';
import { MetricsSummaryQuery } from '@parla/protocol';
import type { Services } from '../../app.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAgent } from '../agents/routes.ts';
import { summarize } from './summary.ts';

export function metricsRoutes(app: FastifyInstance, s: Services): void {
  /** First-response and resolution times of the conversations created in [from, to). */
  app.get('/api/metrics/summary', { preHandler: requireAgent(s) }, async (req, reply) => {
    const q = parseOr400(MetricsSummaryQuery, req.query, reply);
    if (!q) return reply;
    const rows = s.store.conversationsCreatedBetween(q.from ?? 0, q.to ?? Number.MAX_SAFE_INTEGER);
    return summarize(rows, q.from ?? null, q.to ?? null);
  });
}
