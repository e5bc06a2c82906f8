/** A token bucket per caller: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** Takes one token for `key`; says how long to wait when the bucket is empty. */
export type RateLimiter = (
  key: string,
) => {readonly allowed: true} | {readonly allowed: false; readonly retryAfterMs: number};

export function tokenBuckets(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
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
    buckets.set(key, bucket);
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
