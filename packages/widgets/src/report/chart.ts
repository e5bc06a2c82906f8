// The report's chart: a few lines of SVG of our own rather than a chart library. The common ones
// (Chart.js, uPlot, ECharts) draw on a canvas a screen reader cannot read and bring far more than
// these three chart kinds need into an element that may add 8 KiB gzip in all (we did not measure
// them); these templates are SVG elements that carry their values, and Lit renders every text as text.
import {svg, nothing, type SVGTemplateResult} from 'lit';
import type {ReportChart} from '@rapport/core';

/** One series as the chart draws it. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** What {@link drawChart} draws. */
export interface ChartModel {
  readonly kind: ReportChart;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The text of a value on the axis. */
  readonly tick: (value: number) => string;
  /** What a screen reader hears on a data point (and what the page shows for the focused one). */
  readonly pointLabel: (category: number, series: number) => string;
  /** The data point that takes the keyboard focus (the roving tabindex). */
  readonly focused: {readonly category: number; readonly series: number};
}

export const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 56;
const RIGHT = 12;
const TOP = 12;

/** A round number at or above `value`: 1, 2 or 5 times a power of ten. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}

/** The chart as SVG: bars (grouped or stacked) or lines, with a y axis and category labels. */
export function drawChart(model: ChartModel): SVGTemplateResult {
  const {kind, categories, series} = model;
  const n = Math.max(1, categories.length);
  // More than six names side by side would run into each other: they are set at a slant.
  const slanted = categories.length > 6;
  const BOTTOM = slanted ? 84 : 40;
  const stacked = kind === 'stacked-bar';
  const totals = categories.map((_, c) =>
    stacked
      ? series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[c] ?? 0)),
  );
  const lowest = Math.min(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const highest = Math.max(...totals, 0);
  // Four or five steps of a round size (1, 2 or 5 times a power of ten) from below zero to the top.
  const step = niceCeil((highest - lowest) / 4);
  const top = Math.max(step, Math.ceil(highest / step) * step);
  const bottom = Math.floor(lowest / step) * step;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((top - value) / (top - bottom)) * plotHeight;
  const band = (WIDTH - LEFT - RIGHT) / n;
  const x = (c: number) => LEFT + band * c;
  const ticks = Array.from(
    {length: Math.round((top - bottom) / step) + 1},
    (_, i) => bottom + i * step,
  );
  // About twelve category labels at most: a year of weeks labels every fifth.
  const every = Math.ceil(categories.length / 12);

  const point = (c: number, s: number, shape: SVGTemplateResult | typeof nothing) => {
    const focused = model.focused.category === c && model.focused.series === s;
    return svg`<g class="point s${s % 4}" role="img" tabindex=${focused ? 0 : -1} data-category=${c} data-series=${s} aria-label=${model.pointLabel(c, s)}>${shape}</g>`;
  };

  let marks: unknown[];
  if (kind === 'line') {
    marks = series.map((line, s) => {
      let path = '';
      line.values.forEach((value, c) => {
        if (value === null) return;
        const previous = c > 0 ? line.values[c - 1] : null;
        path += `${previous === null || c === 0 ? 'M' : 'L'}${(x(c) + band / 2).toFixed(1)},${y(value).toFixed(1)}`;
      });
      return svg`<path class="line s${s % 4}" d=${path}></path>${line.values.map((value, c) =>
        point(
          c,
          s,
          value === null
            ? svg`<rect class="gap" x=${x(c)} y=${TOP} width=${band} height=${plotHeight}></rect>`
            : svg`<circle cx=${x(c) + band / 2} cy=${y(value)} r="4"></circle>`,
        ),
      )}`;
    });
  } else {
    const inner = band * 0.7;
    const width = stacked ? inner : inner / Math.max(1, series.length);
    marks = categories.map((_, c) => {
      let base = 0;
      return series.map((bar, s) => {
        const value = bar.values[c] ?? null;
        const left = x(c) + (band - inner) / 2 + (stacked ? 0 : s * width);
        if (value === null)
          return point(
            c,
            s,
            svg`<rect class="gap" x=${left} y=${y(0) - 2} width=${width} height="2"></rect>`,
          );
        const from = stacked ? base : 0;
        const to = from + value;
        if (stacked) base = to;
        return point(
          c,
          s,
          svg`<rect x=${left} y=${Math.min(y(from), y(to))} width=${Math.max(1, width - 1)} height=${Math.max(1, Math.abs(y(to) - y(from)))}></rect>`,
        );
      });
    });
  }

  return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" part="chart" class="chart">
    ${ticks.map(
      (tick) =>
        svg`<line class="grid" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${y(tick)} y2=${y(tick)}></line><text class="tick" x=${LEFT - 6} y=${y(tick) + 4} text-anchor="end">${model.tick(tick)}</text>`,
    )}
    ${categories.map((label, c) =>
      c % every === 0
        ? slanted
          ? svg`<text class="tick" transform=${`translate(${(x(c) + band / 2).toFixed(1)} ${HEIGHT - BOTTOM + 14}) rotate(-35)`} text-anchor="end">${label}</text>`
          : svg`<text class="tick" x=${x(c) + band / 2} y=${HEIGHT - BOTTOM + 16} text-anchor="middle">${label}</text>`
        : nothing,
    )}
    <g class="marks">${marks}</g>
  </svg>`;
}
