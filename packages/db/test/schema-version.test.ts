/**
 * openDb around the migrations: the copy made aside before a migration, and the refusal of a
 * database a newer Parla migrated. Older and newer builds are made for real: a copy of the
 * committed migrations folder with its journal cut short (an older build), or with one more
 * migration (a newer build), applied by drizzle's own migrator through openDb.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseVersionError, migrationsFolder, openDb, readMigratedBy } from '../src/index.ts';

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] } & Record<string, unknown>;
/** This build's schema version. */
const CURRENT = journal.entries.length;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parla-schema-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the migrations folder with the journal's first `n` entries (plus `extra`, a newer build's migration). */
function build(name: string, n: number, extra?: { tag: string; sql: string }): string {
  const folder = join(dir, name);
  cpSync(migrationsFolder, folder, { recursive: true });
  const entries = journal.entries.slice(0, n);
  if (extra) {
    entries.push({ idx: entries.length, version: '6', when: journal.entries.at(-1)!.when + 86_400_000, tag: extra.tag, breakpoints: true });
    writeFileSync(join(folder, `${extra.tag}.sql`), extra.sql);
  }
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return folder;
}

const FUTURE = { tag: '0099_future', sql: 'CREATE TABLE `future_things` (`id` text PRIMARY KEY NOT NULL);' };

function readOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const migrationsIn = (db: Database.Database) => db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
const columnsOf = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
/**
 * Whether a database has the change of this build's last migration: the first table it creates or
 * column it adds, read from its SQL (so the test follows new migrations without editing).
 */
const lastSql = readFileSync(join(migrationsFolder, `${journal.entries.at(-1)!.tag}.sql`), 'utf8');
const lastMark = /CREATE (?:VIRTUAL )?TABLE `(\w+)`/.exec(lastSql) ?? /ALTER TABLE `(\w+)` ADD `(\w+)`/.exec(lastSql);
const lastIndex = /CREATE (?:UNIQUE )?INDEX `(\w+)`/.exec(lastSql);
const hasLastMigration = (db: Database.Database) => {
  if (!lastMark && lastIndex) return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(lastIndex[1]) !== undefined;
  if (!lastMark) throw new Error('the last migration creates no table, index or column: teach hasLastMigration about it');
  return lastMark[2] ? columnsOf(db, lastMark[1]!).includes(lastMark[2]) : columnsOf(db, lastMark[1]!).length > 0;
};
/** The files of the test's directory that are databases or copies (not the migrations folders). */
const dbFiles = () => readdirSync(dir).filter((f) => f.startsWith('parla.db')).sort();

describe('the copy before a migration', () => {
  it('copies a database at an older schema to parla.db.bak-<old schema> before migrating it, and records who migrated', async () => {
    const file = join(dir, 'parla.db');
    const older = build('older', CURRENT - 1);
    const old = openDb(file, { migrationsFolder: older, appVersion: '0.0.9' });
    expect(old.schema).toEqual({ from: 0, version: CURRENT - 1, backup: null }); // a new database: nothing to copy
    old.sqlite.prepare('INSERT INTO sites (id, name, secret, created_at) VALUES (?, ?, ?, ?)').run('before-upgrade', 'Shop', 'k', 1);
    await old.close();
    expect(dbFiles()).toEqual(['parla.db']);

    const opened = openDb(file, { appVersion: '0.1.0' });
    const bak = `${file}.bak-${CURRENT - 1}`;
    expect(opened.schema).toEqual({ from: CURRENT - 1, version: CURRENT, backup: bak });
    expect(migrationsIn(opened.sqlite)).toBe(CURRENT);
    expect(readMigratedBy(opened.sqlite)).toEqual({ appVersion: '0.1.0', schema: CURRENT });
    await opened.close();

    // The copy: a complete database at the old schema, with the data it had.
    expect(existsSync(bak)).toBe(true);
    expect(statSync(bak).mode & 0o777).toBe(0o600);
    readOnly(bak, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(migrationsIn(db)).toBe(CURRENT - 1);
      expect(readMigratedBy(db)).toEqual({ appVersion: '0.0.9', schema: CURRENT - 1 });
      expect(db.prepare('SELECT name FROM sites WHERE id = ?').pluck().get('before-upgrade')).toBe('Shop');
      // The last migration's changes are not in it.
      expect(hasLastMigration(db)).toBe(false);
    });
    readOnly(file, (db) => expect(hasLastMigration(db)).toBe(true));

    // Restoring the copy and opening it migrates it again, from the same schema.
    rmSync(file);
    for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    cpSync(bak, file);
    const restored = openDb(file, { appVersion: '0.1.0' });
    expect(restored.schema).toMatchObject({ from: CURRENT - 1, version: CURRENT });
    expect(restored.sqlite.prepare('SELECT name FROM sites WHERE id = ?').pluck().get('before-upgrade')).toBe('Shop');
    await restored.close();
  });

  it('makes no copy of a new database, nor of one with nothing pending', async () => {
    const file = join(dir, 'parla.db');
    const fresh = openDb(file, { appVersion: '0.1.0' });
    expect(fresh.schema).toEqual({ from: 0, version: CURRENT, backup: null });
    await fresh.close();
    const again = openDb(file, { appVersion: '0.1.1' });
    expect(again.schema).toEqual({ from: CURRENT, version: CURRENT, backup: null });
    // A later version that migrated nothing does not claim the database: 0.1.0 is what it needs.
    expect(readMigratedBy(again.sqlite)).toEqual({ appVersion: '0.1.0', schema: CURRENT });
    await again.close();
    expect(dbFiles().filter((f) => f.includes('.bak'))).toEqual([]);
  });
});

