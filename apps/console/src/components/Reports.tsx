import type { MetricsSummary } from '@parla/protocol';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { formatFull, formatTime } from '../dates.ts';
import { formatDuration, periodRange, shortId, type Period } from '../format.ts';
import { errorText, t } from '../i18n.ts';
import { units } from '../labels.ts';

const PERIODS: [Period, string][] = [
  ['today', t.reports.today],
  ['7d', t.reports.last7],
  ['30d', t.reports.last30],
];

/** Rows shown in the table (newest first); the tiles always cover the whole period. */
const MAX_ROWS = 200;

type Load = { state: 'loading' } | { state: 'ready'; data: MetricsSummary } | { state: 'error'; message: string };

export function Reports({ onOpen, onUnauthorized }: { onOpen: (id: string) => void; onUnauthorized: () => void }) {
  const [period, setPeriod] = useState<Period>('today');
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoad({ state: 'loading' });
    const { from, to } = periodRange(period, Date.now());
    api.metrics(from, to).then(
      (data) => !cancelled && setLoad({ state: 'ready', data }),
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) onUnauthorized();
        setLoad({ state: 'error', message: e instanceof ApiError && e.code !== 'network' ? errorText(e.code, e.message) : t.reports.error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [period, attempt]);

  const d = load.state === 'ready' ? load.data : null;
  const dur = (ms: number | null | undefined) => formatDuration(ms, units, '—');
  const rows = d ? [...d.perConversation].sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_ROWS) : [];

  return (
    <main class="reports" aria-labelledby="reports-title" data-testid="reports">
      <div class="reports-head">
        <h1 id="reports-title">{t.reports.title}</h1>
        <div class="segmented" role="group" aria-label={t.reports.period}>
          {PERIODS.map(([id, label]) => (
            <button key={id} type="button" aria-pressed={period === id} data-testid={`period-${id}`} onClick={() => setPeriod(id)}>
              {label}
            </button>
          ))}
        </div>
      </div>

      {load.state === 'error' && (
        <p class="form-error" role="alert">
          {load.message}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {t.reports.retry}
          </button>
        </p>
      )}

      <div class="tiles" aria-busy={load.state === 'loading'}>
        <Tile id="conversations" label={t.reports.conversations} value={d ? String(d.conversations) : '…'} />
        <Tile id="resolved" label={t.reports.resolved} value={d ? String(d.resolved) : '…'} />
        <Tile id="frt-avg" label={t.reports.frtAvg} value={d ? dur(d.firstResponse.avgMs) : '…'} />
        <Tile id="frt-median" label={t.reports.frtMedian} value={d ? dur(d.firstResponse.medianMs) : '…'} />
        <Tile id="res-avg" label={t.reports.resAvg} value={d ? dur(d.resolution.avgMs) : '…'} />
        <Tile id="res-median" label={t.reports.resMedian} value={d ? dur(d.resolution.medianMs) : '…'} />
      </div>

      <h2>{t.reports.perConversation}</h2>
      {d && d.perConversation.length === 0 ? (
        <p class="muted">{t.reports.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="report-table" data-testid="report-table">
            <thead>
              <tr>
                <th scope="col">{t.reports.conversation}</th>
                <th scope="col">{t.reports.created}</th>
                <th scope="col" class="num">
                  {t.reports.firstResponse}
                </th>
                <th scope="col" class="num">
                  {t.reports.resolution}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="report-row" data-conversation-id={r.id}>
                  <td>
                    <button type="button" class="link mono" aria-label={t.reports.open(r.id)} onClick={() => onOpen(r.id)}>
                      {shortId(r.id)}
                    </button>
                  </td>
                  <td>
                    <time dateTime={new Date(r.createdAt).toISOString()} title={formatFull(r.createdAt)}>
                      {formatTime(r.createdAt)}
                    </time>
                  </td>
                  <td class="num">{dur(r.firstResponseMs)}</td>
                  <td class="num">{dur(r.resolutionMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

function Tile({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div class="tile" data-testid={`report-${id}`}>
      <div class="tile-value">{value}</div>
      <div class="tile-label">{label}</div>
    </div>
  );
}
