/**
 * The reports page: filters (period in the site's time zone, site, agent, department, channel,
 * day or week), every KPI of GET /api/metrics as tiles, uPlot trends per bucket, per-agent and
 * per-department tables, the live panel and the CSV downloads for the same filters.
 */
import type { AgentStatus, Department, KpiSet, Metrics } from '@parla/protocol';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, type Site } from '../api.ts';
import { isTimeZone, localTimeZone } from '../hours.ts';
import { tr } from '../i18n-reports.ts';
import { errorText } from '../i18n.ts';
import { units } from '../labels.ts';
import { formatDuration } from '../format.ts';
import {
  backlogData,
  channelName,
  chartSummary,
  csatData,
  defaultFilters,
  formatDay,
  formatNumber,
  formatShare,
  formatSpan,
  frtData,
  hasData,
  kpiTiles,
  filtersFromQuery,
  metricsQueryString,
  reportQuery,
  periodOf,
  PRESETS,
  volumeData,
  type ChartData,
  type Clock,
  type Period,
  type Preset,
  type ReportFilters,
  type Tile,
} from '../reports.ts';
import { Chart, type ChartSeries, type YKind } from './Chart.tsx';
import { LivePanel } from './LivePanel.tsx';
import './reports.css';
import { useLocation } from 'preact-iso';
import { tsh } from '../i18n-shell.ts';
import { viewPath, withQuery } from '../routes.ts';

/** The zones of the selector: this browser's first, then every zone the browser knows (and the chosen one). */
function zoneOptions(chosen: string): string[] {
  const local = localTimeZone();
  let all: string[] = [];
  try {
    all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    all = [];
  }
  const list = [local, ...all.filter((z) => z !== local)];
  if (!list.includes('UTC')) list.splice(1, 0, 'UTC');
  if (chosen && !list.includes(chosen)) list.splice(1, 0, chosen);
  return list;
}
import { ti } from '../i18n-inbox.ts';
import { useTags } from '../tags.ts';

interface Props {
  sites: Site[] | null;
  departments: Department[] | null;
  agents: AgentStatus[] | null;
  /** Changes when the inbox changed: the live panel refetches. */
  liveTrigger: string;
  onUnauthorized: () => void;
}

type Load =
  | { state: 'loading'; stale?: Ready }
  | { state: 'ready'; data: Metrics; period: Period; query: string }
  | { state: 'error'; message: string }
  | { state: 'invalid' };
type Ready = Extract<Load, { state: 'ready' }>;

const KNOWN_CHANNELS = ['web', 'callback'];

