/**
 * The database schema. Times are epoch milliseconds (INTEGER). Changing this file means running
 * `pnpm --filter @parla/db generate` and committing the new migration.
 */
import {
  AUTHOR_TYPES,
  AUTO_RESOLVE_REASONS,
  CONVERSATION_STATES,
  EVENT_KINDS,
  LANGS,
  PARTICIPANT_TYPES,
  PRESENCES,
  ROLES,
  ROUTING_MODES,
  WEBHOOK_DELIVERY_STATUSES,
} from '@parla/protocol/constants';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of exact origins allowed to open the widget's WebSocket. */
  allowedOrigins: text('allowed_origins').notNull().default('[]'),
  /** HMAC secret for identity verification (host page `identify`). */
  secret: text('secret').notNull(),
  /** auto: the server assigns; manual: agents take conversations from the queue themselves. */
  routingMode: text('routing_mode', { enum: ROUTING_MODES }).notNull().default('auto'),
  /** JSON SiteSettings (pre-chat, business hours, SLA, ...) except routingMode, which has its column. */
  settings: text('settings').notNull().default('{}'),
  createdAt: integer('created_at').notNull(),
});

/** Clusters of problems (orders, technical, returns...) with their agents. */
export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The name for Italian visitors (the widget's department list); null: `name`. */
    nameIt: text('name_it'),
    /** Added to the priority of every conversation of this department. */
    urgency: integer('urgency').notNull().default(0),
    /** JSON BusinessHours; null: the site's. */
    businessHours: text('business_hours'),
    /** null: the site's target. */
    slaFirstResponseSec: integer('sla_first_response_sec'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('departments_site').on(t.siteId)],
);

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** scrypt$N$r$p$salt$hash */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('agent'),
  presence: text('presence', { enum: PRESENCES }).notNull().default('offline'),
  maxChats: integer('max_chats').notNull().default(5),
  /** When the agent was last assigned a conversation (or came online): ties go to the longest idle. */
  lastAssignedAt: integer('last_assigned_at').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  /** When the agent chose their password; null: invited, the invitation not yet accepted (cannot log in). */
  passwordSetAt: integer('password_set_at'),
  /** Deactivated by an admin: cannot log in, gets no conversations; history kept. null: active. */
  deactivatedAt: integer('deactivated_at'),
  /** Two-factor (TOTP, RFC 6238) secret in base32: being set up while totp_enabled_at is null. */
  totpSecret: text('totp_secret'),
  /** When two-factor was turned on; null: off (the password alone signs in). */
  totpEnabledAt: integer('totp_enabled_at'),
  /** The last time step a code was accepted for (a code is good once). */
  totpLastStep: integer('totp_last_step'),
});

/** One-time recovery codes of an agent's two-factor sign-in (SHA-256 only). */
export const agentRecoveryCodes = sqliteTable(
  'agent_recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('agent_recovery_codes_agent').on(t.agentId)],
);

/**
 * One-time secrets of the accounts: the first-run setup code, invitations and password resets.
 * Only the SHA-256 is stored; a row is good once (used_at), until expires_at.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind', { enum: ['setup', 'invite', 'reset'] }).notNull(),
    /** The account it opens (invite, reset); null for the setup code. */
    agentId: text('agent_id').references(() => agents.id, { onDelete: 'cascade' }),
    /** The admin who issued it (null: the server itself, the command line). */
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('account_tokens_agent').on(t.agentId)],
);

export const agentDepartments = sqliteTable(
  'agent_departments',
  {
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.departmentId] }), index('agent_departments_department').on(t.departmentId)],
);

/**
 * The sites an agent works on (issue #18): routing gives them only those sites' conversations and
 * their console receives only those sites' rows. An agent with no row here works on every site
 * (what every agent did before; a one-shop install never needs a row).
 */
export const agentSites = sqliteTable(
  'agent_sites',
  {
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.siteId] }), index('agent_sites_site').on(t.siteId)],
);

export const agentSessions = sqliteTable(
  'agent_sessions',
  {
    /** sha256 of the session token; the token itself is only in the agent's cookie. */
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('agent_sessions_agent').on(t.agentId)],
);

