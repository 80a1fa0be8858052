import type { ConversationSummary } from '@parla/protocol';
import { useMemo } from 'preact/hooks';
import { formatFull } from '../dates.ts';
import { formatDuration } from '../format.ts';
import { useNow } from '../hooks.ts';
import { t } from '../i18n.ts';
import { units, visitorLabel } from '../labels.ts';
import { queueOrder, slaState } from '../queue.ts';
import { CallbackBadge, SlaTimer } from './SlaTimer.tsx';

interface Props {
  conversations: Record<string, ConversationSummary>;
  departmentNames: Record<string, string>;
  onOpen: (id: string) => void;
  onTake: (id: string) => void;
}

/** Everyone waiting for an agent, in the order they will be served. */
export function Queue(p: Props) {
  const now = useNow(1000);
  const all = Object.values(p.conversations);
  const queue = useMemo(() => queueOrder(all), [p.conversations]);
  const withBot = all.filter((c) => c.state === 'bot').length;
  const breached = queue.filter((c) => slaState(c, now)?.breached).length;

  return (
    <main class="page-view" aria-labelledby="queue-title" data-testid="queue-view">
      <div class="view-head">
        <h1 id="queue-title">
          {t.queue.title} <span class="count">{queue.length}</span>
        </h1>
        {breached > 0 && (
          <p class="sla-summary" data-testid="queue-breached">
            {t.queue.breached(breached)}
          </p>
        )}
      </div>
      {queue.length === 0 ? (
        <p class="muted empty-state" data-testid="queue-empty">
          {t.queue.empty}
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
              {queue.map((c, i) => {
                const sla = slaState(c, now);
                const name = visitorLabel(c);
                const since = c.queuedAt ?? c.createdAt;
                return (
                  <tr
                    key={c.id}
                    class={sla?.breached ? 'breached' : undefined}
                    data-testid="queue-item"
                    data-conversation-id={c.id}
                    data-position={i + 1}
                    data-breached={sla?.breached ? 'true' : 'false'}
                  >
                    <td class="num queue-pos">{i + 1}</td>
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
                      <button type="button" class="take" data-testid="take-button" aria-label={t.inbox.takeLabel(name)} onClick={() => p.onTake(c.id)}>
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
      {withBot > 0 && <p class="muted queue-bot">{t.queue.withBot(withBot)}</p>}
    </main>
  );
}
