import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {tokenBuckets} from './rate-limit.js';
import {clientKey} from './middleware/identify.js';

describe('tokenBuckets', () => {
  it('keeps at most maxKeys buckets, forgetting the least recently used', () => {
    const t = 0;
    const take = tokenBuckets({capacity: 1, refillPerSecond: 0.001}, () => t, 2);
    assert.equal(take('a').allowed, true);
    assert.equal(take('b').allowed, true);
    assert.equal(take('a').allowed, false, 'a is empty and was used last');
    assert.equal(take('c').allowed, true, 'a third key makes the map forget b');
    assert.equal(take('a').allowed, false, 'a is still remembered, and still empty');
    assert.equal(take('b').allowed, true, 'b was forgotten, so it starts full');
  });
});

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
