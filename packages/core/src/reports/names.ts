import type {ReportFilters} from './report.js';

/**
 * Rapport's reports by name, with the filters each takes: the part of the report catalogue browsers
 * need (to ask for a report and check the query first), without the code that adds records up, which
 * runs on the server (see `reports` in catalogue.ts). Names are camelCase; routes and the element's
 * `name` use them in kebab-case.
 */
export const reportFilters = {
  customerSegments: [],
  customerLifecycle: ['segment'],
  complaintsByCategory: [],
  complaintsByStatus: ['category'],
  complaintSla: ['category'],
  satisfaction: [],
  loyaltyTiers: ['segment'],
  loyaltyPoints: [],
  salesPipeline: ['segment'],
} as const satisfies Readonly<Record<string, readonly (keyof ReportFilters)[]>>;

/** The name of one of Rapport's reports. */
export type ReportName = keyof typeof reportFilters;
/** Every report name, in catalogue order. */
export const reportNames = Object.keys(reportFilters) as ReportName[];

/**
 * The report a route or an element names in kebab-case (`complaints-by-status`), the way
 * `resourcePath` of `@rapport/core/protocol` writes names; `undefined` for one that is no report.
 */
export function reportOfPath(path: string): ReportName | undefined {
  const name = path.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return /^[a-z][a-z-]*$/.test(path) && isReportName(name) ? name : undefined;
}

/** Whether `name` is one of Rapport's reports. */
export function isReportName(name: unknown): name is ReportName {
  return typeof name === 'string' && Object.hasOwn(reportFilters, name);
}
