import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  checkStore,
  forgetfulStore,
  runStoreConformance,
  type StoreConformanceOptions,
} from '@rapport/adapter-testkit';
import {memoryIdempotencyStore, type IdempotencyRecord, type IdempotencyStore} from '@rapport/core';

const memory: StoreConformanceOptions['create'] = ({ttlMs}) =>
  memoryIdempotencyStore(ttlMs === undefined ? {} : {ttlMs});

runStoreConformance({name: 'memory', create: memory});

/** A plain store with one deliberate flaw, to show the suite notices it. */
function flawed(
  flaw: 'racy claim' | 'no expiry' | 'release forgets outcomes' | 'last fingerprint wins',
) {
  return ({ttlMs = 86_400_000}: {ttlMs?: number}): IdempotencyStore => {
    const held = new Map<string, {record: IdempotencyRecord; expires: number}>();
    const live = (key: string) => {
      const entry = held.get(key);
      if (entry && flaw !== 'no expiry' && entry.expires <= Date.now()) held.delete(key);
      return held.get(key)?.record;
    };
    return {
      async claim(key, fingerprint) {
        const seen = live(key);
        if (flaw === 'racy claim') await new Promise((resolve) => setTimeout(resolve, 1));
        if (seen) {
          if (flaw === 'last fingerprint wins') return {...seen, fingerprint};
          return seen;
        }
        held.set(key, {record: {state: 'in_flight', fingerprint}, expires: Date.now() + ttlMs});
        return undefined;
      },
      async complete(key, outcome) {
        const entry = held.get(key);
        if (entry)
          held.set(key, {
            record: {state: 'done', fingerprint: entry.record.fingerprint, outcome},
            expires: Date.now() + ttlMs,
          });
      },
      async release(key) {
        if (flaw === 'release forgets outcomes' || held.get(key)?.record.state === 'in_flight')
          held.delete(key);
      },
    };
  };
}

describe('the store suite catches broken stores', () => {
  const failed = async (create: StoreConformanceOptions['create']): Promise<string[]> =>
    (await checkStore({name: 'broken', create}))
      .filter((r) => r.outcome === 'failed')
      .map((r) => r.id);

  it('passes the memory store', async () => {
    assert.deepEqual(await failed(memory), []);
  });

  it('fails a store whose claim looks, waits, then writes: two concurrent claims both win', async () => {
    assert.deepEqual(await failed(flawed('racy claim')), ['store.concurrent-claims']);
  });

  it('fails a store that never forgets a key', async () => {
    assert.deepEqual(await failed(flawed('no expiry')), ['store.expiry']);
  });

  it('fails a store whose release forgets finished keys too', async () => {
    assert.deepEqual(await failed(flawed('release forgets outcomes')), ['store.release']);
  });

  it('fails a store that lets a second fingerprint take over a key', async () => {
    assert.deepEqual(await failed(flawed('last fingerprint wins')), ['store.other-fingerprint']);
  });

  it('refuses to skip a check that does not exist', async () => {
    await assert.rejects(
      checkStore({name: 'memory', create: memory, skip: {'store.expire': 'typo'} as never}),
      /Conformance configuration: skip names "store\.expire", which is not a check id/,
    );
  });
});

describe('forgetfulStore', () => {
  it('finds every key free, even one just completed, so only the adapter can prevent a double', async () => {
    const store = forgetfulStore();
    assert.equal(await store.claim('k', 'f1'), undefined);
    await store.complete('k', {value: 1});
    assert.equal(await store.claim('k', 'f1'), undefined);
    const failedChecks = (await checkStore({name: 'forgetful', create: () => forgetfulStore()}))
      .filter((r) => r.outcome === 'failed')
      .map((r) => r.id);
    assert.ok(failedChecks.includes('store.complete-replay'), failedChecks.join());
  });
});
