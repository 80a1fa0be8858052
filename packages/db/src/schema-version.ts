/**
 * The database's schema version and what openDb does about it before drizzle's migrator runs:
 * refuse a database migrated by a newer Parla, copy the database aside before a migration changes
 * it, and record which Parla version migrated it.
 *
 * The schema version is the number of migrations applied (rows of drizzle's `__drizzle_migrations`);
 * this build's is the number of entries in its migrations journal. drizzle's migrator applies every
 * journal entry whose `when` is later than the newest applied `created_at`, and silently ignores
 * applied migrations it does not know: that is what would let an old server run on a newer schema.
 */
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type Database from 'better-sqlite3';
import { copyAside } from './backup.ts';

const MIGRATIONS_TABLE = '__drizzle_migrations';
/** Parla's own bookkeeping (not a drizzle migration: it must exist on every schema version, old and new). */
const META_TABLE = 'parla_meta';

export interface SchemaState {
  /** The database's schema version: migrations applied to it. */
  version: number;
  /** This build's schema version: migrations in its journal. */
  known: number;
  /** This build's migrations not yet applied (what drizzle's migrator will apply). */
  pending: number;
  /** Migrations applied to the database that this build does not know (a newer Parla applied them). */
  unknown: number;
}

/** The Parla version and schema recorded by the last openDb that migrated the database (null when none was recorded). */
export interface MigratedBy {
  appVersion: string;
  schema: number;
}

/** A database this build cannot run on (migrated by a newer Parla). */
export class DatabaseVersionError extends Error {
  override readonly name = 'DatabaseVersionError';
  constructor(
    message: string,
    readonly state: SchemaState,
    readonly migratedBy: MigratedBy | null,
  ) {
    super(message);
  }
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Compares the migrations applied to the database with the ones in `migrationsFolder` (nothing is written). */
export function schemaState(sqlite: Database.Database, migrationsFolder: string): SchemaState {
  const known = readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis);
  const applied = hasTable(sqlite, MIGRATIONS_TABLE)
    ? (sqlite.prepare(`SELECT created_at AS at FROM ${MIGRATIONS_TABLE}`).all() as { at: number | string | null }[]).map((r) => Number(r.at))
    : [];
  const newestApplied = applied.length ? Math.max(...applied) : null;
  const newestKnown = known.length ? Math.max(...known) : 0;
  return {
    version: applied.length,
    known: known.length,
    pending: known.filter((when) => newestApplied === null || newestApplied < when).length,
    // Rows after this build's last migration, or more rows than it has migrations.
    unknown: Math.max(applied.filter((at) => at > newestKnown).length, applied.length - known.length),
  };
}

export function readMigratedBy(sqlite: Database.Database): MigratedBy | null {
  if (!hasTable(sqlite, META_TABLE)) return null;
  const get = sqlite.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`).pluck();
  const appVersion = get.get('migrated_by') as unknown;
  const schema = Number(get.get('schema') as unknown);
  if (typeof appVersion !== 'string' || !appVersion || !Number.isInteger(schema)) return null;
  return { appVersion, schema };
}

function recordMigratedBy(sqlite: Database.Database, appVersion: string, schema: number, at: number): void {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
  const put = sqlite.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  sqlite.transaction(() => {
    put.run('migrated_by', appVersion);
    put.run('schema', String(schema));
    put.run('migrated_at', new Date(at).toISOString());
  })();
}

/** "this database was migrated by Parla 0.3.0 (schema 14); this is Parla 0.2.0 (schema 13): run Parla 0.3.0 or later (...)". */
export function newerDatabaseMessage(state: SchemaState, by: MigratedBy | null, appVersion: string | undefined): string {
  const self = `this is ${appVersion ? `Parla ${appVersion}` : 'a Parla build'} (schema ${state.known})`;
  // The record is trusted only when it describes the schema the database has (a crash between a
  // migration and its record would otherwise name the wrong version).
  const known = by && by.schema === state.version ? by : null;
  const migrated = known ? `Parla ${known.appVersion}` : 'a newer Parla';
  const run = known ? `run Parla ${known.appVersion} or later` : `run a Parla version whose schema is ${state.version} or more`;
  return `this database was migrated by ${migrated} (schema ${state.version}); ${self}: ${run} (or restore a backup made before the upgrade)`;
}

export interface MigrateOptions {
  migrationsFolder: string;
  /** This Parla's version, recorded in the database when this open migrates it. */
  appVersion?: string | undefined;
  now?: () => number;
}

export interface Migrated {
  /** The schema version before this open (0: a new database). */
  from: number;
  /** The schema version now. */
  version: number;
  /** The copy made before migrating (`<file>.bak-<from>`), or null when nothing was pending or the database was new. */
  backup: string | null;
}

/**
 * Runs `migrate` (drizzle's migrator over `opts.migrationsFolder`) with the checks around it:
 * throws DatabaseVersionError, before writing anything, when the database has migrations this
 * build does not know; copies a database that already had migrations to `<file>.bak-<version>`
 * (VACUUM INTO: a consistent copy, synced, published by a rename) before applying pending ones;
 * afterwards records `appVersion` and the schema in `parla_meta` when it migrated.
 */
export function migrateCarefully(sqlite: Database.Database, file: string, opts: MigrateOptions, migrate: () => void): Migrated {
  const before = schemaState(sqlite, opts.migrationsFolder);
  if (before.unknown > 0) {
    const by = readMigratedBy(sqlite);
    throw new DatabaseVersionError(newerDatabaseMessage(before, by, opts.appVersion), before, by);
  }
  let backup: string | null = null;
  if (before.pending > 0 && before.version > 0 && !sqlite.memory) {
    backup = `${file}.bak-${before.version}`;
    try {
      copyAside(sqlite, backup);
    } catch (e) {
      throw new Error(`could not copy the database to ${backup} before migrating it from schema ${before.version} to ${before.known} (${(e as Error).message}); nothing was migrated`, { cause: e });
    }
  }
  migrate();
  const after = schemaState(sqlite, opts.migrationsFolder);
  const recorded = readMigratedBy(sqlite);
  if (opts.appVersion && (before.pending > 0 || recorded?.schema !== after.version)) {
    recordMigratedBy(sqlite, opts.appVersion, after.version, (opts.now ?? Date.now)());
  }
  return { from: before.version, version: after.version, backup };
}
