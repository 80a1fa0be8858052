/**
 * Webhook endpoints, their durable outbox of deliveries, and REST API keys. Prepared once, like
 * Store's. Deliveries are inserted inside the caller's transaction (the change that caused them);
 * the worker reads each endpoint's oldest pending delivery (`heads`) and records every attempt.
 */
import type Database from 'better-sqlite3';

export interface WebhookEndpointRow {
  id: string;
  siteId: string;
  url: string;
  description: string;
  secret: string;
  /** JSON array of event types. */
  events: string;
  enabled: number;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookDeliveryRow {
  seq: number;
  id: string;
  endpointId: string;
  siteId: string;
  conversationId: string | null;
  event: string;
  eventId: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  deliveredAt: number | null;
}

/** The delivery an endpoint must send next, with what sending needs. */
export interface WebhookHeadRow extends WebhookDeliveryRow {
  url: string;
  secret: string;
}

export interface ApiKeyRow {
  id: string;
  siteId: string;
  name: string;
  keyHash: string;
  prefix: string;
  createdBy: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const EP = `id, site_id AS siteId, url, description, secret, events, enabled, created_at AS createdAt, updated_at AS updatedAt`;
const DL = `d.seq, d.id, d.endpoint_id AS endpointId, d.site_id AS siteId, d.conversation_id AS conversationId, d.event, d.event_id AS eventId,
  d.payload, d.status, d.attempts, d.next_attempt_at AS nextAttemptAt, d.last_status AS lastStatus, d.last_error AS lastError,
  d.created_at AS createdAt, d.updated_at AS updatedAt, d.delivered_at AS deliveredAt`;
const KEY = `id, site_id AS siteId, name, key_hash AS keyHash, prefix, created_by AS createdBy, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt`;

export class IntegrationQueries {
  private readonly s;

