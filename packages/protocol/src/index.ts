/**
 * The wire contract between the widget, the console and the server.
 *
 * One JSON object per WebSocket frame, discriminated by `type`; one union per direction and per
 * actor. The server parses every inbound frame with these schemas; clients import the types only
 * (so the widget does not ship zod).
 *
 * PROTOCOL_VERSION changelog (one line per bump):
 *   1 - first version: hello/welcome, message.send/ack, item stream with per-conversation seq,
 *       sync after a seq, typing, page views, presence, take, resolve.
 *   2 - departments: visitor message.send may name a departmentId (used when it starts a
 *       conversation); inbox summaries carry departmentId and priority. Servers accept 1 and 2.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 2;
/** The oldest version this server still speaks (changes since were additive). */
export const MIN_PROTOCOL_VERSION = 1;

/** Frames larger than this are refused (the socket is closed with 1009). */
export const MAX_FRAME_BYTES = 16 * 1024;
/** Longest message body, in characters. */
export const MAX_MESSAGE_CHARS = 4000;
/** How many stream items one sync.result carries at most; the client asks again when hasMore. */
export const SYNC_PAGE_SIZE = 200;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** A client-chosen id for a sent message (nanoid); the server dedupes resends by it. */
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId must be 8-64 characters of A-Z a-z 0-9 _ -');
/** A server-issued id (nanoid). */
export const Id = z.string().min(1).max(64);
export const SiteId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'site id must be lower-case letters, digits, _ or -');
export const Seq = z.number().int().min(0);
/** Epoch milliseconds. */
export const Millis = z.number().int().min(0);

export const MessageBody = z
  .string()
  .max(MAX_MESSAGE_CHARS, `message is longer than ${MAX_MESSAGE_CHARS} characters`)
  .refine((s) => s.trim().length > 0, 'message is empty');

export const Lang = z.enum(['en', 'it']);
export type Lang = z.infer<typeof Lang>;

export const ConversationState = z.enum(['bot', 'queued', 'assigned', 'resolved']);
export type ConversationState = z.infer<typeof ConversationState>;

export const AuthorType = z.enum(['visitor', 'agent', 'bot', 'system']);
export type AuthorType = z.infer<typeof AuthorType>;

export const Channel = z.enum(['web']);
export type Channel = z.infer<typeof Channel>;

export const Presence = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

export const PageInfo = z.object({
  url: z.string().max(2048),
  title: z.string().max(512).default(''),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** A chat message in a conversation's stream. */
export const MessageItem = z.object({
  kind: z.literal('message'),
  seq: Seq,
  id: Id,
  clientId: ClientId.nullable(),
  authorType: AuthorType,
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: Millis,
});
export type MessageItem = z.infer<typeof MessageItem>;

export const EventKind = z.enum(['created', 'queued', 'assigned', 'resolved', 'reopened']);
export type EventKind = z.infer<typeof EventKind>;

/** A state change in a conversation's stream (shown as a system line). */
export const EventItem = z.object({
  kind: z.literal('event'),
  seq: Seq,
  event: EventKind,
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  createdAt: Millis,
});
export type EventItem = z.infer<typeof EventItem>;

export const StreamItem = z.discriminatedUnion('kind', [MessageItem, EventItem]);
export type StreamItem = z.infer<typeof StreamItem>;

/** What a visitor may know of their conversation. */
export const VisitorConversation = z.object({
  id: Id,
  state: ConversationState,
  agentName: z.string().nullable(),
  lastSeq: Seq,
  createdAt: Millis,
  /** 1-based position in the queue while state is queued, else null. */
  queuePosition: z.number().int().min(1).nullable(),
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

/** A conversation as the console's inbox lists it. */
export const ConversationSummary = z.object({
  id: Id,
  siteId: SiteId,
  channel: Channel,
  visitorId: Id,
  visitorName: z.string().nullable(),
  state: ConversationState,
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  departmentId: Id.nullable(),
  /** Higher is served first. */
  priority: z.number().int(),
  lastSeq: Seq,
  lastMessage: z.string().nullable(),
  lastMessageAt: Millis.nullable(),
  createdAt: Millis,
  queuedAt: Millis.nullable(),
  assignedAt: Millis.nullable(),
  firstAgentReplyAt: Millis.nullable(),
  resolvedAt: Millis.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const AgentView = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(['agent', 'admin']),
  presence: Presence,
  maxChats: z.number().int().min(1),
});
export type AgentView = z.infer<typeof AgentView>;

export const ErrorCode = z.enum([
  'bad_frame',
  'frame_too_large',
  'unsupported_protocol',
  'not_ready',
  'not_found',
  'forbidden',
  'conflict',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

// ---------------------------------------------------------------------------------------------
// Frames: visitor -> server
// ---------------------------------------------------------------------------------------------

const Ping = z.object({ type: z.literal('ping') });
const Sync = z.object({ type: z.literal('sync'), conversationId: Id, afterSeq: Seq });

export const VisitorHello = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** The token the server issued on a previous visit, if the widget has one. */
  visitorToken: z.string().min(16).max(128).optional(),
  page: PageInfo.optional(),
  lang: Lang.optional(),
});

export const VisitorToServer = z.discriminatedUnion('type', [
  VisitorHello,
  z.object({
    type: z.literal('message.send'),
    clientId: ClientId,
    body: MessageBody,
    /** The department the visitor chose (pre-chat form) or the host page set; used when this message starts a conversation. */
    departmentId: Id.optional(),
  }),
  z.object({ type: z.literal('typing'), isTyping: z.boolean() }),
  z.object({ type: z.literal('page.view'), page: PageInfo }),
  Sync,
  Ping,
]);
export type VisitorToServer = z.infer<typeof VisitorToServer>;

// ---------------------------------------------------------------------------------------------
// Frames: agent -> server
// ---------------------------------------------------------------------------------------------

export const AgentToServer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), protocol: z.number().int() }),
  z.object({ type: z.literal('message.send'), clientId: ClientId, conversationId: Id, body: MessageBody }),
  z.object({ type: z.literal('typing'), conversationId: Id, isTyping: z.boolean() }),
  z.object({ type: z.literal('presence.set'), presence: z.enum(['online', 'away']) }),
  z.object({ type: z.literal('conversation.take'), conversationId: Id }),
  z.object({ type: z.literal('conversation.resolve'), conversationId: Id }),
  Sync,
  Ping,
]);
export type AgentToServer = z.infer<typeof AgentToServer>;

