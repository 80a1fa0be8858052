/**
 * Copies of the database file: the online backup (`parla backup FILE`, taken while the server
 * runs and writes) and the copy openDb makes aside before a migration. Both are written under a
 * temporary name, synced, and only then given their name, so a file with that name is complete.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** A backup refused or failed for a reason the user can act on. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface BackupResult {
  /** The backup's absolute path. */
  file: string;
  bytes: number;
  /** Schema version of the copy (migrations applied). */
  schema: number;
  conversations: number;
  messages: number;
}

/**
 * sqlite3_backup_step's page count: everything in one step. One step copies every page under a
 * single read transaction on the source, so the copy is one consistent snapshot and a write by the
 * server meanwhile (which goes to the WAL, after that snapshot) cannot restart it. Copying a few
 * pages per step instead would release the snapshot between steps, and every commit of the server
 * in between would restart the copy from page 1: under a steady load it might never finish.
 */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the live database `source` to `dest` with SQLite's online backup API, from a read-only
 * connection of its own: it runs no migration, takes no write lock and never checkpoints (a
 * read-only connection cannot), so the server goes on writing; in WAL mode a reader does not
 * block the writer. What was committed before the copy began is in it.
 *
 * The copy is written to `<dest>.<pid>.partial`, turned into a plain single-file database
 * (journal_mode DELETE: no -wal file to carry along), checked with `PRAGMA integrity_check`,
 * made readable by its owner only (0600), fsynced, and then linked to `dest` (which fails if
 * `dest` exists: no overwrite; with `force` it is renamed over it) and the directory fsynced.
 */
export async function onlineBackup(source: string, dest: string, opts: { force?: boolean } = {}): Promise<BackupResult> {
  source = resolve(source);
  dest = resolve(dest);
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source} (is DATA_DIR set as for the server?)`);
  if ([source, `${source}-wal`, `${source}-shm`, `${source}-journal`].includes(dest)) throw new BackupError(`${dest} is the live database; write the backup elsewhere`);
  if (!existsSync(dirname(dest))) throw new BackupError(`the directory ${dirname(dest)} does not exist`);
  if (existsSync(dest)) {
    if (!opts.force) throw new BackupError(`${dest} already exists; pass --force to replace it`);
    if (!statSync(dest).isFile()) throw new BackupError(`${dest} exists and is not a file`);
  }
  const tmp = `${dest}.${process.pid}.partial`;
  removeDbFiles(tmp);
  let published = false;
  try {
    const src = openReadOnly(source);
    try {
      await src.backup(tmp, { progress: () => ALL_PAGES });
    } finally {
      src.close();
    }
    const facts = seal(tmp);
    chmodSync(tmp, 0o600); // like the database, it holds personal data and SMTP passwords
    syncFile(tmp);
    publish(tmp, dest, opts.force ?? false);
    published = true;
    return { file: dest, bytes: statSync(dest).size, ...facts };
  } finally {
    if (!published) removeDbFiles(tmp);
  }
}

/**
 * A read-only connection to an existing database file: no migration, nothing written to the
 * database, never a checkpoint. (On a WAL database with no -wal/-shm files, e.g. while the server
 * is stopped, SQLite creates them empty, as any reader does.)
 */
export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
}

/**
 * A consistent copy of an open database to `target` (VACUUM INTO, synced, then renamed over
 * `target`): openDb's copy before a migration. Synchronous; runs outside any transaction.
 */
export function copyAside(sqlite: Database.Database, target: string): void {
  const tmp = `${target}.partial`;
  removeDbFiles(tmp);
  try {
    sqlite.prepare('VACUUM INTO ?').run(tmp);
    chmodSync(tmp, 0o600);
    syncFile(tmp);
    renameSync(tmp, target);
  } finally {
    removeDbFiles(tmp);
  }
  syncDir(dirname(target));
}

/** Makes the copy a self-contained rollback-journal file, checks it, and reads what it holds. */
function seal(file: string): Omit<BackupResult, 'file' | 'bytes'> {
  const db = new Database(file, { fileMustExist: true });
  try {
    // The backup copies the source's header, which says WAL; switching to DELETE leaves one file.
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy failed PRAGMA integrity_check (${String(check)}); nothing was written`);
    const count = (table: string): number =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) ? (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) : 0;
    return { schema: count('__drizzle_migrations'), conversations: count('conversations'), messages: count('messages') };
  } finally {
    db.close();
  }
}

function publish(tmp: string, dest: string, force: boolean): void {
  if (force) {
    renameSync(tmp, dest);
  } else {
    let linked = false;
    try {
      linkSync(tmp, dest); // atomic, and fails when dest exists
      linked = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError(`${dest} appeared while the backup ran; it was left alone (pass --force to replace it)`);
      // A file system without hard links: check, then rename.
      if (existsSync(dest)) throw new BackupError(`${dest} already exists; pass --force to replace it`);
      renameSync(tmp, dest);
    }
    if (linked) unlinkSync(tmp);
  }
  syncDir(dirname(dest));
}

function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable (the directory entry). Not every platform can open a directory; there it is skipped. */
function syncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    /* e.g. EINVAL/EISDIR where directories cannot be synced */
  } finally {
    closeSync(fd);
  }
}
