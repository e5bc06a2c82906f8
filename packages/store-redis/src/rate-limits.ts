import {rateLimitStoreOf, type RateLimitStore} from '@rapport/gateway';
import type {RedisClientType} from '@redis/client';
import {RateLimiterMemory, RateLimiterRedis} from 'rate-limiter-flexible';

/**
 * The gateway's rate limits counted in Redis with rate-limiter-flexible (the algorithm of the gateway's
 * memory store, so a limit means the same on one instance and on many). While Redis cannot be reached,
 * each instance counts in its own memory with the same limit (rate-limiter-flexible's insurance
 * limiter): limits stay in force, per instance, and never pass requests unlimited.
 */
export function redisRateLimitStore(
  client: RedisClientType,
  prefix: string,
  connection: () => Promise<void>,
): RateLimitStore {
  const store = rateLimitStoreOf(
    (limit) =>
      new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${prefix}rate:${limit.requests}/${limit.perSeconds}`,
        points: limit.requests,
        duration: limit.perSeconds,
        insuranceLimiter: new RateLimiterMemory({
          points: limit.requests,
          duration: limit.perSeconds,
        }),
      }),
  );
  return {
    take: async (key, limit) => {
      await connection();
      return store.take(key, limit);
    },
    async ping() {
      await connection();
      await client.ping();
    },
  };
}
