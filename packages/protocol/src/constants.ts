/**
 * The one definition of every enum of the protocol and the database, and the WebSocket close
 * codes: `as const` arrays and their types. This file imports nothing (no zod), so the widget,
 * the console and packages/client can import `@parla/protocol/constants` without shipping zod;
 * the zod schemas (index.ts) and the drizzle schema (packages/db) are built from these arrays.
 * Changing a value here changes the wire: bump PROTOCOL_VERSION (test/version-hash.test.ts).
 */

export const LANGS = ['en', 'it'] as const;
export type LangName = (typeof LANGS)[number];

export const CONVERSATION_STATES = ['bot', 'queued', 'assigned', 'resolved'] as const;
export type ConversationStateName = (typeof CONVERSATION_STATES)[number];

export const AUTHOR_TYPES = ['visitor', 'agent', 'bot', 'system'] as const;
export type AuthorTypeName = (typeof AUTHOR_TYPES)[number];

export const CHANNELS = ['web', 'callback'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const PRESENCES = ['online', 'away', 'offline'] as const;
export type PresenceName = (typeof PRESENCES)[number];
/** What an agent can set by hand (offline is what the server sets when the last socket closes). */
export const SETTABLE_PRESENCES = ['online', 'away'] as const;
export type SettablePresenceName = (typeof SETTABLE_PRESENCES)[number];

export const EVENT_KINDS = ['created', 'queued', 'assigned', 'resolved', 'reopened', 'transferred', 'sla_breached', 'bot_unhelpful', 'note'] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];

/** Why the sweep resolved a conversation: the shopper went quiet after an agent's answer, or left without one. */
export const AUTO_RESOLVE_REASONS = ['inactivity', 'abandoned'] as const;
export type AutoResolveReasonName = (typeof AUTO_RESOLVE_REASONS)[number];

export const ROLES = ['agent', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

export const AGENT_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type AgentStatusName = (typeof AGENT_STATUSES)[number];

export const BOT_MODES = ['off', 'first', 'fallback'] as const;
export type BotModeName = (typeof BOT_MODES)[number];

export const ROUTING_MODES = ['auto', 'manual'] as const;
export type RoutingModeName = (typeof ROUTING_MODES)[number];

export const FIELD_MODES = ['off', 'optional', 'required'] as const;
export type FieldModeName = (typeof FIELD_MODES)[number];

export const ATTACHMENT_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentMimeName = (typeof ATTACHMENT_MIMES)[number];

/** Who uploaded an attachment / who is typing. */
export const PARTICIPANT_TYPES = ['visitor', 'agent'] as const;
export type ParticipantTypeName = (typeof PARTICIPANT_TYPES)[number];

/** The events a webhook endpoint can subscribe to, in the order the console lists them. */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.queued',
  'conversation.assigned',
  'conversation.resolved',
  'message.created',
  'csat.submitted',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatusName = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// WebSocket close codes
// ---------------------------------------------------------------------------------------------

/**
 * WebSocket close codes of the server (besides 1001 going away, 1007 not UTF-8, 1009 too big):
 * 4000 unsupported protocol, 4001 the visitor was merged into another, 4401 the agent's session
 * ended, 4404 the site or the visitor was deleted, and these four. After CLOSE_OVER_BUDGET and
 * CLOSE_RATE_LIMITED a client waits before it reconnects (the error frame sent just before the
 * close says how long: retryAfterMs); after CLOSE_TOO_SLOW it reconnects as after any drop and
 * resumes from the last seq it saw.
 */
/** The connection sent more frames or bytes than its budget allows (WS_FRAMES_*, WS_BYTES_*). */
export const CLOSE_OVER_BUDGET = 4008;
/** Too many new visitors from this address (RATE_VISITORS_IP). */
export const CLOSE_RATE_LIMITED = 4029;
/** No hello arrived in time after the upgrade (WS_HELLO_TIMEOUT_MS). */
export const CLOSE_HELLO_TIMEOUT = 4408;
/**
 * The client read too slowly: what waited to be sent to it passed the send-buffer bound
 * (WS_SEND_BUFFER_VISITOR, WS_SEND_BUFFER_AGENT), so the server dropped it and closed. Nothing is
 * lost: the client reconnects at once and asks for what it missed from its last seq.
 */
export const CLOSE_TOO_SLOW = 4013;
