/**
 * Engagement: canned responses (agents read, admins write) and the widget's proactive rules.
 *
 * `GET /widget/proactive?site=ID` is public and cached for a minute: it is read by the loader on
 * every page of the shop, holds only what the widget would show anyway (the enabled rules and
 * their texts), and answers `[]` for a site without rules, so the loader loads nothing more.
 * Kept for loaders of before protocol 6; today's api.js reads `GET /widget/config?site=ID` (the
 * rules that may fire now and the site's branding; `{}` for a site that set nothing), cached 15 s
 * so that a rule that needs someone to answer follows the agents' presence closely.
 */
import type { FastifyInstance } from 'fastify';
import { CannedQueries, WidgetConfigQueries } from '@parla/db';
import { CannedInput, CannedPatch, Id, SiteBranding, SiteId, type WidgetProactive } from '@parla/protocol';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';
import { Canned } from './canned.ts';
import { WidgetConfigs } from './widget-config.ts';

const SiteParams = z.object({ siteId: SiteId });
const IdParams = z.object({ id: Id });
const SiteQuery = z.object({ site: SiteId });

export function engagementRoutes(app: FastifyInstance, s: Services): void {
  const canned = new Canned(new CannedQueries(s.db.sqlite), s.store, s.commit);
  const agent = { preHandler: requireAgent(s) };
  const admin = { preHandler: [requireAgent(s), requireAdmin] };

  app.get('/widget/proactive', async (req, reply) => {
    void reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'public, max-age=60');
    const q = parseOr400(SiteQuery, req.query, reply);
    if (!q) return reply;
    const settings = s.sites.settings(q.site);
    if (!settings) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    const rules: WidgetProactive = (settings.proactive ?? []).filter((r) => r.enabled).map(({ enabled: _, ...r }) => r);
    return rules;
  });

  const configs = new WidgetConfigs(new WidgetConfigQueries(s.db.sqlite), s.sites, Date.now);
  app.get('/widget/config', async (req, reply) => {
    void reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'public, max-age=15');
    const q = parseOr400(SiteQuery, req.query, reply);
    if (!q) return reply;
    const config = configs.config(q.site);
    if (!config) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return config;
  });

  /**
   * The site's branding (admins), on its own: PUT /api/sites/:siteId/settings leaves it as it is,
   * so the settings form and this one never undo each other. Answers the branding saved.
   */
  app.put('/api/sites/:siteId/branding', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(SiteBranding, req.body, reply);
    if (!p || !body) return reply;
    const settings = s.sites.settings(p.siteId);
    if (!settings) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    return (await s.sites.saveSettings(p.siteId, { ...settings, branding: body })).branding ?? {};
  });

  app.get('/api/sites/:siteId/canned', agent, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    return canned.list(p.siteId);
  });

  app.post('/api/sites/:siteId/canned', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(CannedInput, req.body, reply);
    if (!p || !body) return reply;
    return reply.code(201).send(await canned.create(p.siteId, body));
  });

  app.patch('/api/canned/:id', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    const body = p && parseOr400(CannedPatch, req.body, reply);
    if (!p || !body) return reply;
    return canned.update(p.id, body);
  });

  app.delete('/api/canned/:id', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    await canned.remove(p.id);
    return reply.code(204).send();
  });
}
