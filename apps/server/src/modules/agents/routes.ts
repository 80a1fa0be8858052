import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AgentPatch, Id, LoginRequest } from '@parla/protocol';
import { z } from 'zod';
import type { AgentRow } from '@parla/db';
import type { Services } from '../../app.ts';
import { parseOr400, sameOrigin } from '../../lib/http.ts';
import { agentView, SESSION_COOKIE } from './service.ts';
import { ServiceError } from '../conversations/errors.ts';
import { hashToken } from '../../lib/crypto.ts';

/** preHandler for agent-only routes: 401 without a valid session cookie. */
export function requireAgent(s: Services) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const agent = s.agents.authenticate(req.cookies[SESSION_COOKIE]);
    if (!agent) return reply.code(401).send({ error: 'unauthorized', message: 'log in first' });
    req.parlaAgent = agent;
  };
}

/** preHandler after requireAgent: 403 unless the agent is an admin. */
export async function requireAdmin(req: FastifyRequest, reply: FastifyReply) {
  if (req.parlaAgent?.role !== 'admin') return reply.code(403).send({ error: 'forbidden', message: 'only an admin may do this' });
}

export function currentAgent(req: FastifyRequest): AgentRow {
  return req.parlaAgent!;
}

export function agentRoutes(app: FastifyInstance, s: Services): void {
  const secure = s.config.PUBLIC_URL.startsWith('https://');

  // Cross-site form or fetch posts are refused: a state-changing request must come from the console's origin.
  const sameOriginOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.headers.origin !== undefined && !sameOrigin(req, s.config.PUBLIC_URL)) {
      return reply.code(403).send({ error: 'origin_not_allowed', message: 'cross-site request refused' });
    }
  };

  app.post('/api/auth/login', { preHandler: sameOriginOnly }, async (req, reply) => {
    const body = parseOr400(LoginRequest, req.body, reply);
    if (!body) return reply;
    const r = await s.agents.login(body.email, body.password);
    if (!r) return reply.code(401).send({ error: 'invalid_credentials', message: 'wrong email or password' });
    reply.setCookie(SESSION_COOKIE, r.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      maxAge: s.config.SESSION_TTL_HOURS * 3600,
    });
    return { agent: agentView(r.agent) };
  });

  app.post('/api/auth/logout', { preHandler: sameOriginOnly }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    await s.agents.logout(token);
    if (token) s.security.revokeSession(hashToken(token)); // its console sockets close now
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { preHandler: requireAgent(s) }, async (req) => ({ agent: agentView(currentAgent(req)) }));

  /** Every agent with presence, load and departments (the agents view). */
  app.get('/api/agents', { preHandler: requireAgent(s) }, async () => s.store.allAgents());

  /** Capacity and departments: admins for anyone; an agent may change their own capacity. */
  app.patch('/api/agents/:id', { preHandler: requireAgent(s) }, async (req, reply) => {
    const p = parseOr400(z.object({ id: Id }), req.params, reply);
    const body = p && parseOr400(AgentPatch, req.body, reply);
    if (!p || !body) return reply;
    const me = currentAgent(req);
    const self = me.id === p.id;
    if (me.role !== 'admin' && (!self || body.departmentIds !== undefined)) {
      return reply.code(403).send({ error: 'forbidden', message: 'only an admin may change another agent or departments' });
    }
    if (!s.store.agentById(p.id)) return reply.code(404).send({ error: 'not_found', message: 'no such agent' });
    if (body.departmentIds) {
      const ids = body.departmentIds;
      await s.commit.run(() => {
        for (const d of ids) if (!s.store.department(d)) throw new ServiceError('not_found', `no such department: ${d}`);
        s.store.setAgentDepartments(p.id, ids);
      });
    }
    if (body.maxChats !== undefined) await s.conversations.setCapacity(p.id, body.maxChats);
    else await s.conversations.drain();
    return s.store.allAgents().find((a) => a.id === p.id);
  });
}
