import type { FastifyInstance, FastifyReply } from 'fastify';
import { MetricsQuery, MetricsSummaryQuery } from '@parla/protocol';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAgent } from '../agents/routes.ts';
import { conversationsCsv, metricsCsv } from './csv.ts';
import { summarize } from './summary.ts';

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

/** What the metrics routes use of the services. */
export type MetricsDeps = Pick<Services, 'store' | 'metrics' | 'agents'>;

export function metricsRoutes(app: FastifyInstance, s: MetricsDeps): void {
  const auth = { preHandler: requireAgent(s) };

  /** First-response and resolution times of the conversations created in [from, to). */
  app.get('/api/metrics/summary', auth, async (req, reply) => {
    const q = parseOr400(MetricsSummaryQuery, req.query, reply);
    if (!q) return reply;
    const rows = s.store.conversationsCreatedBetween(q.from ?? 0, q.to ?? Number.MAX_SAFE_INTEGER);
    return summarize(rows, q.from ?? null, q.to ?? null);
  });

  /** Every KPI of the conversations created in [from, to), filtered, in total and per day or week. */
  app.get('/api/metrics', auth, async (req, reply) => {
    const q = parseOr400(MetricsQuery, req.query, reply);
    if (!q) return reply;
    return s.metrics.compute(q);
  });

  /** The same table as CSV: a row per day or week and a total row. */
  app.get('/api/metrics.csv', auth, async (req, reply) => {
    const q = parseOr400(MetricsQuery, req.query, reply);
    if (!q) return reply;
    return sendCsv(reply, 'parla-metrics.csv', metricsCsv(s.metrics.compute(q)));
  });

  /** The raw conversations behind the figures, one row each with its per-conversation figures. */
  app.get('/api/metrics/conversations.csv', auth, async (req, reply) => {
    const q = parseOr400(MetricsQuery, req.query, reply);
    if (!q) return reply;
    return sendCsv(reply, 'parla-conversations.csv', conversationsCsv(s.metrics.facts(q)));
  });

  /** Now: queue length, longest wait, open conversations, agents and their load. */
  app.get('/api/metrics/live', auth, async () => s.metrics.live());
}
