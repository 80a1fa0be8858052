/** Rows the database benchmarks write through the Store's own prepared statements. */
import type { MessageRow, Store } from '@parla/db';

export const SITE = 'bench';

/** A site, `n` visitors and one conversation each (ids v<i>, c<i>); the last seq is 0. */
export function seedConversations(store: Store, n: number, at = Date.now()): string[] {
  store.upsertSite({ id: SITE, name: 'Bench', allowedOrigins: ['http://bench.test'], secret: 'bench-secret-0123456789', routingMode: 'auto', createdAt: at });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    store.insertVisitor(`v${i}`, SITE, `token-hash-${i}`, at);
    store.insertConversation({ id: `c${i}`, siteId: SITE, visitorId: `v${i}`, channel: 'web', state: 'assigned', departmentId: null, priority: 0, createdAt: at, queuedAt: at });
    ids.push(`c${i}`);
  }
  return ids;
}

export const BODY = 'Hello, my moka pot arrived but the handle is loose: can I get a replacement? Order A-1042.';

/**
 * A visitor message the way the server appends one (apps/server conversations.visitorMessage):
 * dedupe by clientId, the visitor's latest conversation, the next seq, the row, the inbox preview.
 */
export function appendVisitorMessage(store: Store, visitorId: string, clientId: string, body: string, at: number): MessageRow {
  const dup = store.messageByClient(visitorId, clientId);
  if (dup) return dup;
  const conv = store.latestConversationOf(visitorId)!;
  const m: MessageRow = { id: `m-${clientId}`, conversationId: conv.id, seq: store.nextSeq(conv.id), authorType: 'visitor', authorId: visitorId, authorName: null, clientId, body, meta: null, createdAt: at };
  store.insertMessage(m);
  store.setLastMessage(conv.id, body, at);
  return m;
}
