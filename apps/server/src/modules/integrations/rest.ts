/**
 * The REST API under /api/v1: one table of routes, each with its zod schemas. The same table
 * registers the Fastify routes (every input parsed with its schema, 400 with the reason otherwise)
 * and generates the OpenAPI document (openapi.ts), so the two cannot drift apart.
 *
 * Auth: `Authorization: Bearer pk_...` only (a key in a URL would end up in logs). A key belongs
 * to one site: any resource of another site answers 404, exactly as one that does not exist.
 */
import { ConversationSummary, FaqList, MessageItem, Metrics, MetricsQuery, SYNC_PAGE_SIZE, VisitorDetail, VisitorExport } from '@parla/protocol';
import type { ApiKeyRow, IntegrationQueries } from '@parla/db';
import {
  ApiConversation,
  ApiConversationPage,
  ApiConversationsQuery,
  ApiFaqCount,
  ApiIdParams,
  ApiReplyRequest,
  ApiReplyResult,
} from '@parla/protocol/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { Buckets } from '../../lib/buckets.ts';
import { parseOr400 } from '../../lib/http.ts';
import { messageItem } from '../conversations/service.ts';
import { ServiceError } from '../conversations/errors.ts';
import { limitedMessage } from '../security/limits.ts';
import type { ApiKeys } from './api-keys.ts';