export function Reports(p: Props) {
  const loc = useLocation();
  // The filters and the zone come from the address (reload, Back, a shared link) and go back to it.
  const [initial] = useState(() => filtersFromQuery(loc.query, defaultFilters(Date.now(), localTimeZone()), isTimeZone));
  const [filters, setFilters] = useState<ReportFilters>(initial.filters);
  // The zone chosen in the selector; '' = the site's (the server's default for the report).
  const [tzChoice, setTzChoice] = useState(initial.tz);
  // The report's zone per site filter, as the server told us (it defaults to the site's zone).
  const [zones, setZones] = useState<Record<string, string>>({});
  const [clock, setClock] = useState<Clock>('calendar');
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const tags = useTags(useMemo(() => (p.sites ?? []).map((x) => x.id), [p.sites]));
  const zoneKey = filters.siteId || '*';
  const siteZone = zones[zoneKey];
  const zone = tzChoice || (siteZone ?? localTimeZone());

  useEffect(() => {
    const url = withQuery(viewPath('reports'), reportQuery(filters, tzChoice));
    if (url !== loc.url) loc.route(url, true);
  }, [filters, tzChoice]);

  useEffect(() => {
    const period = periodOf(filters, Date.now(), zone);
    if (!period) {
      setLoad({ state: 'invalid' });
      return;
    }
    let cancelled = false;
    const query = metricsQueryString(period, filters, tzChoice || undefined);
    setLoad((prev) => ({ state: 'loading', stale: prev.state === 'ready' ? prev : prev.state === 'loading' ? prev.stale : undefined }));
    api.report(query).then(
      (data) => {
        if (cancelled) return;
        if (!tzChoice && isTimeZone(data.tz) && data.tz !== siteZone) {
          // The site's zone, for the selector; if our days were cut in another, cut them in it and ask again.
          setZones((z) => ({ ...z, [zoneKey]: data.tz }));
          if (data.tz !== zone) return;
        }
        setLoad({ state: 'ready', data, period, query });
      },
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) p.onUnauthorized();
        setLoad({ state: 'error', message: e instanceof ApiError && e.code !== 'network' ? errorText(e.code, e.message) : tr.error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [filters, zone, tzChoice, attempt]);

  const shown = load.state === 'ready' ? load : load.state === 'loading' ? load.stale : undefined;
  const d = shown?.data;
  const set = (patch: Partial<ReportFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const departments = useMemo(
    () => (p.departments ?? []).filter((x) => !filters.siteId || x.siteId === filters.siteId),
    [p.departments, filters.siteId],
  );
  const channels = useMemo(() => {
    const all = new Set(KNOWN_CHANNELS);
    for (const c of d?.totals.channels ?? []) all.add(c.channel);
    if (filters.channel) all.add(filters.channel);
    return [...all];
  }, [d, filters.channel]);

  const choosePreset = (preset: Preset) => {
    if (preset === 'custom' && shown) set({ preset, fromDate: shown.period.firstDate, toDate: shown.period.lastDate });
    else set({ preset });
  };

  return (
    <main class="reports reports-v2" aria-labelledby="reports-title" data-testid="reports">
      <div class="reports-head">
        <div>
          <h1 id="reports-title">{tr.title}</h1>
          {shown && (
            <p class="muted reports-range" data-testid="reports-range">
              {tr.range(formatDay(shown.period.firstDate, undefined, true), formatDay(shown.period.lastDate, undefined, true))} ·{' '}
              <span data-testid="reports-zone">{tr.zone(shown.data.tz)}</span>
            </p>
          )}
        </div>
      </div>

      <form class="report-filters" aria-label={tr.filters} onSubmit={(e) => e.preventDefault()} data-testid="report-filters">
        <div class="field">
          <span class="label" id="period-label">
            {tr.period}
          </span>
          <div class="segmented" role="group" aria-labelledby="period-label">
            {PRESETS.map((id) => (
              <button key={id} type="button" aria-pressed={filters.preset === id} data-testid={`preset-${id}`} onClick={() => choosePreset(id)}>
                {tr.presets[id]}
              </button>
            ))}
          </div>
        </div>
        {filters.preset === 'custom' && (
          <>
            <div class="field">
              <label for="report-from">{tr.from}</label>
              <input id="report-from" type="date" class="text-input" value={filters.fromDate} data-testid="report-from" onChange={(e) => set({ fromDate: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="report-to">{tr.to}</label>
              <input id="report-to" type="date" class="text-input" value={filters.toDate} data-testid="report-to" onChange={(e) => set({ toDate: e.currentTarget.value })} />
            </div>
          </>
        )}
        {(p.sites?.length ?? 0) > 1 && (
          <div class="field">
            <label for="report-site">{tr.site}</label>
            <select
              id="report-site"
              value={filters.siteId}
              data-testid="report-site"
              onChange={(e) => {
                const siteId = e.currentTarget.value;
                const keep = (p.departments ?? []).some((x) => x.id === filters.departmentId && (!siteId || x.siteId === siteId));
                set({ siteId, departmentId: keep ? filters.departmentId : '' });
              }}
            >
              <option value="">{tr.allSites}</option>
              {p.sites!.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="report-agent">{tr.agent}</label>
          <select id="report-agent" value={filters.agentId} data-testid="report-agent" onChange={(e) => set({ agentId: e.currentTarget.value })}>
            <option value="">{tr.allAgents}</option>
            {(p.agents ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-department">{tr.department}</label>
          <select id="report-department" value={filters.departmentId} data-testid="report-department" onChange={(e) => set({ departmentId: e.currentTarget.value })}>
            <option value="">{tr.allDepartments}</option>
            {departments.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-channel">{tr.channel}</label>
          <select id="report-channel" value={filters.channel} data-testid="report-channel" onChange={(e) => set({ channel: e.currentTarget.value })}>
            <option value="">{tr.allChannels}</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-tz">{tsh.timeZone}</label>
          <select id="report-tz" value={tzChoice} data-testid="report-tz" onChange={(e) => setTzChoice(e.currentTarget.value)}>
            <option value="">{tsh.timeZoneSite(siteZone ?? '…')}</option>
            {zoneOptions(tzChoice).map((z) => (
              <option key={z} value={z}>
                {z === localTimeZone() ? tsh.timeZoneLocal(z) : z}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-tag">{ti.tag}</label>
          <select id="report-tag" value={filters.tag ?? ''} data-testid="report-tag" onChange={(e) => set({ tag: e.currentTarget.value })}>
            <option value="">{ti.anyTag}</option>
            {[...tags.values()]
              .filter((x) => !filters.siteId || x.siteId === filters.siteId)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <span class="label" id="group-label">
            {tr.groupBy}
          </span>
          <div class="segmented" role="group" aria-labelledby="group-label">
            {(['day', 'week'] as const).map((g) => (
              <button key={g} type="button" aria-pressed={filters.groupBy === g} data-testid={`group-${g}`} onClick={() => set({ groupBy: g })}>
                {g === 'day' ? tr.day : tr.week}
              </button>
            ))}
          </div>
        </div>
      </form>

      {load.state === 'invalid' && (
        <p class="form-error" role="alert" data-testid="report-invalid">
          {tr.badRange}
        </p>
      )}
      {load.state === 'error' && (
        <p class="form-error" role="alert" data-testid="report-error">
          {load.message}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {tr.retry}
          </button>
        </p>
      )}
      {load.state === 'loading' && !shown && (
        <p class="muted" role="status" data-testid="report-loading">
          {tr.loading}
        </p>
      )}

      <div class="reports-grid">
        <div class="reports-main" aria-busy={load.state === 'loading'}>
          {d && shown && <Report data={d} query={shown.query} groupBy={filters.groupBy} clock={clock} onClock={setClock} />}
        </div>
        <aside class="reports-side">
          <LivePanel trigger={p.liveTrigger} onUnauthorized={p.onUnauthorized} />
        </aside>
      </div>
    </main>
  );
}

function Report({ data, query, groupBy, clock, onClock }: { data: Metrics; query: string; groupBy: 'day' | 'week'; clock: Clock; onClock: (c: Clock) => void }) {
  const effectiveClock: Clock = data.totals.business ? clock : 'calendar';
  const tiles = useMemo(() => kpiTiles(data.totals, data.backlog, effectiveClock), [data, effectiveClock]);
  const empty = data.totals.conversations === 0;
  return (
    <>
      {data.demoConversations > 0 && (
        <p class="demo-banner" role="note" data-testid="demo-banner">
          {tr.demo(data.demoConversations)}
        </p>
      )}
      {empty && (
        <p class="muted report-empty" data-testid="report-empty">
          {tr.empty}
        </p>
      )}

      <div class="reports-section-head">
        <h2 id="kpis-title">{tr.kpis}</h2>
        {data.totals.business && (
          <div class="segmented" role="group" aria-label={tr.clock} data-testid="clock-toggle">
            {(['calendar', 'business'] as const).map((c) => (
              <button key={c} type="button" aria-pressed={effectiveClock === c} data-testid={`clock-${c}`} onClick={() => onClock(c)}>
                {c === 'calendar' ? tr.calendar : tr.business}
              </button>
            ))}
          </div>
        )}
      </div>
      <div class="tiles kpi-tiles" role="list" aria-labelledby="kpis-title" data-testid="kpi-tiles" data-clock={effectiveClock}>
        {tiles.map((tile) => (
          <KpiTile key={tile.id} tile={tile} />
        ))}
      </div>

      <Charts data={data} groupBy={groupBy} />

      <h2 id="per-agent-title">{tr.perAgent}</h2>
      {data.perAgent.length === 0 ? (
        <p class="muted">{tr.noAgents}</p>
      ) : (
        <KpiTable labelledBy="per-agent-title" testid="per-agent" rows={data.perAgent.map((a) => ({ key: a.agentId, name: a.name, kpis: a.kpis }))} />
      )}
      <h2 id="per-department-title">{tr.perDepartment}</h2>
      {data.perDepartment.length === 0 ? (
        <p class="muted">{tr.empty}</p>
      ) : (
        <KpiTable
          labelledBy="per-department-title"
          testid="per-department"
          rows={data.perDepartment.map((x) => ({ key: x.departmentId ?? '-', name: x.departmentId ? x.name || x.departmentId : tr.noDepartment, kpis: x.kpis }))}
        />
      )}

      <h2>{tr.downloads}</h2>
      <p class="report-downloads">
        <a class="button-link" href={`/api/metrics.csv?${query}`} download="parla-metrics.csv" data-testid="csv-kpis">
          {tr.csvKpis}
        </a>
        <a class="button-link" href={`/api/metrics/conversations.csv?${query}`} download="parla-conversations.csv" data-testid="csv-conversations">
          {tr.csvConversations}
        </a>
      </p>
    </>
  );
}

function KpiTile({ tile }: { tile: Tile }) {
  return (
    <div class="tile kpi-tile" role="listitem" data-testid={`tile-${tile.id}`} data-value={tile.raw ?? ''}>
      <div class="tile-label">{tile.label}</div>
      <div class="tile-value" data-testid={`tile-${tile.id}-value`}>
        {tile.text}
      </div>
      {tile.caption && <div class="tile-caption">{tile.caption}</div>}
      {tile.parts.length > 0 && (
        <dl class="tile-parts">
          {tile.parts.map((part) => (
            <div key={part.id} data-testid={`tile-${tile.id}-${part.id}`} data-value={part.raw ?? ''}>
              <dt>{part.label}</dt>
              <dd>{part.text}</dd>
            </div>
          ))}
        </dl>
      )}
      {tile.note && <div class="tile-note">{tile.note}</div>}
    </div>
  );
}

const COLORS = { blue: '#2f5bea', green: '#16803c', amber: '#a15c00', red: '#c3261b' };
const count = (v: number) => formatNumber(v, undefined, 0);
const seconds = (v: number) => formatSpan(v * 1000);
const compactSeconds = (v: number) => formatDuration(v * 1000, units, '');
const percent = (v: number) => formatShare(v / 100);

const VOLUME: ChartSeries[] = [
  { label: tr.seriesVolume, color: COLORS.blue, additive: true, format: count },
  { label: tr.seriesResolved, color: COLORS.green, additive: true, format: count },
  { label: tr.seriesSelfService, color: COLORS.amber, additive: true, format: count, dash: [6, 4] },
];
const FRT: ChartSeries[] = [
  { label: tr.seriesMedian, color: COLORS.blue, additive: false, format: seconds },
  { label: tr.seriesP90, color: COLORS.red, additive: false, format: seconds, dash: [6, 4] },
];
const CSAT: ChartSeries[] = [{ label: tr.seriesCsat, color: COLORS.green, additive: false, format: percent }];
const BACKLOG: ChartSeries[] = [
  { label: tr.seriesOpen, color: COLORS.blue, additive: false, format: count },
  { label: tr.seriesOverdue, color: COLORS.red, additive: false, format: count, dash: [6, 4] },
];

function Charts({ data, groupBy }: { data: Metrics; groupBy: 'day' | 'week' }) {
  const word = data.groupBy === 'week' ? tr.weekWord : data.groupBy === 'day' ? tr.dayWord : tr.periodWord;
  const labels = useMemo(() => data.series.map((s) => formatDay(s.label)), [data]);
  const charts = useMemo(
    () =>
      [
        { id: 'volume', title: tr.chartVolume(word), data: volumeData(data.series), series: VOLUME, yFormat: count, yKind: 'count' },
        { id: 'frt', title: tr.chartFrt(word), data: frtData(data.series), series: FRT, yFormat: compactSeconds, yKind: 'seconds' },
        { id: 'csat', title: tr.chartCsat(word), data: csatData(data.series), series: CSAT, yFormat: percent, yKind: 'percent' },
        { id: 'backlog', title: tr.chartBacklog(word), data: backlogData(data.series), series: BACKLOG, yFormat: count, yKind: 'count' },
      ] satisfies { id: string; title: string; data: ChartData; series: ChartSeries[]; yFormat: (v: number) => string; yKind: YKind }[],
    [data, word],
  );
  return (
    <section aria-labelledby="charts-title" data-group-by={groupBy}>
      <h2 id="charts-title">{tr.charts}</h2>
      <div class="report-charts">
        {charts.map((c) =>
          hasData(c.data) ? (
            <Chart key={c.id} id={c.id} title={c.title} labels={labels} data={c.data} series={c.series} yFormat={c.yFormat} yKind={c.yKind} summary={chartSummary(c.title, labels, c.data, c.series)} />
          ) : (
            <figure key={c.id} class="report-chart empty" data-testid={`chart-${c.id}`} data-empty="true">
              <h3>{c.title}</h3>
              <p class="muted">{tr.noChartData}</p>
            </figure>
          ),
        )}
      </div>
    </section>
  );
}

function KpiTable({ rows, labelledBy, testid }: { rows: { key: string; name: string; kpis: KpiSet }[]; labelledBy: string; testid: string }) {
  return (
    <div class="table-wrap">
      <table class="report-table" aria-labelledby={labelledBy} data-testid={testid}>
        <thead>
          <tr>
            <th scope="col">{tr.name}</th>
            <th scope="col" class="num">
              {tr.conversations}
            </th>
            <th scope="col" class="num">
              {tr.frtMedian}
            </th>
            <th scope="col" class="num">
              {tr.resolutionMedian}
            </th>
            <th scope="col" class="num">
              {tr.csatScore}
            </th>
            <th scope="col" class="num">
              {tr.slaFrBreaches}
            </th>
            <th scope="col" class="num">
              {tr.slaResBreaches}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`${testid}-row`} data-id={r.key}>
              <th scope="row">{r.name}</th>
              <td class="num" data-testid="cell-conversations">
                {formatNumber(r.kpis.conversations)}
              </td>
              <td class="num" data-testid="cell-frt">
                {formatSpan(r.kpis.firstResponse.medianMs)}
              </td>
              <td class="num">{formatSpan(r.kpis.resolution.medianMs)}</td>
              <td class="num">{formatShare(r.kpis.csat.score)}</td>
              <td class="num">{formatNumber(r.kpis.sla.firstResponse.breached)}</td>
              <td class="num">{formatNumber(r.kpis.sla.resolution.breached)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
