import type { ConversationSummary, StreamItem } from '@parla/protocol';
import { useMemo } from 'preact/hooks';
import { formatDuration, formatRelative } from '../format.ts';
import { useNow } from '../hooks.ts';
import { t } from '../i18n.ts';
import { groupInbox, isUnread, type ReadMark } from '../inbox.ts';
import { units, visitorLabel } from '../labels.ts';
import { formatFull } from '../dates.ts';
import { queuePositions } from '../queue.ts';
import { CallbackBadge, SlaTimer } from './SlaTimer.tsx';
import { CsatFace } from './CsatFace.tsx';

interface Props {
  meId: string;
  conversations: Record<string, ConversationSummary>;
  items: Record<string, StreamItem[]>;
  read: Record<string, ReadMark>;
  openId: string | null;
  departmentNames: Record<string, string>;
  onOpen: (id: string) => void;
  onTake: (id: string) => void;
}

type Kind = 'waiting' | 'mine' | 'others' | 'resolved';

export function Inbox(p: Props) {
  const now = useNow(1000);
  const groups = useMemo(() => groupInbox(Object.values(p.conversations), p.meId), [p.conversations, p.meId]);
  const positions = useMemo(() => queuePositions(groups.waiting), [groups]);
  const sections: [Kind, string, ConversationSummary[]][] = [
    ['waiting', t.inbox.waiting, groups.waiting],
    ['mine', t.inbox.mine, groups.mine],
    ['others', t.inbox.others, groups.others],
    ['resolved', t.inbox.resolved, groups.resolved],
  ];
  return (
    <nav class="inbox" aria-label={t.inbox.label} data-testid="inbox">
      {sections.map(([kind, title, list]) => (
        <section key={kind} class={`inbox-section section-${kind}`} aria-labelledby={`inbox-h-${kind}`} data-testid={`inbox-section-${kind}`}>
          <h2 id={`inbox-h-${kind}`}>
            {title}
            <span class="count">{list.length}</span>
          </h2>
          {list.length === 0 ? (
            <p class="inbox-empty">{t.inbox.empty}</p>
          ) : (
            <ul>
              {list.map((c) => (
                <Row
                  key={c.id}
                  c={c}
                  kind={kind}
                  now={now}
                  position={positions.get(c.id)}
                  department={c.departmentId ? p.departmentNames[c.departmentId] : undefined}
                  selected={c.id === p.openId}
                  unread={c.id !== p.openId && isUnread(c, p.meId, p.read[c.id], p.items[c.id])}
                  onOpen={p.onOpen}
                  onTake={p.onTake}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </nav>
  );
}

function Row({
  c,
  kind,
  now,
  position,
  department,
  selected,
  unread,
  onOpen,
  onTake,
}: {
  c: ConversationSummary;
  kind: Kind;
  now: number;
  position: number | undefined;
  department: string | undefined;
  selected: boolean;
  unread: boolean;
  onOpen: (id: string) => void;
  onTake: (id: string) => void;
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
        <span class="inbox-preview">{c.lastMessage ?? t.inbox.noMessages}</span>
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
        {kind === 'waiting' && (department || c.priority > 0) && (
          <span class="inbox-sub">{[department, c.priority > 0 ? t.inbox.priority(c.priority) : ''].filter(Boolean).join(' · ')}</span>
        )}
        {kind !== 'resolved' && <SlaTimer c={c} now={now} />}
        {kind === 'waiting' && c.state === 'bot' && <span class="inbox-sub">{t.inbox.bot}</span>}
        {kind === 'others' && c.agentName && <span class="inbox-sub">{t.inbox.with(c.agentName)}</span>}
      </button>
      {c.state === 'queued' && (
        <button type="button" class="take" data-testid="take-button" aria-label={t.inbox.takeLabel(name)} onClick={() => onTake(c.id)}>
          {t.inbox.take}
        </button>
      )}
    </li>
  );
}
