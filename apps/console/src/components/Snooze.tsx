/**
 * Snooze: the agent's own open conversation leaves their active list and capacity until a time
 * (presets: 1 hour, tomorrow 9:00 in the site's time zone, a chosen time) or the shopper's next
 * message; the server wakes it (conversation.snooze / conversation.unsnooze).
 */
import type { ConversationSummary } from '@parla/protocol';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { formatTime } from '../dates.ts';
import { localTimeZone } from '../hours.ts';
import { ta } from '../i18n-abandoned.ts';
import { tomorrowAt, validSnooze } from '../snooze.ts';
import './abandoned.css';

/** The site's time zone (its business hours'), or the browser's: asked once per site. */
const zones = new Map<string, Promise<string>>();
function siteZone(siteId: string): Promise<string> {
  let z = zones.get(siteId);
  if (!z) {
    z = api.settings(siteId).then(
      (s) => s.businessHours?.timezone ?? localTimeZone(),
      () => localTimeZone(),
    );
    zones.set(siteId, z);
  }
  return z;
}

/** "Snoozed until 14:05" / "until the shopper replies". */
export function snoozeText(c: Pick<ConversationSummary, 'snoozedUntil'>): string {
  return c.snoozedUntil ? ta.snooze.until(formatTime(c.snoozedUntil)) : ta.snooze.untilReply;
}

export function SnoozeControl({ c, onSnooze, onUnsnooze }: { c: ConversationSummary; onSnooze: (until: number | null) => void; onUnsnooze: () => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (open) first.current?.focus(); // the menu opened: its first choice has the focus
  }, [open]);
  const [custom, setCustom] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (c.snoozed) {
    return (
      <span class="snooze-state" data-testid="snooze-state">
        <span class="muted">{snoozeText(c)}</span>{' '}
        <button type="button" data-testid="unsnooze-button" onClick={onUnsnooze}>
          {ta.snooze.wake}
        </button>
      </span>
    );
  }
  const pick = (until: number | null) => {
    setOpen(false);
    setCustom(null);
    setError(null);
    onSnooze(until);
  };
  return (
    <span class="snooze">
      <button type="button" ref={button} data-testid="snooze-button" aria-expanded={open} aria-controls={`snooze-menu-${c.id}`} onClick={() => setOpen(!open)}>
        {ta.snooze.button}
      </button>
      {open && (
        <div
          class="snooze-menu card"
          id={`snooze-menu-${c.id}`}
          role="group"
          aria-label={ta.snooze.menu}
          data-testid="snooze-menu"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <button type="button" ref={first} data-testid="snooze-hour" onClick={() => pick(Date.now() + 3600_000)}>
            {ta.snooze.hour}
          </button>
          <button type="button" data-testid="snooze-tomorrow" onClick={() => void siteZone(c.siteId).then((tz) => pick(tomorrowAt(9, tz, Date.now())))}>
            {ta.snooze.tomorrow}
          </button>
          <button type="button" data-testid="snooze-reply" onClick={() => pick(null)}>
            {ta.snooze.reply}
          </button>
          {custom === null ? (
            <button type="button" data-testid="snooze-custom" onClick={() => setCustom('')}>
              {ta.snooze.custom}
            </button>
          ) : (
            <span class="snooze-custom">
              <label for={`snooze-at-${c.id}`}>{ta.snooze.customLabel}</label>
              <input
                id={`snooze-at-${c.id}`}
                class="text-input"
                type="datetime-local"
                value={custom}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `snooze-err-${c.id}` : undefined}
                data-testid="snooze-at"
                onInput={(e) => setCustom(e.currentTarget.value)}
              />
              <button
                type="button"
                class="primary"
                data-testid="snooze-apply"
                onClick={() => {
                  const until = new Date(custom).getTime(); // datetime-local: the browser's zone
                  if (!validSnooze(until, Date.now())) setError(ta.snooze.invalid);
                  else pick(until);
                }}
              >
                {ta.snooze.apply}
              </button>
              {error && (
                <span class="form-error" id={`snooze-err-${c.id}`} role="alert">
                  {error}
                </span>
              )}
            </span>
          )}
          <button
            type="button"
            class="link"
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
          >
            {ta.snooze.cancel}
          </button>
        </div>
      )}
    </span>
  );
}
