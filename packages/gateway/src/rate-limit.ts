import {RapportError} from '@rapport/core';
import {RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract} from 'rate-limiter-flexible';

/** At most `requests` in each window of `perSeconds` seconds, per key. */
export interface RateLimit {
  readonly requests: number;
  readonly perSeconds: number;
}

/** The gateway's rate limits. */
export interface RateLimitOptions extends RateLimit {
  /**
   * Requests without a valid token, per client address, checked before any token is verified: missing
   * and refused tokens, and anonymous complaints. Default 30 a minute.
   */
  readonly perAddress?: RateLimit;
}

/** What a rate-limit store answers for one request. */
export type RateVerdict =
  {readonly allowed: true} | {readonly allowed: false; readonly retryAfterMs: number};

/**
 * Where request counts are kept: {@link memoryRateLimitStore} for one process (the default),
 * `redisStores(...).rateLimits` from `@rapport/store-redis` for several instances that must share one
 * limit.
 */
export interface RateLimitStore {
  /**
   * Counts one request of `key` against `limit`. Rejects when it cannot count: the gateway then refuses
   * the request with `503`, never lets it through unlimited.
   */
  take(key: string, limit: RateLimit): Promise<RateVerdict>;
  /** Resolves when the store can count, rejects when it cannot (for `GET /readyz`). */
  ping?(): Promise<void>;
}

/**
 * A {@link RateLimitStore} made of rate-limiter-flexible limiters, one per limit, so every store of
 * Rapport counts with the same fixed-window algorithm (`@rapport/store-redis` builds its store with it).
 */
export function rateLimitStoreOf(
  limiterFor: (limit: RateLimit) => RateLimiterAbstract,
): RateLimitStore {
  const limiters = new Map<string, RateLimiterAbstract>();
  return {
    async take(key, limit) {
      const id = `${limit.requests}/${limit.perSeconds}`;
      let limiter = limiters.get(id);
      if (!limiter) limiters.set(id, (limiter = limiterFor(limit)));
      try {
        await limiter.consume(key);
        return {allowed: true};
      } catch (refusal) {
        // rate-limiter-flexible rejects with its result when the window is used up, with an Error when
        // the store failed.
        if (refusal instanceof RateLimiterRes)
          return {allowed: false, retryAfterMs: Math.max(1, refusal.msBeforeNext)};
        throw refusal;
      }
    },
  };
}

/** Counts in this process's memory: right for one gateway. Each key is forgotten when its window ends. */
export function memoryRateLimitStore(): RateLimitStore {
  return rateLimitStoreOf(
    (limit) => new RateLimiterMemory({points: limit.requests, duration: limit.perSeconds}),
  );
}

let lastStoreError = 0;

/** Checks `key` against `limit` in `store`: `429` once the window is used up, `503` when the store cannot count. */
export async function admit(store: RateLimitStore, key: string, limit: RateLimit): Promise<void> {
  let verdict: RateVerdict;
  try {
    verdict = await store.take(key, limit);
  } catch (error) {
    // Once every 10 seconds is enough to see an outage; every refused request would flood the log.
    if (Date.now() - lastStoreError > 10_000) {
      lastStoreError = Date.now();
      console.error('@rapport/gateway: the rate-limit store failed; refusing requests', error);
    }
    throw new RapportError(
      'unavailable',
      'The service cannot take requests right now; try again shortly',
      {
        retryAfterMs: 1000,
      },
    );
  }
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterMs);
}

/** The `429` of a used-up window, with `Retry-After`. */
export function rateLimited(retryAfterMs: number): RapportError {
  return new RapportError('rate_limited', 'Too many requests; try again shortly', {retryAfterMs});
}
