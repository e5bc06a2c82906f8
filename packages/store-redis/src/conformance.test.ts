// The store conformance suite of @rapport/adapter-testkit against the Redis store, on a real
// redis-server started for this file.
import {after, before} from 'node:test';
import {runStoreConformance} from '@rapport/adapter-testkit';
import {randomId} from '@rapport/core';
import {startRedisServer, type RedisServer} from '../../../scripts/redis-server.mjs';
import {redisStores, type RedisStores} from './index.js';

let redis: RedisServer;
const opened: RedisStores[] = [];
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await Promise.all(opened.map((stores) => stores.close()));
  await redis.close();
});

runStoreConformance({
  name: 'redis',
  create: ({ttlMs}) => {
    const stores = redisStores({
      url: redis.url,
      prefix: `conformance-${randomId()}:`,
      ...(ttlMs !== undefined && {idempotencyTtlMs: ttlMs}),
    });
    opened.push(stores);
    return stores.idempotency;
  },
});
