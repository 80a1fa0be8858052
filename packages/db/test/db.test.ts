import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit, openDb, Store, type OpenedDb } from '../src/index.ts';

let dir: string;
let db: OpenedDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parla-db-'));
  db = openDb(join(dir, 'x.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDb', () => {
  it('uses WAL and synchronous=FULL explicitly, also when reopened', () => {
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
    db = openDb(join(dir, 'x.db'));
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });
  it('applies the committed migrations once', () => {
    const tables = (db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['agents', 'conversations', 'conversation_events', 'messages', 'page_views', 'sites', 'visitors', 'visits']));
    db.close();
    db = openDb(join(dir, 'x.db')); // no error on a second run
  });
});

describe('GroupCommit', () => {
  const setup = () => {
    const store = new Store(db.sqlite);
    store.upsertSite({ id: 's', name: 's', allowedOrigins: [], secret: 'k', routingMode: 'auto', createdAt: 1 });
    store.insertVisitor('v', 's', 'h', 1);
    store.insertConversation({ id: 'c', siteId: 's', visitorId: 'v', channel: 'web', state: 'queued', departmentId: null, priority: 0, createdAt: 1, queuedAt: 1 });
    return store;
  };
  const msg = (store: Store, clientId: string) => {
    const seq = store.nextSeq('c');
    store.insertMessage({ id: `m${seq}-${clientId}`, conversationId: 'c', seq, authorType: 'visitor', authorId: 'v', authorName: null, clientId, body: 'x', meta: null, createdAt: 1 });
    return seq;
  };

  it('commits a turn’s writes together and isolates a failing one in its savepoint', async () => {
    const store = setup();
    const gc = new GroupCommit(db.sqlite);
    const results = await Promise.allSettled([gc.run(() => msg(store, 'aaaaaaaa')), gc.run(() => msg(store, 'aaaaaaaa')), gc.run(() => msg(store, 'bbbbbbbb'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The failed write rolled back entirely, including its seq: the sequence stays gap-free.
    expect(results[0]).toMatchObject({ value: 1 });
    expect(results[2]).toMatchObject({ value: 2 });
    expect(store.conversation('c')!.lastSeq).toBe(2);
    expect(store.messagesAfter('c', 0, 10).map((m) => m.seq)).toEqual([1, 2]);
  });

  it('settles only after the data is committed (visible to a second connection)', async () => {
    const store = setup();
    const gc = new GroupCommit(db.sqlite);
    const p = gc.run(() => msg(store, 'cccccccc'));
    expect(gc.pending).toBe(1);
    await p;
    const other = openDb(join(dir, 'x.db'));
    try {
      expect((other.sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(1);
    } finally {
      other.close();
    }
  });
});
