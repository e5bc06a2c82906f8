/**
 * @rapport/store-redis: the gateway's shared state in Redis, for several gateway instances behind a
 * load balancer. `redisStores({url, prefix})` opens one connection and gives the gateway an
 * idempotency store and a rate-limit store on it:
 *
 * ```ts
 * const redis = redisStores({url: process.env.REDIS_URL!, prefix: 'rapport:shop:'});
 * const gateway = createGateway({adapter, auth, idempotencyStore: redis.idempotency, rateLimitStore: redis.rateLimits});
 * ```
 *
 * @packageDocumentation
 */
export {redisStores} from './redis-stores.js';
export type {RedisStores, RedisStoresOptions} from './redis-stores.js';
