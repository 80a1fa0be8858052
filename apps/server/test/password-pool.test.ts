/**
 * Password hashing on worker threads (lib/passwords.ts): the hash format of before (old hashes
 * verify), the dummy hash for unknown emails costs a real check, the concurrency cap and its
 * answer (429 rate_limited with Retry-After, in the pool and over HTTP), a worker that dies is
 * replaced and its hash run again, a worker that cannot start fails the start, and closing the
 * app stops the threads. The login burst beside a message stream is login-burst.test.ts.
 */
import { scrypt, scryptSync } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { DUMMY_PASSWORD_HASH, HASH_NICE, PasswordPool, PasswordsBusy, SCRYPT } from '../src/lib/passwords.ts';
import { startServer, useServer } from './harness.ts';

const PASSWORD = 'correct horse battery';

async function withPool<T>(opts: { workers: number; queue: number }, fn: (pool: PasswordPool) => Promise<T>): Promise<T> {
  const pool = new PasswordPool(opts);
  try {
    await pool.ready();
    return await fn(pool);
  } finally {
    await pool.close();
  }
}

describe('password pool', () => {
  it('verifies the right password only, salted, in the format of before', async () => {
    await withPool({ workers: 1, queue: 8 }, async (pool) => {
      const h = await pool.hash('s3cret pass');
      expect(h).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      expect(await pool.verify('s3cret pass', h)).toBe(true);
      expect(await pool.verify('s3cret pasS', h)).toBe(false);
      expect(await pool.verify('s3cret pass', 'garbage')).toBe(false);
      expect(await pool.hash('s3cret pass')).not.toBe(h); // salted
      // The same key node's own scrypt computes (what the hashes stored so far were made with).
      const [, , , , salt, key] = h.split('$') as string[];
      const direct = scryptSync('s3cret pass', Buffer.from(salt!, 'base64url'), 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
      expect(direct.toString('base64url')).toBe(key);
    });
  });

  it('verifies a hash written by the code of before (async scrypt on libuv’s pool), NFKC-normalized', async () => {
    // lib/crypto.ts's hashPassword until this change, verbatim in what it computed.
    const salt = Buffer.from('0123456789abcdef');
    const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, keylen: number, opts: object) => Promise<Buffer>;
    const key = await scryptAsync('ﬁancé'.normalize('NFKC'), salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = `scrypt$32768$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    await withPool({ workers: 1, queue: 8 }, async (pool) => {
      expect(await pool.verify('ﬁancé', old)).toBe(true);
      expect(await pool.verify('fiancé', old)).toBe(true); // the ligature normalizes to f + i
      expect(await pool.verify('fiance', old)).toBe(false);
    });
  });

  it('checks unknown emails against a dummy hash that costs a real check, in the same queue', async () => {
    const real = DUMMY_PASSWORD_HASH.split('$');
    expect(real.slice(0, 4)).toEqual(['scrypt', String(SCRYPT.N), String(SCRYPT.r), String(SCRYPT.p)]);
    expect(Buffer.from(real[5]!, 'base64url').length).toBe(SCRYPT.keylen);
    await withPool({ workers: 1, queue: 8 }, async (pool) => {
      const h = await pool.hash(PASSWORD);
      const before = pool.hashes;
      expect(await pool.verify(PASSWORD, DUMMY_PASSWORD_HASH)).toBe(false);
      expect(await pool.verify(PASSWORD, h)).toBe(true);
      expect(pool.hashes - before).toBe(2); // one scrypt each
    });
  });

  it('runs `workers` hashes at once, queues `queue` more, and refuses the next with 429 rate_limited and a retry delay', async () => {
    await withPool({ workers: 1, queue: 2 }, async (pool) => {
      const h = await pool.hash(PASSWORD);
      // Six checks in the same turn of the event loop: one runs, two wait, three are refused at once.
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => pool.verify(PASSWORD, h)));
      const done = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(done.map((r) => (r as PromiseFulfilledResult<boolean>).value)).toEqual([true, true, true]);
      expect(refused).toHaveLength(3);
      for (const e of refused) {
        expect(e).toBeInstanceOf(PasswordsBusy);
        const busy = e as PasswordsBusy;
        expect([busy.status, busy.code]).toEqual([429, 'rate_limited']);
        expect(busy.retryAfterMs).toBeGreaterThanOrEqual(1000);
        expect(busy.message).toMatch(/too many password checks at once; try again in \d+ s/);
      }
      expect(pool.refused).toBe(3);
      // Once the line is short again, checks are taken.
      expect(await pool.verify(PASSWORD, h)).toBe(true);
    });
  });

  it('replaces a worker that dies and runs the hash it was computing again', async () => {
    const errors: boolean[] = [];
    const pool = new PasswordPool({ workers: 1, queue: 4, onWorkerError: (_e, replaced) => errors.push(replaced) });
    try {
      await pool.ready();
      const h = await pool.hash(PASSWORD);
      const first = pool.threads[0]!;
      const checks = [pool.verify(PASSWORD, h), pool.verify('wrong', h)];
      await first.terminate(); // dies with a hash under way and one waiting
      expect(await Promise.all(checks)).toEqual([true, false]);
      expect(pool.replaced).toBe(1);
      expect(errors).toEqual([true]);
      expect(pool.threads).toHaveLength(1);
      expect(pool.threads[0]).not.toBe(first);
      expect(await pool.verify(PASSWORD, await pool.hash(PASSWORD))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('fails loudly when the worker cannot start (a file missing from a deployed folder)', async () => {
    const errors: boolean[] = [];
    const pool = new PasswordPool({ workers: 1, queue: 4, script: new URL('./no-such-password-worker.mjs', import.meta.url), onWorkerError: (_e, replaced) => errors.push(replaced) });
    await expect(pool.ready()).rejects.toThrow(/no-such-password-worker|Cannot find/);
    await expect(pool.verify(PASSWORD, DUMMY_PASSWORD_HASH)).rejects.toThrow();
    expect(errors).toEqual([false]);
    await pool.close();
  });

  it('close() refuses what waits and stops every thread', async () => {
    const pool = new PasswordPool({ workers: 2, queue: 8 });
    await pool.ready();
    const threads = pool.threads;
    const exits = threads.map((t) => new Promise<number>((r) => t.once('exit', r)));
    const checks = Array.from({ length: 5 }, () => pool.verify(PASSWORD, DUMMY_PASSWORD_HASH).then(() => 'answered', () => 'refused'));
    await pool.close();
    expect(await Promise.all(exits)).toHaveLength(2);
    expect(pool.threads).toHaveLength(0);
    expect(await Promise.all(checks)).toEqual(Array(5).fill('refused'));
    await expect(pool.hash(PASSWORD)).rejects.toThrow(/stopped/);
  });

  it.runIf(process.platform === 'linux')('runs its threads below the event loop’s priority (nice +10)', async () => {
    await withPool({ workers: 2, queue: 8 }, async (pool) => {
      const nice = (tid: number | null) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19, nice
      };
      const own = nice(Number(readlinkSync('/proc/thread-self').split('/').pop())); // this thread keeps its own
      expect(pool.threadIds.map(nice)).toEqual(Array(2).fill(Math.min(19, own + HASH_NICE)));
    });
  });

  it('a pool closed while its threads start does not leave ready() hanging', async () => {
    const pool = new PasswordPool({ workers: 1, queue: 1 });
    await pool.close();
    await expect(pool.ready()).rejects.toThrow(/stopped/);
  });

  it('validates PASSWORD_HASH_WORKERS and PASSWORD_HASH_QUEUE', () => {
    expect(loadConfig({})).toMatchObject({ PASSWORD_HASH_WORKERS: 1, PASSWORD_HASH_QUEUE: 32 });
    expect(loadConfig({ PASSWORD_HASH_WORKERS: '2', PASSWORD_HASH_QUEUE: '0' })).toMatchObject({ PASSWORD_HASH_WORKERS: 2, PASSWORD_HASH_QUEUE: 0 });
    expect(() => loadConfig({ PASSWORD_HASH_WORKERS: '0' })).toThrow(/PASSWORD_HASH_WORKERS/);
    expect(() => loadConfig({ PASSWORD_HASH_WORKERS: 'two' })).toThrow(/PASSWORD_HASH_WORKERS/);
    expect(() => loadConfig({ PASSWORD_HASH_QUEUE: '-1' })).toThrow(/PASSWORD_HASH_QUEUE/);
  });
});

describe('password pool in the server', () => {
  const ctx = useServer({ env: { RATE_LOGIN_IP: 'off', PASSWORD_HASH_WORKERS: '1', PASSWORD_HASH_QUEUE: '1' } });

  it('answers logins over the cap 429 rate_limited with Retry-After, counts them as no failure, and the right password still signs in', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada', PASSWORD);
    const login = async (email: string, password: string) => {
      const res = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error: string; message: string } };
    };
    // 12 wrong passwords for Ada at once (RATE_LOGIN_EMAIL allows 10 failures): one is hashed, one
    // waits, the others are refused before any hashing.
    const burst = await Promise.all(Array.from({ length: 12 }, () => login('ada@shop.test', 'wrong password')));
    const refused = burst.filter((r) => r.status === 429);
    const failed = burst.filter((r) => r.status === 401);
    expect(refused.length + failed.length).toBe(12);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const r of refused) {
      expect(r.body.error).toBe('rate_limited');
      expect(r.body.message).toMatch(/too many password checks at once; try again in \d+ s/);
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // Refusals are not failed logins: Ada's failure bucket (10 per 15 min) is not used up by them.
    expect(failed.length).toBeLessThan(10);
    const ok = await login('ada@shop.test', PASSWORD);
    expect(ok.status).toBe(200);
    console.log(`cap 1 + queue 1: ${failed.length} of 12 concurrent logins hashed (401), ${refused.length} refused (429, Retry-After ${refused[0]?.retryAfter} s)`);
  });

  it('keeps signing agents in after its worker dies', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada', PASSWORD);
    const pool = s.app.parla.passwords;
    const pending = s.login('ada@shop.test');
    // Wait until the login's hash is under way, then kill the thread computing it.
    for (let i = 0; i < 400 && pool.stats().busy === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(pool.stats().busy).toBe(1);
    await pool.threads[0]!.terminate();
    expect(await pending).toMatch(/^parla_session=/);
    expect(pool.replaced).toBe(1);
    expect(await s.login('ada@shop.test')).toMatch(/^parla_session=/);
  });
});

describe('the server and its password threads', () => {
  it('stops them when the app closes', async () => {
    const s = await startServer();
    await s.addAgent('ada@shop.test', 'Ada', PASSWORD);
    const threads = s.app.parla.passwords.threads;
    expect(threads).toHaveLength(1);
    const exited = Promise.all(threads.map((t) => new Promise((r) => t.once('exit', r))));
    await s.close();
    await exited;
    expect(s.app.parla.passwords.threads).toHaveLength(0);
  });
});
