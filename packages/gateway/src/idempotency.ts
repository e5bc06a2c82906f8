/** A response kept to answer a repeated request the same way. */
export interface StoredResponse {
  readonly status: number;
  readonly body: string;
}

/** What a store knows about a key. */
export type IdempotencyRecord =
  | {readonly state: 'in_flight'; readonly fingerprint: string}
  | {readonly state: 'done'; readonly fingerprint: string; readonly response: StoredResponse};

/**
 * Where the gateway keeps idempotency keys. Keys arrive already scoped to the caller. A deployment on
 * several servers needs a shared store (Redis, Postgres); see docs/gateway.md.
 */
export interface IdempotencyStore {
  /**
   * Claims `key` for a request whose body has `fingerprint`, atomically: returns `undefined` when the
   * key was free (it is now in flight), or what the store already holds for it.
   */
  claim(key: string, fingerprint: string): Promise<IdempotencyRecord | undefined>;
  /** Records the final response of a claimed key. */
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Frees a claimed key after a transient failure, so a retry can run again. */
  release(key: string): Promise<void>;
}

/** Options of {@link memoryIdempotencyStore}. */
export interface MemoryStoreOptions {
  /** How long a key is remembered, in milliseconds. Default 24 hours. */
  readonly ttlMs?: number;
  /** The most keys kept; the oldest go first. Default 100,000. */
  readonly maxEntries?: number;
}

/** An in-process store: right for one server, lost on restart. */
export function memoryIdempotencyStore(options: MemoryStoreOptions = {}): IdempotencyStore {
  const ttl = options.ttlMs ?? 86_400_000;
  const max = options.maxEntries ?? 100_000;
  const entries = new Map<string, {record: IdempotencyRecord; expires: number}>();
  const live = (key: string): IdempotencyRecord | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expires <= Date.now()) entries.delete(key);
    return entries.get(key)?.record;
  };
  return {
    async claim(key, fingerprint) {
      const existing = live(key);
      if (existing) return existing;
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(key, {record: {state: 'in_flight', fingerprint}, expires: Date.now() + ttl});
      return undefined;
    },
    async complete(key, response) {
      const entry = entries.get(key);
      if (entry)
        entries.set(key, {
          record: {state: 'done', fingerprint: entry.record.fingerprint, response},
          expires: Date.now() + ttl,
        });
    },
    async release(key) {
      entries.delete(key);
    },
  };
}
