import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../src/index.ts';
import { schemaHash, VERSION_HASH_FILE } from './schema-hash.ts';

const pinned = JSON.parse(readFileSync(VERSION_HASH_FILE, 'utf8')) as { version: number; hash: string };
const HOW = 'update version-hash.json with `pnpm --filter @parla/protocol run pin`';

describe('protocol version pin', () => {
  it('changing a frame without a PROTOCOL_VERSION bump fails', () => {
    const hash = schemaHash();
    if (hash !== pinned.hash && PROTOCOL_VERSION === pinned.version) {
      expect.fail(`the protocol changed: bump PROTOCOL_VERSION and add a changelog line, then ${HOW}`);
    }
    if (PROTOCOL_VERSION !== pinned.version || hash !== pinned.hash) {
      expect.fail(`PROTOCOL_VERSION is ${PROTOCOL_VERSION} but version-hash.json pins ${pinned.version}: ${HOW}`);
    }
    expect(pinned).toEqual({ version: PROTOCOL_VERSION, hash });
  });

  it('the hash is a stable sha-256', () => {
    expect(schemaHash()).toBe(schemaHash());
    expect(pinned.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