  constructor(sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      endpointsOf: p(`SELECT ${EP} FROM webhook_endpoints WHERE site_id = ? ORDER BY created_at, id`),
      endpoint: p(`SELECT ${EP} FROM webhook_endpoints WHERE id = ?`),
      insertEndpoint: p(`INSERT INTO webhook_endpoints (id, site_id, url, description, secret, events, enabled, created_at, updated_at)
        VALUES (@id, @siteId, @url, @description, @secret, @events, @enabled, @createdAt, @updatedAt)`),
      updateEndpoint: p(`UPDATE webhook_endpoints SET url = @url, description = @description, events = @events, enabled = @enabled,
        updated_at = @updatedAt WHERE id = @id`),
      setSecret: p(`UPDATE webhook_endpoints SET secret = ?, updated_at = ? WHERE id = ?`),
      removeEndpoint: p(`DELETE FROM webhook_endpoints WHERE id = ?`),
      counts: p(`SELECT status, count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ? AND status != 'delivered' GROUP BY status`),
      insertDelivery: p(`INSERT INTO webhook_deliveries (id, endpoint_id, site_id, conversation_id, event, event_id, payload, status, attempts,
        next_attempt_at, created_at, updated_at) VALUES (@id, @endpointId, @siteId, @conversationId, @event, @eventId, @payload, 'pending', 0,
        @nextAttemptAt, @createdAt, @createdAt)`),
      heads: p(`SELECT ${DL}, e.url, e.secret FROM webhook_endpoints e
        JOIN webhook_deliveries d ON d.seq = (SELECT min(seq) FROM webhook_deliveries WHERE endpoint_id = e.id AND status = 'pending')
        WHERE e.enabled = 1`),
      delivery: p(`SELECT ${DL} FROM webhook_deliveries d WHERE d.id = ?`),
      deliveriesOf: p(`SELECT ${DL} FROM webhook_deliveries d WHERE d.endpoint_id = ? ORDER BY d.seq DESC LIMIT ?`),
      attempted: p(`UPDATE webhook_deliveries SET attempts = attempts + 1, status = @status, next_attempt_at = @nextAttemptAt,
        last_status = @lastStatus, last_error = @lastError, updated_at = @at, delivered_at = CASE WHEN @status = 'delivered' THEN @at ELSE delivered_at END
        WHERE id = @id AND status = 'pending'`),
      redeliver: p(`UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status != 'pending'`),
      keysOf: p(`SELECT ${KEY} FROM api_keys WHERE site_id = ? ORDER BY created_at DESC, id`),
      key: p(`SELECT ${KEY} FROM api_keys WHERE id = ?`),
      keyByHash: p(`SELECT ${KEY} FROM api_keys WHERE key_hash = ?`),
      insertKey: p(`INSERT INTO api_keys (id, site_id, name, key_hash, prefix, created_by, created_at) VALUES (@id, @siteId, @name, @keyHash, @prefix, @createdBy, @createdAt)`),
      revokeKey: p(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`),
      touchKey: p(`UPDATE api_keys SET last_used_at = ? WHERE id = ?`),
      conversationsPage: p(`SELECT id, created_at AS createdAt FROM conversations WHERE site_id = @siteId
        AND (@state IS NULL OR state = @state) AND created_at >= @since
        AND (@tag IS NULL OR id IN (SELECT ct.conversation_id FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
          WHERE t.site_id = @siteId AND (t.id = @tag OR t.name = @tag COLLATE NOCASE)))
        AND (created_at > @afterAt OR (created_at = @afterAt AND id > @afterId))
        ORDER BY created_at, id LIMIT @limit`),
    };
  }

  // ---- endpoints -------------------------------------------------------------------------------
  endpointsOf(siteId: string): WebhookEndpointRow[] {
    return this.s.endpointsOf.all(siteId) as WebhookEndpointRow[];
  }
  endpoint(id: string): WebhookEndpointRow | undefined {
    return this.s.endpoint.get(id) as WebhookEndpointRow | undefined;
  }
  insertEndpoint(r: WebhookEndpointRow): void {
    this.s.insertEndpoint.run(r);
  }
  updateEndpoint(r: Pick<WebhookEndpointRow, 'id' | 'url' | 'description' | 'events' | 'enabled' | 'updatedAt'>): boolean {
    return this.s.updateEndpoint.run(r).changes > 0;
  }
  setEndpointSecret(id: string, secret: string, at: number): boolean {
    return this.s.setSecret.run(secret, at, id).changes > 0;
  }
  removeEndpoint(id: string): boolean {
    return this.s.removeEndpoint.run(id).changes > 0;
  }
  /** Pending and failed deliveries of an endpoint. */
  counts(endpointId: string): { pending: number; failed: number } {
    const out = { pending: 0, failed: 0 };
    for (const r of this.s.counts.all(endpointId) as { status: 'pending' | 'failed'; n: number }[]) out[r.status] = r.n;
    return out;
  }

  // ---- deliveries ------------------------------------------------------------------------------
  insertDelivery(r: { id: string; endpointId: string; siteId: string; conversationId: string | null; event: string; eventId: string; payload: string; nextAttemptAt: number; createdAt: number }): void {
    this.s.insertDelivery.run(r);
  }
  /** Each enabled endpoint's oldest pending delivery (the one that must go before any other of it). */
  heads(): WebhookHeadRow[] {
    return this.s.heads.all() as WebhookHeadRow[];
  }
  delivery(id: string): WebhookDeliveryRow | undefined {
    return this.s.delivery.get(id) as WebhookDeliveryRow | undefined;
  }
  deliveriesOf(endpointId: string, limit: number): WebhookDeliveryRow[] {
    return this.s.deliveriesOf.all(endpointId, limit) as WebhookDeliveryRow[];
  }
  /** Records one attempt of a pending delivery; false when it is no longer pending (deleted, redelivered meanwhile). */
  attempted(r: { id: string; status: 'pending' | 'delivered' | 'failed'; nextAttemptAt: number; lastStatus: number | null; lastError: string | null; at: number }): boolean {
    return this.s.attempted.run(r).changes > 0;
  }
  /** A delivered or failed delivery goes back to pending, at its place in the endpoint's order. */
  redeliver(id: string, at: number): boolean {
    return this.s.redeliver.run(at, at, id).changes > 0;
  }

  // ---- API keys --------------------------------------------------------------------------------
  keysOf(siteId: string): ApiKeyRow[] {
    return this.s.keysOf.all(siteId) as ApiKeyRow[];
  }
  key(id: string): ApiKeyRow | undefined {
    return this.s.key.get(id) as ApiKeyRow | undefined;
  }
  keyByHash(hash: string): ApiKeyRow | undefined {
    return this.s.keyByHash.get(hash) as ApiKeyRow | undefined;
  }
  insertKey(r: Omit<ApiKeyRow, 'lastUsedAt' | 'revokedAt'>): void {
    this.s.insertKey.run(r);
  }
  revokeKey(id: string, at: number): boolean {
    return this.s.revokeKey.run(at, id).changes > 0;
  }
  touchKey(id: string, at: number): void {
    this.s.touchKey.run(at, id);
  }

  /** A site's conversations created at or after `since`, oldest first, after the cursor (createdAt, id). */
  conversationsPage(q: { siteId: string; state: string | null; tag: string | null; since: number; afterAt: number; afterId: string; limit: number }): { id: string; createdAt: number }[] {
    return this.s.conversationsPage.all(q) as { id: string; createdAt: number }[];
  }
}
