import type { FastifyInstance } from 'fastify';
import { CLOSE_RATE_LIMITED, PROTOCOL_VERSION, SiteId, VisitorToServer, type Identity, type ServerToVisitor } from '@parla/protocol';
import type { SiteRow, VisitorRow } from '@parla/db';
import { z } from 'zod';
import type { Services } from '../core/services.ts';
import { HARD_MAX_PAYLOAD, serveSocket, socketLimits } from './connection.ts';
import type { VisitorTopic } from '../hub.ts';
import { forVisitor } from '../modules/conversations/service.ts';
import { ServiceError } from '../modules/conversations/errors.ts';
import { limitedMessage } from '../modules/security/limits.ts';
import { NewVisitorRefused, type HelloResult } from '../modules/visitors/service.ts';
import { ipKey } from '../lib/ip.ts';
import { releaseUpgrade } from '../lifecycle.ts';
import { SITE_TOPIC } from '../modules/sites/availability.ts';
import { siteTopics } from '../realtime/agent-sites.ts';

let connections = 0;

const Query = z.object({ site: SiteId });

declare module 'fastify' {
  interface FastifyRequest {
    parlaSite?: SiteRow;
  }
}

/**
 * The visitors' WebSocket, `/ws/visitor?site=<id>`. The site must exist and the page's Origin
 * must be on the site's allowlist (exact match), checked before the upgrade. The visitor token
 * travels in the hello frame, never in the URL.
 */
