/**
 * The inbox over HTTP (agents; tag lists: admins). Every state-changing route goes through the
 * security plugin's Origin and CSRF check like every other.
 *
 *   GET    /api/conversations/search        q, state, departmentId, agentId, channel, tag, siteId, cursor, limit
 *   POST   /api/conversations/:id/notes     an internal note (agents)
 *   PUT    /api/conversations/:id/tags/:tagId, DELETE the same: tag or untag (agents)
 *   GET    /api/sites/:siteId/tags          the site's tags (agents)
 *   POST   /api/sites/:siteId/tags, PATCH /api/tags/:id, DELETE /api/tags/:id (admins)
 */
import type { FastifyInstance } from 'fastify';
import { InboxQueries } from '@parla/db';
import { Id, SiteId } from '@parla/protocol';
import { NoteCreate, SearchQuery, TagCreate, TagRename } from '@parla/protocol/inbox';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { currentAgent, requireAdmin, requireAgent } from '../agents/routes.ts';
import { Inbox } from './service.ts';

const IdParams = z.object({ id: Id });
const SiteParams = z.object({ siteId: SiteId });
const ConvTagParams = z.object({ id: Id, tagId: Id });

export function inboxRoutes(app: FastifyInstance, s: Services): Inbox {
  const inbox = new Inbox(new InboxQueries(s.db.sqlite), s.store, s.commit, s.conversations);
  const agent = { preHandler: requireAgent(s) };
  const admin = { preHandler: [requireAgent(s), requireAdmin] };

  app.get('/api/conversations/search', agent, async (req, reply) => {
    const q = parseOr400(SearchQuery, req.query, reply);
    if (!q) return reply;
    return inbox.search(q);
  });

  app.post('/api/conversations/:id/notes', agent, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    const body = p && parseOr400(NoteCreate, req.body, reply);
    if (!p || !body) return reply;
    const a = currentAgent(req);
    const seq = await s.conversations.addNote({ id: a.id, name: a.name }, p.id, body.body);
    return reply.code(201).send({ seq });
  });

  for (const [method, on] of [['PUT', true], ['DELETE', false]] as const) {
    app.route({
      method,
      url: '/api/conversations/:id/tags/:tagId',
      preHandler: requireAgent(s),
      handler: async (req, reply) => {
        const p = parseOr400(ConvTagParams, req.params, reply);
        if (!p) return reply;
        return { tags: await inbox.setConversationTag(p.id, p.tagId, on) };
      },
    });
  }

  app.get('/api/sites/:siteId/tags', agent, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    if (!p) return reply;
    return inbox.tags(p.siteId);
  });

  app.post('/api/sites/:siteId/tags', admin, async (req, reply) => {
    const p = parseOr400(SiteParams, req.params, reply);
    const body = p && parseOr400(TagCreate, req.body, reply);
    if (!p || !body) return reply;
    return reply.code(201).send(await inbox.createTag(p.siteId, body.name));
  });

  app.patch('/api/tags/:id', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    const body = p && parseOr400(TagRename, req.body, reply);
    if (!p || !body) return reply;
    return inbox.renameTag(p.id, body.name);
  });

  app.delete('/api/tags/:id', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    await inbox.deleteTag(p.id);
    return reply.code(204).send();
  });

  return inbox;
}
