import type { FastifyInstance } from 'fastify';
import { DepartmentInput, DepartmentPatch, Id, SiteId, SiteSettings } from '@parla/protocol';
import { SiteCreate, SiteUpdate } from '@parla/protocol/admin';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { requireAdmin, requireAgent } from '../agents/routes.ts';

const SiteParams = z.object({ siteId: SiteId });
const IdParams = z.object({ id: Id });

/** Sites, their settings (routing mode, pre-chat, hours, SLA) and departments. Reads: agents; writes: admins. */
export function siteRoutes(app: FastifyInstance, s: Services): void {
  const agent = { preHandler: requireAgent(s) };
  const admin = { preHandler: [requireAgent(s), requireAdmin] };
  const publicUrl = s.config.PUBLIC_URL;

  app.get('/api/sites', agent, async () => s.sites.list());

  /** A site with its allowed origins and its embed snippet (admins). */
  app.get('/api/sites/:siteId', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    return s.sites.detail(p.siteId, publicUrl) ?? reply.code(404).send({ error: 'not_found', message: 'no such site' });
  });

  app.post('/api/sites', admin, async (req, reply) => {
    const body = parseOr400(SiteCreate, req.body, reply);
    if (!body) return reply;
    const site = await s.sites.create(body, publicUrl);
    req.log.info({ site: site.id, by: req.parlaAgent!.id }, 'site created');
    return reply.code(201).send(site);
  });

  /** Rename, or replace the allowed origins (new handshakes and uploads follow at once, no restart). */
  app.patch('/api/sites/:siteId', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(SiteUpdate, req.body, reply);
    if (!p || !body) return reply;
    return s.sites.update(p.siteId, body, publicUrl);
  });

  /** Deletes the site and everything of it (conversations, visitors, files, settings). */
  app.delete('/api/sites/:siteId', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    await s.sites.delete(p.siteId);
    req.log.warn({ site: p.siteId, by: req.parlaAgent!.id }, 'site deleted');
    return reply.code(204).send();
  });

  app.get('/api/sites/:siteId/settings', agent, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    return s.sites.settings(p.siteId) ?? reply.code(404).send({ error: 'not_found', message: 'no such site' });
  });

  app.put('/api/sites/:siteId/settings', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(SiteSettings, req.body, reply);
    if (!p || !body) return reply;
    // The branding has its own route (PUT /api/sites/:siteId/branding): a form loaded before it changed must not undo it.
    const saved = await s.sites.saveSettings(p.siteId, { ...body, branding: s.sites.settings(p.siteId)?.branding });
    await s.conversations.drain(); // e.g. manual -> auto
    return saved;
  });

  // Some settings only (a section of the console's Settings saves its own): merged over the stored ones.
  app.patch('/api/sites/:siteId/settings', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(SiteSettings.partial(), req.body, reply);
    if (!p || !body) return reply;
    const current = s.sites.settings(p.siteId);
    if (!current) return reply.code(404).send({ error: 'not_found', message: 'no such site' });
    const saved = await s.sites.saveSettings(p.siteId, { ...current, ...body });
    await s.conversations.drain();
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
