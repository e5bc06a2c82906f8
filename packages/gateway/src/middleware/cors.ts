import type {MiddlewareHandler} from 'hono';
import {cors} from 'hono/cors';
import {headers} from '@rapport/core/protocol';

/**
 * CORS for the allowed browser origins. Preflights are Hono's `cors` middleware. On every other
 * request the two headers a browser reads are set on the finished response: Hono's middleware sets
 * them before the route runs, which makes Hono copy every answer into a new response, body stream and
 * all (a third of the gateway's time under load, `pnpm bench --only=gateway`).
 */
export function corsFor(allowed: ReadonlySet<string>): MiddlewareHandler {
  const preflight = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: [headers.authorization, 'content-type', headers.idempotencyKey],
    exposeHeaders: [headers.retryAfter, headers.replayed],
    maxAge: 600,
  });
  const exposed = [headers.retryAfter, headers.replayed].join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const origin = c.req.header('origin');
    if (origin === undefined || !allowed.has(origin)) return;
    const answer = c.res.headers;
    answer.set('access-control-allow-origin', origin);
    answer.set('access-control-expose-headers', exposed);
    // The answer depends on the origin. Every answer is also `no-store`, so a cache keeps none: the
    // answers to other origins and to same-origin pages need no Vary (and are not touched at all).
    answer.append('vary', 'Origin');
  };
}
