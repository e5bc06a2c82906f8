import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  isRapportError,
  memoryIdempotencyStore,
  RapportError,
  runOnce,
  withIdempotency,
  type Complaint,
  type ComplaintInput,
  type CrmAdapter,
} from '@rapport/core';
import {statusFor} from '@rapport/core/protocol';

const input: ComplaintInput = {
  customerId: 'c1',
  channel: 'web',
  category: 'delivery',
  severity: 'low',
  subject: 'Late',
  description: 'Two weeks.',
};

/** A backend without idempotency of its own: every create stores a new complaint. */
function forgetfulBackend(failures: (Error | null)[] = []) {
  const stored: ComplaintInput[] = [];
  const adapter: CrmAdapter = {
    name: 'forgetful',
    capabilities: {maxBatchSize: 10, entities: ['complaint'], customFieldsWritable: false},
    resources: {
      complaints: {
        list: async () => ({items: [], nextCursor: null}),
        async create(complaint) {
          const failure = failures.shift();
          if (failure) throw failure;
          stored.push(complaint);
          return {id: `k${stored.length}`, customerId: complaint.customerId} as Complaint;
        },
      },
    },
    describeFields: async (entity) => ({entity, fields: []}),
  };
  return {adapter, stored};
}

describe('withIdempotency', () => {
  it('stores once per key, replays the first answer and refuses the key with another input', async () => {
    const {adapter, stored} = forgetfulBackend();
    const once = withIdempotency(adapter, memoryIdempotencyStore());
    const first = await once.resources.complaints!.create(input, {idempotencyKey: 'k'});
    const again = await once.resources.complaints!.create({...input}, {idempotencyKey: 'k'});
    assert.equal(again.id, first.id, 'the same key and input give the first complaint');
    await assert.rejects(
      once.resources.complaints!.create({...input, subject: 'Other'}, {idempotencyKey: 'k'}),
      (e) => isRapportError(e, 'conflict') && statusFor(e) === 422,
    );
    assert.equal(stored.length, 1, 'stored count');
    await assert.rejects(
      once.resources.complaints!.create(input, {idempotencyKey: ''}),
      (e) => isRapportError(e, 'invalid_input') && 'idempotencyKey' in e.fields,
    );
    assert.equal(once.name, 'forgetful', 'the wrapper keeps the adapter itself');
  });

  it('frees the key after a transient failure and keeps a permanent one', async () => {
    const {adapter, stored} = forgetfulBackend([
      new RapportError('unavailable', 'down'),
      new RapportError('forbidden', 'no'),
    ]);
    const once = withIdempotency(adapter, memoryIdempotencyStore());
    const create = once.resources.complaints!.create;
    await assert.rejects(create(input, {idempotencyKey: 'a'}), (e) =>
      isRapportError(e, 'unavailable'),
    );
    await assert.rejects(create(input, {idempotencyKey: 'b'}), (e) =>
      isRapportError(e, 'forbidden'),
    );
    assert.equal(
      (await create(input, {idempotencyKey: 'a'})).id,
      'k1',
      'a retry after unavailable runs',
    );
    await assert.rejects(
      create(input, {idempotencyKey: 'b'}),
      (e) => isRapportError(e, 'forbidden'),
      'a retry after forbidden hears forbidden again, without reaching the backend',
    );
    assert.equal(stored.length, 1);
  });
});

describe('runOnce', () => {
  it('answers a repeat that arrives while the first still runs with a retryable 409', async () => {
    const store = memoryIdempotencyStore();
    let finish!: (value: string) => void;
    const first = runOnce(store, 'k', 'f', () => new Promise<string>((r) => (finish = r)));
    await assert.rejects(
      runOnce(store, 'k', 'f', async () => 'second'),
      (e) => isRapportError(e, 'unavailable') && e.retryable && statusFor(e) === 409,
    );
    finish('first');
    assert.deepEqual(await first, {value: 'first', replayed: false});
    assert.deepEqual(await runOnce(store, 'k', 'f', async () => 'third'), {
      value: 'first',
      replayed: true,
    });
  });

  it('restores finished keys from a snapshot of the memory store', async () => {
    const before = memoryIdempotencyStore();
    await runOnce(before, 'k', 'f', async () => ({id: 'k1'}));
    const after = memoryIdempotencyStore({entries: before.entries()});
    assert.deepEqual(await runOnce(after, 'k', 'f', async () => ({id: 'k2'})), {
      value: {id: 'k1'},
      replayed: true,
    });
  });
});

describe('memoryIdempotencyStore bounds', () => {
  const done = {value: {id: 'x'}};

  it('gives each caller a quota: its own oldest finished key makes way, never another caller’s', async () => {
    const store = memoryIdempotencyStore({maxEntriesPerCaller: 3});
    await store.claim('other', 'f', {caller: 'b'});
    await store.complete('other', done);
    for (const key of ['k1', 'k2', 'k3', 'k4']) {
      assert.equal(await store.claim(key, 'f', {caller: 'a'}), undefined);
      await store.complete(key, done);
    }
    const kept = store.entries().map(([key]) => key);
    assert.deepEqual(kept, ['other', 'k2', 'k3', 'k4']);
  });

  it('never evicts a key in flight: a caller whose quota is all in flight is told to wait', async () => {
    const store = memoryIdempotencyStore({maxEntriesPerCaller: 2});
    await store.claim('k1', 'f', {caller: 'a'});
    await store.claim('k2', 'f', {caller: 'a'});
    await assert.rejects(store.claim('k3', 'f', {caller: 'a'}), (error: unknown) =>
      isRapportError(error, 'rate_limited'),
    );
    assert.deepEqual(await store.claim('k1', 'f', {caller: 'a'}), {
      state: 'in_flight',
      fingerprint: 'f',
    });
    // Another caller is not affected.
    assert.equal(await store.claim('k9', 'f', {caller: 'b'}), undefined);
  });

  it('keeps within its byte budget, dropping the oldest finished keys', async () => {
    let t = 0;
    const store = memoryIdempotencyStore({maxBytes: 1000, now: () => t});
    const big = {value: {text: 'x'.repeat(400)}};
    await store.claim('old', 'f');
    await store.complete('old', big);
    t = 50;
    await store.claim('middle', 'f');
    await store.complete('middle', big);
    await store.claim('new', 'f');
    await store.complete('new', big);
    await store.claim('newer', 'f');
    await store.complete('newer', big);
    assert.ok(store.usage().bytes <= 1000, `bytes ${store.usage().bytes}`);
    assert.deepEqual(
      store.entries().map(([key]) => key),
      ['new', 'newer'],
    );
  });

  it('counts what it holds', async () => {
    const store = memoryIdempotencyStore();
    assert.deepEqual(store.usage(), {entries: 0, bytes: 0});
    await store.claim('key', 'fingerprint');
    assert.deepEqual(store.usage(), {entries: 1, bytes: 'key'.length + 'fingerprint'.length});
    await store.complete('key', done);
    assert.equal(store.usage().bytes, 3 + 11 + JSON.stringify(done).length);
    await store.release('key');
    assert.equal(store.usage().entries, 1, 'a finished key is not released');
  });
});
