import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {
  reportOfPath,
  localize,
  RapportError,
  reportPeriod,
  reportRanges,
  type Report,
  type ReportName,
  type ReportUnit,
} from '@rapport/core';
import {reportsForRole, type CustomizationDocument} from '@rapport/schema';
import {RapportErrorEvent} from '../shared/events.js';
import {formatDate} from '../shared/format.js';
import {LoadController} from '../shared/record.js';
import {messageState, warnOnce} from '../shared/states.js';
import {baseStyles} from '../shared/base.styles.js';
import {RapportWidget} from '../shared/widget.js';
import {drawChart} from './chart.js';
import {csvOf} from './csv.js';
import {reportStrings, type ReportStrings} from './report.strings.js';
import {reportStyles} from './report.styles.js';

/** What a report needs besides its data: no fields, no layout; its part of a document is `reports`. */
const builtIn: CustomizationDocument = {schemaVersion: 1, roles: [], fields: {}, widgets: {}};

/**
 * @tag rapport-report
 * @summary A report (complaints by status, SLA per week, satisfaction per month…) as a chart, its
 * headline figures and a data table, with a CSV download of what it shows.
 *
 * `name` is a report of the catalogue in kebab-case (`complaints-by-status`, see docs/reports.md);
 * `range` one of `last-7-days`, `last-30-days`, `last-90-days` (default) and `last-12-months`, or `from`
 * and `to` as dates. The figures come from the gateway (or the memory backend), which withholds groups
 * of fewer than the document's `reports.minimumGroupSize` customers: they read "fewer than 5". The
 * element shows a report only to the roles the document's `reports` section names (by default
 * supervisors every report, agents the complaint and satisfaction reports); the gateway enforces the
 * same. Data points take the keyboard focus one at a time: Tab reaches the chart, the arrow keys move
 * between values, Home and End go to the first and last.
 *
 * @csspart base - The widget.
 * @csspart title - The report's title.
 * @csspart figures - The headline figures.
 * @csspart chart - The SVG chart.
 * @csspart legend - The series' names and colours.
 * @csspart table - The data table.
 * @csspart download - The CSV download button.
 * @csspart retry - The button that loads again after a failure.
 * @cssproperty --rapport-chart-1 - Colour of the first series (default the accent colour).
 * @cssproperty --rapport-chart-2 - Colour of the second series.
 * @cssproperty --rapport-chart-3 - Colour of the third series.
 * @cssproperty --rapport-chart-4 - Colour of the fourth series.
 * @cssproperty --rapport-color-surface - Background.
 * @event {RapportErrorEvent} rapport-error - The report could not be loaded (also when the backend offers no reports), or `name` is not a report. The page shows only a short neutral message; `error` has the detail.
 */
export class RapportReport extends RapportWidget {
  static override styles = [baseStyles, reportStyles];

  protected readonly widgetName = null;
  protected readonly builtInCustomization = builtIn;

  /** The report, in kebab-case: `complaints-by-status`. */
  @property({reflect: true}) name = '';
  /** A named range ending today: `last-7-days`, `last-30-days`, `last-90-days`, `last-12-months`. */
  @property() range = 'last-90-days';
  /** The first day of the range (ISO date), instead of `range`; give `to` with it. */
  @property() from?: string;
  /** The day after the range (ISO date), with `from`. */
  @property() to?: string;
  /** Only customers of this RFM segment, for reports that take it. */
  @property() segment?: string;
  /** Only complaints of this category, for reports that take it. */
  @property() category?: string;

  @state() private focused = {category: 0, series: 0};
  private focusAfterRender = false;

  private readonly report = new LoadController<Report>(
    this,
    'report',
    () => [this.activeClient, this.shownReport() ? this.queryKey() : undefined],
    (client, key, signal) => {
      const [name, from, to, segment, category] = JSON.parse(key) as string[];
      return client.report(
        name as ReportName,
        {
          from: from!,
          to: to!,
          ...(segment && {segment: segment as never}),
          ...(category && {category}),
        },
        {signal},
      );
    },
  );

  protected override get strings(): ReturnType<typeof reportStrings> {
    return reportStrings(this.activeLocale);
  }

  /** The report's catalogue name, if `name` is one. */
  private get reportName(): ReportName | undefined {
    return reportOfPath(this.name);
  }

