import {errorFromJson, isRapportError, RapportError} from '../errors.js';
import {stableStringify} from '../text.js';
import type {Catalogue, RapportCatalogue} from '../resources/catalogue.js';
import type {CrmAdapter, WriteOptions} from './contract.js';
import {validateIdempotencyKey} from './guards.js';

/** How a request with a key ended: its value, or the error it will always get again. JSON only. */
export type StoredOutcome =
  {readonly value: unknown} | {readonly error: ReturnType<RapportError['toJSON']>};

/** What a store knows about a key. */
export type IdempotencyRecord =
  | {readonly state: 'in_flight'; readonly fingerprint: string}
  | {readonly state: 'done'; readonly fingerprint: string; readonly outcome: StoredOutcome};

/**
 * Where idempotency keys are kept: the memory store for one process, a shared one (Redis) for several.
 * Every store passes the store conformance suite of `@rapport/adapter-testkit`. A store keeps what it
 * is given: callers pass a digest of the input as the fingerprint, not the input itself.
 */
export interface IdempotencyStore {
  /**
   * Claims `key` for a request whose input has `fingerprint`, atomically: `undefined` when the key was
   * free (it is now in flight), otherwise what the store already holds for it. `options.caller` names
   * who claims it, for stores that give each caller a quota.
   */
  claim(
    key: string,
    fingerprint: string,
    options?: {readonly caller?: string},
  ): Promise<IdempotencyRecord | undefined>;
  /** Records how the request of a claimed key ended. */
  complete(key: string, outcome: StoredOutcome): Promise<void>;
  /** Frees a claimed key after a transient failure, so a retry runs again. */
  release(key: string): Promise<void>;
  /** Resolves when the store can be used, rejects when it cannot (the gateway's `GET /readyz`). Optional. */
  ping?(): Promise<void>;
}

/** Options of {@link memoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /** How long a key is remembered, in milliseconds. Default 24 hours. */
  readonly ttlMs?: number;
  /** The most keys kept. Default 100,000. */
  readonly maxEntries?: number;
  /**
   * The most the keys may hold together, in characters of their key, fingerprint and outcome as JSON
   * (about bytes). Default 64 MiB.
   */
  readonly maxBytes?: number;
  /** The most keys one caller (`claim`'s `options.caller`) holds; its oldest finished key goes first. Default 1,000. */
  readonly maxEntriesPerCaller?: number;
  /** Keys to start with, as {@link MemoryIdempotencyStore.entries} gave them. */
  readonly entries?: Iterable<
    readonly [key: string, record: IdempotencyRecord, expiresAt?: number]
  >;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** The in-process store. */
export interface MemoryIdempotencyStore extends IdempotencyStore {
  /** The finished keys that have not expired, oldest first, with when they expire: for a snapshot. */
  entries(): [key: string, record: IdempotencyRecord, expiresAt: number][];
  /** How many keys the store holds and their size, as `maxBytes` counts it. */
  usage(): {readonly entries: number; readonly bytes: number};
}

interface Held {
  record: IdempotencyRecord;
  expires: number;
  bytes: number;
  caller: string | undefined;
}

/**
 * An in-process store, right for one server; lost on restart unless its entries are saved. Bounded:
 * when a limit is reached, expired keys go first, then the oldest finished ones (the caller's own when
 * it is the caller's quota that is full); a key in flight is never evicted. A claim that finds no
 * room is refused as retryable.
 */
export function memoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): MemoryIdempotencyStore {
  const ttl = options.ttlMs ?? 86_400_000;
  const maxEntries = options.maxEntries ?? 100_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const perCaller = options.maxEntriesPerCaller ?? 1000;
  const now = options.now ?? Date.now;
  const held = new Map<string, Held>();
  const byCaller = new Map<string, Set<string>>();
  let bytes = 0;

  /** Holds `record` under `key` until `expires`, counting its size and its caller's keys. */
  const put = (
    key: string,
    record: IdempotencyRecord,
    caller: string | undefined,
    expires = now() + ttl,
  ): void => {
    const size =
      key.length +
      record.fingerprint.length +
      (record.state === 'done' ? JSON.stringify(record.outcome).length : 0);
    held.set(key, {record, expires, bytes: size, caller});
    bytes += size;
    if (caller === undefined) return;
    let keys = byCaller.get(caller);
    if (!keys) byCaller.set(caller, (keys = new Set()));
    keys.add(key);
  };
  const drop = (key: string): void => {
    const entry = held.get(key);
    if (!entry) return;
    held.delete(key);
    bytes -= entry.bytes;
    if (entry.caller === undefined) return;
    const keys = byCaller.get(entry.caller);
    keys?.delete(key);
    if (keys?.size === 0) byCaller.delete(entry.caller);
  };
  const live = (key: string): IdempotencyRecord | undefined => {
    const entry = held.get(key);
    if (entry && entry.expires <= now()) drop(key);
    return held.get(key)?.record;
  };
  // Keys are held in the order they were last written, each for the same time to live, so the expired
  // ones come first: the sweep stops at the first live key (a restored entry may expire out of order
  // and waits for its turn).
  const dropExpired = (): void => {
    const t = now();
    for (const [key, entry] of held) {
      if (entry.expires > t) break;
      drop(key);
    }
  };
  /** Evicts the oldest finished key among `keys`; false when every one is in flight. */
  const evictOldest = (keys: Iterable<string>): boolean => {
    for (const key of keys) {
      if (held.get(key)?.record.state === 'done') {
        drop(key);
        return true;
      }
    }
    return false;
  };
  const full = (): boolean => held.size >= maxEntries || bytes > maxBytes;
  /** Makes room for one more key of `caller`; throws when only keys in flight are left. */
  const makeRoom = (caller: string | undefined): void => {
    const quotaFull = (): boolean =>
      caller !== undefined && (byCaller.get(caller)?.size ?? 0) >= perCaller;
    if (quotaFull() || full()) dropExpired();
    while (quotaFull()) {
      if (!evictOldest(byCaller.get(caller!)!)) {
        throw new RapportError(
          'rate_limited',
          'Too many requests of this caller are in flight; try again shortly',
          {retryAfterMs: 1000, details: {reason: 'idempotency_quota'}},
        );
      }
    }
    while (full()) {
      if (!evictOldest(held.keys())) {
        throw new RapportError(
          'unavailable',
          'Too many requests are in flight; try again shortly',
          {
            retryAfterMs: 1000,
          },
        );
      }
    }
  };

  for (const [key, record, expires] of options.entries ?? []) {
    if (record.state !== 'done') continue;
    drop(key);
    put(key, record, undefined, expires);
  }
  return {
    async claim(key, fingerprint, claimOptions = {}) {
      const existing = live(key);
      if (existing) return existing;
      makeRoom(claimOptions.caller);
      put(key, {state: 'in_flight', fingerprint}, claimOptions.caller);
      return undefined;
    },
    async complete(key, outcome) {
      const entry = held.get(key);
      if (!entry) return;
      // Dropped first, so the finished key moves to the end of the eviction order.
      drop(key);
      put(key, {state: 'done', fingerprint: entry.record.fingerprint, outcome}, entry.caller);
      // A finished key may push the store over its budget: older finished keys make way.
      while (bytes > maxBytes && evictOldest(held.keys()));
    },
    async release(key) {
      if (held.get(key)?.record.state === 'in_flight') drop(key);
    },
    entries() {
      const t = now();
      return [...held]
        .filter(([, entry]) => entry.record.state === 'done' && entry.expires > t)
        .map(([key, entry]) => [key, entry.record, entry.expires]);
    },
    usage() {
      return {entries: held.size, bytes};
    },
  };
}

