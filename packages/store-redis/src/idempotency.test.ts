// The Redis idempotency store when Redis hangs or is missing, against a real redis-server: a frozen
// server (SIGSTOP) leaves commands unanswered, so a write times out after it may have run.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {isRapportError, randomId} from '@rapport/core';
import {freePort, startRedisServer, type RedisServer} from '../../../scripts/redis-server.mjs';
import {redisStores, type RedisStores} from './index.js';

let redis: RedisServer;
const opened: RedisStores[] = [];
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  redis.resume();
  await Promise.all(opened.map((stores) => stores.close()));
  await redis.close();
});

const stores = (
  options: {inFlightTtlMs?: number; url?: string; commandTimeoutMs?: number} = {},
) => {
  const made = redisStores({
    url: options.url ?? redis.url,
    prefix: `idempotency-${randomId()}:`,
    commandTimeoutMs: options.commandTimeoutMs ?? 200,
    ...(options.inFlightTtlMs !== undefined && {inFlightTtlMs: options.inFlightTtlMs}),
  });
  opened.push(made);
  return made;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Prints nothing while `run` runs: the store reports Redis's absence on the console, as it should. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => {};
  try {
    return await run();
  } finally {
    console.error = original;
  }
}

describe('the Redis idempotency store when Redis hangs', () => {
  it('refuses a retry with 503 while Redis hangs, and replays the first outcome once it goes on', async () => {
    const {idempotency: store} = stores();
    await store.claim('k', 'f1');
    redis.pause();
    await quietly(async () => {
      // The create ran; its outcome times out on the way to Redis and is owed.
      await store.complete('k', {value: {id: 'c-1'}});
      // The client retries while Redis still hangs: refused, never run again.
      await assert.rejects(store.claim('k', 'f1'), (e) => isRapportError(e, 'unavailable'));
    });
    redis.resume();
    await pause(300);
    assert.deepEqual(
      await store.claim('k', 'f1'),
      {state: 'done', fingerprint: 'f1', outcome: {value: {id: 'c-1'}}},
      'the retry hears the first outcome, not "in flight"',
    );
  });

  it('keeps an outcome written after its lease ran out, so a retry does not run again', async () => {
    const {idempotency: store} = stores({inFlightTtlMs: 300});
    await store.claim('k', 'f1');
    redis.pause();
    await quietly(() => store.complete('k', {value: 'done once'}));
    await pause(500); // the lease ends while Redis hangs
    redis.resume();
    await pause(300);
    assert.deepEqual(await store.claim('k', 'f1'), {
      state: 'done',
      fingerprint: 'f1',
      outcome: {value: 'done once'},
    });
  });

  it('frees a key held by a request that never finished once its lease ends', async () => {
    const {idempotency: store} = stores({inFlightTtlMs: 200});
    await store.claim('k', 'f1');
    assert.equal((await store.claim('k', 'f1'))?.state, 'in_flight');
    await pause(300);
    assert.equal(
      await store.claim('k', 'f1'),
      undefined,
      'a crashed request blocks its key no longer',
    );
  });
});

describe('the Redis stores when Redis is missing at start-up', () => {
  it(
    'refuse writes and count reads in memory at once, without waiting for a connection',
    {timeout: 20_000},
    async () => {
      // A command timeout longer than the test: had the stores waited for Redis, the test would time out.
      const missing = stores({
        url: `redis://127.0.0.1:${await freePort()}`,
        commandTimeoutMs: 600_000,
      });
      await quietly(async () => {
        await pause(300); // the first connection attempt fails
        assert.deepEqual(await missing.rateLimits.take('caller', {requests: 1, perSeconds: 60}), {
          allowed: true,
        });
        assert.equal(
          (await missing.rateLimits.take('caller', {requests: 1, perSeconds: 60})).allowed,
          false,
        );
        await assert.rejects(missing.idempotency.claim('k', 'f1'), (e) =>
          isRapportError(e, 'unavailable'),
        );
        await assert.rejects(missing.idempotency.ping!(), (e) => isRapportError(e, 'unavailable'));
      });
    },
  );
});
