/**
 * `parla backup FILE`: the real command line (src/cli.ts through tsx, a child process, as
 * `pnpm parla` runs it) against a real server's DATA_DIR while real WebSocket visitors keep
 * writing. The backup must hold every message acknowledged before it began, pass SQLite's
 * integrity check, be one consistent snapshot (every conversation's seqs gap-free), and a server
 * must start on a restored copy and carry on from it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newClientId } from '@parla/client';
import { openDb, openReadOnly } from '@parla/db';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, visitor, type TestServer } from './harness.ts';
import { inspect, RATES_OFF } from './reliability/child.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `parla <args>` as a child process with only the given environment (and PATH, HOME). */
function parla(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanup.push(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startServer({ env: { ...RATES_OFF, ...env } });
  cleanup.push(() => s.close());
  return s;
}

/** Long bodies, so that the database is thousands of pages and the copy is not over in one blink. */
const FILLER = 'x'.repeat(3000);

describe('parla backup', () => {
  it('backs up a server under a steady message load: consistent, every message acknowledged before it began is in it, a server starts on it', { timeout: 120_000 }, async () => {
    const s = await server();
    const visitors = Array.from({ length: 4 }, () => visitor(s));
    cleanup.push(() => visitors.forEach((v) => v.close()));
    const welcomes = await Promise.all(visitors.map((v) => v.frame('welcome')));

    // The load: each visitor keeps 4 messages in flight and sends the next one on each ack (an ack
    // means the message is committed and on disk), until told to stop.
    const acked = new Set<string>();
    let writing = true;
    for (const v of visitors) {
      const send = () => {
        if (!writing) return;
        const clientId = newClientId();
        v.session.sendReliable({ type: 'message.send', clientId, body: `${clientId} ${FILLER}` });
      };
      v.session.on('ack', (a) => {
        acked.add(a.clientId);
        send();
      });
      for (let i = 0; i < 4; i++) send();
    }
    await visitors[0]!.waitFor(() => acked.size >= 1500, '1,500 acknowledged messages', 60_000);

    const dir = tempDir('parla-backup-');
    const file = join(dir, 'parla-backup.db');
    const ackedBefore = new Set(acked);
    const run = await parla(['backup', file], { DATA_DIR: s.dir, LOG_LEVEL: 'silent' });
    const ackedAfter = acked.size;
    writing = false;
    await visitors[0]!.waitFor(() => visitors.every((v) => v.session.pending().length === 0), 'the last acks', 30_000);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The server went on acknowledging messages while the command ran.
    expect(ackedAfter).toBeGreaterThan(ackedBefore.size);

    // The backup itself, read-only: intact, and every message acknowledged before it began is in it.
    const b = openReadOnly(file);
    let stored: Set<string>;
    let backupMessages: number;
    try {
      expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(b.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
      stored = new Set(b.prepare('SELECT client_id FROM messages WHERE client_id IS NOT NULL').pluck().all() as string[]);
      backupMessages = b.prepare('SELECT count(*) FROM messages').pluck().get() as number;
    } finally {
      b.close();
    }
    expect([...ackedBefore].filter((id) => !stored.has(id))).toEqual([]);
    const live = s.app.parla.db.sqlite.prepare('SELECT count(*) FROM messages').pluck().get() as number;
    // A snapshot: what was written after it is not in it.
    expect(backupMessages).toBeLessThan(live);
    expect(run.stdout).toContain(`backup written: ${file}`);
    expect(run.stdout).toContain(`${backupMessages.toLocaleString('en-US')} messages`);
    expect(readdirSync(dir)).toEqual(['parla-backup.db']); // nothing half-written left beside it
    console.log(
      `backup under load: ${ackedBefore.size} messages acknowledged before it began, ${ackedAfter - ackedBefore.size} more while the command ran; ` +
        `${backupMessages} in the backup (${readFileSync(file).length} bytes), ${live} in the live database at the end\n${run.stdout}`,
    );

    // Restore: a copy in a new DATA_DIR opens with openDb (migrations run) and is consistent.
    const restoreDir = tempDir('parla-restore-');
    copyFileSync(file, join(restoreDir, 'parla.db'));
    const opened = openDb(join(restoreDir, 'parla.db'));
    const facts = inspect(opened);
    await opened.close();
    expect(facts.integrity).toBe('ok');
    expect(facts.gaps).toEqual([]);
    expect(facts.messages).toBe(backupMessages);

    // A server starts on it; a visitor of the old server comes back with its token and goes on.
    const restored = await server({ DATA_DIR: restoreDir });
    const token = welcomes[0]!.type === 'welcome' ? welcomes[0]!.visitorToken! : '';
    const back = visitor(restored, { token });
    cleanup.push(() => back.close());
    const w = await back.frame('welcome');
    const conv = w.type === 'welcome' ? w.conversation : null;
    expect(conv?.id).toBeDefined();
    back.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'after the restore' });
    const ack = await back.frame('ack');
    expect(ack.conversationId).toBe(conv!.id);
    expect(ack.seq).toBe(facts.lastSeq.get(conv!.id)! + 1);
  });

  it('never replaces an existing file unless --force, and leaves nothing half-written', { timeout: 60_000 }, async () => {
    const s = await server();
    const env = { DATA_DIR: s.dir, LOG_LEVEL: 'silent' };
    const dir = tempDir('parla-backup-');
    const file = join(dir, 'b.db');
    writeFileSync(file, 'an older backup');

    const refused = await parla(['backup', file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file} already exists; pass --force to replace it`);
    expect(readFileSync(file, 'utf8')).toBe('an older backup');

    const forced = await parla(['backup', '--force', file], env);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const b = openReadOnly(file);
    expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    b.close();
    expect(statSync(file).mode & 0o777).toBe(0o600); // personal data: its owner's only

    const noDir = await parla(['backup', join(dir, 'missing', 'b.db')], env);
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain('does not exist');
    const usage = await parla(['backup'], env);
    expect(usage.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['b.db']);
  });
});
