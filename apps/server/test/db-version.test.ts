/**
 * The server and the database's schema version: a server started on an older database copies it
 * aside and migrates it (recording its own version); the real server process refuses a database
 * a newer Parla migrated, exits non-zero and says which version it needs.
 * Older and newer databases are made for real, with a copy of the migrations folder whose journal
 * is cut short or has one more migration, applied by openDb (drizzle's migrator).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsFolder, openDb, openReadOnly, readMigratedBy } from '@parla/db';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './harness.ts';
import { freePort } from './reliability/child.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = (JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { version: string }).version;
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] } & Record<string, unknown>;
/** This server's schema version (migrations it knows). */
const SCHEMA = journal.entries.length;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations with the first `n` journal entries, plus one later migration when `future`. */
function migrations(n: number, future = false): string {
  const folder = join(dir, `migrations-${n}${future ? '-future' : ''}`);
  cpSync(migrationsFolder, folder, { recursive: true });
  const entries: unknown[] = journal.entries.slice(0, n);
  if (future) {
    entries.push({ idx: entries.length, version: '6', when: journal.entries.at(-1)!.when + 86_400_000, tag: '0099_future', breakpoints: true });
    writeFileSync(join(folder, '0099_future.sql'), 'CREATE TABLE `future_things` (`id` text PRIMARY KEY NOT NULL);');
  }
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe('the database schema version', () => {
  it('a server started on an older database copies it aside, migrates it and records its version', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parla-dbv-'));
    const data = join(dir, 'data');
    const old = openDb(join(data, 'parla.db'), { migrationsFolder: migrations(SCHEMA - 1), appVersion: '0.0.1' });
    await old.close();

    const s = await startServer({ env: { DATA_DIR: data } });
    const live = readMigratedBy(s.app.parla.db.sqlite);
    await s.close();
    expect(live).toEqual({ appVersion: VERSION, schema: SCHEMA });
    const bak = join(data, `parla.db.bak-${SCHEMA - 1}`);
    expect(existsSync(bak)).toBe(true);
    const b = openReadOnly(bak);
    expect(readMigratedBy(b)).toEqual({ appVersion: '0.0.1', schema: SCHEMA - 1 });
    expect(b.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(SCHEMA - 1);
    b.close();
  });

  it('the server process refuses a database migrated by a newer Parla: exit 1, the version it needs on stderr, nothing changed', { timeout: 60_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'parla-dbv-'));
    const data = join(dir, 'data');
    const newer = openDb(join(data, 'parla.db'), { migrationsFolder: migrations(SCHEMA, true), appVersion: '9.9.9' });
    await newer.close();
    const before = readdirSync(data);

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: data, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    try {
      const code = await new Promise<number | null>((done) => child.once('close', done));
      expect(code).toBe(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(stderr.trim()).toBe(
      `Parla cannot start: this database was migrated by Parla 9.9.9 (schema ${SCHEMA + 1}); this is Parla ${VERSION} (schema ${SCHEMA}): run Parla 9.9.9 or later (or restore a backup made before the upgrade)`,
    );
    expect(readdirSync(data)).toEqual(before); // no copy made, no -wal left
    const db = openReadOnly(join(data, 'parla.db'));
    expect(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(SCHEMA + 1);
    expect(readMigratedBy(db)).toEqual({ appVersion: '9.9.9', schema: SCHEMA + 1 });
    db.close();
  });
});
