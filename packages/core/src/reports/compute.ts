import {scanOf, type CallOptions, type Page} from '../adapter/contract.js';
import type {BusinessHours} from '../complaints/sla.js';
import {invalidInput, isRapportError, RapportError} from '../errors.js';
import {limits} from '../protocol/limits.js';
import {toEpochMs, toIso, type Instant} from '../time.js';
import {reportReads, reports} from './catalogue.js';
import {isReportName, reportFilters, reportNames, type ReportName} from './names.js';
import {validateReportQuery, type Report, type ReportQuery} from './report.js';

/** Options of {@link computeReport}. */
export interface ComputeReportOptions extends CallOptions {
  /** Cells standing for fewer customers than this are withheld. Default 5. */
  readonly minimumGroupSize?: number;
  /** Business hours that reply and resolution times count; default calendar hours. */
  readonly businessHours?: BusinessHours;
  /** The clock, for tests. Default now. */
  readonly now?: Instant;
}

/** An adapter's resources, as far as scans go. */
type Scannable = {
  readonly name: string;
  readonly resources: object;
};
/** The scan of a resource a report reads. @throws RapportError `unsupported` without one. */
function scanFor(adapter: Scannable, resource: string, report: string) {
  const scan = scanOf(adapter, resource);
  if (!scan) {
    throw new RapportError(
      'unsupported',
      `The ${adapter.name} adapter cannot scan ${resource}, which the ${report} report reads`,
      {details: {report, resource, operation: 'scan'}},
    );
  }
  return scan;
}

/** The reports an adapter can compute: those whose every resource it scans. */
export function servedReports(adapter: Scannable): ReportName[] {
  return reportNames.filter((name) =>
    reportReads(name).every((resource) => scanOf(adapter, resource) !== undefined),
  );
}

/**
 * Computes a report from an adapter's records with core's functions (`scoreRfm`, `slaStatus`, `csat`,
 * `netPromoterScore`…), reading each resource it needs page by page with `scan`: what it keeps is a
 * total per cell (for segments, per customer; satisfaction and the pipeline keep the range's answers
 * and deals), never the whole backend. Cells that stand for
 * fewer than `minimumGroupSize` customers are withheld.
 *
 * @throws RapportError `invalid_input` for an unknown report or a bad query (naming `report`, `from`,
 *   `to`, `segment` or `category`), `unsupported` when the adapter cannot scan a resource it reads.
 */
export async function computeReport(
  adapter: Scannable,
  name: string,
  query: ReportQuery,
  options: ComputeReportOptions = {},
): Promise<Report> {
  if (!isReportName(name)) throw invalidInput('report', `must be one of ${reportNames.join(', ')}`);
  const definition = reports[name];
  const {from, to, filters} = validateReportQuery(name, query, reportFilters[name]);
  const minimumGroupSize = options.minimumGroupSize ?? 5;
  if (!Number.isInteger(minimumGroupSize) || minimumGroupSize < 1)
    throw invalidInput('minimumGroupSize', 'must be a whole number of 1 or more');
  const now = toEpochMs(options.now ?? Date.now(), 'now');
  const asOf = Math.min(now, to);
  const reads = reportReads(name, filters);
  const scans = reads.map((resource) => scanFor(adapter, resource, name));
  const fold = definition.fold({
    from,
    to,
    asOf,
    filters,
    minimumGroupSize,
    ...(options.businessHours && {businessHours: options.businessHours}),
  });
  for (const [i, scan] of scans.entries()) {
    let cursor: string | null = null;
    do {
      options.signal?.throwIfAborted();
      const page: Page<unknown> = await scan(
        {...(cursor !== null && {cursor}), limit: limits.maxScanPageSize},
        options.signal ? {signal: options.signal} : {},
      );
      dataFault(name, reads[i]!, () => {
        for (const item of page.items) fold.add(reads[i]!, item);
      });
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  const figures = dataFault(name, reads.join(', '), () => fold.finish());
  return {
    report: name,
    from: toIso(from),
    to: toIso(to),
    asOf: toIso(asOf),
    filters,
    chart: figures.chart,
    axis: figures.axis,
    categories: figures.categories,
    categoryLabels: figures.categoryLabels ?? {},
    series: figures.series,
    figures: figures.figures ?? [],
    ...(figures.currency !== undefined && {currency: figures.currency}),
    minimumGroupSize,
  };
}

/**
 * A record the backend gave that cannot be counted (an invalid date, deals in two currencies) is the
 * backend's fault, not the caller's: `unavailable`, naming the resource, not `invalid_input`.
 */
function dataFault<T>(report: string, resource: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!isRapportError(error, 'invalid_input')) throw error;
    throw new RapportError(
      'unavailable',
      `The ${report} report cannot count the backend's ${resource}: ${error.message}`,
      {cause: error, details: {report, resource, fields: error.fields}},
    );
  }
}
