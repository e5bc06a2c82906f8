import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {randomId, RapportError, type IdempotencyStore} from '@rapport/core';
import {groupLines, refuseUnknownSkips, runChecks, type CheckResult} from './conformance.js';

/** The ids of the store checks, in the order the suite runs them. */
export const storeCheckIds = [
  'store.claim',
  'store.complete-replay',
  'store.release',
  'store.other-fingerprint',
  'store.expiry',
  'store.concurrent-claims',
] as const;
/** One of {@link storeCheckIds}. */
export type StoreCheckId = (typeof storeCheckIds)[number];

/** Options of {@link runStoreConformance} and {@link checkStore}. */
export interface StoreConformanceOptions {
  /** The store's name in test titles and the report. */
  readonly name: string;
  /**
   * Makes a store. The expiry check passes `{ttlMs}` and expects keys forgotten after that time;
   * the others pass `{}`. Keys are random, so one shared backend (a Redis database) may serve all.
   */
  readonly create: (options: {
    readonly ttlMs?: number;
  }) => IdempotencyStore | Promise<IdempotencyStore>;
  /** The TTL of the expiry check, in milliseconds. Default 50; the check waits twice as long. */
  readonly ttlMs?: number;
  /** Check ids to skip, each with the reason, reported as skipped. An unknown id is refused. */
  readonly skip?: {readonly [K in StoreCheckId]?: string};
}

interface StoreCheck {
  readonly id: StoreCheckId;
  readonly title: string;
  run(create: StoreConformanceOptions['create'], ttlMs: number): Promise<void>;
}

