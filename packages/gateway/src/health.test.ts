import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {memoryIdempotencyStore, RapportError} from '@rapport/core';
import {memoryRateLimitStore} from '@rapport/gateway';
import {asOf, setup} from '../test-support/support.js';
import {memoryAdapter} from '@rapport/adapter-memory';

/** Silences console.error for the length of `run`, returning what it printed. */
async function quietly(run: () => Promise<void>): Promise<string> {
  const printed: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return printed.join('\n');
}

describe('gateway: health checks', () => {
  it('answers /healthz and /readyz without a token, outside the versioned routes and the rate limit', async () => {
    const {call} = setup({
      rateLimit: {requests: 1, perSeconds: 60, perAddress: {requests: 1, perSeconds: 60}},
    });
    for (let i = 0; i < 3; i++) {
      const health = await call('/healthz', {address: '192.0.2.1'});
      assert.deepEqual([health.status, health.body], [200, {status: 'ok'}]);
      const ready = await call('/readyz', {address: '192.0.2.1'});
      assert.deepEqual([ready.status, ready.body], [200, {status: 'ready'}]);
      assert.equal(ready.headers.get('cache-control'), 'no-store');
    }
  });

  it('is mounted under basePath with the rest of the gateway', async () => {
    const {call} = setup({basePath: '/rapport'});
    assert.equal((await call('/rapport/healthz')).status, 200);
    assert.equal((await call('/rapport/readyz')).status, 200);
    assert.equal((await call('/healthz')).status, 404);
  });

  it('answers 503 with nothing but "unavailable" when the adapter or a store does not answer its ping', async () => {
    const failing = async () => {
      throw new RapportError('unavailable', 'crm.example.com: ECONNREFUSED 10.0.0.7:443');
    };
    const cases = {
      adapter: {adapter: Object.assign(memoryAdapter({asOf, size: 5}), {ping: failing})},
      'idempotency store': {
        idempotencyStore: Object.assign(memoryIdempotencyStore(), {ping: failing}),
      },
      'rate-limit store': {
        rateLimit: {requests: 100, perSeconds: 1},
        rateLimitStore: Object.assign(memoryRateLimitStore(), {ping: failing}),
      },
    };
    for (const [part, options] of Object.entries(cases)) {
      const {call} = setup(options);
      let ready: Awaited<ReturnType<typeof call>> | undefined;
      const printed = await quietly(async () => {
        ready = await call('/readyz');
      });
      assert.deepEqual([ready!.status, ready!.body], [503, {status: 'unavailable'}], part);
      assert.equal(ready!.headers.get('retry-after'), '1');
      assert.ok(!ready!.text.includes('10.0.0.7'), 'nothing about the backend reaches the caller');
      assert.match(
        printed,
        new RegExp(`not ready: the ${part} did not answer`),
        'the console says what',
      );
      assert.equal((await call('/healthz')).status, 200, 'the process itself is healthy');
    }
  });

  it('times out a ping that hangs, and asks at most once a second however many checks come', async () => {
    let pings = 0;
    const adapter = Object.assign(memoryAdapter({asOf, size: 5}), {
      ping: () => {
        pings++;
        return new Promise<void>(() => {});
      },
    });
    const {call} = setup({adapter});
    let statuses: number[] = [];
    await quietly(async () => {
      statuses = (await Promise.all(Array.from({length: 20}, () => call('/readyz')))).map(
        (r) => r.status,
      );
    });
    assert.ok(statuses.every((s) => s === 503));
    assert.equal(pings, 1);
  });
});