  /** The report as the document shows it to the active role, with its title; none when it does not. */
  private shownReport() {
    const name = this.reportName;
    const customization = this.resolvedCustomization;
    if (!name || !customization?.ok) return undefined;
    return reportsForRole(customization.document, this.activeRole).find((r) => r.name === name);
  }

  /** The client's query, as one string: it changes exactly when the report must load again. */
  private queryKey(): string {
    const period =
      this.from && this.to
        ? {from: this.from, to: this.to}
        : reportPeriod(
            (reportRanges as readonly string[]).includes(this.range) ? this.range : 'last-90-days',
          );
    return JSON.stringify([
      this.reportName,
      period.from,
      period.to,
      this.segment ?? '',
      this.category ?? '',
    ]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('name') && this.name && !this.reportName) {
      const message = `<rapport-report> name="${this.name}" is not a report; see docs/reports.md for the names`;
      warnOnce(message);
      this.dispatchEvent(
        new RapportErrorEvent(
          new RapportError('invalid_input', message, {fields: {name: 'is not a report'}}),
          this.localName,
        ),
      );
    }
    if (
      changed.has('range') &&
      this.range &&
      !(reportRanges as readonly string[]).includes(this.range)
    )
      warnOnce(
        `<rapport-report> range="${this.range}" is not one of ${reportRanges.join(', ')}; showing last-90-days`,
      );
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const shown = this.shownReport();
    const title = shown
      ? shown.label !== undefined
        ? this.documentText(shown.label)
        : (s.reportTitles[shown.name] ?? shown.name)
      : (s.reportTitles[this.reportName ?? ''] ?? '');
    const body =
      this.resolvedCustomization.ok && (!this.reportName || !shown)
        ? messageState(
            this.reportName ? s.forbidden : s.unavailable,
            this.reportName ? 'forbidden' : 'unknown',
          )
        : this.report.render(this.recordView(4), (report) => this.renderReport(report, title));
    return html`<section class="base" part="base" aria-label=${title || s.unavailable} aria-busy=${this.busy(this.report)}>
      <h3 class="title" part="title">${title}</h3>${body}
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.focusAfterRender) return;
    this.focusAfterRender = false;
    (this.renderRoot.querySelector('.point[tabindex="0"]') as SVGElement | null)?.focus();
  }

  /** A value as the page shows it; `currency` for money. */
  private format(
    value: number | null,
    unit: ReportUnit,
    suppressed: boolean,
    k: number,
    currency?: string,
  ): string {
    const s = this.strings;
    const locale = this.activeLocale;
    if (suppressed) return s.fewerThan(new Intl.NumberFormat(locale).format(k));
    if (value === null) return '–';
    if (unit === 'percent')
      return new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1}).format(
        value / 100,
      );
    if (unit === 'money' && currency)
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
      }).format(value);
    if (unit === 'hours')
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: 'hour',
        maximumFractionDigits: 1,
      }).format(value);
    return new Intl.NumberFormat(locale, {maximumFractionDigits: 1}).format(value);
  }

  private categoryLabel(report: Report, id: string): string {
    const s = this.strings;
    const locale = this.activeLocale;
    if (report.axis === 'week') return formatDate(id, locale, 'medium');
    if (report.axis === 'month')
      return new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(`${id}-01T00:00:00Z`));
    const fromData = report.categoryLabels[id];
    if (fromData !== undefined) return localize(fromData, locale);
    return s.reportCategories[report.axis]?.[id] ?? id;
  }

  /** The table's rows as text: a header, then one row per category. What the CSV holds too. */
  private rows(report: Report): string[][] {
    const s = this.strings;
    return [
      [
        s.reportAxes[report.axis] ?? report.axis,
        ...report.series.map((x) => s.reportNames[x.id] ?? x.id),
      ],
      ...report.categories.map((id, c) => [
        this.categoryLabel(report, id),
        ...report.series.map((x) =>
          this.format(
            x.values[c] ?? null,
            x.unit,
            x.suppressed.includes(c),
            report.minimumGroupSize,
            report.currency,
          ),
        ),
      ]),
    ];
  }

  private renderReport(report: Report, title: string): TemplateResult {
    const s = this.strings;
    const locale = this.activeLocale;
    const k = report.minimumGroupSize;
    const empty =
      report.series.every(
        (x) => x.suppressed.length === 0 && x.values.every((v) => v === null || v === 0),
      ) && report.figures.every((f) => f.value === null || f.value === 0);
    const range = s.reportRange(
      formatDate(report.from, locale, 'medium'),
      formatDate(new Date(Date.parse(report.to) - 1).toISOString(), locale, 'medium'),
    );
    if (empty) return html`<p class="range">${range}</p>${messageState(s.reportEmpty)}`;
    const plotted = report.series.filter((x) => x.plot);
    const labels = report.categories.map((id) => this.categoryLabel(report, id));
    const names = plotted.map((x) => s.reportNames[x.id] ?? x.id);
    const focused = {
      category: Math.min(this.focused.category, labels.length - 1),
      series: Math.min(this.focused.series, plotted.length - 1),
    };
    const value = (c: number, i: number) => {
      const x = plotted[i]!;
      return this.format(x.values[c] ?? null, x.unit, x.suppressed.includes(c), k, report.currency);
    };
    const rows = this.rows(report);
    return html`
      <p class="range">${range}</p>
      ${
        report.figures.length
          ? html`<dl class="figures" part="figures">${report.figures.map(
              (f) =>
                html`<div><dt>${s.reportNames[f.id] ?? f.id}</dt><dd>${this.format(f.value, f.unit, f.suppressed, k, report.currency)}</dd></div>`,
            )}</dl>`
          : nothing
      }
      <figure>
        <div class="plot" role="group" aria-label=${`${title}. ${s.chartHint}`} @keydown=${(e: KeyboardEvent) => this.onKey(e, labels.length, plotted.length)} @focusin=${(e: FocusEvent) => this.onFocus(e)}>
          ${drawChart({
            kind: report.chart,
            categories: labels,
            series: plotted.map((x, i) => ({label: names[i]!, values: x.values})),
            tick: (v) => this.format(v, plotted[0]?.unit ?? 'customers', false, k, report.currency),
            pointLabel: (c, i) => s.chartPoint(labels[c]!, names[i]!, value(c, i)),
            focused,
          })}
        </div>
        <figcaption class="focused" aria-hidden="true">${labels.length && plotted.length ? s.chartPoint(labels[focused.category]!, names[focused.series]!, value(focused.category, focused.series)) : nothing}</figcaption>
      </figure>
      ${
        plotted.length > 1
          ? html`<ul class="legend" part="legend">${names.map((name, i) => html`<li><span class="swatch s${i % 4}" aria-hidden="true"></span>${name}</li>`)}</ul>`
          : nothing
      }
      <details>
        <summary>${s.reportTable}</summary>
        <table part="table">
          <caption class="visually-hidden">${title}, ${range}</caption>
          <thead><tr>${rows[0]!.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
          <tbody>${rows
            .slice(1)
            .map(
              ([head, ...cells]) =>
                html`<tr><th scope="row">${head}</th>${cells.map((cell) => html`<td>${cell}</td>`)}</tr>`,
            )}</tbody>
        </table>
      </details>
      <button type="button" class="secondary" part="download" @click=${() => this.download(report, rows)}>${s.downloadCsv}</button>
    `;
  }

  private onKey(event: KeyboardEvent, categories: number, series: number): void {
    const {category, series: current} = this.focused;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [Math.min(categories - 1, category + 1), current],
      ArrowLeft: [Math.max(0, category - 1), current],
      ArrowDown: [category, Math.min(series - 1, current + 1)],
      ArrowUp: [category, Math.max(0, current - 1)],
      Home: [0, current],
      End: [categories - 1, current],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.focused = {category: move[0], series: move[1]};
    this.focusAfterRender = true;
  }

  private onFocus(event: FocusEvent): void {
    const point = (event.target as Element).closest?.('.point') as SVGElement | null;
    if (!point) return;
    const category = Number(point.dataset.category);
    const series = Number(point.dataset.series);
    if (category !== this.focused.category || series !== this.focused.series)
      this.focused = {category, series};
  }

  /** Saves the table as CSV: the same rows, as text. */
  private download(report: Report, rows: string[][]): void {
    const url = URL.createObjectURL(new Blob([csvOf(rows)], {type: 'text/csv;charset=utf-8'}));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.name}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
  }
}

export type {ReportStrings};
