/**
 * The KPI queries (domain.md's definitions), prepared once. `facts` gives one row per
 * conversation created in the period, with every per-conversation figure computed in SQL from
 * the conversation row, its messages and its rating; the server aggregates those rows (counts,
 * averages, medians, p90) and buckets them by day or week. `backlog` is a point-in-time query over
 * the events table (a conversation is open at T unless its last resolve/reopen event before T is
 * a resolve). The conversations CSV is exactly `facts`.
 */
import type Database from 'better-sqlite3';

export interface MetricsFilter {
  from: number;
  to: number;
  siteId: string | null;
  agentId: string | null;
  departmentId: string | null;
  channel: string | null;
  /** A tag the conversation carries (conversation_tags). */
  tagId: string | null;
}

export interface ConversationFact {
  id: string;
  siteId: string;
  visitorId: string;
  departmentId: string | null;
  departmentName: string | null;
  agentId: string | null;
  agentName: string | null;
  channel: string;
  state: 'bot' | 'queued' | 'assigned' | 'resolved';
  demo: number;
  /** 1: it began as the visitor's answer to a proactive message. */
  proactive: number;
  createdAt: number;
  queuedAt: number | null;
  assignedAt: number | null;
  firstAgentReplyAt: number | null;
  resolvedAt: number | null;
  /** firstAgentReplyAt − queuedAt */
  firstResponseMs: number | null;
  /** assignedAt − queuedAt */
  queueWaitMs: number | null;
  /** Mean over the runs of visitor messages an agent answered (each from max(first visitor message, queuedAt) to the reply). */
  averageResponseMs: number | null;
  /** resolvedAt − createdAt */
  resolutionMs: number | null;
  /** resolvedAt − assignedAt */
  handleMs: number | null;
  /** Resolved: visitor and agent messages up to the resolution (bot and system messages excluded). */
  interactions: number | null;
  /** Each agent-answered run as [start, reply] (JSON), for business-hours time. */
  responseRuns: string | null;
  slaFirstResponseMs: number;
  slaResolutionMs: number;
  /** 1 breached, 0 met, null not measured (never queued) or still within target. */
  slaFirstResponseBreached: number | null;
  slaResolutionBreached: number | null;
  /** Queued, never answered by a person, and resolved or the visitor gone (not connected, not seen for 5 minutes). */
  missed: number;
  /** Resolved without ever needing a person (the bot solved it). */
  selfService: number;
  /** Resolved by the server's sweep: the shopper went quiet after an answer (inactivity) or left unanswered (abandoned); null otherwise. */
  autoResolved: 'inactivity' | 'abandoned' | null;
  /** Resolved on a channel with the survey (web), by a person or the bot (no survey after an automatic resolution). */
  surveyed: number;
  rating: number | null;
  ratingComment: string | null;
}

export interface BacklogRow {
  at: number;
  open: number;
  overdue: number;
}

/** A visitor not seen for this long (and not connected) has left: their unanswered conversation is missed. */
export const GONE_AFTER_MS = 5 * 60_000;
export const DEFAULT_RESOLUTION_SLA_SEC = 86_400;

const FILTER = `c.created_at >= @from AND c.created_at < @to
  AND (@siteId IS NULL OR c.site_id = @siteId)
  AND (@agentId IS NULL OR c.agent_id = @agentId)
  AND (@departmentId IS NULL OR c.department_id = @departmentId)
  AND (@channel IS NULL OR c.channel = @channel)
  AND (@tagId IS NULL OR c.id IN (SELECT conversation_id FROM conversation_tags WHERE tag_id = @tagId))`;

