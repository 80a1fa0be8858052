import type { ConversationSummary, StreamItem } from '@parla/protocol';
import { useMemo, useState } from 'preact/hooks';
import { formatDuration, formatRelative } from '../format.ts';
import { useNow } from '../hooks.ts';
import { t } from '../i18n.ts';
import { groupInbox, isUnread, type ReadMark } from '../inbox.ts';
import { units, visitorLabel } from '../labels.ts';
import { formatFull } from '../dates.ts';
import { firstRows, INBOX_STEP } from '../paging.ts';
import { queuePositions } from '../queue.ts';
import { CallbackBadge, SlaTimer } from './SlaTimer.tsx';
import { CsatFace } from './CsatFace.tsx';
import { ta } from '../i18n-abandoned.ts';
import { snoozeText } from './Snooze.tsx';
import { ti } from '../i18n-inbox.ts';
import { useTags } from '../tags.ts';
import { InboxSearch, type ActiveSearch } from './InboxSearch.tsx';
import type { Tag } from '@parla/protocol/inbox';

interface Props {
  meId: string;
  conversations: Record<string, ConversationSummary>;
  items: Record<string, StreamItem[]>;
  read: Record<string, ReadMark>;
  openId: string | null;
  departmentNames: Record<string, string>;
  onOpen: (id: string) => void;
  onTake: (id: string) => void;
  /** Set when the agent is at their limit of active conversations: Take is disabled, with this reason. */
  takeBlocked?: string | null;
  /** Switches to the Queue view (offered when the waiting section is longer than it shows). */
  onShowQueue?: () => void;
}

type Kind = 'waiting' | 'bot' | 'mine' | 'snoozed' | 'others' | 'resolved' | 'result';

/**
 * The agent's sidebar: the search and filter bar, then either the search's results or the live
 * sections. Waiting lists only the conversations waiting for a person (as GET /api/metrics/live
 * counts the queue); those the bot is handling are a group of their own. Every section counts all
 * of its conversations but draws only its first INBOX_STEP rows until asked for more: on a sale
 * day the queue can hold hundreds, and the rows are redrawn every second.
 */
export function Inbox(p: Props) {
  const now = useNow(1000);
  const all = useMemo(() => Object.values(p.conversations), [p.conversations]);
  const groups = useMemo(() => groupInbox(all, p.meId), [all, p.meId]);
  const positions = useMemo(() => queuePositions(groups.waiting), [groups]);
  const siteIds = useMemo(() => [...new Set(all.map((c) => c.siteId))], [all]);
  const tags = useTags(siteIds);
  const [search, setSearch] = useState<ActiveSearch | null>(null);
  const [limits, setLimits] = useState<Record<Kind, number>>({ waiting: INBOX_STEP, bot: INBOX_STEP, mine: INBOX_STEP, snoozed: INBOX_STEP, others: INBOX_STEP, resolved: INBOX_STEP, result: INBOX_STEP });
  const sections: [Kind, string, ConversationSummary[]][] = [
    ['waiting', t.inbox.waiting, groups.waiting],
    ['bot', ti.withBot, groups.bot],
    ['mine', t.inbox.mine, groups.mine],
    ...(groups.snoozed.length ? [['snoozed', ta.snooze.section, groups.snoozed] as [Kind, string, ConversationSummary[]]] : []),
    ['others', t.inbox.others, groups.others],
    ['resolved', t.inbox.resolved, groups.resolved],
  ];
  const row = (c: ConversationSummary, kind: Kind) => (
    <Row
      key={c.id}
      c={c}
      kind={kind}
      now={now}
      position={positions.get(c.id)}
      department={c.departmentName ?? (c.departmentId ? p.departmentNames[c.departmentId] : undefined)}
      tags={(c.tags ?? []).flatMap((id) => tags.get(id) ?? [])}
      selected={c.id === p.openId}
      unread={c.id !== p.openId && isUnread(c, p.meId, p.read[c.id], p.items[c.id])}
      onOpen={p.onOpen}
      onTake={p.onTake}
      takeBlocked={p.takeBlocked ?? null}
    />
  );
  return (
    <nav class="inbox" aria-label={t.inbox.label} data-testid="inbox">
      <InboxSearch conversations={all} departmentNames={p.departmentNames} tags={tags} onChange={setSearch} />
      {search ? (
        <section class="inbox-section section-results" aria-labelledby="inbox-h-results" aria-busy={search.loading} data-testid="inbox-results" data-query={search.q} data-loading={search.loading ? 'true' : 'false'}>
          <h2 id="inbox-h-results">
            {ti.results}
            <span class="count" data-testid="inbox-results-count" data-value={search.rows.length}>
              {search.loading && !search.rows.length ? ti.searching : ti.resultsCount(search.rows.length, search.more)}
            </span>
          </h2>
          {search.error ? (
            <p class="inbox-empty" role="alert">
              {ti.searchError}
            </p>
          ) : !search.loading && search.rows.length === 0 ? (
            <p class="inbox-empty" data-testid="inbox-no-results">
              {ti.noResults}
            </p>
          ) : (
            // The live row when the console has it (it moves as the conversation does), else the search's.
            <ul>{search.rows.map((c) => row(p.conversations[c.id] ?? c, 'result'))}</ul>
          )}
          {search.more && (
            <div class="inbox-more">
              <button type="button" class="link" data-testid="inbox-results-more" disabled={search.loading} onClick={search.loadMore}>
                {ti.loadMore}
              </button>
            </div>
          )}
        </section>
      ) : (
        sections.map(([kind, title, list]) => {
        const { rows, hidden } = firstRows(list, limits[kind]);
        const count = list.length;
        return (
          <section key={kind} class={`inbox-section section-${kind}`} aria-labelledby={`inbox-h-${kind}`} data-testid={`inbox-section-${kind}`}>
            <h2 id={`inbox-h-${kind}`}>
              {title}
              <span class="count" data-testid={`inbox-count-${kind}`} data-value={count}>
                {count}
              </span>
            </h2>
            {kind === 'waiting' && p.takeBlocked && list.length > 0 && (
              <p class="capacity-note" id="capacity-note" data-testid="capacity-note">
                {p.takeBlocked}. {ta.capacity.hint}
              </p>
            )}
            {list.length === 0 ? (
              <p class="inbox-empty">{t.inbox.empty}</p>
            ) : (
              <ul>{rows.map((c) => row(c, kind))}</ul>
            )}
            {hidden > 0 && (
              <div class="inbox-more" data-testid={`inbox-more-${kind}`}>
                <span class="muted" data-testid="inbox-shown" data-shown={rows.length} data-total={list.length}>
                  {t.inbox.shown(rows.length, list.length)}
                </span>
                <button type="button" class="link" data-testid="inbox-show-more" onClick={() => setLimits({ ...limits, [kind]: limits[kind] + INBOX_STEP })}>
                  {t.inbox.showMore(Math.min(INBOX_STEP, hidden))}
                </button>
                {kind === 'waiting' && p.onShowQueue && (
                  <button type="button" class="link" data-testid="inbox-open-queue" onClick={p.onShowQueue}>
                    {t.inbox.openQueue}
                  </button>
                )}
              </div>
            )}
          </section>
        );
        })
      )}
    </nav>
  );
}

