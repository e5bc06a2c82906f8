import {
  randomId,
  RapportError,
  type IdempotencyRecord,
  type IdempotencyStore,
  type StoredOutcome,
} from '@rapport/core';
import {ClientOfflineError, type RedisClientType} from '@redis/client';

// Each script runs atomically in Redis. A key holds its record as JSON; a record in flight also names
// the claim that holds it (`owner`), so a late `complete` or `release` never touches another claim's key.
const claimScript = `
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;
const completeScript = `
local held = redis.call('GET', KEYS[1])
if not held then return 0 end
local record = cjson.decode(held)
if record.state ~= 'in_flight' or record.owner ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;
const releaseScript = `
local held = redis.call('GET', KEYS[1])
if not held then return 0 end
local record = cjson.decode(held)
if record.state ~= 'in_flight' or record.owner ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

/** Options of {@link redisIdempotencyStore}. */
export interface RedisIdempotencyStoreOptions {
  /** Prepended to every key. */
  readonly prefix: string;
  /** How long a key is remembered, in flight or finished, in milliseconds. */
  readonly ttlMs: number;
  /** The most writes waiting for Redis to come back (see {@link redisIdempotencyStore}). */
  readonly maxPending: number;
  /** Resolves once the connection is ready, or after a short wait when it is not. */
  readonly connection: () => Promise<void>;
}

/** A write this process owes Redis: the end of a claim it holds. */
interface Pending {
  readonly owner: string;
  /** The finished record to write; none to release the key. */
  readonly done?: string;
}

/**
 * The idempotency store on a Redis connection. `claim` is one atomic script (read, or set with a TTL
 * when free), as are `complete` and `release`, which only act on a key this store's own claim holds.
 *
 * When Redis cannot be reached, `claim` refuses with `unavailable` (a `503` with `Retry-After`), so
 * nothing runs twice and nothing runs unguarded. The end of a claim is never lost: a `complete` or
 * `release` that fails, and a `claim` whose answer was lost (it may have landed), are kept in this
 * process and written when Redis is back; until then the key reads as in flight, which a retry hears
 * as "still being processed". Past `maxPending` such writes, the oldest is given up with a console
 * error and its key stays in flight until its TTL: refused, never run twice.
 */
export function redisIdempotencyStore(
  client: RedisClientType,
  options: RedisIdempotencyStoreOptions,
): IdempotencyStore & {readonly pending: () => number; readonly flush: () => Promise<void>} {
  const {prefix, ttlMs, maxPending} = options;
  const ttl = String(Math.max(1, Math.round(ttlMs)));
  /** The claims this process holds, by key: who owns them and their fingerprint. */
  const held = new Map<string, {owner: string; fingerprint: string}>();
  const pending = new Map<string, Pending>();
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = 0;

  const write = async (key: string, end: Pending): Promise<void> => {
    if (end.done === undefined)
      await client.eval(releaseScript, {keys: [prefix + key], arguments: [end.owner]});
    else
      await client.eval(completeScript, {
        keys: [prefix + key],
        arguments: [end.owner, end.done, ttl],
      });
  };
  const owe = (key: string, end: Pending): void => {
    pending.delete(key);
    pending.set(key, end);
    if (pending.size > maxPending) {
      const [oldest] = pending.keys();
      pending.delete(oldest!);
      console.error(
        `@rapport/store-redis: more than ${maxPending} writes are waiting for Redis; gave up the oldest, whose key stays in flight until its TTL`,
      );
    }
    schedule();
  };
  const schedule = (): void => {
    if (retry || pending.size === 0) return;
    delay = Math.min(Math.max(delay * 2, 100), 2000);
    retry = setTimeout(() => {
      retry = undefined;
      void flush();
    }, delay);
    retry.unref?.();
  };
  const flush = async (): Promise<void> => {
    for (const [key, end] of [...pending]) {
      try {
        await write(key, end);
        if (pending.get(key) === end) pending.delete(key);
      } catch {
        break;
      }
    }
    if (pending.size === 0) delay = 0;
    schedule();
  };

  return {
    async claim(key, fingerprint) {
      const owner = randomId();
      const record = JSON.stringify({state: 'in_flight', fingerprint, owner});
      let answer: unknown;
      try {
        await options.connection();
        answer = await client.eval(claimScript, {keys: [prefix + key], arguments: [record, ttl]});
      } catch (error) {
        // A command that was sent may have run: free the key if it did, once Redis answers.
        if (!(error instanceof ClientOfflineError)) owe(key, {owner});
        throw unreachable(error);
      }
      if (typeof answer === 'string') return recordOf(answer);
      held.set(key, {owner, fingerprint});
      return undefined;
    },
    async complete(key, outcome: StoredOutcome) {
      const claim = held.get(key);
      if (!claim) return;
      held.delete(key);
      const done = JSON.stringify({state: 'done', fingerprint: claim.fingerprint, outcome});
      await write(key, {owner: claim.owner, done}).catch(() =>
        owe(key, {owner: claim.owner, done}),
      );
    },
    async release(key) {
      const claim = held.get(key);
      if (!claim) return;
      held.delete(key);
      await write(key, {owner: claim.owner}).catch(() => owe(key, {owner: claim.owner}));
    },
    async ping() {
      try {
        await options.connection();
        await client.ping();
      } catch (error) {
        throw unreachable(error);
      }
    },
    pending: () => pending.size,
    flush,
  };
}

/** A stored record as the store's contract gives it: without the claim's owner. */
function recordOf(json: string): IdempotencyRecord {
  const stored = JSON.parse(json) as {
    state: 'in_flight' | 'done';
    fingerprint: string;
    outcome?: StoredOutcome;
  };
  return stored.state === 'done'
    ? {state: 'done', fingerprint: stored.fingerprint, outcome: stored.outcome!}
    : {state: 'in_flight', fingerprint: stored.fingerprint};
}

let lastLogged = 0;
/** The refusal of a request when Redis cannot be reached; logged at most every 10 seconds. */
function unreachable(cause: unknown): RapportError {
  if (Date.now() - lastLogged > 10_000) {
    lastLogged = Date.now();
    console.error(
      '@rapport/store-redis: Redis did not answer; refusing writes until it does',
      cause,
    );
  }
  return new RapportError(
    'unavailable',
    'The service cannot take this request right now; try again shortly',
    {
      retryAfterMs: 1000,
      details: {reason: 'store_unavailable'},
    },
  );
}
