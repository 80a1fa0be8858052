/** Writes test/version-hash.json: the current PROTOCOL_VERSION and the hash of the frame schemas. */
import { writeFileSync } from 'node:fs';
import { PROTOCOL_VERSION } from '../src/index.ts';
import { schemaHash, VERSION_HASH_FILE } from '../test/schema-hash.ts';

const pin = { version: PROTOCOL_VERSION, hash: schemaHash() };
writeFileSync(VERSION_HASH_FILE, `${JSON.stringify(pin, null, 2)}\n`);
console.log(`pinned protocol ${pin.version} to ${pin.hash}`);