const key = () => `conformance-${randomId()}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const checks: readonly StoreCheck[] = [
  {
    id: 'store.claim',
    title: 'claims a free key (undefined), then reports it in flight with its fingerprint',
    async run(create) {
      const store = await create({});
      const k = key();
      assert.equal(await store.claim(k, 'f1'), undefined, 'claim(free key) must return undefined');
      assert.deepEqual(
        await store.claim(k, 'f1'),
        {state: 'in_flight', fingerprint: 'f1'},
        'claim(claimed key) must return {state: "in_flight", fingerprint}',
      );
      assert.equal(
        await store.claim(key(), 'f1'),
        undefined,
        'claim(another free key) must return undefined: keys are independent',
      );
    },
  },
  {
    id: 'store.complete-replay',
    title: 'after complete, a claim returns done with the stored outcome: a value or an error',
    async run(create) {
      const store = await create({});
      const k = key();
      const value = {id: 'k-1', nested: {list: [1, 'two', null]}};
      await store.claim(k, 'f1');
      await store.complete(k, {value});
      assert.deepEqual(
        await store.claim(k, 'f1'),
        {state: 'done', fingerprint: 'f1', outcome: {value}},
        'claim(completed key) must return {state: "done", fingerprint, outcome: {value}}',
      );
      const failed = key();
      const error = new RapportError('invalid_input', 'description: is required', {
        fields: {description: 'is required'},
      }).toJSON();
      await store.claim(failed, 'f2');
      await store.complete(failed, {error});
      assert.deepEqual(
        await store.claim(failed, 'f2'),
        {state: 'done', fingerprint: 'f2', outcome: {error}},
        'claim(key completed with an error) must return {state: "done", fingerprint, outcome: {error}}',
      );
    },
  },
  {
    id: 'store.release',
    title: 'release frees a key in flight, and leaves a finished key alone',
    async run(create) {
      const store = await create({});
      const k = key();
      await store.claim(k, 'f1');
      await store.release(k);
      assert.equal(
        await store.claim(k, 'f1'),
        undefined,
        'claim(released key) must return undefined',
      );
      await store.complete(k, {value: 1});
      await store.release(k);
      assert.equal(
        (await store.claim(k, 'f1'))?.state,
        'done',
        'claim(key released after complete).state must stay "done": release must not forget an outcome',
      );
    },
  },
  {
    id: 'store.other-fingerprint',
    title: 'a claim with another fingerprint gets the record of the first, in flight or done',
    async run(create) {
      const store = await create({});
      const k = key();
      await store.claim(k, 'first');
      assert.deepEqual(
        await store.claim(k, 'second'),
        {state: 'in_flight', fingerprint: 'first'},
        "claim(key in flight, other fingerprint) must return the first claim's fingerprint",
      );
      await store.complete(k, {value: 'v'});
      assert.deepEqual(
        await store.claim(k, 'second'),
        {state: 'done', fingerprint: 'first', outcome: {value: 'v'}},
        "claim(finished key, other fingerprint) must return the first request's fingerprint and outcome",
      );
    },
  },
  {
    id: 'store.expiry',
    title: 'forgets a key after its TTL, finished or abandoned in flight',
    async run(create, ttlMs) {
      const store = await create({ttlMs});
      const done = key();
      const abandoned = key();
      await store.claim(done, 'f1');
      await store.complete(done, {value: 1});
      await store.claim(abandoned, 'f1');
      assert.equal(
        (await store.claim(done, 'f1'))?.state,
        'done',
        'claim(finished key).state must be "done" before the TTL',
      );
      await pause(ttlMs * 2 + 20);
      assert.equal(
        await store.claim(done, 'f1'),
        undefined,
        `claim(finished key) must return undefined ${ttlMs * 2 + 20} ms after a TTL of ${ttlMs} ms`,
      );
      assert.equal(
        await store.claim(abandoned, 'f1'),
        undefined,
        `claim(key left in flight) must return undefined after the TTL, or a crashed request would block its key for good`,
      );
    },
  },
  {
    id: 'store.concurrent-claims',
    title: 'of 50 concurrent claims of one key, exactly one wins',
    async run(create) {
      const store = await create({});
      const k = key();
      const answers = await Promise.all(Array.from({length: 50}, () => store.claim(k, 'f1')));
      assert.equal(
        answers.filter((a) => a === undefined).length,
        1,
        'claim(): exactly one of 50 concurrent claims must return undefined (win the key)',
      );
      for (const answer of answers.filter((a) => a !== undefined))
        assert.deepEqual(
          answer,
          {state: 'in_flight', fingerprint: 'f1'},
          'claim() of every loser must return {state: "in_flight", fingerprint}',
        );
    },
  },
];

/**
 * Runs the store checks against an `IdempotencyStore` and returns the outcomes, for any test runner.
 * `runStoreConformance` does the same inside Node's test runner.
 *
 * @throws Error when `skip` names an unknown check.
 */
export async function checkStore(options: StoreConformanceOptions): Promise<CheckResult[]> {
  refuseUnknownSkips(options.skip, storeCheckIds);
  return runChecks(
    checks.map((check) => ({
      ...check,
      group: 'store',
      run: () => check.run(options.create, options.ttlMs ?? 50),
    })),
    (options.skip ?? {}) as Record<string, string | undefined>,
  );
}

/**
 * Registers the store conformance suite with Node's test runner: every `IdempotencyStore` (the memory
 * store, a Redis store) must pass it before the gateway or `withIdempotency` may use it.
 *
 * ```ts
 * runStoreConformance({name: 'redis', create: ({ttlMs}) => redisIdempotencyStore({client, ttlMs})});
 * ```
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  refuseUnknownSkips(options.skip, storeCheckIds);
  describe(`${options.name} idempotency store conformance`, () => {
    const results: CheckResult[] = [];
    for (const check of checks) {
      const base = {id: check.id, group: 'store', title: check.title};
      const skipped = options.skip?.[check.id];
      if (skipped !== undefined) results.push({...base, outcome: 'skipped', message: skipped});
      it(`${check.id}: ${check.title}`, skipped === undefined ? {} : {skip: skipped}, async () => {
        try {
          await check.run(options.create, options.ttlMs ?? 50);
          results.push({...base, outcome: 'passed'});
        } catch (error) {
          results.push({...base, outcome: 'failed', message: (error as Error).message});
          throw error;
        }
      });
    }
    after(() =>
      console.log(
        `\nConformance report for store "${options.name}"\n${groupLines(results).join('\n')}\n`,
      ),
    );
  });
}

/**
 * A store that remembers nothing: every claim finds the key free. Give it to a gateway in a test to
 * prove that an adapter creates records exactly once by its own means (a unique vendor field holding
 * the key) when the gateway's store cannot help, as after a restart or on another instance.
 */
export function forgetfulStore(): IdempotencyStore {
  return {
    claim: async () => undefined,
    complete: async () => {},
    release: async () => {},
  };
}
