import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {memoryAdapter} from '@rapport/adapter-memory';
import {isRapportError} from '@rapport/core';
import {createGateway} from '@rapport/gateway';
import {admit, memoryRateLimitStore, type RateLimitStore} from './rate-limit.js';
import {clientKey} from './middleware/identify.js';

describe('memoryRateLimitStore', () => {
  it('allows `requests` per window and key, then says how long until the window ends', async () => {
    const store = memoryRateLimitStore();
    const limit = {requests: 2, perSeconds: 60};
    assert.deepEqual(await store.take('a', limit), {allowed: true});
    assert.deepEqual(await store.take('a', limit), {allowed: true});
    const refused = await store.take('a', limit);
    assert.equal(refused.allowed, false);
    assert.ok(!refused.allowed && refused.retryAfterMs > 59_000 && refused.retryAfterMs <= 60_000);
    assert.deepEqual(
      await store.take('b', limit),
      {allowed: true},
      'another key has its own count',
    );
    assert.deepEqual(
      await store.take('a', {requests: 5, perSeconds: 60}),
      {allowed: true},
      'another limit counts apart',
    );
  });

  it('starts a key afresh once its window has passed', async () => {
    const store = memoryRateLimitStore();
    const limit = {requests: 1, perSeconds: 1};
    assert.equal((await store.take('a', limit)).allowed, true);
    assert.equal((await store.take('a', limit)).allowed, false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await store.take('a', limit)).allowed, true);
  });
});

describe('createGateway: rate limits', () => {
  it('refuses limits the stores cannot count, naming the option', () => {
    for (const [rateLimit, named] of [
      [
        {requests: 10, perSeconds: 0.5},
        /rateLimit\.perSeconds must be a whole number of at least 1; it is 0\.5/,
      ],
      [{requests: 0, perSeconds: 60}, /rateLimit\.requests/],
      [
        {requests: 10, perSeconds: 60, perAddress: {requests: 5, perSeconds: Number.NaN}},
        /rateLimit\.perAddress\.perSeconds/,
      ],
    ] as const)
      assert.throws(
        () =>
          createGateway({
            adapter: memoryAdapter({size: 5}),
            auth: {secret: 'x'.repeat(32), audience: 'a'},
            rateLimit,
          }),
        named,
      );
  });
});

describe('admit', () => {
  it('answers 429 with the wait when refused, and 503 (never a pass) when the store fails', async () => {
    const refusing: RateLimitStore = {take: async () => ({allowed: false, retryAfterMs: 1500})};
    await assert.rejects(admit(refusing, 'k', {requests: 1, perSeconds: 1}), (error) => {
      assert.ok(isRapportError(error));
      assert.deepEqual([error.code, error.retryAfterMs], ['rate_limited', 1500]);
      return true;
    });
    const broken: RateLimitStore = {
      take: async () => {
        throw new Error('ECONNREFUSED');
      },
    };
    const errors = captureConsoleErrors();
    await assert.rejects(admit(broken, 'k', {requests: 1, perSeconds: 1}), (error) => {
      assert.ok(isRapportError(error));
      assert.deepEqual([error.code, error.retryable], ['unavailable', true]);
      assert.ok(!error.message.includes('ECONNREFUSED'), 'nothing internal reaches the caller');
      return true;
    });
    assert.match(errors.restore().join('\n'), /rate-limit store failed/);
  });
});

/** Collects what `console.error` prints until `restore()`. */
function captureConsoleErrors(): {restore(): string[]} {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  return {
    restore: () => {
      console.error = original;
      return seen;
    },
  };
}

describe('clientKey', () => {
  it('keeps IPv4 addresses, groups IPv6 ones by /64, and refuses what is not an address', () => {
    assert.equal(clientKey(' 192.0.2.7 '), '192.0.2.7');
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('2001:db8:0:1::5'), '2001:db8:0:1::/64');
    assert.equal(clientKey('2001:0DB8:0000:0001:ffff:0:0:1'), '2001:db8:0:1::/64');
    assert.equal(clientKey('::1'), '::/64');
    for (const bad of ['', 'unknown', '999.1.1.1', '1:2:3', '1::2::3', 'x'.repeat(50), undefined])
      assert.equal(clientKey(bad), undefined, String(bad));
  });
});
