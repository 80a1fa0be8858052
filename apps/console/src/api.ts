/** The console's HTTP calls (same origin; the session cookie rides along, the CSRF token in a header). */
import type { AgentStatus, BotAnswer, BotMissGroup, CannedResponse, ConversationDetail, Department, FaqAlternativeResult, FaqEntry, LiveMetrics, LoginRequest, Metrics, SessionView, SiteSettings } from '@parla/protocol';
import type { AgentCreate, AgentCreated, PasswordLink, PasswordLinkInfo, SetupRequest, SiteCreate, SiteDetail, SiteUpdate, TotpEnabled, TotpSetup, TotpStatus } from '@parla/protocol/admin';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's `error` code, or 'network' when the request never got an answer. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The session's CSRF token: every state-changing request sends it in X-Parla-CSRF (the server
 * refuses one with the session cookie without it, so another page of the same site cannot act
 * with the agent's cookie). It comes with login, setup, a password link's acceptance and
 * /api/auth/me, lasts as long as the session, and is forgotten at logout.
 */
let csrfToken: string | null = null;

/** Remembers the token of a session answer (login, me, setup, accept) and passes it on. */
function remember<T extends { csrfToken?: string }>(r: T): T {
  if (typeof r.csrfToken === 'string') csrfToken = r.csrfToken;
  return r;
}

/** CSRF_HEADER of @parla/protocol (copied: importing a value would bundle zod; a test keeps them equal). */
export const CSRF_HEADER = 'X-Parla-CSRF';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP call of the console (same origin; the session cookie rides along, and the CSRF token
 * on anything but GET). A 403 csrf_token_invalid (the token unknown yet, or the session changed
 * in another tab) fetches the current token once and tries again.
 */
export async function send<T>(method: Method, path: string, body?: BodyInit, contentType?: string, retried = false): Promise<T> {
  let res: Response;
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
    res = await fetch(path, { method, credentials: 'same-origin', headers, body });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error');
  }
  if (res.status === 204) return undefined as T;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const err = data && typeof data === 'object' ? (data as { error?: unknown; message?: unknown }) : {};
    if (res.status === 403 && err.error === 'csrf_token_invalid' && !retried) {
      const fresh = await refreshCsrf();
      if (fresh) return send<T>(method, path, body, contentType, true);
    }
    throw new ApiError(
      res.status,
      typeof err.error === 'string' ? err.error : `http_${res.status}`,
      typeof err.message === 'string' ? err.message : `${res.status} ${res.statusText}`,
    );
  }
  return data as T;
}

/** Fetches the session's current token; false when there is no session. */
async function refreshCsrf(): Promise<boolean> {
  try {
    remember(await send<SessionView>('GET', '/api/auth/me'));
    return true;
  } catch {
    return false;
  }
}

/** A JSON call (see send). */
export function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return body === undefined ? send<T>(method, path) : send<T>(method, path, JSON.stringify(body), 'application/json');
}

