import {
  randomId,
  RapportError,
  type IdempotencyRecord,
  type IdempotencyStore,
  type StoredOutcome,
} from '@rapport/core';
import {ClientOfflineError, ErrorReply, type RedisClientType} from '@redis/client';

// Each script runs atomically in Redis. A key holds its record as JSON; a record in flight also names
// the claim that holds it (`owner`), so a late `complete` or `release` never touches another claim's
// key. A claim holds its key for a lease (ARGV[2]); a finished key is kept for the full TTL.
const claimScript = `
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;
// A key that is gone (its lease ran out while the outcome waited for Redis) takes the outcome too: the
// work ran, and a retry must hear so rather than run it again.
const completeScript = `
local held = redis.call('GET', KEYS[1])
if held then
  local record = cjson.decode(held)
  if record.state ~= 'in_flight' or record.owner ~= ARGV[1] then return 0 end
end
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
  /** How long a finished key is remembered, in milliseconds. */
  readonly ttlMs: number;
  /**
   * How long a claim holds its key before the request has finished, in milliseconds: after a gateway
   * crashed mid-request, a retry of that key runs again once this has passed.
   */
  readonly inFlightTtlMs: number;
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
 * The idempotency store on a Redis connection. `claim` is one atomic script (read, or set for the
 * lease when free), as are `complete` and `release`, which never touch another claim's key (`complete`
 * also writes a key whose lease ran out).
 *
 * When Redis cannot be reached, `claim` refuses with `unavailable` (a `503` with `Retry-After`), so
 * nothing runs twice and nothing runs unguarded. The end of a claim is never lost: a `complete` or
 * `release` that fails, and a `claim` whose answer was lost (it may have landed), are kept in this
 * process and written when Redis is back; until then the key reads as in flight, which a retry hears
 * as "still being processed". Past `maxPending` such writes, the oldest is given up with a console
 * error and its key stays in flight until its lease ends.
 */
export function redisIdempotencyStore(
  client: RedisClientType,
  options: RedisIdempotencyStoreOptions,
): IdempotencyStore & {
  /** How many writes are owed to Redis. */
  readonly pending: () => number;
  /** Writes what is owed now (also done by itself with a backoff, and once reconnected). */
  readonly flush: () => Promise<void>;
  /** Stops retrying; says how many owed writes were given up. */
  readonly close: () => number;
} {
  const {prefix, ttlMs, maxPending} = options;
  const ttl = String(Math.max(1, Math.round(ttlMs)));
  const lease = String(Math.max(1, Math.round(Math.min(ttlMs, options.inFlightTtlMs))));
  /** The claims this process holds, by key: who owns them and their fingerprint. */
  const held = new Map<string, {owner: string; fingerprint: string}>();
  /** Writes owed to Redis, by key and owner: two claims of one key each keep their own. */
  const pending = new Map<string, Pending & {readonly key: string}>();
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
    const id = `${end.owner}\u0000${key}`;
    // A completion outranks a release of the same claim.
    if (end.done === undefined && pending.get(id)?.done !== undefined) return;
    pending.delete(id);
    pending.set(id, {...end, key});
    if (pending.size > maxPending) {
      const [oldest] = pending.keys();
      pending.delete(oldest!);
      console.error(
        `@rapport/store-redis: more than ${maxPending} writes are waiting for Redis; gave up the oldest, whose key stays in flight until its lease ends`,
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
    if (retry) clearTimeout(retry);
    retry = undefined;
    for (const [id, end] of [...pending]) {
      try {
        await write(end.key, end);
        if (pending.get(id) === end) pending.delete(id);
      } catch (error) {
        // Redis answered with an error: this write can never succeed, so it must not hold up the rest.
        if (error instanceof ErrorReply) {
          pending.delete(id);
          console.error('@rapport/store-redis: Redis refused an owed write; dropped it', error);
          continue;
        }
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
        answer = await client.eval(claimScript, {keys: [prefix + key], arguments: [record, lease]});
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
    close() {
      if (retry) clearTimeout(retry);
      retry = undefined;
      const lost = pending.size;
      pending.clear();
      return lost;
    },
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
