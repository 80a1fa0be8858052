import type { FastifyInstance } from 'fastify';
import { DepartmentInput, DepartmentPatch, Id, SiteId, SiteSettings } from '@parla/protocol';
import { z } from 'zod';
import type { Services } from '../../app.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';

const SiteParams = z.object({ siteId: SiteId });
const IdParams = z.object({ id: Id });

/** Sites, their settings (routing mode, pre-chat, hours, SLA) and departments. Reads: agents; writes: admins. */
export function siteRoutes(app: FastifyInstance, s: Services): void {
  const agent = { preHandler: requireAgent(s) };
  const admin = { preHandler: [requireAgent(s), requireAdmin] };

  app.get('/api/sites', agent, async () => s.sites.list());

  app.get('/api/sites/:siteId/settings', agent, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    return s.sites.settings(p.siteId) ?? reply.code(404).send({ error: 'not_found', message: 'no such site' });
  });

  app.put('/api/sites/:siteId/settings', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(SiteSettings, req.body, reply);
    if (!p || !body) return reply;
    const saved = await s.sites.saveSettings(p.siteId, body);
    await s.conversations.drain(); // e.g. manual -> auto
    return saved;
  });

  app.get('/api/sites/:siteId/departments', agent, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    return s.sites.departments(p.siteId);
  });

  app.post('/api/sites/:siteId/departments', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(DepartmentInput, req.body, reply);
    if (!p || !body) return reply;
    const d = await s.sites.createDepartment(p.siteId, body);
    return reply.code(201).send(d);
  });

  app.patch('/api/departments/:id', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    const body = p && parseOr400(DepartmentPatch, req.body, reply);
    if (!p || !body) return reply;
    const d = await s.sites.updateDepartment(p.id, body);
    await s.conversations.drain(); // new members may take waiting conversations
    return d;
  });

  app.delete('/api/departments/:id', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    await s.sites.deleteDepartment(p.id);
    await s.conversations.drain(); // its conversations are now open to every agent
    return reply.code(204).send();
  });
}