export const api = {
  login: async (body: LoginRequest) => remember(await request<SessionView>('POST', '/api/auth/login', body)),
  logout: async () => {
    try {
      await request<void>('POST', '/api/auth/logout');
    } finally {
      csrfToken = null;
    }
  },
  /** The agent of the current session cookie (and the session's CSRF token); throws ApiError 401 without one. */
  me: async () => remember(await request<SessionView>('GET', '/api/auth/me')),
  conversation: (id: string) => request<ConversationDetail>('GET', `/api/conversations/${encodeURIComponent(id)}`),
  /** The agent's own password (403 wrong_password, 429 after repeated failures); their other sessions end. */
  changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/api/auth/password', { currentPassword, newPassword }),
  /** Two-factor sign-in of the signed-in agent: state, a secret to scan, turning it on (answers the recovery codes) and off. */
  totp: () => request<TotpStatus>('GET', '/api/auth/totp'),
  totpSetup: (currentPassword: string) => request<TotpSetup>('POST', '/api/auth/totp/setup', { currentPassword }),
  totpEnable: (code: string) => request<TotpEnabled>('POST', '/api/auth/totp/enable', { code }),
  totpDisable: (currentPassword: string, code: string) => request<void>('POST', '/api/auth/totp/disable', { currentPassword, code }),
  /** Admins: two-factor off for an agent who lost their phone. */
  resetAgentTotp: (id: string) => request<AgentStatus>('POST', `/api/agents/${enc(id)}/totp/reset`),

  /** Whether the install still needs its first admin (no session needed). */
  setupStatus: () => request<{ needed: boolean }>('GET', '/api/setup'),
  /** The first admin with the setup code from the server's log; signs in (403 invalid_setup_code, 409 setup_done). */
  setup: async (body: SetupRequest) => remember(await request<SessionView>('POST', '/api/setup', body)),
  /** Who an invitation or reset link is for (404 invalid_link: used, replaced or expired). */
  inspectLink: (token: string) => request<PasswordLinkInfo>('POST', '/api/password-links/inspect', { token }),
  /** Sets the password through the link and signs in. */
  /** `totpRequired`: the password is set, but an agent with two-factor on signs in with their code (no session, no token yet). */
  acceptLink: async (token: string, password: string) => {
    const r = await request<SessionView & { totpRequired?: boolean }>('POST', '/api/password-links/accept', { token, password });
    return r.totpRequired ? r : remember(r);
  },

  /** Every KPI for a period and filters; `query` is reports.ts metricsQueryString(). */
  report: (query: string) => request<Metrics>('GET', `/api/metrics?${query}`),
  /** Queue length, longest wait, open conversations, agents' presence and load now. */
  live: () => request<LiveMetrics>('GET', '/api/metrics/live'),

  sites: () => request<Site[]>('GET', '/api/sites'),
  settings: (siteId: string) => request<SiteSettings>('GET', `/api/sites/${enc(siteId)}/settings`),
  /** Admins only (403 forbidden otherwise); 400 with the reason on invalid input. */
  saveSettings: (siteId: string, body: SiteSettings) => request<SiteSettings>('PUT', `/api/sites/${enc(siteId)}/settings`, body),
  departments: (siteId: string) => request<Department[]>('GET', `/api/sites/${enc(siteId)}/departments`),
  createDepartment: (siteId: string, body: DepartmentBody & { name: string }) =>
    request<Department>('POST', `/api/sites/${enc(siteId)}/departments`, body),
  updateDepartment: (id: string, body: DepartmentBody) => request<Department>('PATCH', `/api/departments/${enc(id)}`, body),
  deleteDepartment: (id: string) => request<void>('DELETE', `/api/departments/${enc(id)}`),
  agents: () => request<AgentStatus[]>('GET', '/api/agents'),
  /** Admins: name, email, role, maxChats and departmentIds of anyone; an agent: their own maxChats. */
  updateAgent: (id: string, body: AgentPatchBody) => request<AgentStatus>('PATCH', `/api/agents/${enc(id)}`, body),
  /** Admins: a new agent and their invitation link (409 email_taken). */
  createAgent: (body: AgentCreate) => request<AgentCreated>('POST', '/api/agents', body),
  /** Admins: signs the agent out everywhere and requeues their conversations (409 last_admin). */
  deactivateAgent: (id: string) => request<AgentStatus>('POST', `/api/agents/${enc(id)}/deactivate`),
  reactivateAgent: (id: string) => request<AgentStatus>('POST', `/api/agents/${enc(id)}/reactivate`),
  /** Admins: a new invitation or password-reset link; earlier links stop working (409 deactivated). */
  passwordLink: (id: string) => request<PasswordLink>('POST', `/api/agents/${enc(id)}/password-link`),

  /** Admins: a site with its origins and embed snippet. */
  site: (siteId: string) => request<SiteDetail>('GET', `/api/sites/${enc(siteId)}`),
  createSite: (body: SiteCreate) => request<SiteDetail>('POST', '/api/sites', body),
  updateSite: (siteId: string, body: SiteUpdate) => request<SiteDetail>('PATCH', `/api/sites/${enc(siteId)}`, body),
  /** Deletes the site and all its conversations, visitors and files (409 declared_site for SITE_ORIGINS sites). */
  deleteSite: (siteId: string) => request<void>('DELETE', `/api/sites/${enc(siteId)}`),

  faqs: (siteId: string) => request<FaqEntry[]>('GET', `/api/sites/${enc(siteId)}/faqs`),
  /** Admins: replaces the site's whole knowledge base; 400 with the reason on invalid input. */
  saveFaqs: (siteId: string, list: FaqEntry[]) => request<{ count: number }>('PUT', `/api/sites/${enc(siteId)}/faqs`, list),
  botAnswer: (siteId: string, question: string, lang: 'en' | 'it') =>
    request<BotAnswer>('POST', `/api/sites/${enc(siteId)}/bot/answer`, { question, lang }),
  /** Admins: the site's identity-verification secret, and a new one (the old stops verifying at once). */
  siteSecret: (siteId: string) => request<{ siteId: string; secret: string }>('GET', `/api/sites/${enc(siteId)}/secret`),
  rotateSiteSecret: (siteId: string) => request<{ siteId: string; secret: string }>('POST', `/api/sites/${enc(siteId)}/secret/rotate`),
  /** Canned responses: agents read them, admins write them (409 when the shortcut exists in that language). */
  canned: (siteId: string) => request<CannedResponse[]>('GET', `/api/sites/${enc(siteId)}/canned`),
  createCanned: (siteId: string, body: CannedBody) => request<CannedResponse>('POST', `/api/sites/${enc(siteId)}/canned`, body),
  updateCanned: (id: string, body: Partial<CannedBody>) => request<CannedResponse>('PATCH', `/api/canned/${enc(id)}`, body),
  deleteCanned: (id: string) => request<void>('DELETE', `/api/canned/${enc(id)}`),
  /** Unanswered questions grouped by normalised text, most frequent first: shoppers' or (trials) those asked in "Try the bot". */
  botMisses: (siteId: string, days = 30, trials = false) =>
    request<BotMiss[]>('GET', `/api/sites/${enc(siteId)}/bot/misses?days=${Math.floor(days)}&trials=${trials ? 1 : 0}`),
  /** Admins: one more way to ask an entry (409 duplicate / alternatives_limit); its unanswered group leaves the list. */
  addAlternative: (siteId: string, faqId: string, text: string) =>
    request<FaqAlternativeResult>('POST', `/api/sites/${enc(siteId)}/faqs/${enc(faqId)}/alternatives`, { text }),
  /** Admins: hides a group of unanswered questions without learning from it. */
  dismissMisses: (siteId: string, lang: 'en' | 'it', normalised: string) =>
    request<{ handled: number }>('POST', `/api/sites/${enc(siteId)}/bot/misses/dismiss`, { lang, normalised }),
};

/** One group of unanswered questions (BotMissGroup of @parla/protocol). */
export type BotMiss = BotMissGroup;

const enc = encodeURIComponent;

export interface Site {
  id: string;
  name: string;
}

/** The editable fields of a department (POST and PATCH bodies). */
export type DepartmentBody = Partial<Pick<Department, 'name' | 'urgency' | 'businessHours' | 'slaFirstResponseSec' | 'agentIds'>>;

/** CannedInput of @parla/protocol. */
export type CannedBody = Pick<CannedResponse, 'shortcut' | 'title' | 'body' | 'lang' | 'departmentId'>;

/** AgentUpdate of @parla/protocol/admin (a zod schema there, so spelled out here). */
export interface AgentPatchBody {
  name?: string;
  email?: string;
  role?: 'agent' | 'admin';
  maxChats?: number;
  departmentIds?: string[];
  /** The sites they work on; []: every site. */
  siteIds?: string[];
}

/** The agent socket's URL on this origin (ws: or wss: like the page). */
export function agentSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws/agent`;
}
