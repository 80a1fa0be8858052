/**
 * Every query the server runs, prepared once. The server never writes SQL itself, so moving to
 * another database means replacing this file (and the schema), not the services.
 *
 * Methods are synchronous; callers that write run them inside GroupCommit.run so that a batch of
 * writes commits together and nothing is acknowledged before it is on disk.
 */
import type Database from 'better-sqlite3';

import type { AuthorTypeName, AutoResolveReasonName, ConversationStateName, EventKindName, PresenceName } from '@parla/protocol/constants';

export type { AuthorTypeName, ConversationStateName, EventKindName, PresenceName } from '@parla/protocol/constants';
/** Why the sweep resolved a conversation: the shopper went quiet after an agent's answer, or left without one. */
export type AutoResolveReason = AutoResolveReasonName;

export interface CsatRow {
  rating: number;
  comment: string | null;
  agentId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SiteRow {
  id: string;
  name: string;
  allowedOrigins: string[];
  secret: string;
  routingMode: 'auto' | 'manual';
  /** JSON of the rest of the site settings. */
  settings: string;
  createdAt: number;
}

export interface DepartmentRow {
  id: string;
  siteId: string;
  name: string;
  /** The name for Italian visitors; null: name. */
  nameIt: string | null;
  urgency: number;
  /** JSON BusinessHours or null (the site's). */
  businessHours: string | null;
  slaFirstResponseSec: number | null;
  createdAt: number;
}

export interface AgentStatusRow {
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'admin';
  presence: PresenceName;
  maxChats: number;
  load: number;
  departmentIds: string[];
  /** The sites they work on; null: every site. */
  siteIds: string[] | null;
  /** invited: the invitation is not accepted yet; deactivated: by an admin. */
  status: 'active' | 'invited' | 'deactivated';
  /** Two-factor sign-in is on. */
  totp: boolean;
}

export interface AgentRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: 'agent' | 'admin';
  presence: PresenceName;
  maxChats: number;
  lastAssignedAt: number;
  createdAt: number;
  /** null: invited, the invitation not accepted yet. */
  passwordSetAt: number | null;
  /** null: active. */
  deactivatedAt: number | null;
  /** null: two-factor off. */
  totpEnabledAt: number | null;
}

export interface AgentLoadRow {
  id: string;
  name: string;
  presence: PresenceName;
  maxChats: number;
  lastAssignedAt: number;
  load: number;
  departmentIds: string[];
  /** The sites they work on; null: every site. */
  siteIds: string[] | null;
}

export interface VisitorRow {
  id: string;
  siteId: string;
  name: string | null;
  email: string | null;
  /** JSON of the host page's attributes. */
  attributes: string;
  /** The site's user id, from a verified identify. */
  userId: string | null;
  visitCount: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** A conversation as the queue index keeps it (Store.queueEntry). */
export interface QueueEntryRow {
  id: string;
  visitorId: string;
  siteId: string;
  departmentId: string | null;
  state: ConversationStateName;
  priority: number;
  queuedAt: number | null;
  /** The rowid: ties on priority and queuedAt are served in creation order. */
  serial: number;
}

export interface ConversationRow {
  id: string;
  siteId: string;
  visitorId: string;
  channel: string;
  state: ConversationStateName;
  agentId: string | null;
  departmentId: string | null;
  priority: number;
  lastSeq: number;
  lastMessage: string | null;
  lastMessageAt: number | null;
  createdAt: number;
  queuedAt: number | null;
  assignedAt: number | null;
  firstAgentReplyAt: number | null;
  resolvedAt: number | null;
  slaBreachedAt: number | null;
  /** 1: it began as the answer to a proactive message. */
  proactive: number;
  /** Resolved by the sweep (null: by a person or the bot, or open). */
  autoResolved: AutoResolveReason | null;
  /** Snoozed since (null: not snoozed). */
  snoozedAt: number | null;
  /** The snooze ends then (null while snoozed: at the shopper's next message). */
  snoozedUntil: number | null;
  /** The last snooze ended then (until the agent writes again). */
  wokeAt: number | null;
}

export interface ConversationSummaryRow extends ConversationRow {
  /** The row's rowid: insertion order, the queue order's last tie-break. */
  serial: number;
  visitorName: string | null;
  visitorEmail: string | null;
  agentName: string | null;
  departmentName: string | null;
  /** Comma-separated ids of the conversation's tags (null: none). */
  tagIds: string | null;
  callbackPhone: string | null;
  callbackPreferredTime: string | null;
  callbackNote: string | null;
  /** The visitor's rating, once given. */
  csatRating: number | null;
  csatComment: string | null;
  csatAt: number | null;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  authorType: AuthorTypeName;
  authorId: string | null;
  authorName: string | null;
  clientId: string | null;
  body: string;
  /** JSON { faqId, quickReplies, pick? } on bot answers, { suggestions } on a bot's "Did you mean…". */
  meta: string | null;
  createdAt: number;
}

export interface EventRow {
  conversationId: string;
  seq: number;
  kind: EventKindName;
  actorType: AuthorTypeName;
  actorId: string | null;
  agentId: string | null;
  agentName: string | null;
  departmentId: string | null;
  note: string | null;
  /** resolved by the sweep: why. */
  reason?: AutoResolveReason | null;
  createdAt: number;
}

export interface FaqRow {
  id: string;
  lang: 'en' | 'it';
  question: string;
  /** JSON arrays */
  alternatives: string;
  answer: string;
  quickReplies: string;
  departmentId: string | null;
  tags: string;
  updatedAt: number;
}

export interface PageViewRow {
  url: string;
  title: string;
  at: number;
}

const CONV_COLS = `c.id, c.site_id AS siteId, c.visitor_id AS visitorId, c.channel, c.state, c.agent_id AS agentId,
  c.department_id AS departmentId, c.priority, c.last_seq AS lastSeq, c.last_message AS lastMessage, c.last_message_at AS lastMessageAt,
  c.created_at AS createdAt, c.queued_at AS queuedAt, c.assigned_at AS assignedAt,
  c.first_agent_reply_at AS firstAgentReplyAt, c.resolved_at AS resolvedAt, c.sla_breached_at AS slaBreachedAt, c.proactive,
  c.auto_resolved AS autoResolved, c.snoozed_at AS snoozedAt, c.snoozed_until AS snoozedUntil, c.woke_at AS wokeAt`;
/** What the queue index keeps of a conversation (rowid: the serving order's last tie-breaker). */
const QUEUE_COLS = `c.id, c.visitor_id AS visitorId, c.site_id AS siteId, c.department_id AS departmentId, c.state, c.priority,
  c.queued_at AS queuedAt, c.rowid AS serial`;
export const SUMMARY_COLS = `${CONV_COLS}, c.rowid AS serial, d.name AS departmentName,
  (SELECT group_concat(ct.tag_id) FROM conversation_tags ct WHERE ct.conversation_id = c.id) AS tagIds, v.name AS visitorName, v.email AS visitorEmail, a.name AS agentName,
  cb.phone AS callbackPhone, cb.preferred_time AS callbackPreferredTime, cb.note AS callbackNote,
  r.rating AS csatRating, r.comment AS csatComment, r.updated_at AS csatAt`;
export const SUMMARY_FROM = `conversations c JOIN visitors v ON v.id = c.visitor_id LEFT JOIN agents a ON a.id = c.agent_id
  LEFT JOIN departments d ON d.id = c.department_id
  LEFT JOIN callbacks cb ON cb.conversation_id = c.id LEFT JOIN csat_ratings r ON r.conversation_id = c.id`;
const SITE_COLS = `id, name, allowed_origins AS allowedOrigins, secret, routing_mode AS routingMode, settings, created_at AS createdAt`;
const DEPT_COLS = `id, site_id AS siteId, name, name_it AS nameIt, urgency, business_hours AS businessHours, sla_first_response_sec AS slaFirstResponseSec, created_at AS createdAt`;
const MSG_COLS = `id, conversation_id AS conversationId, seq, author_type AS authorType, author_id AS authorId,
  author_name AS authorName, client_id AS clientId, body, meta, created_at AS createdAt`;
const EVENT_COLS = `conversation_id AS conversationId, seq, kind, actor_type AS actorType, actor_id AS actorId,
  agent_id AS agentId, agent_name AS agentName, department_id AS departmentId, note, reason, created_at AS createdAt`;
const AGENT_COLS = `id, email, name, password_hash AS passwordHash, role, presence, max_chats AS maxChats,
  last_assigned_at AS lastAssignedAt, created_at AS createdAt, password_set_at AS passwordSetAt, deactivated_at AS deactivatedAt,
  totp_enabled_at AS totpEnabledAt`;
const VISITOR_COLS = `id, site_id AS siteId, name, email, attributes, user_id AS userId, visit_count AS visitCount, first_seen_at AS firstSeenAt,
  last_seen_at AS lastSeenAt`;

export class Store {
  private readonly s;