export const visitors = sqliteTable(
  'visitors',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    /** sha256 of the visitor token kept in the host page's localStorage. */
    tokenHash: text('token_hash').notNull().unique(),
    name: text('name'),
    email: text('email'),
    /** JSON of what the host page told us (tier, cartValue, plan, orderId...). */
    attributes: text('attributes').notNull().default('{}'),
    /** The site's own user id, set only by a verified identify (HMAC of it with the site secret): one visitor per user. */
    userId: text('user_id'),
    visitCount: integer('visit_count').notNull().default(1),
    /** The widget's language at the visitor's last hello (emails to them are written in it). */
    lang: text('lang', { enum: LANGS }),
    /** An address shown to be the visitor's (its confirmation link was used, or a verified identify gave it): transcripts go there without asking again. */
    confirmedEmail: text('confirmed_email'),
    firstSeenAt: integer('first_seen_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('visitors_site').on(t.siteId), uniqueIndex('visitors_site_user').on(t.siteId, t.userId)],
);

/** Further devices of a visitor: a verified identify on a second device binds that device's token to the same visitor. */
export const visitorTokens = sqliteTable(
  'visitor_tokens',
  {
    /** sha256 of the device's visitor token. */
    tokenHash: text('token_hash').primaryKey(),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => visitors.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('visitor_tokens_visitor').on(t.visitorId)],
);

export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => visitors.id, { onDelete: 'cascade' }),
    startedAt: integer('started_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('visits_visitor').on(t.visitorId, t.startedAt)],
);

export const pageViews = sqliteTable(
  'page_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    title: text('title').notNull().default(''),
    at: integer('at').notNull(),
  },
  (t) => [index('page_views_visit').on(t.visitId, t.at)],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => visitors.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().default('web'),
    state: text('state', { enum: CONVERSATION_STATES }).notNull(),
    agentId: text('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    /** Null: any agent of the site may take it. */
    departmentId: text('department_id').references(() => departments.id, { onDelete: 'set null' }),
    priority: integer('priority').notNull().default(0),
    /** The last seq handed out: messages and events share one gap-free counter per conversation. */
    lastSeq: integer('last_seq').notNull().default(0),
    lastMessage: text('last_message'),
    lastMessageAt: integer('last_message_at'),
    createdAt: integer('created_at').notNull(),
    queuedAt: integer('queued_at'),
    assignedAt: integer('assigned_at'),
    firstAgentReplyAt: integer('first_agent_reply_at'),
    resolvedAt: integer('resolved_at'),
    /** When the first-response target passed without an agent reply. */
    slaBreachedAt: integer('sla_breached_at'),
    /** 1 for the demo's seeded history (reports mark it as demo data). */
    demo: integer('demo').notNull().default(0),
    /** 1 when it began as the visitor's answer to a proactive message (the site spoke first). */
    proactive: integer('proactive').notNull().default(0),
    /** Resolved by the sweep, not by a person: why (the shopper went quiet after an answer, or left unanswered); cleared on reopen. */
    autoResolved: text('auto_resolved', { enum: AUTO_RESOLVE_REASONS }),
    /** Snoozed by its agent at this time (null: not snoozed): out of the agent's active list and capacity. */
    snoozedAt: integer('snoozed_at'),
    /** When the snooze ends (null while snoozed: at the shopper's next message). */
    snoozedUntil: integer('snoozed_until'),
    /** When the last snooze ended (the console marks the row "back from snooze" until the agent writes). */
    wokeAt: integer('woke_at'),
  },
  (t) => [
    index('conversations_visitor').on(t.visitorId, t.createdAt),
    index('conversations_state').on(t.state, t.priority, t.queuedAt),
    index('conversations_agent').on(t.agentId, t.state),
    index('conversations_created').on(t.createdAt),
    index('conversations_snoozed').on(t.snoozedUntil),
    // The inbox search's order (newest activity first): a page is read off this index.
    index('conversations_activity').on(sql`coalesce(${t.lastMessageAt}, ${t.createdAt})`),
  ],
);

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** Who sent it: visitor id, agent id; null for bot and system. */
    authorType: text('author_type', { enum: AUTHOR_TYPES }).notNull(),
    authorId: text('author_id'),
    authorName: text('author_name'),
    /** The sender's idempotency key: a resend with the same (author, clientId) is the same message. */
    clientId: text('client_id'),
    body: text('body').notNull(),
    /** JSON for bot answers: { faqId, quickReplies }. */
    meta: text('meta'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq').on(t.conversationId, t.seq),
    uniqueIndex('messages_author_client').on(t.authorId, t.clientId),
  ],
);

