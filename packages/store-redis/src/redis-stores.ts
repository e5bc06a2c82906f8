import type {IdempotencyStore} from '@rapport/core';
import type {RateLimitStore} from '@rapport/gateway';
import {createClient, type RedisClientType} from '@redis/client';
import {redisIdempotencyStore} from './idempotency.js';
import {redisRateLimitStore} from './rate-limits.js';

/** Options of {@link redisStores}. */
export interface RedisStoresOptions {
  /**
   * Where Redis is: `redis://[[user]:password@]host[:port][/database]`, or `rediss://` for TLS. Keep it
   * in the server's environment like any secret.
   */
  readonly url: string;
  /**
   * Prepended to every key, one per deployment sharing a Redis (`rapport:shop-eu:`). Every instance
   * of one deployment must use the same prefix. Default `rapport:`.
   */
  readonly prefix?: string;
  /**
   * How long an idempotency key is remembered, in milliseconds: a retry within this time is replayed.
   * Default 24 hours, as the gateway's memory store.
   */
  readonly idempotencyTtlMs?: number;
  /**
   * How long a key is held while its request runs, in milliseconds. After a gateway crashed in the
   * middle of a request, a retry with that key runs again once this has passed (the backend's own
   * idempotency, which the gateway's key reaches, is then what keeps it single). Longer than your
   * slowest create and your longest Redis outage. Default 10 minutes.
   */
  readonly inFlightTtlMs?: number;
  /**
   * How long a Redis command may take before it counts as failed, in milliseconds. Default 1,000: a
   * write then answers `503` rather than hang.
   */
  readonly commandTimeoutMs?: number;
  /** The most idempotency writes kept while Redis is away (see the idempotency store). Default 10,000. */
  readonly maxPendingWrites?: number;
}

/** Stores on one Redis connection. */
export interface RedisStores {
  /** For the gateway's `idempotencyStore`. */
  readonly idempotency: IdempotencyStore;
  /** For the gateway's `rateLimitStore`. */
  readonly rateLimits: RateLimitStore;
  /** Writes what is waiting for Redis, then closes the connection. */
  close(): Promise<void>;
}

/**
 * Connects to Redis (in the background: the gateway starts, and `GET /readyz` answers `503`, until it
 * is reached) and returns the gateway's stores on that connection. The connection reconnects by
 * itself, backing off to one attempt every 2 seconds; while it is down, creates answer `503` with
 * `Retry-After`, reads go on with each instance's own rate limit, and everything resumes when Redis
 * is back. Give Redis persistence (`appendonly yes`): keys lost in a Redis restart cannot stop a
 * retried write from running again.
 */
export function redisStores(options: RedisStoresOptions): RedisStores {
  const prefix = options.prefix ?? 'rapport:';
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const client = createClient({
    url: options.url,
    // Rejected at once while disconnected, instead of queued: a write answers 503 now, not late.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (attempts) => Math.min(100 * 2 ** attempts, 2000),
    },
    commandOptions: {timeout: timeoutMs, rejectInFlight: true},
  }) as RedisClientType;
  let lastError = 0;
  client.on('error', (error: unknown) => {
    // node-redis reports every failed reconnection; once every 10 seconds is enough to see an outage.
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    console.error('@rapport/store-redis: Redis connection error', error);
  });
  // Resolves once connected; retries until then. A failure is reported through the 'error' event.
  client.connect().catch(() => {});
  // Until the first connection is made or fails, requests wait for it (below); after that, never.
  let settled = false;
  const firstConnection = new Promise<void>((resolve) => {
    const settle = () => {
      settled = true;
      resolve();
    };
    client.once('ready', settle);
    client.once('error', settle);
  });
  /**
   * Waits, at most one command timeout, for the first connection while it is being made, so the first
   * requests after start-up are not refused. Once it is made or has failed, never waits: while Redis
   * is away, writes are refused at once and rate limits fall back to memory at once.
   */
  const connection = async (): Promise<void> => {
    if (settled || !client.isOpen) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      firstConnection,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  };
  const idempotency: ReturnType<typeof redisIdempotencyStore> = redisIdempotencyStore(client, {
    prefix: `${prefix}idem:`,
    ttlMs: options.idempotencyTtlMs ?? 86_400_000,
    inFlightTtlMs: options.inFlightTtlMs ?? 600_000,
    maxPending: options.maxPendingWrites ?? 10_000,
    connection,
  });
  // Back after an outage: what is owed goes first.
  client.on('ready', () => void idempotency.flush());
  return {
    idempotency,
    rateLimits: redisRateLimitStore(client, prefix, connection),
    async close() {
      if (client.isReady) await idempotency.flush();
      const lost = idempotency.close();
      if (lost > 0)
        console.error(
          `@rapport/store-redis: closed with ${lost} writes Redis never took; their keys stay in flight until their lease ends`,
        );
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}