const FACTS = `
WITH cohort AS (SELECT c.id, c.queued_at FROM conversations c WHERE ${FILTER}),
m AS (
  SELECT m.conversation_id AS cid, m.seq, m.author_type AS a, m.created_at AS t,
    -- the run a visitor message belongs to: how many agent replies came before it
    sum(m.author_type = 'agent') OVER (PARTITION BY m.conversation_id ORDER BY m.seq ROWS UNBOUNDED PRECEDING) AS grp
  FROM messages m WHERE m.conversation_id IN (SELECT id FROM cohort) AND m.author_type IN ('visitor', 'agent')
),
runs AS (
  -- each run of visitor messages answered by an agent: from its first message (not before the
  -- conversation was queued: before that no person was asked) to the agent's reply
  SELECT v.cid, max(min(v.t), coalesce(k.queued_at, min(v.t))) AS started, r.t AS replied
  FROM m v JOIN m r ON r.cid = v.cid AND r.grp = v.grp + 1 AND r.a = 'agent' JOIN cohort k ON k.id = v.cid
  WHERE v.a = 'visitor' GROUP BY v.cid, v.grp
),
resp AS (
  SELECT cid, avg(max(0, replied - started)) AS avgMs, json_group_array(json_array(started, replied)) AS runs FROM runs GROUP BY cid
)
SELECT c.id, c.site_id AS siteId, c.visitor_id AS visitorId, c.department_id AS departmentId, d.name AS departmentName,
  c.agent_id AS agentId, a.name AS agentName, c.channel, c.state, c.demo, c.proactive,
  c.created_at AS createdAt, c.queued_at AS queuedAt, c.assigned_at AS assignedAt,
  c.first_agent_reply_at AS firstAgentReplyAt, c.resolved_at AS resolvedAt,
  c.first_agent_reply_at - c.queued_at AS firstResponseMs,
  c.assigned_at - c.queued_at AS queueWaitMs,
  resp.avgMs AS averageResponseMs,
  c.resolved_at - c.created_at AS resolutionMs,
  c.resolved_at - c.assigned_at AS handleMs,
  CASE WHEN c.resolved_at IS NULL THEN NULL ELSE (SELECT count(*) FROM messages x WHERE x.conversation_id = c.id
    AND x.author_type IN ('visitor', 'agent') AND x.created_at <= c.resolved_at) END AS interactions,
  resp.runs AS responseRuns,
  sla.fr AS slaFirstResponseMs, sla.res AS slaResolutionMs,
  CASE
    WHEN c.queued_at IS NULL THEN NULL
    WHEN c.first_agent_reply_at IS NOT NULL THEN c.first_agent_reply_at - c.queued_at > sla.fr
    WHEN coalesce(c.resolved_at, @now) - c.queued_at > sla.fr THEN 1
    ELSE NULL END AS slaFirstResponseBreached,
  CASE
    WHEN c.resolved_at IS NOT NULL THEN c.resolved_at - c.created_at > sla.res
    WHEN @now - c.created_at > sla.res THEN 1
    ELSE NULL END AS slaResolutionBreached,
  (c.queued_at IS NOT NULL AND c.first_agent_reply_at IS NULL AND (c.state = 'resolved'
    OR (v.last_seen_at < @now - ${GONE_AFTER_MS} AND c.visitor_id NOT IN (SELECT value FROM json_each(@connected))))) AS missed,
  (c.resolved_at IS NOT NULL AND c.queued_at IS NULL AND c.assigned_at IS NULL AND c.first_agent_reply_at IS NULL) AS selfService,
  CASE WHEN c.resolved_at IS NOT NULL THEN c.auto_resolved END AS autoResolved,
  (c.resolved_at IS NOT NULL AND c.channel = 'web' AND c.auto_resolved IS NULL) AS surveyed,
  r.rating, r.comment AS ratingComment
FROM conversations c
JOIN sites s ON s.id = c.site_id
JOIN visitors v ON v.id = c.visitor_id
LEFT JOIN departments d ON d.id = c.department_id
LEFT JOIN agents a ON a.id = c.agent_id
LEFT JOIN resp ON resp.cid = c.id
LEFT JOIN csat_ratings r ON r.conversation_id = c.id
JOIN (SELECT c2.id AS cid,
        1000 * coalesce(d2.sla_first_response_sec, json_extract(s2.settings, '$.slaFirstResponseSec'), 300) AS fr,
        1000 * coalesce(json_extract(s2.settings, '$.slaResolutionSec'), ${DEFAULT_RESOLUTION_SLA_SEC}) AS res
      FROM conversations c2 JOIN sites s2 ON s2.id = c2.site_id LEFT JOIN departments d2 ON d2.id = c2.department_id
      WHERE c2.id IN (SELECT id FROM cohort)) sla ON sla.cid = c.id
WHERE ${FILTER}
ORDER BY c.created_at, c.rowid`;

const BACKLOG = `
SELECT p.value AS at, count(c.id) AS open,
  coalesce(sum(p.value - c.created_at > 1000 * coalesce(json_extract(s.settings, '$.slaResolutionSec'), ${DEFAULT_RESOLUTION_SLA_SEC})), 0) AS overdue
FROM json_each(@points) p
LEFT JOIN conversations c ON c.created_at < p.value
  AND (@siteId IS NULL OR c.site_id = @siteId)
  AND (@agentId IS NULL OR c.agent_id = @agentId)
  AND (@departmentId IS NULL OR c.department_id = @departmentId)
  AND (@channel IS NULL OR c.channel = @channel)
  AND (@tagId IS NULL OR c.id IN (SELECT conversation_id FROM conversation_tags WHERE tag_id = @tagId))
  AND coalesce((SELECT e.kind FROM conversation_events e WHERE e.conversation_id = c.id AND e.kind IN ('resolved', 'reopened')
      AND e.created_at < p.value ORDER BY e.seq DESC LIMIT 1), 'open') != 'resolved'
LEFT JOIN sites s ON s.id = c.site_id
GROUP BY p.value ORDER BY p.value`;

export class MetricsQueries {
  private readonly factsStmt: Database.Statement;
  private readonly backlogStmt: Database.Statement;
  private readonly openStmt: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.factsStmt = sqlite.prepare(FACTS);
    this.backlogStmt = sqlite.prepare(BACKLOG);
    this.openStmt = sqlite.prepare(`SELECT count(*) AS n FROM conversations WHERE state != 'resolved'`);
  }

  /** Conversations not resolved now (the live backlog). */
  openCount(): number {
    return (this.openStmt.get() as { n: number }).n;
  }

  /** One row per conversation created in [from, to) that passes the filters, oldest first. */
  facts(f: MetricsFilter, now: number, connectedVisitorIds: readonly string[]): ConversationFact[] {
    return this.factsStmt.all({ ...f, now, connected: JSON.stringify(connectedVisitorIds) }) as ConversationFact[];
  }

  /** Conversations open at each instant (created before it, not resolved at it), and how many are past the resolution target. */
  backlog(f: Omit<MetricsFilter, 'from' | 'to'>, points: readonly number[]): BacklogRow[] {
    return this.backlogStmt.all({ ...f, points: JSON.stringify(points) }) as BacklogRow[];
  }
}