function Row({
  c,
  kind,
  now,
  position,
  department,
  tags,
  selected,
  unread,
  onOpen,
  onTake,
  takeBlocked,
}: {
  c: ConversationSummary;
  kind: Kind;
  now: number;
  position: number | undefined;
  department: string | undefined;
  tags: Tag[];
  selected: boolean;
  unread: boolean;
  onOpen: (id: string) => void;
  onTake: (id: string) => void;
  takeBlocked: string | null;
}) {
  const name = visitorLabel(c);
  const when = c.lastMessageAt ?? c.createdAt;
  return (
    <li
      class={`inbox-item${selected ? ' selected' : ''}${unread ? ' unread' : ''}`}
      data-testid="inbox-item"
      data-conversation-id={c.id}
      data-state={c.state}
      data-unread={unread ? 'true' : 'false'}
    >
      <button type="button" class="inbox-open" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(c.id)}>
        <span class="inbox-line">
          {unread && <span class="unread-dot" data-testid="unread-dot" aria-hidden="true" />}
          <span class="inbox-name">{name}</span>
          {c.csat && <CsatFace csat={c.csat} />}
          {c.channel === 'callback' && <CallbackBadge />}
          {unread && <span class="sr-only">{` (${t.inbox.unread})`}</span>}
          <time class="inbox-time" dateTime={new Date(when).toISOString()} title={formatFull(when)}>
            {formatRelative(when, now, units, t.time.now)}
          </time>
        </span>
        <span class="inbox-preview" data-testid="inbox-preview">
          {c.lastMessage ?? ti.noPreview}
        </span>
        <span class="inbox-sub inbox-meta" data-testid="inbox-meta">
          <span class="inbox-channel" data-channel={c.channel}>
            {ti.channels[c.channel] ?? c.channel}
          </span>
          {department && <span class="inbox-dept">{` · ${department}`}</span>}
          {kind === 'waiting' && c.priority > 0 && <span>{` · ${t.inbox.priority(c.priority)}`}</span>}
          {kind === 'result' && <span>{` · ${ti.states[c.state] ?? c.state}`}</span>}
        </span>
        {tags.length > 0 && (
          <span class="tag-list" data-testid="inbox-tags">
            {tags.map((tag) => (
              <span key={tag.id} class="tag-chip">
                {tag.name}
              </span>
            ))}
          </span>
        )}
        {kind === 'waiting' && c.state === 'queued' && (
          <span class="inbox-line inbox-queue">
            {position !== undefined && (
              <span class="inbox-pos" data-testid="queue-position" data-position={position}>
                {t.inbox.position(position)}
              </span>
            )}
            <span class="inbox-waiting" data-testid="waiting-time">
              {t.inbox.waitingFor(formatDuration(Math.max(0, now - (c.queuedAt ?? c.createdAt)), units))}
            </span>
          </span>
        )}
        {kind !== 'resolved' && c.state !== 'resolved' && <SlaTimer c={c} now={now} />}
        {(kind === 'others' || kind === 'result') && c.agentName && <span class="inbox-sub">{t.inbox.with(c.agentName)}</span>}
        {kind === 'snoozed' && <span class="inbox-sub">{snoozeText(c)}</span>}
        {kind === 'mine' && c.wokeAt && (
          <span class="inbox-sub woke" data-testid="woke-badge">
            {ta.snooze.back}
          </span>
        )}
        {kind === 'resolved' && c.autoResolved && <span class="inbox-sub">{ta.auto[c.autoResolved]}</span>}
      </button>
      {c.state === 'queued' && (
        <button
          type="button"
          class="take"
          data-testid="take-button"
          aria-label={t.inbox.takeLabel(name)}
          disabled={!!takeBlocked}
          title={takeBlocked ?? undefined}
          aria-describedby={takeBlocked ? 'capacity-note' : undefined}
          onClick={() => onTake(c.id)}
        >
          {t.inbox.take}
        </button>
      )}
    </li>
  );
}
