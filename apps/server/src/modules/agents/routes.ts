import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Id, LoginRequest, type SessionView } from '@parla/protocol';
import { AgentCreate, AgentUpdate, PasswordChange, PasswordLinkAccept, SetupRequest, TokenBody, TotpDisable, TotpEnable, TotpSetupRequest } from '@parla/protocol/admin';
import { z } from 'zod';
import type { AgentRow } from '@parla/db';
import type { Services } from '../../core/services.ts';
import { parseOr400 } from '../../lib/http.ts';
import { limitedMessage } from '../security/limits.ts';
import { agentView, SESSION_COOKIE } from './service.ts';
import { hashToken } from '../../lib/crypto.ts';
import { ipKey } from '../../lib/ip.ts';
import { csrfToken } from '../security/csrf.ts';

/** preHandler for agent-only routes: 401 without a valid session cookie (needs only the agents service). */
export function requireAgent(s: Pick<Services, 'agents'>) {
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

const IdParams = z.object({ id: Id });

/**
 * Sign-in and the team: login and logout, the first-run setup, agents (admins add, edit,
 * deactivate and reactivate them and issue password links), the links' own pages, and the
 * agent's own password. Every state-changing route here is checked for its origin (and, with the
 * session cookie, the CSRF token) by the security plugin (security/csrf.ts).
 */
export function agentRoutes(app: FastifyInstance, s: Services): void {
  const secure = s.config.PUBLIC_URL.startsWith('https://');
  const agent = { preHandler: requireAgent(s) };
  const admin = { preHandler: [requireAgent(s), requireAdmin] };
  const team = s.team;

  /** Signs the agent in: a new session, its cookie, and the session's CSRF token for the console. */
  const signIn = async (reply: FastifyReply, a: AgentRow, given?: string): Promise<SessionView> => {
    const token = given ?? (await s.agents.startSession(a.id));
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      maxAge: s.config.SESSION_TTL_HOURS * 3600,
    });
    return { agent: agentView(a), csrfToken: csrfToken(token) };
  };

  app.post('/api/auth/login', async (req, reply) => {
    const body = parseOr400(LoginRequest, req.body, reply);
    if (!body) return reply;
    const r = await s.agents.login(body.email, body.password, body.totp);
    if (r === 'deactivated') return reply.code(403).send({ error: 'account_deactivated', message: 'this account is deactivated: ask an admin' });
    if (r === 'totp_required') return reply.code(403).send({ error: 'totp_required', message: 'enter the code of your authenticator app (or a recovery code)' });
    if (!r) return reply.code(401).send({ error: 'invalid_credentials', message: 'wrong email or password' });
    return signIn(reply, r.agent, r.token);
  });

  app.post('/api/auth/logout', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    await s.agents.logout(token);
    if (token) s.security.revokeSession(hashToken(token)); // its console sockets close now
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  /** The agent of the session cookie, and the session's CSRF token (X-Parla-CSRF on every state-changing request). */
  app.get('/api/auth/me', { preHandler: requireAgent(s) }, async (req, reply): Promise<SessionView> => {
    void reply.header('cache-control', 'no-store');
    return { agent: agentView(currentAgent(req)), csrfToken: csrfToken(req.cookies[SESSION_COOKIE]!) };
  });

  /** The agent's own password: the current one is needed; every other session of theirs ends. */
  app.post('/api/auth/password', agent, async (req, reply) => {
    const body = parseOr400(PasswordChange, req.body, reply);
    if (!body) return reply;
    const me = currentAgent(req);
    const ip = ipKey(req.ip);
    const wait = s.security.login.refused(ip, me.email, Date.now());
    if (wait > 0) return reply.code(429).header('retry-after', Math.ceil(wait / 1000)).send({ error: 'rate_limited', message: limitedMessage('failed password checks for this account', wait) });
    if (!(await team.changePassword(me, hashToken(req.cookies[SESSION_COOKIE]!), body.currentPassword, body.newPassword))) {
      s.security.login.failed(ip, me.email, Date.now());
      return reply.code(403).send({ error: 'wrong_password', message: 'the current password is wrong' });
    }
    return reply.code(204).send();
  });

  // ---- first run ------------------------------------------------------------------------------

  /** Whether the install still needs its first admin (the console shows the setup page then). */
  app.get('/api/setup', async () => ({ needed: team.needsSetup() }));

  /** The first admin, with the setup code from the server's log; closed for good once an admin exists. */
  app.post('/api/setup', async (req, reply) => {
    const body = parseOr400(SetupRequest, req.body, reply);
    if (!body) return reply;
    const a = await team.setup(body);
    req.log.warn({ agent: a.id }, 'first admin created with the setup code');
    return reply.code(201).send(await signIn(reply, a));
  });

  // ---- password links (invitations and resets) ------------------------------------------------

  app.post('/api/password-links/inspect', async (req, reply) => {
    const body = parseOr400(TokenBody, req.body, reply);
    if (!body) return reply;
    const info = team.inspectLink(body.token);
    if (!info) return reply.code(404).send({ error: 'invalid_link', message: 'this link is not valid any more (used, replaced or expired): ask an admin for a new one' });
    return reply.header('cache-control', 'no-store').send(info);
  });

  app.post('/api/password-links/accept', async (req, reply) => {
    const body = parseOr400(PasswordLinkAccept, req.body, reply);
    if (!body) return reply;
    const a = await team.acceptLink(body.token, body.password);
    // With two-factor on, a link alone does not sign in (it may have been intercepted): the agent signs in with their code.
    if (a.totpEnabledAt !== null) return { agent: agentView(a), totpRequired: true };
    return signIn(reply, a);
  });

  // ---- two-factor sign-in ----------------------------------------------------------------------

  /** A wrong current password or code counts against the login throttle of this address and account. */
  const checkPassword = async (req: FastifyRequest, reply: FastifyReply, me: AgentRow, password: string) => {
    const ip = ipKey(req.ip);
    const wait = s.security.login.refused(ip, me.email, Date.now());
    if (wait > 0) {
      void reply.code(429).header('retry-after', Math.ceil(wait / 1000)).send({ error: 'rate_limited', message: limitedMessage('failed password checks for this account', wait) });
      return false;
    }
    if (await s.passwords.verify(password, me.passwordHash)) return true;
    s.security.login.failed(ip, me.email, Date.now());
    void reply.code(403).send({ error: 'wrong_password', message: 'the current password is wrong' });
    return false;
  };

  app.get('/api/auth/totp', { preHandler: requireAgent(s) }, async (req) => s.twoFactor.status(currentAgent(req).id));

  app.post('/api/auth/totp/setup', agent, async (req, reply) => {
    const body = parseOr400(TotpSetupRequest, req.body, reply);
    if (!body || !(await checkPassword(req, reply, currentAgent(req), body.currentPassword))) return reply;
    return reply.header('cache-control', 'no-store').send(await s.twoFactor.begin(currentAgent(req)));
  });

  app.post('/api/auth/totp/enable', agent, async (req, reply) => {
    const body = parseOr400(TotpEnable, req.body, reply);
    if (!body) return reply;
    const recoveryCodes = await s.twoFactor.enable(currentAgent(req), body.code);
    req.log.info({ agent: currentAgent(req).id }, 'two-factor sign-in turned on');
    return reply.header('cache-control', 'no-store').send({ recoveryCodes });
  });

  app.post('/api/auth/totp/disable', agent, async (req, reply) => {
    const body = parseOr400(TotpDisable, req.body, reply);
    const me = currentAgent(req);
    if (!body || !(await checkPassword(req, reply, me, body.currentPassword))) return reply;
    if (!(await s.twoFactor.verify(me.id, body.code))) {
      s.security.login.failed(ipKey(req.ip), me.email, Date.now());
      return reply.code(403).send({ error: 'invalid_totp', message: 'the code is wrong' });
    }
    await s.twoFactor.disable(me.id);
    req.log.info({ agent: me.id }, 'two-factor sign-in turned off');
    return reply.code(204).send();
  });

  /** An admin turns two-factor off for an agent who lost their phone (they sign in with the password, and may set it up again). */
  app.post('/api/agents/:id/totp/reset', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    if (!s.store.agentById(p.id)) return reply.code(404).send({ error: 'not_found', message: 'no such agent' });
    await s.twoFactor.disable(p.id);
    req.log.warn({ agent: p.id, by: currentAgent(req).id }, 'two-factor sign-in turned off by an admin');
    return team.status(p.id);
  });

  // ---- the team -------------------------------------------------------------------------------

  /** Every agent with presence, load, departments and status (active, invited, deactivated). */
  app.get('/api/agents', { preHandler: requireAgent(s) }, async () => s.store.allAgents());

  app.post('/api/agents', admin, async (req, reply) => {
    const body = parseOr400(AgentCreate, req.body, reply);
    if (!body) return reply;
    const r = await team.invite(currentAgent(req), body);
    req.log.info({ agent: r.agent.id, by: currentAgent(req).id, emailed: r.link.emailed }, 'agent invited');
    return reply.code(201).header('cache-control', 'no-store').send(r);
  });

  /** Admins: name, email, role, capacity and departments of anyone; an agent: their own capacity. */
  app.patch('/api/agents/:id', agent, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    const body = p && parseOr400(AgentUpdate, req.body, reply);
    if (!p || !body) return reply;
    return team.update(currentAgent(req), p.id, body);
  });

  app.post('/api/agents/:id/deactivate', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    const a = await team.deactivate(currentAgent(req), p.id);
    req.log.info({ agent: p.id, by: currentAgent(req).id }, 'agent deactivated');
    return a;
  });

  app.post('/api/agents/:id/reactivate', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    const a = await team.reactivate(currentAgent(req), p.id);
    req.log.info({ agent: p.id, by: currentAgent(req).id }, 'agent reactivated');
    return a;
  });

  /** A new invitation (an agent who never set a password) or password-reset link; earlier links stop working. */
  app.post('/api/agents/:id/password-link', admin, async (req, reply) => {
    const p = parseOr400(IdParams, req.params, reply);
    if (!p) return reply;
    const link = await team.issueLink(currentAgent(req), p.id);
    req.log.info({ agent: p.id, by: currentAgent(req).id, kind: link.kind, emailed: link.emailed }, 'password link issued');
    return reply.header('cache-control', 'no-store').send(link);
  });
}
