import type {Hono} from 'hono';
import {
  computeReport,
  invalidInput,
  reportOfPath,
  RapportError,
  reportFields,
  reportFilters,
  reportNames,
  resourceOfEntity,
  validateReportQuery,
  type BusinessHours,
  type Report,
  type ReportName,
  type ReportQuery,
} from '@rapport/core';
import {resourcePath, routes} from '@rapport/core/protocol';
import {minimumGroupSizeOf, reportsForRole} from '@rapport/schema';
import type {GatewayEnv} from '../middleware/identify.js';
import {receivesWhole} from '../redact.js';
import {json} from '../respond.js';
import type {RouteContext} from './context.js';

/** Options of the gateway's reports (`GatewayOptions.reports`). */
export interface ReportOptions {
  /** How long a computed report is kept and served again, in seconds. Default 60; 0 computes each time. */
  readonly cacheSeconds?: number;
  /** Most computed reports kept at once; the oldest go first. Default 100. */
  readonly maxCached?: number;
  /** Most reports computed at once; a request past it gets 503 with `Retry-After`. Default 2. */
  readonly maxConcurrent?: number;
  /** Longest a report may take to compute, in milliseconds. Default 60,000. */
  readonly timeoutMs?: number;
  /** Business hours that reply and resolution times count. Default calendar hours. */
  readonly businessHours?: BusinessHours;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * `GET /v1/reports/:report?from=…&to=…[&segment=…][&category=…]`: a report computed from the adapter's
 * records with core's functions, for a role the document lets see it and that sees every field it
 * counts unmasked; small groups withheld as the document says. Answers are cached for a short time,
 * per report and query: every role allowed gets the same figures.
 */
export function reportsRoute(
  api: Hono<GatewayEnv>,
  context: RouteContext,
  options: ReportOptions = {},
): void {
  const {adapter, catalogue, customization} = context;
  const ttl = (options.cacheSeconds ?? 60) * 1000;
  const maxCached = options.maxCached ?? 100;
  const now = options.now ?? Date.now;
  const cache = new Map<string, {expires: number; report: Promise<Report>}>();
  const maxRunning = options.maxConcurrent ?? 2;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let running = 0;

  api.on(routes.report.method, routes.report.pattern, async (c) => {
    const caller = c.get('caller');
    const path = c.req.param('report')!;
    const name = reportOfPath(path);
    if (name === undefined)
      throw new RapportError(
        'not_found',
        `No report "${path}"; the reports are ${reportNames.map(resourcePath).join(', ')}`,
      );
    if (caller.kind === 'anonymous')
      throw new RapportError('unauthorized', 'This request needs a token', {
        details: {reason: 'token_missing'},
      });
    const query = queryOf(c.req.query());
    // The query is checked before the role: a wrong filter is the caller's mistake, said as one.
    const checked = validateReportQuery(name, query, reportFilters[name]);
    refuseUnlessShown(name, query, caller.role);
    const key = JSON.stringify([name, checked.from, checked.to, checked.filters]);
    const at = now();
    let entry = cache.get(key);
    if (!entry || entry.expires <= at) {
      cache.delete(key);
      if (running >= maxRunning)
        throw new RapportError(
          'unavailable',
          'The gateway is computing as many reports as it may; try again shortly',
          {
            retryAfterMs: 2000,
            details: {reason: 'reports_busy'},
          },
        );
      running++;
      // Not the request's signal: the computation is shared by whoever asks while it runs. Its own
      // time limit stops a scan that would hold the backend too long.
      const report = computeReport(adapter, name, query, {
        minimumGroupSize: minimumGroupSizeOf(customization),
        now: at,
        signal: AbortSignal.timeout(timeoutMs),
        ...(options.businessHours && {businessHours: options.businessHours}),
      }).finally(() => running--);
      entry = {expires: at + ttl, report};
      if (ttl > 0) {
        cache.set(key, entry);
        for (const oldest of cache.keys()) {
          if (cache.size <= maxCached) break;
          cache.delete(oldest);
        }
        report.catch(() => cache.delete(key));
      }
    }
    return json(await entry.report);
  });

  function refuseUnlessShown(name: ReportName, query: ReportQuery, role: string): void {
    if (!reportsForRole(customization, role).some((shown) => shown.name === name))
      throw new RapportError('forbidden', `The ${role} role may not see the ${name} report`, {
        details: {report: name, role},
      });
    for (const field of reportFields(name, query)) {
      if (
        !receivesWhole(
          customization,
          catalogue,
          resourceOfEntity(field.entity, catalogue),
          field.source,
          role,
        )
      )
        throw new RapportError(
          'forbidden',
          `The ${name} report counts the ${field.entity} ${field.source}, which the ${role} role may not see unmasked`,
          {details: {report: name, role, field: `${field.entity}.${field.source}`}},
        );
    }
  }
}

/** The report query of a request's parameters: `from` and `to` are required. */
function queryOf(parameters: Record<string, string>): ReportQuery {
  const {from, to, segment, category} = parameters;
  if (from === undefined)
    throw invalidInput('from', 'is required: the first instant of the range, as ?from=2026-09-01');
  if (to === undefined)
    throw invalidInput('to', 'is required: the instant after the range, as ?to=2026-12-01');
  return {
    from,
    to,
    ...(segment !== undefined && {segment: segment as ReportQuery['segment'] & string}),
    ...(category !== undefined && {category}),
  };
}
