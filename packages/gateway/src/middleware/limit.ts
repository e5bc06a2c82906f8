import type {MiddlewareHandler} from 'hono';
import {RapportError} from '@rapport/core';
import {tokenBuckets, type RateLimitOptions} from '../rate-limit.js';
import type {GatewayEnv} from './identify.js';

/** Limits requests per caller (after {@link identify}): `429` with `Retry-After` once a bucket is empty. */
export function limit(options: RateLimitOptions): MiddlewareHandler<GatewayEnv> {
  const take = tokenBuckets(options);
  return async (c, next) => {
    const caller = c.get('caller');
    const verdict = caller ? take(caller.key) : {allowed: true as const};
    if (!verdict.allowed) {
      throw new RapportError('rate_limited', 'Too many requests; try again shortly', {
        retryAfterMs: verdict.retryAfterMs,
      });
    }
    return next();
  };
}
