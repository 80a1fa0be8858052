import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';
import { migrateCarefully, type Migrated } from './schema-version.ts';

export * as schema from './schema.ts';
export { Store } from './store.ts';
export type * from './store.ts';
export { GroupCommit, walDurability, CHECKPOINT_AT_BYTES } from './group-commit.ts';
export type { Durability, GroupCommitOptions } from './group-commit.ts';
export { IntegrationQueries } from './integrations.ts';
export type { ApiKeyRow, WebhookDeliveryRow, WebhookEndpointRow, WebhookHeadRow } from './integrations.ts';
export { MetricsQueries, GONE_AFTER_MS, DEFAULT_RESOLUTION_SLA_SEC } from './metrics.ts';
export { CannedQueries } from './canned.ts';
export { BotLearningQueries } from './bot-learning.ts';
export type { MissClosestRow, MissGroupRow, MissInsert, MissReason } from './bot-learning.ts';
export { WidgetConfigQueries } from './widget-config.ts';
export { InboxQueries, ftsTerms, MAX_QUERY_TERMS } from './inbox-search.ts';
export type { SearchFilter, SearchRow, TagRow } from './inbox-search.ts';
export { AccountQueries } from './accounts.ts';
export { SiteAdminQueries } from './sites.ts';
export type { AccountTokenKind, AccountTokenRow } from './accounts.ts';
export type { CannedRow } from './canned.ts';
export type { MetricsFilter, ConversationFact, BacklogRow } from './metrics.ts';
export { VisitorData } from './visitor-data.ts';
export { MailQueries } from './mail.ts';
export { BotProviderQueries } from './bot-provider.ts';
export type { BotProviderRow } from './bot-provider.ts';
export type { SmtpRow, OutboxRow, OutboxKind, TranscriptLine } from './mail.ts';
export { AttachmentQueries } from './attachments.ts';
export { onlineBackup, openReadOnly, BackupError } from './backup.ts';
export type { BackupResult } from './backup.ts';
export { DatabaseVersionError, schemaState, readMigratedBy } from './schema-version.ts';
export type { Migrated, MigratedBy, SchemaState } from './schema-version.ts';
export type { AttachmentRow } from './attachments.ts';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDbOptions {
  /** `FULL` (default): a commit is on disk before it is acknowledged. `NORMAL` is faster but a power cut may lose the last commits. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Checkpoint the WAL from a worker thread, when `checkpoint()` is called, instead of inside the
   * commit that crosses 1,000 pages (which copies pages and fsyncs twice on the event loop).
   * GroupCommit calls it as the WAL grows. Off: SQLite's automatic checkpoints.
   */
  backgroundCheckpoint?: boolean;
  /**
   * This Parla's version: recorded in the database (`parla_meta`) when this open migrates it, and
   * named in the error an older Parla gives on it.
   */
  appVersion?: string;
  /** Where the migrations are; default the package's own `migrations/` (a bundled server passes the copy beside it). */
  migrationsFolder?: string;
}

export interface CheckpointResult {
  /** Every frame of the WAL was copied (none was busy). */
  ok: boolean;
  log: number;
  checkpointed: number;
}

export interface OpenedDb {
  sqlite: Database.Database;
  db: Db;
  /** The schema version before and after this open, and the copy made before migrating (if any). */
  schema: Migrated;
  /** With backgroundCheckpoint: a PASSIVE checkpoint on the worker's connection. */
  checkpoint: (() => Promise<CheckpointResult>) | null;
  /** Closes the connection (at once, or once the background checkpointer has stopped). */
  close(): Promise<void>;
}

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * Opens (creating if needed) the SQLite file, sets WAL and `synchronous` explicitly (a reopened
 * WAL database would otherwise get better-sqlite3's build default), and applies the committed
 * migrations. This is the only writer connection of the process.
 *
 * Around the migrations (schema-version.ts): a database with migrations this build does not know
 * (a newer Parla migrated it) is refused with a DatabaseVersionError before anything is written;
 * a database that already had migrations is copied to `<file>.bak-<schema version>` before
 * pending ones are applied; `appVersion` is recorded when this open migrated.
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
  const folder = opts.migrationsFolder ?? migrationsFolder;
  let migrated: Migrated;
  try {
    migrated = migrateCarefully(sqlite, file, { migrationsFolder: folder, appVersion: opts.appVersion }, () => migrate(db, { migrationsFolder: folder }));
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const checkpointer = file !== ':memory:' && opts.backgroundCheckpoint ? startCheckpointer(sqlite, file) : null;
  return {
    sqlite,
    db,
    schema: migrated,
    checkpoint: checkpointer?.checkpoint ?? null,
    close() {
      const shut = () => {
        if (sqlite.open) sqlite.close();
      };
      // Without a checkpointer the connection is closed before this returns.
      if (!checkpointer) return Promise.resolve(shut());
      return checkpointer.stop().then(shut);
    },
  };
}

function startCheckpointer(sqlite: Database.Database, file: string): { checkpoint(): Promise<CheckpointResult>; stop(): Promise<void> } {
  sqlite.pragma('wal_autocheckpoint = 0');
  // A WAL that restarts after a checkpoint is cut back to what its first commit wrote: its size is
  // then what waits to be checkpointed (GroupCommit reads it to decide when).
  sqlite.pragma('journal_size_limit = 0');
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { file } });
  worker.unref();
  let stopping = false;
  let nextId = 0;
  const waiting = new Map<number, (r: CheckpointResult) => void>();
  // Should the worker ever fail, SQLite's own checkpoints take over again (the WAL must not grow for ever).
  const fallBack = (why: string) => {
    for (const r of waiting.values()) r({ ok: false, log: -1, checkpointed: -1 });
    waiting.clear();
    if (stopping || !sqlite.open) return;
    process.emitWarning(`WAL checkpointer stopped (${why}); automatic checkpoints are back on`);
    sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (m: CheckpointResult & { id: number; error?: string }) => {
    waiting.get(m.id)?.({ ok: m.ok, log: m.log, checkpointed: m.checkpointed });
    waiting.delete(m.id);
  });
  worker.on('error', (e) => fallBack(e.message));
  const exited = new Promise<void>((r) => worker.once('exit', () => (fallBack('exit'), r())));
  return {
    checkpoint() {
      if (stopping) return Promise.resolve({ ok: false, log: -1, checkpointed: -1 });
      const id = ++nextId;
      return new Promise((r) => {
        waiting.set(id, r);
        worker.postMessage({ id });
      });
    },
    async stop() {
      if (!stopping) {
        stopping = true;
        worker.ref(); // the process waits for it to close its connection
        worker.postMessage('stop');
      }
      return exited;
    },
  };
}
