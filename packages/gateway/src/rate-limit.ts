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

/**
 * Takes `cost` tokens (default 1) for `key`; says how long to wait when the bucket has fewer. A cost
 * of 0 only asks whether a request would be allowed.
 */
export type RateLimiter = (
  key: string,
  cost?: 0 | 1,
) => {readonly allowed: true} | {readonly allowed: false; readonly retryAfterMs: number};

export function tokenBuckets(options: BucketOptions, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, {tokens: number; updated: number}>();
  let sweep = now();
  return (key, cost = 1) => {
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
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= cost;
      return {allowed: true};
    }
    return {
      allowed: false,
      retryAfterMs: Math.ceil(((1 - bucket.tokens) / options.refillPerSecond) * 1000),
    };
  };
}
