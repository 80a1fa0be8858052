/**
 * A uPlot line chart over report buckets: as wide as its container (a ResizeObserver resizes it),
 * destroyed on unmount. The x axis is the bucket index, labelled with the server's bucket labels
 * (already in the report's time zone). No eval and only CSSOM styles, so it runs under the
 * console's Content-Security-Policy (style-src 'self').
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { tr } from '../i18n-reports.ts';
import { tsh } from '../i18n-shell.ts';
import type { ChartData, SeriesSpec } from '../reports.ts';

export interface ChartSeries extends SeriesSpec {
  color: string;
  dash?: number[];
}

interface Props {
  id: string;
  title: string;
  /** Bucket labels as shown (one per x value). */
  labels: string[];
  data: ChartData;
  series: ChartSeries[];
  /** Formats y axis ticks. */
  yFormat: (v: number) => string;
  /** What the y values are: whole counts, seconds, or a percentage (0-100). */
  yKind: YKind;
  summary: string;
  height?: number;
}

const HEIGHT = 220;

export type YKind = 'count' | 'seconds' | 'percent';

/** Tick steps that read well: whole counts, round durations, round percentages. */
const Y_INCRS: Record<YKind, number[]> = {
  count: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000, 100_000],
  seconds: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800],
  percent: [5, 10, 20, 25, 50],
};

/** The y range: from 0, and 0-100 for percentages. */
function yRange(kind: YKind): uPlot.Range.Function {
  return (_u, _min, max) => (kind === 'percent' ? [0, 100] : uPlot.rangeNum(0, Math.max(max ?? 0, 1), 0.1, true));
}

export function Chart(p: Props) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(p);
  latest.current = p;
  // The bucket under the pointer (null: none); the legend shows its values beside the names.
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const labels = p.labels;
    const width = () => Math.max(240, Math.floor(el.clientWidth));
    const opts: uPlot.Options = {
      width: width(),
      height: p.height ?? HEIGHT,
      scales: {
        x: { time: false, range: (_u, min, max) => (min === max ? [min - 0.5, max + 0.5] : [min, max]) },
        y: { range: yRange(p.yKind) },
      },
      axes: [
        {
          // Integer ticks only: each one is a bucket.
          incrs: [1, 2, 3, 4, 5, 7, 10, 14, 21, 28, 30, 60, 90],
          values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')),
          stroke: '#5d687c',
          grid: { stroke: '#e2e6ee' },
          ticks: { stroke: '#e2e6ee' },
        },
        {
          incrs: Y_INCRS[p.yKind],
          values: (_u, splits) => splits.map((v) => latest.current.yFormat(v)),
          size: 70,
          stroke: '#5d687c',
          grid: { stroke: '#e2e6ee' },
          ticks: { stroke: '#e2e6ee' },
        },
      ],
      series: [
        { label: tr.bucket, value: (_u, v) => (v === null || v === undefined ? '—' : (labels[v] ?? '')) },
        ...p.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash,
          spanGaps: false,
          points: { show: true, size: 6 },
          value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : s.format(v)),
        })),
      ],
      cursor: { drag: { x: false, y: false } },
      // Our own legend below (names and colours always shown); uPlot's read "Period: —" at rest.
      legend: { show: false },
      hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? null)] },
    };
    const chart = new uPlot(opts, p.data as uPlot.AlignedData, el);
    const ro = new ResizeObserver(() => {
      const w = width();
      if (w !== chart.width) chart.setSize({ width: w, height: chart.height });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [p.data, p.labels, p.series, p.yKind]);

  return (
    <figure class="report-chart" data-testid={`chart-${p.id}`} aria-labelledby={`chart-${p.id}-title`}>
      <h3 id={`chart-${p.id}-title`}>{p.title}</h3>
      <div ref={box} class="chart-box" role="img" aria-label={p.summary} />
      <ul class="chart-legend" aria-label={tsh.legend} data-testid={`chart-${p.id}-legend`}>
        {hover !== null && p.labels[hover] !== undefined && <li class="chart-legend-at">{p.labels[hover]}</li>}
        {p.series.map((s, j) => {
          const v = hover === null ? undefined : ((p.data[j + 1] as (number | null)[] | undefined)?.[hover] ?? null);
          return (
            <li key={s.label} data-testid="chart-legend-item">
              <span class={`chart-swatch${s.dash ? ' dashed' : ''}`} style={{ borderTopColor: s.color }} aria-hidden="true" />
              {s.label}
              {v !== undefined && <strong class="chart-legend-value">{v === null ? '—' : s.format(v)}</strong>}
            </li>
          );
        })}
      </ul>
      <figcaption class="chart-summary" data-testid={`chart-${p.id}-summary`}>
        {p.summary}
      </figcaption>
      <details class="chart-data">
        <summary>{tr.showData}</summary>
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{tr.bucket}</th>
              {p.series.map((s) => (
                <th key={s.label} scope="col" class="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.labels.map((label, i) => (
              <tr key={label + i}>
                <th scope="row">{label}</th>
                {p.series.map((s, j) => {
                  const v = (p.data[j + 1] as (number | null)[] | undefined)?.[i] ?? null;
                  return (
                    <td key={s.label} class="num">
                      {v === null ? '—' : s.format(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
