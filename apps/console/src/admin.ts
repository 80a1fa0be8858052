/**
 * Pure helpers of the admin screens (first-run setup, invitation and reset links, the team, the
 * sites). No zod here: the rules the server checks with @parla/protocol/admin are copied, and
 * test/admin.test.ts checks the copies against the schemas.
 */
import type { AgentStatus, Department } from '@parla/protocol';
import type { Site } from './api.ts';

/** PASSWORD_MIN of @parla/protocol/admin: the shortest password the server accepts when one is chosen. */
export const PASSWORD_MIN = 10;
/** NewPassword's upper bound. */
export const PASSWORD_MAX = 1024;

export type LinkKind = 'invite' | 'reset';

/**
 * An invitation or reset link read from the address bar's fragment (`#invite=TOKEN`,
 * `#reset=TOKEN`). `token` is null when the fragment names a link but its token cannot be one
 * (cut while copying, say): the page then says the link is not valid. Null: no link.
 */
export function readLinkFragment(hash: string): { kind: LinkKind; token: string | null } | null {
  const m = /^#?(invite|reset)=(.*)$/s.exec(hash.trim());
  if (!m) return null;
  const kind = m[1] as LinkKind;
  let token = m[2]!;
  try {
    token = decodeURIComponent(token);
  } catch {
    return { kind, token: null };
  }
  token = token.trim();
  // TokenBody of @parla/protocol/admin.
  return { kind, token: /^[A-Za-z0-9_-]{20,128}$/.test(token) ? token : null };
}

/**
 * Reads the link from the page's URL and removes the fragment from the address bar at once (the
 * token then stays out of the history, bookmarks and screenshots).
 */
export function takeLinkFragment(
  loc: Pick<Location, 'hash' | 'pathname' | 'search'>,
  hist: Pick<History, 'replaceState' | 'state'>,
): { kind: LinkKind; token: string | null } | null {
  const link = readLinkFragment(loc.hash);
  if (link) hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}`);
  return link;
}

/** Why a new password cannot be used yet (checked before sending; the server checks again). */
export function passwordProblem(password: string, confirmation: string): 'short' | 'long' | 'mismatch' | null {
  if (password.length < PASSWORD_MIN) return 'short';
  if (password.length > PASSWORD_MAX) return 'long';
  if (password !== confirmation) return 'mismatch';
  return null;
}

// ---- origins --------------------------------------------------------------------------------

export type OriginProblem = 'format' | 'scheme' | 'userinfo' | 'path' | 'host';

/**
 * One allowed origin as the server takes it (Origin of @parla/protocol/admin): scheme, host and
 * an optional port; `https://Shop.example.com/` becomes `https://shop.example.com`.
 */
export function normalizeOrigin(input: string): { ok: true; origin: string } | { ok: false; problem: OriginProblem } {
  const s = input.trim();
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, problem: 'scheme' };
  if (u.username || u.password) return { ok: false, problem: 'userinfo' };
  if (u.pathname !== '/' || u.search || u.hash || /[?#]/.test(s)) return { ok: false, problem: 'path' };
  if (!u.hostname || u.hostname.endsWith('.')) return { ok: false, problem: 'host' };
  return { ok: true, origin: u.origin };
}

export interface OriginLineError {
  /** 1-based line of the textarea. */
  line: number;
  value: string;
  problem: OriginProblem;
}

/** The server's limit of allowed origins per site. */
export const MAX_ORIGINS = 50;

/**
 * The origins textarea (one per line; blank lines ignored; commas and spaces also separate them,
 * as people paste lists): the normalized origins without duplicates, and every line that is not one.
 */
export function parseOrigins(text: string): { origins: string[]; errors: OriginLineError[] } {
  const origins: string[] = [];
  const errors: OriginLineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    for (const part of raw.split(/[\s,]+/)) {
      if (!part) continue;
      const r = normalizeOrigin(part);
      if (r.ok) {
        if (!origins.includes(r.origin)) origins.push(r.origin);
      } else errors.push({ line: i + 1, value: part, problem: r.problem });
    }
  });
  return { origins, errors };
}

/** The origins back in the textarea, one per line. */
export function originsText(origins: readonly string[]): string {
  return origins.join('\n');
}

// ---- team -----------------------------------------------------------------------------------

const RANK = { online: 0, away: 1, offline: 2 } as const;

/**
 * The agents page's two lists: the team (online first, then away, then offline; by name) and,
 * apart, the deactivated agents (by name).
 */
export function splitAgents(agents: readonly AgentStatus[]): { team: AgentStatus[]; deactivated: AgentStatus[] } {
  const byName = (a: AgentStatus, b: AgentStatus) => a.name.localeCompare(b.name);
  const team = agents.filter((a) => a.status !== 'deactivated').sort((a, b) => RANK[a.presence] - RANK[b.presence] || byName(a, b));
  const deactivated = agents.filter((a) => a.status === 'deactivated').sort(byName);
  return { team, deactivated };
}

/** Departments grouped under their site, in the sites' order (departments of unknown sites last, under their id). */
export function departmentsBySite(sites: readonly Site[] | null, departments: readonly Department[]): { site: Site; departments: Department[] }[] {
  const groups = new Map<string, { site: Site; departments: Department[] }>();
  for (const s of sites ?? []) groups.set(s.id, { site: s, departments: [] });
  for (const d of departments) {
    let g = groups.get(d.siteId);
    if (!g) groups.set(d.siteId, (g = { site: { id: d.siteId, name: d.siteId }, departments: [] }));
    g.departments.push(d);
  }
  return [...groups.values()].filter((g) => g.departments.length > 0);
}

/** The capacity field: a whole number from 1 to 50, or null. */
export function parseCapacity(s: string): number | null {
  const v = s.trim();
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= 50 ? n : null;
}
