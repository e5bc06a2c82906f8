import {RapportError} from '@rapport/core';

/** A token bucket per key: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface BucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** The gateway's rate limits. */
export interface RateLimitOptions extends BucketOptions {
  /**
   * Requests without a valid token, per client address, checked before any token is verified: missing
   * and refused tokens, and anonymous complaints. Default 30 at once, 1 a second.
   */
  readonly perAddress?: BucketOptions;
}

/** Takes one token for `key`; says how long to wait when the bucket is empty. */
export type RateLimiter = (
  key: string,
) => {readonly allowed: true} | {readonly allowed: false; readonly retryAfterMs: number};

/**
 * Token buckets by key, at most `maxKeys` of them (default 100,000): past that, the bucket used least
 * recently is forgotten (a forgotten bucket starts full again).
 */
export function tokenBuckets(
  options: BucketOptions,
  now: () => number = Date.now,
  maxKeys = 100_000,
): RateLimiter {
  const buckets = new Map<string, {tokens: number; updated: number}>();
  let sweep = now();
  return (key) => {
    const t = now();
    if (t - sweep > 60_000) {
      // Forget buckets that have been full for a while, so the map does not grow without bound.
      for (const [k, b] of buckets)
        if (b.tokens + ((t - b.updated) / 1000) * options.refillPerSecond >= options.capacity)
          buckets.delete(k);
      sweep = t;
    }
    const bucket = buckets.get(key) ?? {tokens: options.capacity, updated: t};
    bucket.tokens = Math.min(
      options.capacity,
      bucket.tokens + ((t - bucket.updated) / 1000) * options.refillPerSecond,
    );
    bucket.updated = t;
    // Deleted first, so the map's order is the order of last use.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return {allowed: true};
    }
    return {
      allowed: false,
      retryAfterMs: Math.ceil(((1 - bucket.tokens) / options.refillPerSecond) * 1000),
    };
  };
}

/** The `429` of an empty bucket, with `Retry-After`. */
export function rateLimited(retryAfterMs: number): RapportError {
  return new RapportError('rate_limited', 'Too many requests; try again shortly', {retryAfterMs});
}
