/**
 * Who and what the console knows besides conversations: sites, their departments, and the
 * agents with their presence and load (GET /api/sites, /api/sites/:id/departments, /api/agents).
 */
import type { AgentStatus, Department, Presence } from '@parla/protocol';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Site } from './api.ts';
import { apiErrorText } from './labels.ts';

/** The agents list refreshes this often while someone looks at it. */
export const AGENTS_REFRESH_MS = 15_000;
/** Presence and load changes refetch the agents after this quiet time. */
export const AGENTS_DEBOUNCE_MS = 700;
/** Departments change rarely (and our own edits reload them at once). */
export const DEPARTMENTS_REFRESH_MS = 60_000;

export interface Directory {
  sites: Site[] | null;
  /** Every site's departments. */
  departments: Department[] | null;
  /** Why sites or departments could not be loaded. */
  departmentsError: string | null;
  agents: AgentStatus[] | null;
  agentsError: string | null;
  /** When the agents list was last fetched. */
  agentsAt: number | null;
  /** department id -> name */
  departmentNames: Record<string, string>;
  reloadDepartments(): void;
  reloadAgents(): void;
  /** Replaces one agent with the server's answer to a PATCH (or adds a new one). */
  putAgent(a: AgentStatus): void;
}

interface Options {
  /** Fetch and poll the agents (the agents or settings view, or the transfer dialog, is shown). */
  agentsActive: boolean;
  /** Changes when agents' presence or load may have changed (debounced refetch). */
  agentsTrigger: string;
  /** Latest presence per agent from the socket: applied to the list at once. */
  presence: Record<string, Presence>;
  /** Socket (re)connections: a reconnect reloads everything. */
  connections: number;
  onUnauthorized: () => void;
}

export function useDirectory(o: Options): Directory {
  const [sites, setSites] = useState<Site[] | null>(null);
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [departmentsError, setDepartmentsError] = useState<string | null>(null);
  const [agents, setAgents] = useState<AgentStatus[] | null>(null);
  const [agentsError, setAgentsError] = useState<string | null>(null);
  const [agentsAt, setAgentsAt] = useState<number | null>(null);
  const [deptReload, setDeptReload] = useState(0);
  const [agentsReload, setAgentsReload] = useState(0);
  const unauthorized = useRef(o.onUnauthorized);
  unauthorized.current = o.onUnauthorized;
  const presenceRef = useRef(o.presence);
  presenceRef.current = o.presence;
  const agentsSeq = useRef(0);

  const fail = (e: unknown): string => {
    if (e instanceof ApiError && e.status === 401) unauthorized.current();
    return apiErrorText(e);
  };

  // Sites and departments: at start, after a reconnect, on demand, and now and then.
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const list = await api.sites();
        const perSite = await Promise.all(
          list.map((site) => api.departments(site.id).then((d) => ({ d, e: null }), (e: unknown) => ({ d: null, e }))),
        );
        if (cancelled) return;
        setSites(list);
        const failed = perSite.find((r) => r.d === null);
        // One site failing still shows the others; all failing keeps what we had and says why.
        if (!failed || perSite.some((r) => r.d !== null)) setDepartments(perSite.flatMap((r) => r.d ?? []));
        setDepartmentsError(failed ? fail(failed.e) : null);
      } catch (e) {
        if (!cancelled) setDepartmentsError(fail(e));
      }
    };
    void load();
    const timer = setInterval(() => void load(), DEPARTMENTS_REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [o.connections, deptReload]);

  // Agents: while active, at once, on triggers (debounced), on demand and every 15 s.
  useEffect(() => {
    if (!o.agentsActive) return;
    const load = () => {
      const seq = ++agentsSeq.current;
      api.agents().then(
        (list) => {
          if (seq !== agentsSeq.current) return;
          setAgents(list);
          setAgentsError(null);
          setAgentsAt(Date.now());
        },
        (e: unknown) => {
          if (seq === agentsSeq.current) setAgentsError(fail(e));
        },
      );
    };
    load();
    const timer = setInterval(load, AGENTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [o.agentsActive, agentsReload, o.connections]);

  const firstTrigger = useRef(true);
  useEffect(() => {
    if (firstTrigger.current) {
      firstTrigger.current = false;
      return;
    }
    if (!o.agentsActive) return;
    const timer = setTimeout(() => setAgentsReload((n) => n + 1), AGENTS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [o.agentsTrigger]);

  // Presence frames are the truth of the moment: patch the list without waiting for a refetch.
  useEffect(() => {
    setAgents((list) => {
      if (!list) return list;
      let changed = false;
      const next = list.map((a) => {
        const p = presenceRef.current[a.id];
        if (p && p !== a.presence) {
          changed = true;
          return { ...a, presence: p };
        }
        return a;
      });
      return changed ? next : list;
    });
  }, [o.presence]);

  const departmentNames = useMemo(() => {
    const m: Record<string, string> = {};
    for (const d of departments ?? []) m[d.id] = d.name;
    return m;
  }, [departments]);

  return {
    sites,
    departments,
    departmentsError,
    agents,
    agentsError,
    agentsAt,
    departmentNames,
    reloadDepartments: () => setDeptReload((n) => n + 1),
    reloadAgents: () => setAgentsReload((n) => n + 1),
    putAgent: (a) => {
      agentsSeq.current++; // an older list in flight must not undo this
      setAgents((list) => (!list ? [a] : list.some((x) => x.id === a.id) ? list.map((x) => (x.id === a.id ? a : x)) : [...list, a]));
    },
  };
}