/** Options of {@link runOnce}. */
export interface RunOnceOptions {
  /** Who asks, for the store's per-caller quota. */
  readonly caller?: string;
  /** Called before a kept outcome is replayed (for a "replayed" marker on the answer). */
  readonly onReplay?: () => void;
  /** What to keep of a value for replays; default all of it. */
  readonly keep?: (value: unknown) => unknown;
}

/**
 * Runs `run` once per key: the first request with `key` runs; a repeat with the same `fingerprint`
 * gets the first outcome (`replayed`), a repeat with another fingerprint is a `conflict`, and a repeat
 * while the first still runs is `unavailable` (retry shortly). Transient failures free the key for a
 * retry; permanent ones are kept, so a retry hears the same answer.
 */
export async function runOnce<T>(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  run: () => Promise<T>,
  options: RunOnceOptions = {},
): Promise<{readonly value: T; readonly replayed: boolean}> {
  const seen = await store.claim(
    key,
    fingerprint,
    options.caller === undefined ? {} : {caller: options.caller},
  );
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new RapportError(
        'conflict',
        'This idempotency key was already used with a different request',
        {details: {reason: 'idempotency_key_reused'}},
      );
    }
    if (seen.state === 'in_flight') {
      throw new RapportError(
        'unavailable',
        'A request with this idempotency key is still being processed',
        {retryAfterMs: 500, details: {reason: 'idempotency_key_in_flight'}},
      );
    }
    options.onReplay?.();
    if ('value' in seen.outcome) return {value: seen.outcome.value as T, replayed: true};
    throw errorFromJson(seen.outcome.error);
  }
  let value: T;
  try {
    value = await run();
  } catch (error) {
    // Like Stripe, an input refused before any work is not an outcome to keep: the person fixes it
    // and submits again with the same key.
    const kept = ['unsupported', 'invalid_input'] as const;
    if (
      isRapportError(error) &&
      !error.retryable &&
      !(kept as readonly string[]).includes(error.code)
    )
      await store.complete(key, {error: error.toJSON()});
    else await store.release(key);
    throw error;
  }
  await store.complete(key, {value: options.keep ? options.keep(value) : value});
  return {value, replayed: false};
}

/**
 * The adapter with every create made exactly once per idempotency key through `store`: the one
 * idempotency layer of Rapport (the gateway and the memory backend use it; a vendor adapter whose
 * backend has no idempotency of its own wraps itself in it). Every `create` handler is wrapped,
 * whichever catalogue the adapter serves.
 */
export function withIdempotency<C extends Catalogue = RapportCatalogue>(
  adapter: CrmAdapter<NoInfer<C>>,
  store: IdempotencyStore,
): CrmAdapter<C> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handlers] of Object.entries(adapter.resources as Record<string, object>)) {
    const create = (handlers as {create?: unknown}).create;
    if (typeof create !== 'function') {
      wrapped[name] = handlers;
      continue;
    }
    // Inherit from the handlers rather than copy them, so handlers written as a class keep working.
    wrapped[name] = Object.create(handlers, {
      create: {
        enumerable: true,
        value: async (input: unknown, options: WriteOptions) => {
          options?.signal?.throwIfAborted();
          const key = validateIdempotencyKey(options?.idempotencyKey);
          const {value} = await runOnce(store, `${name}\u0000${key}`, stableStringify(input), () =>
            create.call(handlers, input, options),
          );
          return value;
        },
      },
    });
  }
  return Object.create(adapter, {
    resources: {value: wrapped, enumerable: true},
    // Bound, so an adapter class with private fields still finds them.
    describeFields: {value: adapter.describeFields.bind(adapter), enumerable: true},
    ...(adapter.ping && {ping: {value: adapter.ping.bind(adapter), enumerable: true}}),
  }) as CrmAdapter<C>;
}
