/**
 * The console's addresses: every view and every conversation has a URL under /console/ that
 * survives a reload and Back (the server answers index.html for any of them). Pure: a path in,
 * a route out, and back; the app keeps the URL as the source of truth for the view shown.
 *
 *   /console/                     the inbox (also /console/inbox)
 *   /console/c/<id>               a conversation (in the inbox)
 *   /console/queue                the queue
 *   /console/agents               the team
 *   /console/sites                sites (admins)
 *   /console/reports?from=&to=&tz=&site=&department=&agent=
 *   /console/kb                   the knowledge base
 *   /console/settings/<section>   one section of Settings (/console/settings: the first)
 */
export const BASE = '/console';

export type View = 'inbox' | 'queue' | 'agents' | 'sites' | 'settings' | 'reports' | 'kb';

export type Route =
  | { view: 'inbox'; conversationId: string | null }
  | { view: 'settings'; section: string | null }
  | { view: Exclude<View, 'inbox' | 'settings'> };

const SIMPLE = ['queue', 'agents', 'sites', 'reports', 'kb'] as const;
/** Ids are nanoid-like: letters, digits, '_' and '-'. Anything else is not an address of ours. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The route of a pathname (no query); unknown paths show the inbox. */
export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(safeDecode);
  const [head, second] = parts;
  if (head === 'c' && second && ID.test(second)) return { view: 'inbox', conversationId: second };
  if (head === 'settings') return { view: 'settings', section: second && ID.test(second) ? second : null };
  const simple = SIMPLE.find((v) => v === head);
  if (simple) return { view: simple };
  return { view: 'inbox', conversationId: null };
}

/** The path of a route (no query). */
export function routePath(r: Route): string {
  if (r.view === 'inbox') return r.conversationId ? `${BASE}/c/${encodeURIComponent(r.conversationId)}` : `${BASE}/inbox`;
  if (r.view === 'settings') return r.section ? `${BASE}/settings/${encodeURIComponent(r.section)}` : `${BASE}/settings`;
  return `${BASE}/${r.view}`;
}

/** The path of a view (its landing address). */
export function viewPath(v: View): string {
  return v === 'inbox' ? routePath({ view: 'inbox', conversationId: null }) : v === 'settings' ? routePath({ view: 'settings', section: null }) : routePath({ view: v });
}

/** A path with a query of the given values (empty values left out, keys in a stable order). */
export function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const k of Object.keys(query).sort()) {
    const v = query[k];
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