/** Append-only log of state changes; shares the per-conversation seq with messages. */
export const conversationEvents = sqliteTable(
  'conversation_events',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** note: an agent's internal note (its text in `note`); agents only, the visitor never sees the text. */
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    actorType: text('actor_type', { enum: AUTHOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    agentId: text('agent_id'),
    agentName: text('agent_name'),
    departmentId: text('department_id'),
    /** Internal note (transfers, notes): agents only. */
    note: text('note'),
    /** resolved by the sweep: why (inactivity, abandoned). */
    reason: text('reason', { enum: AUTO_RESOLVE_REASONS }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.seq] }), check('event_seq_positive', sql`${t.seq} > 0`)],
);

/** A visitor's request to be called back (the conversation it belongs to is worked like any other). */
export const callbacks = sqliteTable('callbacks', {
  conversationId: text('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  phone: text('phone').notNull(),
  preferredTime: text('preferred_time').notNull().default(''),
  note: text('note'),
  createdAt: integer('created_at').notNull(),
});

/** The FAQ knowledge base the bot answers from. */
export const faqs = sqliteTable(
  'faqs',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    lang: text('lang', { enum: LANGS }).notNull(),
    question: text('question').notNull(),
    /** JSON array of strings. */
    alternatives: text('alternatives').notNull().default('[]'),
    answer: text('answer').notNull(),
    /** JSON array of strings. */
    quickReplies: text('quick_replies').notNull().default('[]'),
    departmentId: text('department_id'),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.id] })],
);

/**
 * A site's optional model provider (an OpenAI-compatible endpoint) for the FAQ bot; off by default
 * (no row: off). The API key is write-only: never returned by the API nor logged.
 */
