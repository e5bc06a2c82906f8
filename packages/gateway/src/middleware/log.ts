import type {MiddlewareHandler} from 'hono';
import {routePath} from 'hono/route';
import type {Caller} from '../auth/tokens.js';
import type {GatewayEnv} from './identify.js';

/** One request, as the gateway logs it: no ids, no tokens, no personal data. */
export interface LogEntry {
  readonly method: string;
  /** The route's pattern, such as `/v1/customers/:customerId/complaints`, never the concrete path. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly caller: Caller['kind'] | 'none';
  /** The error code, when the request failed. */
  readonly code?: string;
}

/** Calls `sink` once per request, after the response is made, with the route's pattern only. */
export function log(sink: (entry: LogEntry) => void): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    let code: string | undefined;
    if (c.res.status >= 400)
      code = await c.res
        .clone()
        .json()
        .then(
          (b: {error?: {code?: string}}) => b.error?.code,
          () => undefined,
        );
    sink({
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      durationMs: Date.now() - started,
      caller: c.get('caller')?.kind ?? 'none',
      ...(code !== undefined && {code}),
    });
  };
}