// ---------------------------------------------------------------------------------------------
// Frames: server -> clients
// ---------------------------------------------------------------------------------------------

const Ack = z.object({
  type: z.literal('ack'),
  clientId: ClientId,
  conversationId: Id,
  messageId: Id,
  seq: Seq,
  createdAt: Millis,
});
const Item = z.object({ type: z.literal('item'), conversationId: Id, item: StreamItem });
const SyncResult = z.object({
  type: z.literal('sync.result'),
  conversationId: Id,
  items: z.array(StreamItem),
  /** The conversation's last seq when the page was read. */
  lastSeq: Seq,
  hasMore: z.boolean(),
});
const Typing = z.object({
  type: z.literal('typing'),
  conversationId: Id,
  from: z.enum(['visitor', 'agent']),
  name: z.string().nullable(),
  isTyping: z.boolean(),
});
const ErrorFrame = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
  /** The clientId of the send that failed, when there was one. */
  clientId: ClientId.optional(),
});
const Pong = z.object({ type: z.literal('pong') });

export const ServerToVisitor = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocol: z.number().int(),
    visitorId: Id,
    /** Only present when the server issued a new token: the widget must store it. */
    visitorToken: z.string().optional(),
    returning: z.boolean(),
    visitCount: z.number().int().min(1),
    conversation: VisitorConversation.nullable(),
    agentsOnline: z.number().int().min(0),
  }),
  z.object({ type: z.literal('conversation'), conversation: VisitorConversation }),
  Ack,
  Item,
  SyncResult,
  Typing,
  ErrorFrame,
  Pong,
]);
export type ServerToVisitor = z.infer<typeof ServerToVisitor>;

export const ServerToAgent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocol: z.number().int(),
    agent: AgentView,
    inbox: z.array(ConversationSummary),
  }),
  z.object({ type: z.literal('inbox.upsert'), conversation: ConversationSummary }),
  z.object({ type: z.literal('presence'), agentId: Id, presence: Presence }),
  /** A visitor moved to another page while chatting. */
  z.object({ type: z.literal('visitor.page'), visitorId: Id, page: PageInfo, at: Millis }),
  Ack,
  Item,
  SyncResult,
  Typing,
  ErrorFrame,
  Pong,
]);
export type ServerToAgent = z.infer<typeof ServerToAgent>;

export type ServerFrame = ServerToVisitor | ServerToAgent;
export type ErrorFrame = z.infer<typeof ErrorFrame>;

// ---------------------------------------------------------------------------------------------
// HTTP bodies
// ---------------------------------------------------------------------------------------------

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** `from`/`to` accept epoch milliseconds or an ISO 8601 date/time. */
const TimeParam = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const n = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected epoch milliseconds or an ISO 8601 date' });
      return z.NEVER;
    }
    return n;
  });

export const MetricsSummaryQuery = z
  .object({ from: TimeParam.optional(), to: TimeParam.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'from must not be after to');
export type MetricsSummaryQuery = z.infer<typeof MetricsSummaryQuery>;

export const DurationStats = z.object({
  count: z.number().int(),
  /** milliseconds; null when count is 0 */
  avgMs: z.number().nullable(),
  medianMs: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStats>;

export const MetricsSummary = z.object({
  from: Millis.nullable(),
  to: Millis.nullable(),
  conversations: z.number().int(),
  resolved: z.number().int(),
  firstResponse: DurationStats,
  resolution: DurationStats,
  perConversation: z.array(
    z.object({
      id: Id,
      createdAt: Millis,
      firstResponseMs: z.number().nullable(),
      resolutionMs: z.number().nullable(),
    }),
  ),
});
export type MetricsSummary = z.infer<typeof MetricsSummary>;

export const VisitorDetail = z.object({
  id: Id,
  name: z.string().nullable(),
  email: z.string().nullable(),
  returning: z.boolean(),
  visitCount: z.number().int(),
  firstSeenAt: Millis,
  lastSeenAt: Millis,
  currentPage: PageInfo.nullable(),
  /** Pages of the current (latest) visit, oldest first. */
  pages: z.array(z.object({ url: z.string(), title: z.string(), at: Millis })),
  conversations: z.array(
    z.object({ id: Id, state: ConversationState, createdAt: Millis, resolvedAt: Millis.nullable(), lastMessage: z.string().nullable() }),
  ),
});
export type VisitorDetail = z.infer<typeof VisitorDetail>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  visitor: VisitorDetail,
  firstResponseMs: z.number().nullable(),
  resolutionMs: z.number().nullable(),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

/** The body of every 4xx/5xx the HTTP API returns. */
export const HttpError = z.object({ error: z.string(), message: z.string() });
export type HttpError = z.infer<typeof HttpError>;
