/**
 * The inbox's search box and filter bar (state, department, agent, channel, tag). With any of
 * them set, the inbox shows the server's results (GET /api/conversations/search, FTS5 over
 * message text and the visitor's name, email and attribute values) instead of its live sections.
 */
import type { ConversationSummary } from '@parla/protocol';
import type { Tag } from '@parla/protocol/inbox';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ti } from '../i18n-inbox.ts';
import { inboxApi, type SearchParams } from '../tags.ts';
import './inbox.css';

export interface ActiveSearch {
  /** The words the rows answer (what was typed may be newer while the next search runs). */
  q: string;
  rows: ConversationSummary[];
  more: boolean;
  loading: boolean;
  error: boolean;
  loadMore: () => void;
}

/** Typing pauses this long before the search runs. */
const DEBOUNCE_MS = 250;

type Filters = Required<Omit<SearchParams, 'cursor'>>;
const EMPTY: Filters = { q: '', state: '', departmentId: '', agentId: '', channel: '', tag: '' };

export function InboxSearch(p: {
  conversations: ConversationSummary[];
  departmentNames: Record<string, string>;
  tags: Map<string, Tag>;
  onChange: (s: ActiveSearch | null) => void;
}) {
  const [f, setF] = useState<Filters>(EMPTY);
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState<{ q: string; rows: ConversationSummary[]; cursor: string | null; loading: boolean; error: boolean }>({ q: '', rows: [], cursor: null, loading: false, error: false });
  const run = useRef(0);
  const active = Object.values(f).some((v) => v.trim() !== '');
  const filtersSet = Object.entries(f).filter(([k, v]) => k !== 'q' && v !== '').length;

  // Agents known from the conversations the console holds (those with a name).
  const agents = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of p.conversations) if (c.agentId && c.agentName) m.set(c.agentId, c.agentName);
    return [...m].sort((a, b) => a[1].localeCompare(b[1]));
  }, [p.conversations]);

  const fetchPage = (cursor: string | null, previous: ConversationSummary[]) => {
    const id = ++run.current;
    const q = f.q.trim();
    setPage((p) => ({ ...p, cursor, loading: true, error: false }));
    inboxApi.search({ ...f, q, ...(cursor ? { cursor } : {}) }).then(
      (r) => id === run.current && setPage({ q, rows: previous.concat(r.conversations), cursor: r.nextCursor, loading: false, error: false }),
      () => id === run.current && setPage({ q, rows: previous, cursor: null, loading: false, error: true }),
    );
  };

  useEffect(() => {
    if (!active) {
      run.current++;
      setPage({ q: '', rows: [], cursor: null, loading: false, error: false });
      return;
    }
    setPage((p) => ({ ...p, loading: true }));
    const timer = setTimeout(() => fetchPage(null, []), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [f.q, f.state, f.departmentId, f.agentId, f.channel, f.tag]);

  useEffect(() => {
    p.onChange(active ? { q: page.q, rows: page.rows, more: page.cursor !== null, loading: page.loading, error: page.error, loadMore: () => page.cursor && fetchPage(page.cursor, page.rows) } : null);
  }, [active, page]);

  const set = (k: keyof Filters) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const select = (k: keyof Filters, label: string, any: string, options: [string, string][], testId: string) => (
    <label class="inbox-filter">
      <span class="sr-only">{label}</span>
      <select value={f[k]} onChange={set(k)} data-testid={testId} aria-label={label}>
        <option value="">{any}</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="inbox-search" role="search" data-testid="inbox-search">
      <div class="inbox-search-line">
        <input
          type="search"
          value={f.q}
          maxLength={200}
          placeholder={ti.searchPlaceholder}
          aria-label={ti.search}
          data-testid="inbox-search-input"
          onInput={set('q')}
        />
        <button type="button" class="ghost" aria-expanded={open} aria-controls="inbox-filters" data-testid="inbox-filters-toggle" onClick={() => setOpen(!open)}>
          {ti.filters}
          {filtersSet > 0 && ` (${filtersSet})`}
        </button>
      </div>
      <div id="inbox-filters" class="inbox-filters" hidden={!open}>
        {select('state', ti.state, ti.anyState, Object.entries(ti.states), 'filter-state')}
        {select('departmentId', ti.department, ti.anyDepartment, Object.entries(p.departmentNames), 'filter-department')}
        {select('agentId', ti.agent, ti.anyAgent, agents, 'filter-agent')}
        {select('channel', ti.channel, ti.anyChannel, Object.entries(ti.channels), 'filter-channel')}
        {select('tag', ti.tag, ti.anyTag, [...p.tags.values()].map((t) => [t.id, t.name]), 'filter-tag')}
        {active && (
          <button type="button" class="link" data-testid="inbox-search-clear" onClick={() => setF(EMPTY)}>
            {ti.clear}
          </button>
        )}
      </div>
    </div>
  );
}
