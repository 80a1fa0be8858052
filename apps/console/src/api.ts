/** The console's HTTP calls (same origin; the session cookie rides along). */
import type { AgentView, ConversationDetail, LoginRequest, MetricsSummary } from '@parla/protocol';

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

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
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
    throw new ApiError(
      res.status,
      typeof err.error === 'string' ? err.error : `http_${res.status}`,
      typeof err.message === 'string' ? err.message : `${res.status} ${res.statusText}`,
    );
  }
  return data as T;
}

export const api = {
  login: (body: LoginRequest) => request<{ agent: AgentView }>('POST', '/api/auth/login', body),
  logout: () => request<void>('POST', '/api/auth/logout'),
  /** The agent of the current session cookie; throws ApiError 401 without one. */
  me: () => request<{ agent: AgentView }>('GET', '/api/auth/me'),
  conversation: (id: string) => request<ConversationDetail>('GET', `/api/conversations/${encodeURIComponent(id)}`),
  metrics: (from: number, to: number) =>
    request<MetricsSummary>('GET', `/api/metrics/summary?from=${Math.floor(from)}&to=${Math.floor(to)}`),
};

/** The agent socket's URL on this origin (ws: or wss: like the page). */
export function agentSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws/agent`;
}