export function visitorGateway(app: FastifyInstance, s: Services): void {
  const wsLimits = socketLimits('visitor', s.config, s.config.WS_FRAMES_VISITOR, s.config.WS_BYTES_VISITOR, s.hub.sendStats);
  const open = s.security.visitorConnections;
  // The site rows read by the handshakes of this turn of the event loop (after a restart every
  // widget comes back at once, and one turn accepts hundreds of handshakes): each site is read
  // once per turn; a change to a site (its origins) applies to the handshakes of the next turn.
  const sitesThisTurn = new Map<string, SiteRow>();
  const siteOf = (id: string): SiteRow | undefined => {
    const hit = sitesThisTurn.get(id);
    if (hit) return hit;
    const row = s.store.getSite(id);
    if (!row) return undefined;
    if (sitesThisTurn.size === 0) setImmediate(() => sitesThisTurn.clear());
    sitesThisTurn.set(id, row);
    return row;
  };
  app.get(
    '/ws/visitor',
    {
      websocket: true,
      preValidation: async (req, reply) => {
        const q = Query.safeParse(req.query);
        if (!q.success) return reply.code(400).send({ error: 'bad_request', message: 'query parameter site is missing or invalid' });
        const site = siteOf(q.data.site);
        if (!site) return reply.code(404).send({ error: 'unknown_site', message: 'no such site' });
        const origin = req.headers.origin;
        if (!s.sites.originAllowed(site, origin)) {
          req.log.warn({ site: site.id, origin }, 'visitor socket refused: origin not allowed');
          return reply.code(403).send({ error: 'origin_not_allowed', message: 'this origin may not open the chat of this site' });
        }
        // Refused before the upgrade, so a refused socket costs nothing (WS_CONNECTIONS_PER_IP).
        if (!open.allows(ipKey(req.ip))) {
          req.log.info('visitor socket refused: too many open from this address');
          return reply.code(429).send({ error: 'rate_limited', message: 'too many chat connections from this address' });
        }
        req.parlaSite = site;
      },
    },
    (socket, req) => {
      const site = req.parlaSite!;
      const log = req.log;
      const tcp = req.socket;
      let visitor: { id: string; siteId: string; name: string | null } | null = null;
      let visitId = '';
      let conversationId: string | null = null;
      let lang: 'en' | 'it' = 'en';
      const ip = ipKey(req.ip); // the client behind a trusted proxy; an IPv6 /64 as one
      releaseUpgrade(socket, req); // nothing below holds on to req
      if (!open.open(ip)) {
        // Two handshakes passed the check at once: the later one goes.
        open.close(ip);
        socket.close(CLOSE_RATE_LIMITED, 'too many connections from this address');
        return;
      }
      const connKey = `c${++connections}`;
      const limits = s.security.limits;

      // Abuse limits: the refused frame gets rate_limited with retryAfterMs (the socket stays usable).
      const limited = (what: string, retryAfterMs: number, clientId?: string): void =>
        conn.send({ type: 'error', code: 'rate_limited', message: limitedMessage(what, retryAfterMs), retryAfterMs, ...(clientId ? { clientId } : {}) });
      // Asked by the service inside the write, after its dedupe: a resend was already counted.
      const admit = (starting: boolean) => limits.message(visitor!.id, ip, site.id, starting, Date.now());
      /** This connection is visitor `id` from now on (the hello, or an identify that switched it). */
      const become = (id: string, read?: VisitorRow): VisitorRow => {
        const row = read?.id === id ? read : s.store.visitorById(id)!;
        if (visitor?.id !== id) {
          if (visitor) {
            s.hub.unsubscribe(`visitor:${visitor.id}`, conn.sub);
            s.security.visitorSockets.remove(visitor.id, socket);
          }
          s.hub.subscribe(`visitor:${id}`, conn.sub);
          s.security.visitorSockets.add(id, socket);
        }
        visitor = { id, siteId: site.id, name: row.name };
        return row;
      };
      let siteTopic: VisitorTopic | null = null;
      const welcome = (row: VisitorRow, token: string | undefined) => {
        // From now on, told when someone could (or could no longer) answer (modules/sites/availability.ts).
        if (!siteTopic) {
          siteTopic = `${SITE_TOPIC}${site.id}`;
          s.hub.subscribe(siteTopic, conn.sub);
        }
        const conv = s.conversations.currentOf(row.id);
        conversationId = conv?.id ?? null;
        conn.send({
          type: 'welcome',
          protocol: PROTOCOL_VERSION,
          visitorId: row.id,
          ...(token ? { visitorToken: token } : {}),
          returning: row.visitCount > 1,
          visitCount: row.visitCount,
          conversation: conv ? s.conversations.visitorView(conv) : null,
          agentsOnline: s.agents.onlineCount(),
          site: s.sites.widgetSite(site, lang),
          identified: row.userId !== null,
        });
        return conv;
      };
      /** Applies an identify; a device that joined another visitor closes that visitor's other sockets (they reconnect as the user). */
      const identify = async (identity: Identity) => {
        const before = visitor!.id;
        const r = await s.security.identities.identify(site.id, before, identity);
        if (r.visitId) visitId = r.visitId;
        const row = become(r.visitorId);
        if (r.visitorId !== before && !s.store.visitorById(before)) s.security.visitorSockets.close(before, 4001, 'visitor merged');
        return { row, token: r.token };
      };

      const conn = serveSocket<typeof VisitorToServer, ServerToVisitor>(socket, tcp, log, VisitorToServer, wsLimits, async (frame, conn) => {
        if (frame.type !== 'hello') {
          const wait = limits.frame(connKey, Date.now());
          if (wait > 0) {
            limited('frames', wait, 'clientId' in frame ? frame.clientId : undefined);
            return;
          }
        }
        switch (frame.type) {
          case 'hello': {
            // A new visitor (no token, or one not known here) counts against the address's budget.
            let h: HelloResult;
            try {
              h = await s.visitors.hello(site.id, frame.visitorToken, frame.page, frame.attributes, () => limits.newVisitor(ip, Date.now()));
            } catch (e) {
              if (!(e instanceof NewVisitorRefused)) throw e;
              limited('new visitors from this address', e.retryAfterMs);
              socket.close(CLOSE_RATE_LIMITED, 'rate limited');
              return;
            }
            lang = frame.lang ?? 'en';
            await app.parlaMail.rememberLang(h.visitor.id, lang); // emails to this visitor are written in it
            visitId = h.visitId;
            let row = become(h.visitor.id, h.visitor); // as the hello's write left it
            let token = h.token;
            if (frame.identity) {
              try {
                const r = await identify(frame.identity);
                row = r.row;
                token = r.token ?? token;
              } catch (e) {
                if (!(e instanceof ServiceError)) throw e;
                conn.error(e.code, e.message); // refused: the visitor stays anonymous
              }
            }
            const conv = welcome(row, token);
            if (frame.attributes && conv) await s.conversations.reprioritize(row.id);
            // Agents of the site see where the visitor is; a reconnect on the same page changes nothing for them.
            if (frame.page && h.pageViewed) s.hub.publishToAgents(siteTopics(row.siteId), { type: 'visitor.page', visitorId: row.id, page: frame.page, at: h.visitor.lastSeenAt });
            conn.markReady();
            return;
          }
          case 'identify': {
            const r = await identify(frame.identity);
            welcome(r.row, r.token);
            return;
          }
          // The visitor's own data: everything stored about them, or its erasure (the socket closes after).
          case 'privacy.export': {
            const data = s.security.privacy.export(visitor!.id);
            if (data) conn.send({ type: 'privacy.data', data });
            else conn.error('not_found', 'no such visitor');
            return;
          }
          case 'privacy.erase':
            await s.security.privacy.erase(visitor!.id);
            return;
          case 'message.send':
          case 'offline.message': {
            // An offline message (to be answered by email) is stored like any message, with the address on the visitor.
            const r = await s.conversations.visitorMessage(visitor!, frame.clientId, frame.body, {
              departmentId: frame.departmentId,
              name: frame.name,
              email: frame.email,
              lang,
              noBot: frame.type === 'offline.message',
              proactive: frame.type === 'message.send' ? frame.proactive : undefined,
              attachmentId: frame.type === 'message.send' ? frame.attachmentId : undefined,
              admit,
            });
            if (frame.name) visitor!.name = frame.name;
            conversationId = r.conversationId;
            conn.ack(frame.clientId, r);
            return;
          }
          case 'callback.request': {
            const r = await s.conversations.callbackRequest(visitor!, frame.clientId, frame, admit);
            conversationId = r.conversationId;
            conn.ack(frame.clientId, r);
            return;
          }
          case 'typing':
            if (conversationId) {
              if (frame.isTyping) s.conversations.visitorTyping(conversationId);
              s.hub.publish(`conv:${conversationId}`, { type: 'typing', conversationId, from: 'visitor', name: visitor!.name, isTyping: frame.isTyping });
            }
            return;
          case 'page.view': {
            const at = await s.visitors.pageView(visitId, frame.page);
            s.hub.publishToAgents(siteTopics(visitor!.siteId), { type: 'visitor.page', visitorId: visitor!.id, page: frame.page, at });
            return;
          }
          case 'bot.feedback':
            await s.conversations.botFeedback(visitor!, frame.helpful, lang);
            return;
          case 'escalate':
            await s.conversations.requestHuman(visitor!);
            return;
          case 'bot.pick': {
            const r = await s.conversations.botPick(visitor!, frame.clientId, frame.faqId, lang, admit);
            conversationId = r.conversationId;
            conn.ack(frame.clientId, r);
            return;
          }
          case 'faq.suggest':
            conn.send({ type: 'faq.suggestions', text: frame.text, items: s.bot.suggest(site.id, frame.text, lang) });
            return;
          case 'csat.submit':
            await s.conversations.rate(visitor!, frame.conversationId, frame.rating, frame.comment);
            return;
          case 'visitor.attributes':
            await s.visitors.setAttributes(visitor!.id, frame.attributes);
            await s.conversations.reprioritize(visitor!.id);
            return;
          case 'transcript.request': {
            const r = await app.parlaMail.requestTranscript(visitor!.id, frame.conversationId, frame.email, lang, ip);
            conn.send({ type: 'transcript.queued', conversationId: frame.conversationId, email: r.to, ...(r.confirm ? { confirm: true } : {}) });
            return;
          }
          case 'sync': {
            const conv = s.store.conversation(frame.conversationId);
            // Another visitor's conversation is answered exactly like a missing one.
            if (!conv || conv.visitorId !== visitor!.id) {
              conn.error('not_found', 'no such conversation');
              return;
            }
            const page = s.conversations.itemsAfter(conv.id, frame.afterSeq)!;
            conn.send({ type: 'sync.result', conversationId: conv.id, ...page, items: page.items.map(forVisitor) });
            return;
          }
          case 'ping': // answered by serveSocket
            return;
        }
      });

      socket.on('close', () => {
        open.close(ip);
        limits.connectionClosed(connKey);
        if (siteTopic) s.hub.unsubscribe(siteTopic, conn.sub);
        if (!visitor) return;
        s.hub.unsubscribe(`visitor:${visitor.id}`, conn.sub);
        void s.visitors.left(visitor.id).catch((err: unknown) => log.error({ err }, 'could not record the visitor leaving'));
      });
    },
  );
}

export const visitorSocketOptions = { maxPayload: HARD_MAX_PAYLOAD };