describe('a database migrated by a newer Parla', () => {
  it('is refused with the version it needs, before anything is written', async () => {
    const file = join(dir, 'parla.db');
    const current = openDb(file, { appVersion: '0.1.0' });
    await current.close();
    const filesBefore = dbFiles();

    const older = build('older', CURRENT - 1);
    let err: unknown;
    try {
      openDb(file, { migrationsFolder: older, appVersion: '0.0.9' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatabaseVersionError);
    expect((err as Error).message).toBe(
      `this database was migrated by Parla 0.1.0 (schema ${CURRENT}); this is Parla 0.0.9 (schema ${CURRENT - 1}): run Parla 0.1.0 or later (or restore a backup made before the upgrade)`,
    );
    // Nothing copied, nothing migrated or recorded; the connection was closed (no leftover -wal).
    expect(dbFiles()).toEqual(filesBefore);
    readOnly(file, (db) => {
      expect(migrationsIn(db)).toBe(CURRENT);
      expect(readMigratedBy(db)).toEqual({ appVersion: '0.1.0', schema: CURRENT });
    });
  });

  it('is refused when its newest migration is one this build does not know, even with no more migrations than it has', async () => {
    // Migrated by a build that has the first CURRENT-1 migrations and another one, later than all of ours.
    const file = join(dir, 'parla.db');
    const other = openDb(file, { migrationsFolder: build('other', CURRENT - 1, FUTURE), appVersion: '0.3.0' });
    expect(other.schema.version).toBe(CURRENT);
    await other.close();
    expect(() => openDb(file, { appVersion: '0.1.0' })).toThrow(
      `this database was migrated by Parla 0.3.0 (schema ${CURRENT}); this is Parla 0.1.0 (schema ${CURRENT}): run Parla 0.3.0 or later (or restore a backup made before the upgrade)`,
    );
    readOnly(file, (db) => expect(hasLastMigration(db)).toBe(false)); // our last migration was not applied over it
  });

  it('without a record of who migrated it, says which schema it needs', async () => {
    const file = join(dir, 'parla.db');
    const newer = openDb(file, { migrationsFolder: build('newer', CURRENT, FUTURE) }); // no appVersion: nothing recorded
    expect(readMigratedBy(newer.sqlite)).toBeNull();
    await newer.close();
    expect(() => openDb(file, { appVersion: '0.1.0' })).toThrow(
      `this database was migrated by a newer Parla (schema ${CURRENT + 1}); this is Parla 0.1.0 (schema ${CURRENT}): run a Parla version whose schema is ${CURRENT + 1} or more (or restore a backup made before the upgrade)`,
    );
  });
});
