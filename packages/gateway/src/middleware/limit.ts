import type {MiddlewareHandler} from 'hono';
import {RapportError} from '@rapport/core';
import type {RateLimiter} from '../rate-limit.js';
import type {GatewayEnv} from './identify.js';

/** The `429` of an empty bucket, with `Retry-After`. */
export function rateLimited(retryAfterMs: number): RapportError {
  return new RapportError('rate_limited', 'Too many requests; try again shortly', {retryAfterMs});
}

/** Limits requests per caller (after {@link identify}): `429` with `Retry-After` once a bucket is empty. */
export function limit(take: RateLimiter): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    const verdict = caller ? take(caller.key) : {allowed: true as const};
    if (!verdict.allowed) throw rateLimited(verdict.retryAfterMs);
    return next();
  };
}