export const botProviders = sqliteTable('bot_providers', {
  siteId: text('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  enabled: integer('enabled').notNull().default(0),
  /** e.g. http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1; http or https only. */
  baseUrl: text('base_url').notNull(),
  chatModel: text('chat_model').notNull().default(''),
  /** '': no embeddings. */
  embeddingModel: text('embedding_model').notNull().default(''),
  /** 1: embeddings as a second retrieval signal. */
  useEmbeddings: integer('use_embeddings').notNull().default(0),
  /** 1: the chat model phrases grounded answers from the best entries. */
  useAnswers: integer('use_answers').notNull().default(0),
  apiKey: text('api_key'),
  updatedAt: integer('updated_at').notNull(),
});

/** Questions the bot could not answer (abstained) or whose answer did not help: the learning loop. */
export const botMisses = sqliteTable(
  'bot_misses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    lang: text('lang', { enum: LANGS }).notNull(),
    question: text('question').notNull(),
    /** abstained: no answer; suggested: only "Did you mean…" entries; unhelpful: the shopper said the answer did not help. */
    reason: text('reason', { enum: ['abstained', 'suggested', 'unhelpful'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    /** The question folded (lower case, no accents or punctuation, single spaces): the group key. Null on rows older than the learning loop. */
    normalised: text('normalised'),
    /** The entry the bot came closest to at the time, and its score (null: none). */
    faqId: text('faq_id'),
    score: real('score'),
    /** Asked in the console's "Try the bot": never counted as a shopper's miss. */
    trial: integer('trial', { mode: 'boolean' }).notNull().default(false),
    /** When an admin learned from the group (added it as a phrasing) or dismissed it: it leaves the list. */
    handledAt: integer('handled_at'),
  },
  (t) => [index('bot_misses_site').on(t.siteId, t.createdAt), index('bot_misses_group').on(t.siteId, t.lang, t.normalised)],
);

/** Customer satisfaction: one rating per conversation (1-5, shown as faces), changeable for 24 hours. */
export const csatRatings = sqliteTable(
  'csat_ratings',
  {
    conversationId: text('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    /** The agent who held the conversation when it was rated (null: the bot or nobody). */
    agentId: text('agent_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('csat_rating_range', sql`${t.rating} BETWEEN 1 AND 5`)],
);

/** Canned responses: answers agents insert by shortcut (/shipping), per site and language. */
export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** Without the slash: letters, digits, - and _. */
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    /** Plain text with {{visitor.name}}, {{visitor.email}}, {{agent.name}} variables. */
    body: text('body').notNull(),
    lang: text('lang', { enum: LANGS }).notNull(),
    /** Null: for every department. */
    departmentId: text('department_id').references(() => departments.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('canned_site_shortcut_lang').on(t.siteId, t.shortcut, t.lang)],
);

/** A site's outgoing mail server (admins only; the password is never returned by the API nor logged). */
export const siteSmtp = sqliteTable('site_smtp', {
  siteId: text('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  /** 1: TLS from the start (port 465); 0: STARTTLS when the server offers it. */
  secure: integer('secure').notNull().default(0),
  user: text('user'),
  password: text('password'),
  fromAddress: text('from_address').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Durable email outbox: rows are written in the same transaction as what caused them (an agent's
 * reply, a transcript request, a conversation left waiting); a worker sends them and retries.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /**
     * reply: agent replies to a visitor who left; transcript: the visitor asked for it (to a confirmed
     * address); confirm: the link that confirms an address before a transcript goes to it (no visitor
     * text in it); waiting: to agents, nobody online.
     */
    kind: text('kind', { enum: ['reply', 'transcript', 'confirm', 'waiting'] }).notNull(),
    /** transcript: the address asked for; reply: null (the visitor's address at send time); waiting: null (the agents'). */
    toAddress: text('to_address'),
    lang: text('lang', { enum: LANGS }).notNull().default('en'),
    /** reply: the email carries the agent messages after this seq. */
    afterSeq: integer('after_seq').notNull().default(0),
    state: text('state', { enum: ['pending', 'sent', 'cancelled', 'failed'] }).notNull().default('pending'),
    /** When to send (a reply waits for the burst of agent messages to end); after a failure, the next try. */
    dueAt: integer('due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('email_outbox_due').on(t.state, t.dueAt), index('email_outbox_conversation').on(t.conversationId, t.kind, t.state)],
);

/** Links in emails back to a conversation: random single-purpose tokens, stored as SHA-256. */
export const conversationLinks = sqliteTable(
  'conversation_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('conversation_links_conversation').on(t.conversationId)],
);

/** Files (images, PDFs) sent in a conversation; the bytes are in DATA_DIR/attachments/<id>. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** Set when a message carries it (a visitor may upload before the conversation exists). */
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: text('message_id'),
    uploaderType: text('uploader_type', { enum: PARTICIPANT_TYPES }).notNull(),
    uploaderId: text('uploader_id').notNull(),
    /** Detected from the content (magic bytes), never from the name. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** The uploaded file's name, sanitized (shown, and offered when downloading). */
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_conversation').on(t.conversationId), index('attachments_uploader').on(t.uploaderId, t.createdAt)],
);

/** Webhook endpoints: per site, the URL events are POSTed to, signed with the endpoint's secret. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** HMAC-SHA256 key of the X-Parla-Signature header (shown to admins). */
    secret: text('secret').notNull(),
    /** JSON array of the event types it receives. */
    events: text('events').notNull(),
    enabled: integer('enabled').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_site').on(t.siteId)],
);

/**
 * Durable webhook outbox: one row per (event, endpoint), written in the same transaction as the
 * change that caused it; a worker delivers each endpoint's rows in `seq` order and retries.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** X-Parla-Delivery: the same on every attempt (receivers dedupe by it). */
    id: text('id').notNull().unique(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    siteId: text('site_id').notNull(),
    /** Erasing a visitor erases the deliveries about their conversations. */
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    eventId: text('event_id').notNull(),
    /** The JSON body, exactly as signed and sent. */
    payload: text('payload').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('webhook_deliveries_endpoint').on(t.endpointId, t.status, t.seq), index('webhook_deliveries_site').on(t.siteId, t.seq), index('webhook_deliveries_conversation').on(t.conversationId)],
);

/** REST API keys, per site: only the SHA-256 of the key is stored; `prefix` identifies it in the console. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_site').on(t.siteId)],
);

/**
 * Confirmation links of an address a visitor asked a transcript to be sent to: only the SHA-256 of
 * the token is stored; used once, until expires_at; using it confirms the address and sends the
 * transcript of `conversation_id`.
 */
export const emailConfirmations = sqliteTable(
  'email_confirmations',
  {
    tokenHash: text('token_hash').primaryKey(),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => visitors.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    lang: text('lang', { enum: LANGS }).notNull().default('en'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('email_confirmations_visitor').on(t.visitorId)],
);

/** A site's conversation tags (admins manage the list; agents tag conversations with them). */
export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('tags_site_name').on(t.siteId, t.name)],
);

/** Which tags a conversation carries. */
export const conversationTags = sqliteTable(
  'conversation_tags',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.tagId] }), index('conversation_tags_tag').on(t.tagId)],
);
