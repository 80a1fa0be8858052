/**
 * Integrations: webhooks (the events a site's endpoints receive, and the console's management of
 * them) and the REST API under /api/v1 with its API keys. Plain HTTP bodies: nothing here is a
 * WebSocket frame, so PROTOCOL_VERSION does not move with this file. The OpenAPI document at
 * /api/docs is generated from these schemas.
 */
import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from './constants.ts';
import { ClientId, ConversationState, ConversationSummary, Id, MessageBody, MessageItem, Millis, SiteId } from './index.ts';

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

export { WEBHOOK_EVENTS };
export const WebhookEventType = z.enum(WEBHOOK_EVENTS);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** http(s) only, no credentials in it (the signature authenticates us to the receiver). */
export const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !!u.hostname;
    } catch {
      return false;
    }
  }, 'the URL must be http:// or https:// with a host, and no user name or password in it');

export const WebhookEndpointInput = z.object({
  url: WebhookUrl,
  description: z.string().trim().max(200).default(''),
  events: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENTS.length),
  enabled: z.boolean().default(true),
});
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInput>;

/** Only the fields given change. */
export const WebhookEndpointPatch = z.object({
  url: WebhookUrl.optional(),
  description: z.string().trim().max(200).optional(),
  events: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENTS.length).optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

export const WebhookEndpoint = z.object({
  id: Id,
  siteId: SiteId,
  url: z.string(),
  description: z.string(),
  events: z.array(WebhookEventType),
  enabled: z.boolean(),
  createdAt: Millis,
  updatedAt: Millis,
  /** Deliveries waiting (a failing one holds those after it) and given up on. */
  pending: z.number().int(),
  failed: z.number().int(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** The endpoint's signing secret (admins; shown at creation and on demand). */
export const WebhookSecret = z.object({ endpointId: Id, secret: z.string() });
export type WebhookSecret = z.infer<typeof WebhookSecret>;

export const WebhookCreated = WebhookEndpoint.extend({ secret: z.string() });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);

export const WebhookDelivery = z.object({
  /** The X-Parla-Delivery header: the same on every attempt. */
  id: Id,
  endpointId: Id,
  event: WebhookEventType,
  eventId: Id,
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  /** pending: not before this. */
  nextAttemptAt: Millis,
  /** The last attempt's HTTP status (null: no response: refused, timed out, blocked address). */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: Millis,
  updatedAt: Millis,
  deliveredAt: Millis.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryDetail = WebhookDelivery.extend({ payload: z.string() });
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;

/** The conversation as every webhook event carries it (its state after the change). */
export const WebhookConversation = ConversationSummary.pick({
  id: true,
  siteId: true,
  visitorId: true,
  channel: true,
  state: true,
  agentId: true,
  departmentId: true,
  priority: true,
  createdAt: true,
  queuedAt: true,
  assignedAt: true,
  firstAgentReplyAt: true,
  resolvedAt: true,
});
export type WebhookConversation = z.infer<typeof WebhookConversation>;

/** authorId: visitor id, agent id or API key id; null for bot and system. */
export const WebhookMessage = MessageItem.pick({ id: true, seq: true, authorType: true, authorId: true, authorName: true, body: true, createdAt: true });
export type WebhookMessage = z.infer<typeof WebhookMessage>;

/** The JSON body POSTed to an endpoint (signed: see X-Parla-Signature). */
export const WebhookPayload = z.object({
  /** The event id (one event may go to several endpoints, each with its own delivery id). */
  id: Id,
  type: WebhookEventType,
  createdAt: Millis,
  siteId: SiteId,
  data: z.object({
    conversation: WebhookConversation,
    /** message.created */
    message: WebhookMessage.optional(),
    /** conversation.assigned: who holds it now (an agent); transferred: true when moved by a colleague. */
    agent: z.object({ id: Id, name: z.string().nullable() }).optional(),
    /**
     * conversation.queued: why (a new conversation, the bot handed over, reopened by the visitor,
     * transferred, the agent left); conversation.resolved by the server: inactivity (the shopper
     * went quiet after an answer) or abandoned (left unanswered).
     */
    reason: z.enum(['new', 'handover', 'reopened', 'transferred', 'requeued', 'inactivity', 'abandoned']).optional(),
    transferred: z.boolean().optional(),
    /** csat.submitted */
    csat: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().nullable(), changed: z.boolean() }).optional(),
  }),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

// ---------------------------------------------------------------------------------------------
// API keys (managed in the console by admins)
// ---------------------------------------------------------------------------------------------

export const ApiKeyInput = z.object({ name: z.string().trim().min(1).max(80) });

export const ApiKey = z.object({
  id: Id,
  siteId: SiteId,
  name: z.string(),
  /** The first characters of the key, to recognise it (the rest is never stored). */
  prefix: z.string(),
  createdAt: Millis,
  lastUsedAt: Millis.nullable(),
  revokedAt: Millis.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The whole key, returned once, at creation. */
export const ApiKeyCreated = ApiKey.extend({ key: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

// ---------------------------------------------------------------------------------------------
// REST API v1 (Authorization: Bearer pk_...; every resource is the key's site's)
// ---------------------------------------------------------------------------------------------

/** Epoch milliseconds or an ISO 8601 date/time, in a query string. */
export const ApiTime = z
  .string()
  .max(40)
  .regex(/^(\d{1,15}|\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/, 'expected epoch milliseconds or an ISO 8601 date')
  .transform((s) => (/^\d+$/.test(s) ? Number(s) : Date.parse(s)))
  .refine((n) => Number.isFinite(n), 'expected epoch milliseconds or an ISO 8601 date');

export const ApiConversationsQuery = z.object({
  state: ConversationState.optional(),
  /** Only conversations carrying this tag (its name, any case, or its id). */
  tag: z.string().trim().min(1).max(64).optional(),
  /** Conversations created at or after this instant. */
  since: ApiTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** nextCursor of the previous page. */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor from this API')
    .optional(),
});
export type ApiConversationsQuery = z.infer<typeof ApiConversationsQuery>;

/** Oldest first; follow nextCursor until it is null. */
export const ApiConversationPage = z.object({ items: z.array(ConversationSummary), nextCursor: z.string().nullable() });
export type ApiConversationPage = z.infer<typeof ApiConversationPage>;

export const ApiConversation = z.object({ conversation: ConversationSummary, messages: z.array(MessageItem) });
export type ApiConversation = z.infer<typeof ApiConversation>;

export const ApiReplyRequest = z.object({
  body: MessageBody,
  /** Idempotency key: a retry with the same clientId (per API key) is the same message. */
  clientId: ClientId.optional(),
});
export type ApiReplyRequest = z.infer<typeof ApiReplyRequest>;

export const ApiReplyResult = z.object({ conversationId: Id, message: MessageItem, duplicate: z.boolean() });
export type ApiReplyResult = z.infer<typeof ApiReplyResult>;

export const ApiIdParams = z.object({ id: Id });
export const ApiFaqCount = z.object({ count: z.number().int() });