export interface ApiCtx<P, Q, B> {
  key: ApiKeyRow;
  params: P;
  query: Q;
  body: B;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface ApiRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify syntax (`:id`); openapi.ts writes `{id}`. */
  url: string;
  operationId: string;
  tag: 'Conversations' | 'Visitors' | 'FAQ' | 'Metrics';
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success status and body (null: no body). */
  status: 200 | 201 | 204;
  response: { name: string; schema: z.ZodType } | null;
  /** Also answered, beyond 401, 429 and (with params, query or a body) 400. */
  errors?: (404 | 409)[];
  bodyLimit?: number;
  handler: (ctx: ApiCtx<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>;
}

/** Keeps each route's handler typed by its own schemas. */
const route = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(r: ApiRoute<P, Q, B>): ApiRoute => r as unknown as ApiRoute;

const notFound = (what: string) => new ServiceError('not_found', `no such ${what}`);

const encodeCursor = (at: number, id: string) => Buffer.from(`${at}.${id}`).toString('base64url');
function decodeCursor(c: string | undefined): { at: number; id: string } {
  if (!c) return { at: -1, id: '' };
  const s = Buffer.from(c, 'base64url').toString('utf8');
  const dot = s.indexOf('.');
  const at = Number(s.slice(0, dot));
  if (dot < 1 || !Number.isSafeInteger(at)) throw Object.assign(new Error('cursor: not a cursor from this API'), { statusCode: 400, code: 'bad_request' });
  return { at, id: s.slice(dot + 1) };
}

/** Every message of a conversation, oldest first. */
function allMessages(s: Services, conversationId: string) {
  const out: z.infer<typeof MessageItem>[] = [];
  for (let after = 0; ; ) {
    const page = s.store.messagesAfter(conversationId, after, SYNC_PAGE_SIZE);
    out.push(...page.map(messageItem));
    if (page.length < SYNC_PAGE_SIZE) return out;
    after = page[page.length - 1]!.seq;
  }
}

/**
 * A conversation as the REST API shows it: without `serial` (a counter over every site's
 * conversations, the console's queue tie-break; a site's key has no business knowing it).
 */
function apiSummary({ serial: _serial, ...c }: ConversationSummary): ConversationSummary {
  return c;
}

export function apiRoutes(s: Services, q: IntegrationQueries): ApiRoute[] {
  /** The key's site's conversation, or 404. */
  const conversationOf = (key: ApiKeyRow, id: string) => {
    const c = s.conversations.summary(id);
    if (!c || c.siteId !== key.siteId) throw notFound('conversation');
    return apiSummary(c);
  };
  const visitorOf = (key: ApiKeyRow, id: string) => {
    const v = s.store.visitorById(id);
    if (!v || v.siteId !== key.siteId) throw notFound('visitor');
    return v;
  };

  return [
    route({
      method: 'GET',
      url: '/api/v1/conversations',
      operationId: 'listConversations',
      tag: 'Conversations',
      summary: "The site's conversations, oldest first, a page at a time",
      description: 'Filter by `state`, `tag` (a tag name or id) and `since` (created at or after; epoch ms or ISO 8601). Follow `nextCursor` until it is null.',
      query: ApiConversationsQuery,
      status: 200,
      response: { name: 'ConversationPage', schema: ApiConversationPage },
      handler: async ({ key, query }) => {
        const after = decodeCursor(query.cursor);
        const rows = q.conversationsPage({
          siteId: key.siteId,
          state: query.state ?? null,
          tag: query.tag ?? null,
          since: query.since ?? 0,
          afterAt: after.at,
          afterId: after.id,
          limit: query.limit + 1,
        });
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          items: page.flatMap((r) => {
            const c = s.conversations.summary(r.id);
            return c ? [apiSummary(c)] : [];
          }),
          nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
        } satisfies z.infer<typeof ApiConversationPage>;
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/conversations/:id',
      operationId: 'getConversation',
      tag: 'Conversations',
      summary: 'One conversation with all its messages',
      params: ApiIdParams,
      status: 200,
      response: { name: 'ConversationWithMessages', schema: ApiConversation },
      errors: [404],
      handler: async ({ key, params }) => ({ conversation: conversationOf(key, params.id), messages: allMessages(s, params.id) }) satisfies z.infer<typeof ApiConversation>,
    }),
    route({
      method: 'POST',
      url: '/api/v1/conversations/:id/messages',
      operationId: 'replyToConversation',
      tag: 'Conversations',
      summary: 'Reply to the visitor',
      description:
        "Stored as an agent message under the API key's name (authorId: the key's id) and delivered to the visitor like any reply. " +
        'It counts as a human reply in the KPIs (first response). A conversation still with the bot is handed to the queue first. ' +
        'Send a `clientId` to make retries safe: the same clientId with the same key is the same message (`duplicate: true`, status 200).',
      params: ApiIdParams,
      body: ApiReplyRequest,
      status: 201,
      response: { name: 'ReplyResult', schema: ApiReplyResult },
      errors: [404, 409],
      handler: async ({ key, params, body, reply }) => {
        conversationOf(key, params.id);
        const r = await s.conversations.apiMessage({ id: key.id, name: key.name }, params.id, body.clientId ?? null, body.body);
        if (r.duplicate && r.conversationId !== params.id) throw new ServiceError('conflict', 'this clientId was used for another conversation');
        if (r.duplicate) void reply.code(200);
        return { conversationId: r.conversationId, message: messageItem(r.message), duplicate: r.duplicate } satisfies z.infer<typeof ApiReplyResult>;
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/conversations/:id/resolve',
      operationId: 'resolveConversation',
      tag: 'Conversations',
      summary: 'Resolve the conversation (resolving a resolved one changes nothing)',
      params: ApiIdParams,
      status: 200,
      response: { name: 'ConversationSummary', schema: ConversationSummary },
      errors: [404],
      handler: async ({ key, params }) => {
        conversationOf(key, params.id);
        await s.conversations.resolve({ id: key.id, name: key.name }, params.id);
        return conversationOf(key, params.id);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/visitors/:id',
      operationId: 'getVisitor',
      tag: 'Visitors',
      summary: 'A visitor: contact, attributes, visits, pages of the latest visit, conversations',
      params: ApiIdParams,
      status: 200,
      response: { name: 'VisitorDetail', schema: VisitorDetail },
      errors: [404],
      handler: async ({ key, params }) => {
        visitorOf(key, params.id);
        return s.visitors.detail(params.id) ?? Promise.reject(notFound('visitor'));
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/visitors/:id/export',
      operationId: 'exportVisitor',
      tag: 'Visitors',
      summary: 'Everything stored about a visitor (a data-subject access request)',
      params: ApiIdParams,
      status: 200,
      response: { name: 'VisitorExport', schema: VisitorExport },
      errors: [404],
      handler: async ({ key, params, reply }) => {
        visitorOf(key, params.id);
        void reply.header('cache-control', 'no-store');
        return s.security.privacy.export(params.id) ?? Promise.reject(notFound('visitor'));
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/v1/visitors/:id',
      operationId: 'eraseVisitor',
      tag: 'Visitors',
      summary: 'Erase a visitor: every row (conversations, messages, webhook deliveries about them), then a WAL checkpoint',
      params: ApiIdParams,
      status: 204,
      response: null,
      errors: [404],
      handler: async ({ key, params, req }) => {
        visitorOf(key, params.id);
        if (!(await s.security.privacy.erase(params.id))) throw notFound('visitor');
        req.log.info({ visitor: params.id, apiKey: key.id }, 'visitor erased');
        return undefined;
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/faqs',
      operationId: 'getFaqs',
      tag: 'FAQ',
      summary: "The site's FAQ knowledge base",
      status: 200,
      response: { name: 'FaqList', schema: FaqList },
      handler: async ({ key }) => s.bot.faqs(key.siteId),
    }),
    route({
      method: 'PUT',
      url: '/api/v1/faqs',
      operationId: 'replaceFaqs',
      tag: 'FAQ',
      summary: 'Replace the whole FAQ knowledge base (all or nothing)',
      body: FaqList,
      bodyLimit: 8 * 1024 * 1024,
      status: 200,
      response: { name: 'FaqCount', schema: ApiFaqCount },
      handler: async ({ key, body }) => ({ count: await s.bot.replaceFaqs(key.siteId, body) }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/metrics',
      operationId: 'getMetrics',
      tag: 'Metrics',
      summary: "Every KPI of the site's conversations created in [from, to)",
      description: 'The same figures as the console reports: totals, a series per day or week, per agent, per department, backlog. `siteId`, when given, must be the key\'s site.',
      query: MetricsQuery,
      status: 200,
      response: { name: 'Metrics', schema: Metrics },
      errors: [404],
      handler: async ({ key, query }) => {
        if (query.siteId && query.siteId !== key.siteId) throw notFound('site');
        return s.metrics.compute({ ...query, siteId: key.siteId });
      },
    }),
  ];
}

/** Registers the table's routes: key check, per-key rate limit, input parsing, status. */
export function registerApi(app: FastifyInstance, s: Services, keys: ApiKeys, routes: ApiRoute[]): void {
  const buckets = new Buckets(s.config.RATE_API_KEY);
  const auth = async (req: FastifyRequest, reply: FastifyReply) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const key = keys.authenticate(m?.[1]);
    if (!key) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="parla"')
        .send({ error: 'unauthorized', message: m ? 'unknown or revoked API key' : 'send the API key as Authorization: Bearer pk_...' });
    }
    const at = Date.now();
    const wait = buckets.wait(key.id, at);
    if (wait > 0) {
      return reply.code(429).header('retry-after', Math.ceil(wait / 1000)).send({ error: 'rate_limited', message: limitedMessage('requests with this API key', wait) });
    }
    buckets.take(key.id, at);
    req.parlaApiKey = key;
  };

  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      preHandler: auth,
      ...(r.bodyLimit ? { bodyLimit: r.bodyLimit } : {}),
      handler: async (req, reply) => {
        const params = r.params ? parseOr400(r.params, req.params, reply) : {};
        if (params === null) return reply;
        const query = r.query ? parseOr400(r.query, req.query, reply) : {};
        if (query === null) return reply;
        const body = r.body ? parseOr400(r.body, req.body, reply) : undefined;
        if (r.body && body === null) return reply;
        void reply.code(r.status).header('cache-control', 'no-store');
        const out = await r.handler({ key: req.parlaApiKey!, params, query, body, req, reply });
        return r.status === 204 ? reply.send() : out;
      },
    });
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    parlaApiKey?: ApiKeyRow;
  }
}
