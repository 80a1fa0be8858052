/**
 * What is happening now (GET /api/metrics/live): queue length, longest wait, open conversations,
 * agents online with their load. Refreshed every LIVE_REFRESH_MS and soon after the inbox
 * changes (`trigger`); the timers stop on unmount.
 */
import type { LiveMetrics } from '@parla/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { formatTime } from '../dates.ts';
import { tr } from '../i18n-reports.ts';
import { presenceText } from '../labels.ts';
import { formatNumber, formatSpan } from '../reports.ts';

export const LIVE_REFRESH_MS = 5000;
/** An inbox change refetches after this quiet time (a burst of frames makes one request). */
export const LIVE_DEBOUNCE_MS = 300;

interface Props {
  /** Changes when the inbox changed (a conversation queued, taken, resolved...). */
  trigger: string;
  onUnauthorized: () => void;
}

export function LivePanel({ trigger, onUnauthorized }: Props) {
  const [live, setLive] = useState<LiveMetrics | null>(null);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);
  const seq = useRef(0);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const schedule = (ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, ms);
  };

  function load() {
    timer.current = null;
    const mine = ++seq.current;
    api.live().then(
      (data) => {
        if (!alive.current || mine !== seq.current) return;
        setLive(data);
        setFailed(false);
        schedule(LIVE_REFRESH_MS);
      },
      (e: unknown) => {
        if (!alive.current || mine !== seq.current) return;
        if (e instanceof ApiError && e.status === 401) {
          unauthorized.current();
          return;
        }
        setFailed(true);
        schedule(LIVE_REFRESH_MS);
      },
    );
  }

  useEffect(() => {
    alive.current = true;
    load();
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, []);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    schedule(LIVE_DEBOUNCE_MS);
  }, [trigger]);

  const online = live ? live.agents.filter((a) => a.presence === 'online') : [];
  const figures: [string, string, number | null | undefined, string][] = [
    ['queue', tr.queueLength, live?.queueLength, formatNumber(live?.queueLength)],
    ['longest-wait', tr.longestWait, live?.longestWaitMs, formatSpan(live?.longestWaitMs)],
    ['open', tr.openConversations, live?.openConversations, formatNumber(live?.openConversations)],
    ['online', tr.agentsOnline, live ? online.length : undefined, formatNumber(live ? online.length : null)],
  ];
  return (
    <section class="live-panel" aria-labelledby="live-title" data-testid="live-panel" data-at={live?.at}>
      <div class="live-head">
        <h2 id="live-title">
          <span class="live-dot" aria-hidden="true" />
          {tr.live}
        </h2>
        {live && <span class="muted live-updated">{tr.liveUpdated(formatTime(live.at))}</span>}
      </div>
      {failed && (
        <p class="form-error" role="alert">
          {tr.liveError}
        </p>
      )}
      <dl class="live-figures" aria-live="polite" aria-busy={live === null}>
        {figures.map(([id, label, value, text]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`live-${id}`} data-value={value ?? ''}>
              {live ? text : '…'}
            </dd>
          </div>
        ))}
      </dl>
      {live && live.agents.length > 0 && (
        <table class="report-table live-agents" data-testid="live-agents">
          <caption class="sr-only">{tr.agentsTable}</caption>
          <thead>
            <tr>
              <th scope="col">{tr.name}</th>
              <th scope="col">{tr.presence}</th>
              <th scope="col">{tr.load}</th>
            </tr>
          </thead>
          <tbody>
            {live.agents.map((a) => (
              <tr key={a.id} data-testid="live-agent" data-agent-id={a.id} data-presence={a.presence}>
                <th scope="row">{a.name}</th>
                <td>
                  <span class={`presence-inline presence-${a.presence}`}>
                    <span class="presence-dot" aria-hidden="true" />
                    {presenceText(a.presence)}
                  </span>
                </td>
                <td>
                  <meter min={0} max={a.maxChats} value={a.load} aria-label={tr.loadOf(a.load, a.maxChats)} /> <span>{tr.loadOf(a.load, a.maxChats)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {live && live.agents.length === 0 && <p class="muted">{tr.noAgentsLive}</p>}
    </section>
  );
}
