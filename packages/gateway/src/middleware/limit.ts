import type {MiddlewareHandler} from 'hono';
import {rateLimited, type RateLimiter} from '../rate-limit.js';
import type {GatewayEnv} from './identify.js';

/** Limits requests per caller (after {@link identify}): `429` with `Retry-After` once a bucket is empty. */
export function limit(take: RateLimiter): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    const verdict = caller ? take(caller.key) : {allowed: true as const};
    if (!verdict.allowed) throw rateLimited(verdict.retryAfterMs);
    return next();
  };
}
