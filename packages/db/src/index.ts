import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export * as schema from './schema.ts';
export { Store } from './store.ts';
export type * from './store.ts';
export { GroupCommit } from './group-commit.ts';
export { IntegrationQueries } from './integrations.ts';
export type { ApiKeyRow, WebhookDeliveryRow, WebhookEndpointRow, WebhookHeadRow } from './integrations.ts';
export { MetricsQueries, GONE_AFTER_MS, DEFAULT_RESOLUTION_SLA_SEC } from './metrics.ts';
export { CannedQueries } from './canned.ts';
export type { CannedRow } from './canned.ts';
export type { MetricsFilter, ConversationFact, BacklogRow } from './metrics.ts';
export { VisitorData } from './visitor-data.ts';
export { MailQueries } from './mail.ts';
export type { SmtpRow, OutboxRow, OutboxKind, TranscriptLine } from './mail.ts';
export { AttachmentQueries } from './attachments.ts';
export type { AttachmentRow } from './attachments.ts';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDbOptions {
  /** `FULL` (default): a commit is on disk before it is acknowledged. `NORMAL` is faster but a power cut may lose the last commits. */
  synchronous?: 'FULL' | 'NORMAL';
}

export interface OpenedDb {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * Opens (creating if needed) the SQLite file, sets WAL and `synchronous` explicitly (a reopened
 * WAL database would otherwise get better-sqlite3's build default), and applies the committed
 * migrations. This is the only writer connection of the process.
 */
export function openDb(file: string, opts: OpenDbOptions = {}): OpenedDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros (erasing a visitor leaves nothing of them in the file).
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return {
    sqlite,
    db,
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}
