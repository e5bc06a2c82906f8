import {isRapportError, RapportError, errorCodes, type ErrorCode} from '../errors.js';
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
 * Every store passes the store conformance suite of `@rapport/adapter-testkit`.
 */
export interface IdempotencyStore {
  /**
   * Claims `key` for a request whose input has `fingerprint`, atomically: `undefined` when the key was
   * free (it is now in flight), otherwise what the store already holds for it.
   */
  claim(key: string, fingerprint: string): Promise<IdempotencyRecord | undefined>;
  /** Records how the request of a claimed key ended. */
  complete(key: string, outcome: StoredOutcome): Promise<void>;
  /** Frees a claimed key after a transient failure, so a retry runs again. */
  release(key: string): Promise<void>;
}

/** Options of {@link memoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /** How long a key is remembered, in milliseconds. Default 24 hours. */
  readonly ttlMs?: number;
  /** The most keys kept; the oldest finished ones go first. Default 100,000. */
  readonly maxEntries?: number;
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
}

/** An in-process store: right for one server; lost on restart unless its entries are saved. */
export function memoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): MemoryIdempotencyStore {
  const ttl = options.ttlMs ?? 86_400_000;
  const max = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const held = new Map<string, {record: IdempotencyRecord; expires: number}>();
  for (const [key, record, expires] of options.entries ?? [])
    if (record.state === 'done') held.set(key, {record, expires: expires ?? now() + ttl});
  const live = (key: string): IdempotencyRecord | undefined => {
    const entry = held.get(key);
    if (entry && entry.expires <= now()) held.delete(key);
    return held.get(key)?.record;
  };
  /** Makes room for one key: expired keys first, then the oldest finished one; never one in flight. */
  const makeRoom = (): void => {
    if (held.size < max) return;
    const t = now();
    for (const [key, entry] of held) if (entry.expires <= t) held.delete(key);
    if (held.size < max) return;
    for (const [key, entry] of held) {
      if (entry.record.state === 'done') {
        held.delete(key);
        return;
      }
    }
    throw new RapportError('unavailable', 'Too many requests are in flight; try again shortly', {
      retryAfterMs: 1000,
    });
  };
  return {
    async claim(key, fingerprint) {
      const existing = live(key);
      if (existing) return existing;
      makeRoom();
      held.set(key, {record: {state: 'in_flight', fingerprint}, expires: now() + ttl});
      return undefined;
    },
    async complete(key, outcome) {
      const entry = held.get(key);
      if (!entry) return;
      // Delete first, so the finished key moves to the end of the eviction order.
      held.delete(key);
      held.set(key, {
        record: {state: 'done', fingerprint: entry.record.fingerprint, outcome},
        expires: now() + ttl,
      });
    },
    async release(key) {
      if (held.get(key)?.record.state === 'in_flight') held.delete(key);
    },
    entries() {
      const t = now();
      return [...held]
        .filter(([, entry]) => entry.record.state === 'done' && entry.expires > t)
        .map(([key, entry]) => [key, entry.record, entry.expires]);
    },
  };
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
  onReplay?: () => void,
): Promise<{readonly value: T; readonly replayed: boolean}> {
  const seen = await store.claim(key, fingerprint);
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
    onReplay?.();
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
  await store.complete(key, {value});
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
  }) as CrmAdapter<C>;
}

function errorFromJson(json: ReturnType<RapportError['toJSON']>): RapportError {
  const code: ErrorCode = (errorCodes as readonly string[]).includes(json.code)
    ? json.code
    : 'unavailable';
  return new RapportError(code, json.message, {
    ...(json.fields && {fields: json.fields}),
    ...(json.retryAfterMs !== undefined && {retryAfterMs: json.retryAfterMs}),
    ...(json.details && {details: json.details}),
  });
}
