// The client and the memory backend together: what a page of widgets does, under simulated failures.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {memoryAdapter} from '@rapport/adapter-memory';
import {
  createClient,
  isRapportError,
  type ComplaintInput,
  type RequestErrorEvent,
  type RequestEvent,
} from '@rapport/core';

const asOf = new Date('2026-11-01T00:00:00Z');

describe('client over the memory backend', () => {
  it('stores exactly 1,000 complaints, none twice, under 30% simulated transient failures', async () => {
    const adapter = memoryAdapter({asOf, faults: {rate: 0.3, seed: 2026, retryAfterMs: 1}});
    const requests: RequestEvent[] = [];
    const errors: RequestErrorEvent[] = [];
    const client = createClient(adapter, {
      retry: {attempts: 12, baseDelayMs: 1, maxDelayMs: 4},
      hooks: {onRequest: (e) => requests.push(e), onError: (e) => errors.push(e)},
    });
    const before = adapter.data.complaints.length;
    const ids = Array.from({length: 200}, (_, i) => `c-${String(i + 1).padStart(3, '0')}`);
    const results = await Promise.all(
      Array.from({length: 1000}, (_, i) =>
        client.create('complaints', {
          customerId: ids[i % ids.length]!,
          channel: 'web',
          category: 'delivery',
          severity: 'medium',
          subject: `Load test ${i}`,
          description: `Complaint number ${i}`,
        }),
      ),
    );
    const stored = adapter.data.complaints.slice(before);
    assert.equal(stored.length, 1000);
    assert.equal(new Set(stored.map((c) => c.subject)).size, 1000, 'no complaint is stored twice');
    assert.equal(new Set(results.map((c) => c.id)).size, 1000);
    // The failures were real: some attempts failed after the write happened and were answered by the
    // idempotency key on retry.
    assert.ok(errors.length > 300, `${errors.length} failed attempts`);
    assert.equal(requests.length, 1000 + errors.length);
  });

  it('makes exactly one redemption, ledger line and coupon per press under 30% simulated failures', async () => {
    let t = asOf.getTime();
    const adapter = memoryAdapter({
      asOf,
      size: 30,
      now: () => (t += 1000),
      faults: {rate: 0.3, seed: 18, retryAfterMs: 1},
    });
    const errors: RequestErrorEvent[] = [];
    const client = createClient(adapter, {
      retry: {attempts: 12, baseDelayMs: 1, maxDelayMs: 4},
      hooks: {onError: (e) => errors.push(e)},
    });
    // 60 presses of a 200-point coupon by three members who can afford some of them, all at once.
    const members = ['c-018', 'c-008', 'c-001'];
    const presses = await Promise.all(
      Array.from({length: 60}, (_, i) =>
        client.create('redemptions', {customerId: members[i % 3]!, rewardId: 'tea-sampler'}).then(
          (r) => r,
          (e) => (isRapportError(e) ? e.code : String(e)),
        ),
      ),
    );
    const made = presses.filter((p) => typeof p !== 'string');
    assert.ok(
      presses.every((p) => typeof p !== 'string' || p === 'insufficient_points'),
      presses.filter((p) => typeof p === 'string').join(),
    );
    assert.equal(adapter.data.redemptions.length, made.length, 'one redemption per press');
    assert.equal(new Set(made.map((r) => r.id)).size, made.length);
    for (const r of made) {
      assert.equal(adapter.data.transactions.filter((x) => x.id === r.transactionId).length, 1);
      const coupons = adapter.data.accounts
        .flatMap((a) => a.coupons)
        .filter((c) => c.code === r.code);
      assert.equal(coupons.length, 1, `one coupon for ${r.id}`);
    }
    // c-001's 214 points pay for one coupon; the others pay for all twenty of theirs.
    assert.equal(made.filter((r) => r.customerId === 'c-001').length, 1);
    assert.equal(made.length, 41);
    assert.ok(adapter.data.accounts.every((a) => a.balance >= 0));
    assert.ok(errors.length > 10, `${errors.length} failed attempts`);
  });

  it('does not retry a submission the backend refuses as invalid', async () => {
    const adapter = memoryAdapter({asOf});
    const requests: RequestEvent[] = [];
    const client = createClient(adapter, {hooks: {onRequest: (e) => requests.push(e)}});
    const bad: ComplaintInput = {
      customerId: 'c-001',
      channel: 'web',
      category: 'delivery',
      severity: 'low',
      subject: 'x',
      description: '',
    };
    await assert.rejects(
      client.create('complaints', bad),
      (e) => isRapportError(e, 'invalid_input') && 'description' in e.fields,
    );
    assert.equal(requests.length, 1);
  });

  it('loads a page of 120 cards with ceil(120 / 50) customer reads', async () => {
    const adapter = memoryAdapter({asOf});
    const requests: RequestEvent[] = [];
    const client = createClient(adapter, {hooks: {onRequest: (e) => requests.push(e)}});
    const ids = Array.from({length: 120}, (_, i) => `c-${String(i + 1).padStart(3, '0')}`);
    const cards = await Promise.all(
      ids.map((id) =>
        Promise.all([client.read('customers', id), client.read('loyaltyAccounts', id)]),
      ),
    );
    assert.equal(cards.length, 120);
    assert.deepEqual(requests.map((r) => `${r.resource}.${r.operation}:${r.ids!.length}`).sort(), [
      'customers.read:20',
      'customers.read:50',
      'customers.read:50',
      'loyaltyAccounts.read:20',
      'loyaltyAccounts.read:50',
      'loyaltyAccounts.read:50',
    ]);
  });
});