  constructor(readonly sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      siteGet: p(`SELECT ${SITE_COLS} FROM sites WHERE id = ?`),
      siteList: p(`SELECT ${SITE_COLS} FROM sites ORDER BY id`),
      siteUpsert: p(`INSERT INTO sites (id, name, allowed_origins, secret, routing_mode, settings, created_at) VALUES (@id, @name, @allowedOrigins, @secret, @routingMode, @settings, @createdAt)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins, routing_mode = excluded.routing_mode, settings = excluded.settings`),
      siteSetSettings: p(`UPDATE sites SET routing_mode = ?, settings = ? WHERE id = ?`),
      siteSetRouting: p(`UPDATE sites SET routing_mode = ? WHERE id = ?`),
      siteSetSecret: p(`UPDATE sites SET secret = ? WHERE id = ?`),

      deptInsert: p(`INSERT INTO departments (id, site_id, name, name_it, urgency, business_hours, sla_first_response_sec, created_at)
        VALUES (@id, @siteId, @name, @nameIt, @urgency, @businessHours, @slaFirstResponseSec, @createdAt)`),
      deptUpdate: p(`UPDATE departments SET name = @name, name_it = @nameIt, urgency = @urgency, business_hours = @businessHours, sla_first_response_sec = @slaFirstResponseSec WHERE id = @id`),
      deptDelete: p(`DELETE FROM departments WHERE id = ?`),
      deptGet: p(`SELECT ${DEPT_COLS} FROM departments WHERE id = ?`),
      deptOfSite: p(`SELECT ${DEPT_COLS} FROM departments WHERE site_id = ? ORDER BY name`),
      deptAgents: p(`SELECT agent_id AS id FROM agent_departments WHERE department_id = ? ORDER BY agent_id`),
      deptClearAgents: p(`DELETE FROM agent_departments WHERE department_id = ?`),
      agentDeptClear: p(`DELETE FROM agent_departments WHERE agent_id = ?`),
      agentDeptAdd: p(`INSERT OR IGNORE INTO agent_departments (agent_id, department_id) VALUES (?, ?)`),
      agentSitesClear: p(`DELETE FROM agent_sites WHERE agent_id = ?`),
      agentSiteAdd: p(`INSERT OR IGNORE INTO agent_sites (agent_id, site_id) VALUES (?, ?)`),
      agentSites: p(`SELECT site_id AS id FROM agent_sites WHERE agent_id = ? ORDER BY site_id`),
      siteSetOrigins: p(`UPDATE sites SET allowed_origins = ? WHERE id = ?`),

      agentByEmail: p(`SELECT ${AGENT_COLS} FROM agents WHERE email = ?`),
      agentById: p(`SELECT ${AGENT_COLS} FROM agents WHERE id = ?`),
      agentInsert: p(`INSERT INTO agents (id, email, name, password_hash, role, presence, max_chats, last_assigned_at, created_at, password_set_at)
        VALUES (@id, @email, @name, @passwordHash, @role, 'offline', @maxChats, 0, @createdAt, @passwordSetAt)`),
      agentCount: p(`SELECT count(*) AS n FROM agents`),
      agentSetPresence: p(`UPDATE agents SET presence = ? WHERE id = ?`),
      agentTouchAssigned: p(`UPDATE agents SET last_assigned_at = ? WHERE id = ?`),
      agentsWithLoad: p(`SELECT a.id, a.name, a.presence, a.max_chats AS maxChats, a.last_assigned_at AS lastAssignedAt,
          (SELECT count(*) FROM conversations c WHERE c.agent_id = a.id AND c.state = 'assigned' AND c.snoozed_at IS NULL) AS load,
          (SELECT group_concat(d.department_id) FROM agent_departments d WHERE d.agent_id = a.id) AS departmentIds,
          (SELECT group_concat(x.site_id) FROM agent_sites x WHERE x.agent_id = a.id) AS siteIds
        FROM agents a WHERE a.presence = 'online'`),
      agentsOnlineDepartments: p(`SELECT a.id, (SELECT group_concat(d.department_id) FROM agent_departments d WHERE d.agent_id = a.id) AS departmentIds,
          (SELECT group_concat(x.site_id) FROM agent_sites x WHERE x.agent_id = a.id) AS siteIds
        FROM agents a WHERE a.presence = 'online'`),
      agentSetMaxChats: p(`UPDATE agents SET max_chats = ? WHERE id = ?`),
      agentsAll: p(`SELECT a.id, a.name, a.email, a.role, a.presence, a.max_chats AS maxChats,
          CASE WHEN a.deactivated_at IS NOT NULL THEN 'deactivated' WHEN a.password_set_at IS NULL THEN 'invited' ELSE 'active' END AS status,
          a.totp_enabled_at IS NOT NULL AS totp,
          (SELECT count(*) FROM conversations c WHERE c.agent_id = a.id AND c.state = 'assigned' AND c.snoozed_at IS NULL) AS load,
          (SELECT group_concat(d.department_id) FROM agent_departments d WHERE d.agent_id = a.id) AS departmentIds,
          (SELECT group_concat(x.site_id) FROM agent_sites x WHERE x.agent_id = a.id) AS siteIds
        FROM agents a ORDER BY a.name`),
      agentAssigned: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.agent_id = ? AND c.state = 'assigned' AND c.snoozed_at IS NULL ORDER BY c.queued_at`),
      // Capacity counts active conversations only: assigned and not snoozed (README, "Capacity").
      agentLoad: p(`SELECT count(*) AS n FROM conversations WHERE agent_id = ? AND state = 'assigned' AND snoozed_at IS NULL`),
      agentsOnline: p(`SELECT count(*) AS n FROM agents WHERE presence = 'online'`),
      agentsResetPresence: p(`UPDATE agents SET presence = 'offline'`),

      sessionInsert: p(`INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)`),
      sessionAgent: p(`SELECT a.id, a.email, a.name, a.password_hash AS passwordHash, a.role, a.presence, a.max_chats AS maxChats,
          a.last_assigned_at AS lastAssignedAt, a.created_at AS createdAt, a.password_set_at AS passwordSetAt, a.deactivated_at AS deactivatedAt,
          a.totp_enabled_at AS totpEnabledAt
        FROM agent_sessions s JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = ? AND s.expires_at > ? AND a.deactivated_at IS NULL`),
      sessionDelete: p(`DELETE FROM agent_sessions WHERE token_hash = ?`),
      sessionPurge: p(`DELETE FROM agent_sessions WHERE expires_at <= ?`),

      // A visitor's first device's token is on the row; further devices (verified identify) in visitor_tokens.
      visitorByToken: p(`SELECT ${VISITOR_COLS} FROM visitors WHERE site_id = @siteId
          AND (token_hash = @tokenHash OR id = (SELECT visitor_id FROM visitor_tokens WHERE token_hash = @tokenHash))`),
      visitorById: p(`SELECT ${VISITOR_COLS} FROM visitors WHERE id = ?`),
      visitorInsert: p(`INSERT INTO visitors (id, site_id, token_hash, visit_count, first_seen_at, last_seen_at) VALUES (?, ?, ?, 1, ?, ?)`),
      visitorSetAttributes: p(`UPDATE visitors SET attributes = ? WHERE id = ?`),
      convSetPriority: p(`UPDATE conversations SET priority = ? WHERE id = ?`),
      visitorSetContact: p(`UPDATE visitors SET name = coalesce(?, name), email = coalesce(?, email) WHERE id = ?`),
      visitorTouch: p(`UPDATE visitors SET last_seen_at = ?, visit_count = visit_count + ? WHERE id = ?`),
      visitLatest: p(`SELECT id, started_at AS startedAt, last_seen_at AS lastSeenAt FROM visits WHERE visitor_id = ? ORDER BY started_at DESC LIMIT 1`),
      visitInsert: p(`INSERT INTO visits (id, visitor_id, started_at, last_seen_at) VALUES (?, ?, ?, ?)`),
      visitTouch: p(`UPDATE visits SET last_seen_at = ? WHERE id = ?`),
      pageViewInsert: p(`INSERT INTO page_views (visit_id, url, title, at) VALUES (?, ?, ?, ?)`),
      pageViewsOfVisit: p(`SELECT url, title, at FROM page_views WHERE visit_id = ? ORDER BY at, id`),
      pageViewLastOfVisit: p(`SELECT url, title, at FROM page_views WHERE visit_id = ? ORDER BY at DESC, id DESC LIMIT 1`),

      convById: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.id = ?`),
      convLatestOfVisitor: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.visitor_id = ? ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1`),
      convOfVisitor: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.visitor_id = ? ORDER BY c.created_at DESC LIMIT 50`),
      convInsert: p(`INSERT INTO conversations (id, site_id, visitor_id, channel, state, department_id, priority, last_seq, created_at, queued_at)
        VALUES (@id, @siteId, @visitorId, @channel, @state, @departmentId, @priority, 0, @createdAt, @queuedAt)`),
      convTransferToAgent: p(`UPDATE conversations SET state = 'assigned', agent_id = @agentId, assigned_at = coalesce(assigned_at, @at)
        WHERE id = @id AND state IN ('queued', 'assigned', 'bot')`),
      convSetDepartment: p(`UPDATE conversations SET department_id = ?, priority = ? WHERE id = ?`),
      callbackUpsert: p(`INSERT INTO callbacks (conversation_id, phone, preferred_time, note, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(conversation_id) DO UPDATE SET phone = excluded.phone, preferred_time = excluded.preferred_time, note = excluded.note`),
      slaCandidates: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.first_agent_reply_at IS NULL AND c.sla_breached_at IS NULL
        AND c.state IN ('queued', 'assigned') AND c.queued_at IS NOT NULL`),
      slaMark: p(`UPDATE conversations SET sla_breached_at = ? WHERE id = ? AND sla_breached_at IS NULL`),
      recentWaits: p(`SELECT assigned_at - queued_at AS w FROM conversations WHERE site_id = @siteId
          AND (@departmentId IS NULL OR department_id = @departmentId) AND assigned_at IS NOT NULL AND queued_at IS NOT NULL AND assigned_at >= @since
        ORDER BY assigned_at DESC LIMIT 20`),
      convRequeue: p(`UPDATE conversations SET state = 'queued', agent_id = NULL, snoozed_at = NULL, snoozed_until = NULL WHERE id = ? AND state = 'assigned'`),
      convNextSeq: p(`UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq AS seq`),
      convSetLastMessage: p(`UPDATE conversations SET last_message = coalesce(?, last_message), last_message_at = ? WHERE id = ?`),
      convAssign: p(`UPDATE conversations SET state = 'assigned', agent_id = @agentId,
          assigned_at = coalesce(assigned_at, @at) WHERE id = @id AND state = 'queued'`),
      convQueue: p(`UPDATE conversations SET state = 'queued', agent_id = NULL, queued_at = coalesce(queued_at, @at), resolved_at = NULL, auto_resolved = NULL WHERE id = @id`),
      convResolve: p(`UPDATE conversations SET state = 'resolved', resolved_at = @at, auto_resolved = @reason, snoozed_at = NULL, snoozed_until = NULL
          WHERE id = @id AND state != 'resolved'`),
      convSnooze: p(`UPDATE conversations SET snoozed_at = @at, snoozed_until = @until, woke_at = NULL WHERE id = @id AND state = 'assigned'`),
      convWake: p(`UPDATE conversations SET snoozed_at = NULL, snoozed_until = NULL, woke_at = @at WHERE id = @id AND snoozed_at IS NOT NULL`),
      convClearWoke: p(`UPDATE conversations SET woke_at = NULL WHERE id = ? AND woke_at IS NOT NULL`),
      snoozeDue: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.snoozed_until <= ? AND c.snoozed_at IS NOT NULL ORDER BY c.snoozed_until LIMIT ?`),
      // Assigned, answered by a person, not snoozed, nothing written since @before, and the last
      // human word is the agent's (the shopper owes the answer). By the state index.
      inactiveAssigned: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.state = 'assigned' AND c.site_id = @siteId
          AND c.snoozed_at IS NULL AND c.first_agent_reply_at IS NOT NULL AND coalesce(c.last_message_at, c.created_at) < @before
          AND (SELECT m.author_type FROM messages m WHERE m.conversation_id = c.id AND m.author_type IN ('visitor', 'agent') ORDER BY m.seq DESC LIMIT 1) = 'agent'
        ORDER BY c.last_message_at`),
      // Waiting for a person (queued, or assigned and not answered yet), not snoozed, a shopper
      // who cannot be reached otherwise (no email, not a call-back), last seen before @before,
      // and nothing written since. Whether they are connected now is the caller's to check.
      abandonedUnanswered: p(`SELECT ${CONV_COLS} FROM conversations c JOIN visitors v ON v.id = c.visitor_id
          WHERE c.state IN ('queued', 'assigned') AND c.site_id = @siteId AND c.snoozed_at IS NULL AND c.first_agent_reply_at IS NULL
          AND c.channel != 'callback' AND v.email IS NULL AND v.last_seen_at < @before AND coalesce(c.last_message_at, c.created_at) < @before
        ORDER BY v.last_seen_at`),
      convFirstReply: p(`UPDATE conversations SET first_agent_reply_at = ? WHERE id = ? AND first_agent_reply_at IS NULL`),
      convQueued: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.state = 'queued' ORDER BY c.priority DESC, c.queued_at, c.rowid`),
      convQueuedPage: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.state = 'queued' ORDER BY c.priority DESC, c.queued_at, c.rowid LIMIT ? OFFSET ?`),
      queueEntries: p(`SELECT ${QUEUE_COLS} FROM conversations c WHERE c.state = 'queued'`),
      queueEntry: p(`SELECT ${QUEUE_COLS} FROM conversations c WHERE c.id = ?`),
      queuePosition: p(`SELECT count(*) AS n FROM conversations c, conversations me WHERE me.id = ? AND c.state = 'queued'
          AND (c.priority > me.priority OR (c.priority = me.priority AND (c.queued_at < me.queued_at OR (c.queued_at = me.queued_at AND c.rowid <= me.rowid))))`),
      summaryById: p(`SELECT ${SUMMARY_COLS} FROM ${SUMMARY_FROM} WHERE c.id = ?`),
      // Every open conversation (by the state index), the queued ones first in serving order
      // (convQueued's order); then the most recently resolved ones.
      inboxOpen: p(`SELECT ${SUMMARY_COLS} FROM ${SUMMARY_FROM} WHERE c.state IN ('queued', 'bot', 'assigned')
          ORDER BY c.state != 'queued', c.priority DESC, c.queued_at, c.rowid`),
      inboxResolved: p(`SELECT ${SUMMARY_COLS} FROM ${SUMMARY_FROM} WHERE c.state = 'resolved' AND c.resolved_at > ?
          ORDER BY c.resolved_at DESC, c.rowid DESC LIMIT ?`),

      msgByClient: p(`SELECT ${MSG_COLS} FROM messages WHERE author_id = ? AND client_id = ?`),
      msgInsert: p(`INSERT INTO messages (id, conversation_id, seq, author_type, author_id, author_name, client_id, body, meta, created_at)
        VALUES (@id, @conversationId, @seq, @authorType, @authorId, @authorName, @clientId, @body, @meta, @createdAt)`),
      convEscalate: p(`UPDATE conversations SET state = 'queued', queued_at = coalesce(queued_at, @at) WHERE id = @id AND state = 'bot'`),
      botUnhelpful: p(`SELECT count(*) AS n FROM conversation_events WHERE conversation_id = ? AND kind = 'bot_unhelpful'`),
      msgsAfter: p(`SELECT ${MSG_COLS} FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`),
      eventInsert: p(`INSERT INTO conversation_events (conversation_id, seq, kind, actor_type, actor_id, agent_id, agent_name, department_id, note, reason, created_at)
        VALUES (@conversationId, @seq, @kind, @actorType, @actorId, @agentId, @agentName, @departmentId, @note, @reason, @createdAt)`),
      eventsAfter: p(`SELECT ${EVENT_COLS} FROM conversation_events WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`),

      previousAgent: p(`SELECT e.agent_id AS agentId FROM conversation_events e JOIN conversations c ON c.id = e.conversation_id
          WHERE c.visitor_id = ? AND e.kind = 'assigned' ORDER BY e.created_at DESC, e.seq DESC LIMIT 1`),

      faqsOfSite: p(`SELECT id, lang, question, alternatives, answer, quick_replies AS quickReplies, department_id AS departmentId, tags, updated_at AS updatedAt
        FROM faqs WHERE site_id = ? ORDER BY lang, id`),
      faqsClear: p(`DELETE FROM faqs WHERE site_id = ?`),
      faqInsert: p(`INSERT INTO faqs (site_id, id, lang, question, alternatives, answer, quick_replies, department_id, tags, updated_at)
        VALUES (@siteId, @id, @lang, @question, @alternatives, @answer, @quickReplies, @departmentId, @tags, @updatedAt)`),

      missInsert: p(`INSERT INTO bot_misses (site_id, conversation_id, lang, question, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
      lastVisitorMessage: p(`SELECT body FROM messages WHERE conversation_id = ? AND author_type = 'visitor' ORDER BY seq DESC LIMIT 1`),

      convMarkDemo: p(`UPDATE conversations SET demo = 1 WHERE id = ?`),
      convMarkProactive: p(`UPDATE conversations SET proactive = 1 WHERE id = ?`),
      csatGet: p(`SELECT rating, comment, agent_id AS agentId, created_at AS createdAt, updated_at AS updatedAt FROM csat_ratings WHERE conversation_id = ?`),
      csatUpsert: p(`INSERT INTO csat_ratings (conversation_id, rating, comment, agent_id, created_at, updated_at) VALUES (@conversationId, @rating, @comment, @agentId, @at, @at)
        ON CONFLICT(conversation_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, updated_at = excluded.updated_at`),
      // An FAQ answer (meta with a faqId), not a bot message that only offered suggestions.
      botIdle: p(`SELECT ${CONV_COLS} FROM conversations c WHERE c.state = 'bot' AND c.last_message_at < ?
          AND (SELECT m.author_type = 'bot' AND json_extract(m.meta, '$.faqId') IS NOT NULL FROM messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1)`),
      offeredSuggestions: p(`SELECT meta FROM messages WHERE conversation_id = ? AND author_type = 'bot' AND json_extract(meta, '$.suggestions') IS NOT NULL ORDER BY seq`),
      metricsRows: p(`SELECT id, created_at AS createdAt, queued_at AS queuedAt, first_agent_reply_at AS firstAgentReplyAt,
          resolved_at AS resolvedAt, state FROM conversations WHERE created_at >= ? AND created_at < ? ORDER BY created_at, rowid`),
    };
  }

  // ---- sites -------------------------------------------------------------------------------
  getSite(id: string): SiteRow | undefined {
    const r = this.s.siteGet.get(id) as (Omit<SiteRow, 'allowedOrigins'> & { allowedOrigins: string }) | undefined;
    return r && { ...r, allowedOrigins: JSON.parse(r.allowedOrigins) as string[] };
  }
  listSites(): SiteRow[] {
    return (this.s.siteList.all() as (Omit<SiteRow, 'allowedOrigins'> & { allowedOrigins: string })[]).map((r) => ({
      ...r,
      allowedOrigins: JSON.parse(r.allowedOrigins) as string[],
    }));
  }
  upsertSite(site: Omit<SiteRow, 'settings'> & { settings?: string }): void {
    this.s.siteUpsert.run({ settings: '{}', ...site, allowedOrigins: JSON.stringify(site.allowedOrigins) });
  }
  setSiteOrigins(id: string, origins: string[]): boolean {
    return this.s.siteSetOrigins.run(JSON.stringify(origins), id).changes > 0;
  }
  /** A new identity-verification secret (the old one stops verifying at once). */
  setSiteSecret(siteId: string, secret: string): boolean {
    return this.s.siteSetSecret.run(secret, siteId).changes > 0;
  }
  setRoutingMode(siteId: string, mode: 'auto' | 'manual'): void {
    this.s.siteSetRouting.run(mode, siteId);
  }
  setSiteSettings(siteId: string, routingMode: 'auto' | 'manual', settingsJson: string): boolean {
    return this.s.siteSetSettings.run(routingMode, settingsJson, siteId).changes > 0;
  }

  // ---- departments -------------------------------------------------------------------------
  insertDepartment(d: Omit<DepartmentRow, 'businessHours' | 'slaFirstResponseSec' | 'nameIt'> & Partial<Pick<DepartmentRow, 'businessHours' | 'slaFirstResponseSec' | 'nameIt'>>): void {
    this.s.deptInsert.run({ businessHours: null, slaFirstResponseSec: null, nameIt: null, ...d });
  }
  department(id: string): DepartmentRow | undefined {
    return this.s.deptGet.get(id) as DepartmentRow | undefined;
  }
  departmentsOf(siteId: string): DepartmentRow[] {
    return this.s.deptOfSite.all(siteId) as DepartmentRow[];
  }
  updateDepartment(d: Pick<DepartmentRow, 'id' | 'name' | 'nameIt' | 'urgency' | 'businessHours' | 'slaFirstResponseSec'>): void {
    this.s.deptUpdate.run(d);
  }
  deleteDepartment(id: string): boolean {
    return this.s.deptDelete.run(id).changes > 0;
  }
  agentsOfDepartment(id: string): string[] {
    return (this.s.deptAgents.all(id) as { id: string }[]).map((r) => r.id);
  }
  setDepartmentAgents(departmentId: string, agentIds: string[]): void {
    this.s.deptClearAgents.run(departmentId);
    for (const a of agentIds) this.s.agentDeptAdd.run(a, departmentId);
  }
  setAgentDepartments(agentId: string, departmentIds: string[]): void {
    this.s.agentDeptClear.run(agentId);
    for (const d of departmentIds) this.s.agentDeptAdd.run(agentId, d);
  }
  /** The sites an agent works on; null: every site (no row). */
  agentSites(agentId: string): string[] | null {
    const ids = (this.s.agentSites.all(agentId) as { id: string }[]).map((r) => r.id);
    return ids.length ? ids : null;
  }
  /** Sets the sites an agent works on; empty: every site. */
  setAgentSites(agentId: string, siteIds: readonly string[]): void {
    this.s.agentSitesClear.run(agentId);
    for (const id of siteIds) this.s.agentSiteAdd.run(agentId, id);
  }

  // ---- agents ------------------------------------------------------------------------------
  agentByEmail(email: string): AgentRow | undefined {
    return this.s.agentByEmail.get(email) as AgentRow | undefined;
  }
  agentById(id: string): AgentRow | undefined {
    return this.s.agentById.get(id) as AgentRow | undefined;
  }
  insertAgent(a: Pick<AgentRow, 'id' | 'email' | 'name' | 'passwordHash' | 'role' | 'maxChats' | 'createdAt'> & { passwordSetAt?: number | null }): void {
    this.s.agentInsert.run({ ...a, passwordSetAt: a.passwordSetAt === undefined ? a.createdAt : a.passwordSetAt });
  }
  countAgents(): number {
    return (this.s.agentCount.get() as { n: number }).n;
  }
  setPresence(agentId: string, presence: PresenceName): void {
    this.s.agentSetPresence.run(presence, agentId);
  }
  touchAgentAssigned(agentId: string, at: number): void {
    this.s.agentTouchAssigned.run(at, agentId);
  }
  onlineAgentsWithLoad(): AgentLoadRow[] {
    return (this.s.agentsWithLoad.all() as (Omit<AgentLoadRow, 'departmentIds' | 'siteIds'> & { departmentIds: string | null; siteIds: string | null })[]).map((r) => ({
      ...r,
      departmentIds: r.departmentIds ? r.departmentIds.split(',') : [],
      siteIds: r.siteIds ? r.siteIds.split(',') : null,
    }));
  }
  /** The online agents, their departments and sites only (no load count: what availability needs, read at every visitor welcome). */
  onlineAgentDepartments(): { id: string; departmentIds: string[]; siteIds: string[] | null }[] {
    return (this.s.agentsOnlineDepartments.all() as { id: string; departmentIds: string | null; siteIds: string | null }[]).map((r) => ({
      id: r.id,
      departmentIds: r.departmentIds ? r.departmentIds.split(',') : [],
      siteIds: r.siteIds ? r.siteIds.split(',') : null,
    }));
  }
  allAgents(): AgentStatusRow[] {
    return (
      this.s.agentsAll.all() as (Omit<AgentStatusRow, 'departmentIds' | 'siteIds' | 'totp'> & { departmentIds: string | null; siteIds: string | null; totp: number })[]
    ).map((r) => ({
      ...r,
      totp: r.totp === 1,
      departmentIds: r.departmentIds ? r.departmentIds.split(',') : [],
      siteIds: r.siteIds ? r.siteIds.split(',') : null,
    }));
  }
  setMaxChats(agentId: string, maxChats: number): void {
    this.s.agentSetMaxChats.run(maxChats, agentId);
  }
  assignedTo(agentId: string): ConversationRow[] {
    return this.s.agentAssigned.all(agentId) as ConversationRow[];
  }
  agentLoad(agentId: string): number {
    return (this.s.agentLoad.get(agentId) as { n: number }).n;
  }
  countOnlineAgents(): number {
    return (this.s.agentsOnline.get() as { n: number }).n;
  }
  /** At start nobody is connected yet. */
  resetPresence(): void {
    this.s.agentsResetPresence.run();
  }

  // ---- agent sessions ----------------------------------------------------------------------
  insertSession(tokenHash: string, agentId: string, now: number, expiresAt: number): void {
    this.s.sessionInsert.run(tokenHash, agentId, now, expiresAt);
  }
  sessionAgent(tokenHash: string, now: number): AgentRow | undefined {
    return this.s.sessionAgent.get(tokenHash, now) as AgentRow | undefined;
  }
  deleteSession(tokenHash: string): void {
    this.s.sessionDelete.run(tokenHash);
  }
  purgeSessions(now: number): void {
    this.s.sessionPurge.run(now);
  }

  // ---- visitors ----------------------------------------------------------------------------
  visitorByToken(siteId: string, tokenHash: string): VisitorRow | undefined {
    return this.s.visitorByToken.get({ tokenHash, siteId }) as VisitorRow | undefined;
  }
  visitorById(id: string): VisitorRow | undefined {
    return this.s.visitorById.get(id) as VisitorRow | undefined;
  }
  insertVisitor(id: string, siteId: string, tokenHash: string, now: number): void {
    this.s.visitorInsert.run(id, siteId, tokenHash, now, now);
  }
  /** Marks the visitor seen; `newVisit` adds one to the visit count. */
  touchVisitor(id: string, now: number, newVisit: boolean): void {
    this.s.visitorTouch.run(now, newVisit ? 1 : 0, id);
  }
  latestVisit(visitorId: string): { id: string; startedAt: number; lastSeenAt: number } | undefined {
    return this.s.visitLatest.get(visitorId) as { id: string; startedAt: number; lastSeenAt: number } | undefined;
  }
  insertVisit(id: string, visitorId: string, now: number): void {
    this.s.visitInsert.run(id, visitorId, now, now);
  }
  touchVisit(id: string, now: number): void {
    this.s.visitTouch.run(now, id);
  }
  setVisitorAttributes(id: string, json: string): void {
    this.s.visitorSetAttributes.run(json, id);
  }
  setPriority(conversationId: string, priority: number): void {
    this.s.convSetPriority.run(priority, conversationId);
  }
  setVisitorContact(id: string, name: string | null, email: string | null): void {
    this.s.visitorSetContact.run(name, email, id);
  }
  insertPageView(visitId: string, url: string, title: string, at: number): void {
    this.s.pageViewInsert.run(visitId, url, title, at);
  }
  pageViewsOfVisit(visitId: string): PageViewRow[] {
    return this.s.pageViewsOfVisit.all(visitId) as PageViewRow[];
  }
  /** The visit's latest page view (the page the visitor was last known to be on). */
  lastPageViewOfVisit(visitId: string): PageViewRow | undefined {
    return this.s.pageViewLastOfVisit.get(visitId) as PageViewRow | undefined;
  }

  // ---- conversations -----------------------------------------------------------------------
  conversation(id: string): ConversationRow | undefined {
    return this.s.convById.get(id) as ConversationRow | undefined;
  }
  latestConversationOf(visitorId: string): ConversationRow | undefined {
    return this.s.convLatestOfVisitor.get(visitorId) as ConversationRow | undefined;
  }
  conversationsOf(visitorId: string): ConversationRow[] {
    return this.s.convOfVisitor.all(visitorId) as ConversationRow[];
  }
  insertConversation(c: Pick<ConversationRow, 'id' | 'siteId' | 'visitorId' | 'channel' | 'state' | 'departmentId' | 'priority' | 'createdAt' | 'queuedAt'>): void {
    this.s.convInsert.run(c);
  }
  /** An assigned conversation goes back to the queue; its first queuedAt is kept, so it waits at the head of its priority. */
  transferToAgent(conversationId: string, agentId: string, at: number): boolean {
    return this.s.convTransferToAgent.run({ id: conversationId, agentId, at }).changes > 0;
  }
  setDepartment(conversationId: string, departmentId: string | null, priority: number): void {
    this.s.convSetDepartment.run(departmentId, priority, conversationId);
  }
  upsertCallback(conversationId: string, phone: string, preferredTime: string, note: string | null, at: number): void {
    this.s.callbackUpsert.run(conversationId, phone, preferredTime, note, at);
  }
  /** Conversations still waiting for a first agent reply whose breach is not yet recorded. */
  slaCandidates(): ConversationRow[] {
    return this.s.slaCandidates.all() as ConversationRow[];
  }
  markSlaBreached(conversationId: string, at: number): boolean {
    return this.s.slaMark.run(at, conversationId).changes > 0;
  }
  /** Queue waits (assignedAt − queuedAt, ms) of the latest assignments since `since`. */
  recentQueueWaits(siteId: string, departmentId: string | null, since: number): number[] {
    return (this.s.recentWaits.all({ siteId, departmentId, since }) as { w: number }[]).map((r) => r.w);
  }
  /** The bot hands over: the conversation enters the queue now (queuedAt starts the FRT clock). */
  escalate(conversationId: string, at: number): boolean {
    return this.s.convEscalate.run({ id: conversationId, at }).changes > 0;
  }
  unhelpfulCount(conversationId: string): number {
    return (this.s.botUnhelpful.get(conversationId) as { n: number }).n;
  }
  requeue(conversationId: string): boolean {
    return this.s.convRequeue.run(conversationId).changes > 0;
  }
  /** Hands out the conversation's next seq (messages and events share it). */
  nextSeq(conversationId: string): number {
    return (this.s.convNextSeq.get(conversationId) as { seq: number }).seq;
  }
  /** A message at `at`; `preview` (the shopper's words) replaces the inbox preview, null keeps it. */
  setLastMessage(conversationId: string, preview: string | null, at: number): void {
    this.s.convSetLastMessage.run(preview, at, conversationId);
  }
  /** Assigns a queued conversation; false if it was no longer queued. */
  assign(conversationId: string, agentId: string, at: number): boolean {
    return this.s.convAssign.run({ id: conversationId, agentId, at }).changes > 0;
  }
  /** Puts a conversation (back) in the queue; keeps the first queuedAt, clears resolvedAt. */
  queue(conversationId: string, at: number): void {
    this.s.convQueue.run({ id: conversationId, at });
  }
  /** Resolves an open conversation (ends any snooze); `reason`: the sweep did it, and why. */
  resolve(conversationId: string, at: number, reason: AutoResolveReason | null = null): boolean {
    return this.s.convResolve.run({ id: conversationId, at, reason }).changes > 0;
  }
  /** Snoozes an assigned conversation until `until` (null: the shopper's next message). */
  snooze(conversationId: string, at: number, until: number | null): boolean {
    return this.s.convSnooze.run({ id: conversationId, at, until }).changes > 0;
  }
  /** Ends a snooze (the row is marked woken at `at`); false if it was not snoozed. */
  wake(conversationId: string, at: number): boolean {
    return this.s.convWake.run({ id: conversationId, at }).changes > 0;
  }
  clearWoke(conversationId: string): boolean {
    return this.s.convClearWoke.run(conversationId).changes > 0;
  }
  /** Snoozes whose time has come, the earliest first. */
  dueSnoozes(at: number, limit: number): ConversationRow[] {
    return this.s.snoozeDue.all(at, limit) as ConversationRow[];
  }
  /** A site's conversations the inactivity rule may resolve (see the query). */
  inactiveAssigned(siteId: string, before: number): ConversationRow[] {
    return this.s.inactiveAssigned.all({ siteId, before }) as ConversationRow[];
  }
  /** A site's unanswered conversations whose shopper was last seen before `before` (see the query). */
  abandonedUnanswered(siteId: string, before: number): ConversationRow[] {
    return this.s.abandonedUnanswered.all({ siteId, before }) as ConversationRow[];
  }
  markFirstAgentReply(conversationId: string, at: number): void {
    this.s.convFirstReply.run(at, conversationId);
  }
  queuedConversations(): ConversationRow[] {
    return this.s.convQueued.all() as ConversationRow[];
  }
  /** Up to `limit` queued conversations in serving order, after the first `offset`. */
  queuedPage(limit: number, offset: number): ConversationRow[] {
    return this.s.convQueuedPage.all(limit, offset) as ConversationRow[];
  }
  /** Every queued conversation, as the queue index keeps it (any order). */
  queueEntries(): QueueEntryRow[] {
    return this.s.queueEntries.all() as QueueEntryRow[];
  }
  /** One conversation as the queue index keeps it, whatever its state. */
  queueEntry(conversationId: string): QueueEntryRow | undefined {
    return this.s.queueEntry.get(conversationId) as QueueEntryRow | undefined;
  }
  queuePosition(conversationId: string): number {
    return (this.s.queuePosition.get(conversationId) as { n: number }).n;
  }
  summary(conversationId: string): ConversationSummaryRow | undefined {
    return this.s.summaryById.get(conversationId) as ConversationSummaryRow | undefined;
  }
  /**
   * The agents' inbox: every open conversation (queued ones first, in serving order: however
   * long the queue, nobody waiting is left out), then at most `resolvedLimit` of those resolved
   * since `resolvedSince`, the most recent first.
   */
  inbox(resolvedSince: number, resolvedLimit: number): ConversationSummaryRow[] {
    const open = this.s.inboxOpen.all() as ConversationSummaryRow[];
    const resolved = this.s.inboxResolved.all(resolvedSince, resolvedLimit) as ConversationSummaryRow[];
    return resolved.length ? open.concat(resolved) : open;
  }

  /** The agent who last had a conversation of this visitor (returning visitors go back to them when free). */
  previousAgentOfVisitor(visitorId: string): string | null {
    return (this.s.previousAgent.get(visitorId) as { agentId: string | null } | undefined)?.agentId ?? null;
  }

  // ---- messages and events -----------------------------------------------------------------
  messageByClient(authorId: string, clientId: string): MessageRow | undefined {
    return this.s.msgByClient.get(authorId, clientId) as MessageRow | undefined;
  }
  insertMessage(m: MessageRow): void {
    this.s.msgInsert.run(m);
  }
  insertEvent(e: EventRow): void {
    this.s.eventInsert.run({ reason: null, ...e });
  }
  messagesAfter(conversationId: string, afterSeq: number, limit: number): MessageRow[] {
    return this.s.msgsAfter.all(conversationId, afterSeq, limit) as MessageRow[];
  }
  eventsAfter(conversationId: string, afterSeq: number, limit: number): EventRow[] {
    return this.s.eventsAfter.all(conversationId, afterSeq, limit) as EventRow[];
  }

  // ---- FAQ ----------------------------------------------------------------------------------
  faqsOf(siteId: string): FaqRow[] {
    return this.s.faqsOfSite.all(siteId) as FaqRow[];
  }
  /** Replaces a site's whole knowledge base (call inside a transaction). */
  replaceFaqs(siteId: string, rows: FaqRow[]): void {
    this.s.faqsClear.run(siteId);
    for (const r of rows) this.s.faqInsert.run({ ...r, siteId });
  }

  // ---- bot learning loop ----------------------------------------------------------------------
  /**
   * A bare miss (no normalised text, no closest entry). The bot records its misses with Bot.recordMiss
   * (BotLearningQueries), which keeps what the learning list needs.
   */
  recordMiss(siteId: string, conversationId: string | null, lang: 'en' | 'it', question: string, reason: 'abstained' | 'suggested' | 'unhelpful', at: number): void {
    this.s.missInsert.run(siteId, conversationId, lang, question.slice(0, 1000), reason, at);
  }
  /** The meta (JSON, with `suggestions`) of every bot message of the conversation that offered FAQ entries ("Did you mean…"). */
  offeredSuggestions(conversationId: string): string[] {
    return (this.s.offeredSuggestions.all(conversationId) as { meta: string }[]).map((r) => r.meta);
  }
  lastVisitorMessage(conversationId: string): string | null {
    return (this.s.lastVisitorMessage.get(conversationId) as { body: string } | undefined)?.body ?? null;
  }

  /** Marks a conversation as the demo's sample data (the reports say so). */
  markDemo(conversationId: string): void {
    this.s.convMarkDemo.run(conversationId);
  }
  /** The conversation began as the visitor's answer to a proactive message. */
  markProactive(conversationId: string): void {
    this.s.convMarkProactive.run(conversationId);
  }

  // ---- satisfaction --------------------------------------------------------------------------
  csatOf(conversationId: string): CsatRow | undefined {
    return this.s.csatGet.get(conversationId) as CsatRow | undefined;
  }
  upsertCsat(r: { conversationId: string; rating: number; comment: string | null; agentId: string | null; at: number }): void {
    this.s.csatUpsert.run(r);
  }
  /** Bot conversations whose last message is an FAQ answer and that nobody touched since `before`: the visitor left satisfied. */
  idleBotConversations(before: number): ConversationRow[] {
    return this.s.botIdle.all(before) as ConversationRow[];
  }

  // ---- metrics -----------------------------------------------------------------------------
  conversationsCreatedBetween(
    from: number,
    to: number,
  ): { id: string; createdAt: number; queuedAt: number | null; firstAgentReplyAt: number | null; resolvedAt: number | null; state: ConversationStateName }[] {
    return this.s.metricsRows.all(from, to) as ReturnType<Store['conversationsCreatedBetween']>;
  }
}
