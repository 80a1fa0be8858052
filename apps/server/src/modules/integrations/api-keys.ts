/**
 * REST API keys: `pk_` + 256 random bits, shown once at creation; only the SHA-256 is stored,
 * with a short prefix to recognise the key in the console. Revoked keys stay listed (when, by whom).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRow, GroupCommit, IntegrationQueries } from '@parla/db';
import type { ApiKey } from '@parla/protocol/api';
import { nanoid } from 'nanoid';
import { ServiceError } from '../conversations/errors.ts';

/** How often a key's "last used" is written at most (a busy integration must not write on every request). */
const TOUCH_EVERY_MS = 60_000;
const PREFIX_CHARS = 11; // "pk_" + 8

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function apiKeyView(k: ApiKeyRow): ApiKey {
  return { id: k.id, siteId: k.siteId, name: k.name, prefix: k.prefix, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
}

export class ApiKeys {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly q: IntegrationQueries,
    private readonly commit: GroupCommit,
    private readonly now: () => number = Date.now,
  ) {}

  list(siteId: string): ApiKey[] {
    return this.q.keysOf(siteId).map(apiKeyView);
  }

  async create(siteId: string, name: string, createdBy: string | null): Promise<ApiKey & { key: string }> {
    const key = `pk_${randomBytes(32).toString('base64url')}`;
    const row = { id: `key_${nanoid()}`, siteId, name, keyHash: hashApiKey(key), prefix: key.slice(0, PREFIX_CHARS), createdBy, createdAt: this.now() };
    await this.commit.run(() => this.q.insertKey(row));
    return { ...apiKeyView({ ...row, lastUsedAt: null, revokedAt: null }), key };
  }

  key(id: string): ApiKeyRow {
    const k = this.q.key(id);
    if (!k) throw new ServiceError('not_found', 'no such API key');
    return k;
  }

  async revoke(id: string): Promise<ApiKey> {
    await this.commit.run(() => {
      this.key(id);
      this.q.revokeKey(id, this.now());
    });
    return apiKeyView(this.key(id));
  }

  /** The live key a bearer token is, or null (unknown, revoked, malformed). */
  authenticate(token: string | undefined): ApiKeyRow | null {
    if (!token || !/^pk_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const k = this.q.keyByHash(hashApiKey(token));
    if (!k || k.revokedAt !== null) return null;
    const at = this.now();
    if (at - (this.touched.get(k.id) ?? 0) >= TOUCH_EVERY_MS) {
      this.touched.set(k.id, at);
      void this.commit.run(() => this.q.touchKey(k.id, at)).catch(() => {});
    }
    return k;
  }
}
