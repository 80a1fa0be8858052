import type { ConversationSummary } from '@parla/protocol';
import { formatFull } from '../dates.ts';
import { formatDuration } from '../format.ts';
import { t } from '../i18n.ts';
import { units } from '../labels.ts';
import { slaLevel, slaState } from '../queue.ts';

/** The first-response countdown of an unanswered conversation (nothing once answered). */
export function SlaTimer({ c, now }: { c: ConversationSummary; now: number }) {
  const s = slaState(c, now);
  if (!s) return null;
  const level = slaLevel(s);
  const text =
    s.remainingMs === null || (s.breached && s.remainingMs >= 0)
      ? t.sla.missed
      : s.breached
        ? t.sla.overdue(formatDuration(-s.remainingMs, units))
        : t.sla.left(formatDuration(s.remainingMs, units));
  return (
    <span
      class={`sla sla-${level}`}
      data-testid="sla-timer"
      data-breached={s.breached ? 'true' : 'false'}
      title={s.dueAt !== null ? t.sla.title(formatFull(s.dueAt)) : undefined}
    >
      <span class="sla-icon" aria-hidden="true" />
      {text}
    </span>
  );
}

/** "Call back" badge of callback requests. */
export function CallbackBadge() {
  return (
    <span class="badge-callback" data-testid="callback-badge">
      {t.inbox.callback}
    </span>
  );
}
