/**
 * A stable hash of the JSON Schema of every frame union of the protocol (the same schemas as the
 * wire-contract snapshot). test/version-hash.test.ts compares it with version-hash.json;
 * `pnpm --filter @parla/protocol run pin` rewrites that file.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AgentToServer, ServerToAgent, ServerToVisitor, VisitorToServer } from '../src/index.ts';

export const VERSION_HASH_FILE = new URL('./version-hash.json', import.meta.url);

/** JSON with object keys sorted at every depth, so that key order never changes the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function frameSchemas(): Record<string, unknown> {
  return {
    visitorToServer: z.toJSONSchema(VisitorToServer, { io: 'input' }),
    agentToServer: z.toJSONSchema(AgentToServer, { io: 'input' }),
    serverToVisitor: z.toJSONSchema(ServerToVisitor, { io: 'output' }),
    serverToAgent: z.toJSONSchema(ServerToAgent, { io: 'output' }),
  };
}

export function schemaHash(): string {
  return createHash('sha256').update(canonical(frameSchemas())).digest('hex');
}
