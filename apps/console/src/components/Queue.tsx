import type { ConversationSummary } from '@parla/protocol';
import { useMemo, useState } from 'preact/hooks';
import { formatFull } from '../dates.ts';
import { formatDuration } from '../format.ts';
import { useNow } from '../hooks.ts';
import { t } from '../i18n.ts';
import { units, visitorLabel } from '../labels.ts';
import { matchesSearch, pageOf, QUEUE_PAGE_SIZE } from '../paging.ts';
import { queueOrder, slaState } from '../queue.ts';
import { Pager } from './Pager.tsx';
import { CallbackBadge, SlaTimer } from './SlaTimer.tsx';

interface Props {
  conversations: Record<string, ConversationSummary>;
  departmentNames: Record<string, string>;
  onOpen: (id: string) => void;
  onTake: (id: string) => void;
  /** Set when the agent is at their limit of active conversations: Take is disabled, with this reason. */
  takeBlocked?: string | null;
}

/**
 * Everyone waiting for an agent, in the order they will be served: the count is the whole queue
 * (what GET /api/metrics/live says), the table a page of QUEUE_PAGE_SIZE at a time, the search
 * over the whole queue (positions stay those of the queue).
 */
export function Queue(p: Props) {
  const now = useNow(1000);
  const queue = useMemo(() => queueOrder(Object.values(p.conversations)), [p.conversations]);
  const withBot = useMemo(() => Object.values(p.conversations).filter((c) => c.state === 'bot').length, [p.conversations]);
  const breached = queue.filter((c) => slaState(c, now)?.breached).length;
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const matches = useMemo(() => {
    const out: { c: ConversationSummary; position: number }[] = [];
    queue.forEach((c, i) => {
      if (matchesSearch(c, query)) out.push({ c, position: i + 1 });
    });
    return out;
  }, [queue, query]);
  const shown = pageOf(matches, page, QUEUE_PAGE_SIZE);
  const searching = query.trim() !== '';

  return (
    <main class="page-view" aria-labelledby="queue-title" data-testid="queue-view">
      <div class="view-head">
        <h1 id="queue-title">
          {t.queue.title}{' '}
          <span class="count" data-testid="queue-count" data-value={queue.length}>
            {queue.length}
          </span>
        </h1>
        {breached > 0 && (
          <p class="sla-summary" data-testid="queue-breached">
            {t.queue.breached(breached)}
          </p>
        )}
      </div>
      {queue.length > 0 && (
        <div class="queue-tools">
          <input
            type="search"
            class="queue-search"
            data-testid="queue-search"
            aria-label={t.queue.search}
            placeholder={t.queue.searchHint}
            value={query}
            onInput={(e) => {
              setQuery((e.target as HTMLInputElement).value);
              setPage(0);
            }}
          />
          <p class="muted queue-range" data-testid="queue-range" data-from={shown.from} data-to={shown.to} data-total={shown.total}>
            {/* Announced while searching (not at every arrival in the queue). */}
            <span role="status">{searching ? `${t.queue.matches(matches.length, queue.length)} · ` : ''}</span>
            {shown.total > 0 ? t.queue.range(shown.from, shown.to, shown.total) : ''}
          </p>
        </div>
      )}
      {queue.length === 0 ? (
        <p class="muted empty-state" data-testid="queue-empty">
          {t.queue.empty}
        </p>
      ) : matches.length === 0 ? (
        <p class="muted empty-state" data-testid="queue-no-match">
          {t.queue.noMatch(query.trim())}
        </p>
      ) : (
        <div class="table-wrap">
          <table class="report-table queue-table">
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t.queue.position}
                </th>
                <th scope="col">{t.queue.visitor}</th>
                <th scope="col">{t.queue.waited}</th>
                <th scope="col" class="num">
                  {t.queue.priority}
                </th>
                <th scope="col">{t.queue.department}</th>
                <th scope="col">{t.queue.sla}</th>
                <th scope="col">
                  <span class="sr-only">{t.queue.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map(({ c, position }) => {
                const sla = slaState(c, now);
                const name = visitorLabel(c);
                const since = c.queuedAt ?? c.createdAt;
                return (
                  <tr
                    key={c.id}
                    class={sla?.breached ? 'breached' : undefined}
                    data-testid="queue-item"
                    data-conversation-id={c.id}
                    data-position={position}
                    data-breached={sla?.breached ? 'true' : 'false'}
                  >
                    <td class="num queue-pos">{position}</td>
                    <td>
                      <div class="queue-visitor">
                        <button type="button" class="link" aria-label={t.queue.openLabel(name)} onClick={() => p.onOpen(c.id)}>
                          {name}
                        </button>
                        {c.channel === 'callback' && <CallbackBadge />}
                      </div>
                      <div class="queue-preview">{c.lastMessage ?? t.inbox.noMessages}</div>
                    </td>
                    <td class="tabular" data-testid="queue-waited">
                      <time dateTime={new Date(since).toISOString()} title={formatFull(since)}>
                        {formatDuration(Math.max(0, now - since), units)}
                      </time>
                    </td>
                    <td class="num" data-testid="queue-priority">
                      {c.priority}
                    </td>
                    <td>{(c.departmentId && p.departmentNames[c.departmentId]) || '—'}</td>
                    <td>{sla ? <SlaTimer c={c} now={now} /> : '—'}</td>
                    <td class="queue-actions">
                      <button type="button" class="take" data-testid="take-button" aria-label={t.inbox.takeLabel(name)} disabled={!!p.takeBlocked} title={p.takeBlocked ?? undefined} onClick={() => p.onTake(c.id)}>
                        {t.inbox.take}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown.pages > 1 && <Pager page={shown.page} pages={shown.pages} onPage={setPage} />}
      {withBot > 0 && <p class="muted queue-bot">{t.queue.withBot(withBot)}</p>}
    </main>
  );
}
