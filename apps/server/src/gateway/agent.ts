import type { FastifyInstance } from 'fastify';
import { AgentToServer, CLOSE_RATE_LIMITED, PROTOCOL_VERSION, type ServerToAgent } from '@parla/protocol';
import type { AgentRow } from '@parla/db';
import type { Services } from '../core/services.ts';
import { agentView, SESSION_COOKIE } from '../modules/agents/service.ts';
import { serveSocket, socketLimits } from './connection.ts';
import { sameOrigin } from '../lib/http.ts';
import { hashToken } from '../lib/crypto.ts';
import { releaseUpgrade } from '../lifecycle.ts';

declare module 'fastify' {
  interface FastifyRequest {
    parlaAgent?: AgentRow;
  }
}

/**
 * The console's WebSocket, `/ws/agent`: authenticated by the session cookie and refused unless
 * the Origin is the console's own (no cross-site WebSocket hijacking).
 */
export function agentGateway(app: FastifyInstance, s: Services): void {
  const wsLimits = socketLimits('agent', s.config, s.config.WS_FRAMES_AGENT, s.config.WS_BYTES_AGENT, s.hub.sendStats);
  // Counted per agent, not per address: a whole office may share one (WS_CONNECTIONS_PER_AGENT).
  const open = s.security.agentConnections;
  app.get(
    '/ws/agent',
    {
      websocket: true,
      preValidation: async (req, reply) => {
        if (!sameOrigin(req, s.config.PUBLIC_URL)) {
          return reply.code(403).send({ error: 'origin_not_allowed', message: 'the console socket only accepts its own origin' });
        }
        const agent = s.agents.authenticate(req.cookies[SESSION_COOKIE]);
        if (!agent) return reply.code(401).send({ error: 'unauthorized', message: 'log in first' });
        if (!open.allows(agent.id)) {
          req.log.info({ agent: agent.id }, 'console socket refused: too many open for this agent');
          return reply.code(429).send({ error: 'rate_limited', message: 'too many console connections for this account; close some tabs' });
        }
        req.parlaAgent = agent;
      },
    },
    (socket, req) => {
      const agent = req.parlaAgent!;
      const log = req.log;
      const tcp = req.socket;
      if (!open.open(agent.id)) {
        open.close(agent.id);
        socket.close(CLOSE_RATE_LIMITED, 'too many connections for this agent');
        return;
      }
      // Closed when this session ends (logout, expiry): see modules/security.
      s.security.agentSockets.add(hashToken(req.cookies[SESSION_COOKIE]!), socket);
      releaseUpgrade(socket, req); // nothing below holds on to req
      const following = new Set<string>();
      const opened = s.agents.socketOpened(agent.id);
      // The sites this socket works on, read at the hello (a change closes the socket: see AgentSites).
      let sites: string[] | null = null;
      /** A conversation of a site this agent does not work on is answered like a missing one. */
      const reachable = (conversationId: string): boolean => {
        if (!sites) return true;
        const conv = s.store.conversation(conversationId);
        return !conv || sites.includes(conv.siteId);
      };

      const conn = serveSocket<typeof AgentToServer, ServerToAgent>(socket, tcp, log, AgentToServer, wsLimits, async (frame, conn) => {
        if ('conversationId' in frame && typeof frame.conversationId === 'string' && !reachable(frame.conversationId)) {
          return conn.error('not_found', 'no such conversation');
        }
        switch (frame.type) {
          case 'hello': {
            await opened;
            s.hub.subscribe('agents', conn.sub);
            s.hub.subscribe(`agent:${agent.id}`, conn.sub);
            sites = s.agentSites.sitesOf(agent.id);
            s.agentSites.attach(agent.id, conn.sub, () => socket.close(1012, 'your sites changed'));
            const fresh = s.store.agentById(agent.id) ?? agent;
            conn.send({ type: 'welcome', protocol: PROTOCOL_VERSION, agent: agentView(fresh), inbox: s.conversations.inbox(sites) });
            conn.markReady();
            return;
          }
          case 'message.send': {
            const r = await s.conversations.agentMessage(s.store.agentById(agent.id) ?? agent, frame.conversationId, frame.clientId, frame.body, frame.attachmentId);
            conn.ack(frame.clientId, r);
            return;
          }
          case 'typing': {
            const conv = s.store.conversation(frame.conversationId);
            if (!conv) return conn.error('not_found', 'no such conversation');
            s.hub.publishMany([`visitor:${conv.visitorId}`, `conv:${conv.id}`], { type: 'typing', conversationId: conv.id, from: 'agent', name: agent.name, isTyping: frame.isTyping }, conn.sub);
            return;
          }
          case 'presence.set':
            await s.agents.setPresence(agent.id, frame.presence);
            return;
          case 'conversation.take':
            await s.conversations.take(s.store.agentById(agent.id) ?? agent, frame.conversationId);
            return;
          case 'conversation.transfer':
            await s.conversations.transfer(agent, frame.conversationId, frame);
            return;
          case 'conversation.resolve':
            await s.conversations.resolve(agent, frame.conversationId);
            return;
          case 'conversation.snooze':
            await s.conversations.snooze(agent, frame.conversationId, frame.until);
            return;
          case 'conversation.unsnooze':
            await s.conversations.unsnooze(agent, frame.conversationId);
            return;
          case 'sync': {
            const page = s.conversations.itemsAfter(frame.conversationId, frame.afterSeq);
            if (!page) return conn.error('not_found', 'no such conversation');
            if (!following.has(frame.conversationId)) {
              following.add(frame.conversationId);
              s.hub.subscribe(`conv:${frame.conversationId}`, conn.sub);
            }
            conn.send({ type: 'sync.result', conversationId: frame.conversationId, ...page });
            return;
          }
          case 'ping': // answered by serveSocket
            return;
        }
      });

      socket.on('close', () => {
        open.close(agent.id);
        s.hub.unsubscribe('agents', conn.sub);
        s.hub.unsubscribe(`agent:${agent.id}`, conn.sub);
        s.agentSites.detach(agent.id, conn.sub);
        for (const id of following) s.hub.unsubscribe(`conv:${id}`, conn.sub);
        void opened.finally(() => s.agents.socketClosed(agent.id));
      });
    },
  );
}
