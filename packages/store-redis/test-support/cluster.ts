// Several real gateways on 127.0.0.1 sharing one real redis-server, for the store's tests; lives
// beside src/ so the package never ships it.
import {memoryAdapter} from '@rapport/adapter-memory';
import {
  randomId,
  RapportError,
  type Complaint,
  type CrmAdapter,
  type ComplaintInput,
} from '@rapport/core';
import {createGateway, signCustomerToken, type GatewayOptions} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';
import {startRedisServer, type RedisServer} from '../../../scripts/redis-server.mjs';
import {redisStores, type RedisStores} from '../src/index.js';

export const secret = 'store-redis-test-secret-long-enough-for-hs256';
export const audience = 'https://gateway.test';
export const asOf = new Date('2026-11-01T00:00:00Z');
export const customerToken = (customerId = 'c-001') =>
  signCustomerToken({customerId, key: {secret}, audience});

/**
 * A backend with no idempotency of its own: every create call stores a new complaint, so only the
 * gateways' shared store can keep a retried submission from being stored twice. `failBefore` of the
 * calls fail (retryable) before anything is written.
 */
export function forgetfulBackend(options: {failBefore?: number; random?: () => number} = {}) {
  const memory = memoryAdapter({asOf, size: 30});
  const random = options.random ?? Math.random;
  const complaints = memory.resources.complaints!;
  const adapter: CrmAdapter = {
    ...memory,
    name: 'forgetful',
    describeFields: memory.describeFields.bind(memory),
    resources: {
      ...memory.resources,
      complaints: {
        ...complaints,
        list: complaints.list.bind(complaints),
        create: async (input: ComplaintInput, callOptions) => {
          if (random() < (options.failBefore ?? 0))
            throw new RapportError('unavailable', 'backend busy', {retryAfterMs: 1});
          // A new key each call: the memory backend's own idempotency never matches.
          return complaints.create(input, {...callOptions, idempotencyKey: randomId()});
        },
      },
    },
  };
  /** The complaints of `customerId` whose description starts with `marker`, by description. */
  const stored = async (customerId: string, marker: string): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await complaints.list(customerId, {limit: 100, ...(cursor && {cursor})});
      for (const complaint of page.items as readonly Complaint[])
        if (complaint.description.startsWith(marker))
          counts.set(complaint.description, (counts.get(complaint.description) ?? 0) + 1);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return counts;
  };
  return {adapter, stored};
}

/** Gateways, each with its own connection to one Redis, as separate instances would have. */
export interface Cluster {
  readonly redis: RedisServer;
  readonly urls: readonly string[];
  readonly stores: readonly RedisStores[];
  close(): Promise<void>;
}

export async function startCluster(
  instances: number,
  options: Omit<GatewayOptions, 'auth'>,
  redis?: RedisServer,
): Promise<Cluster> {
  const server = redis ?? (await startRedisServer());
  const prefix = `test-${randomId()}:`;
  const stores: RedisStores[] = [];
  const running: RunningServer[] = [];
  for (let i = 0; i < instances; i++) {
    const store = redisStores({url: server.url, prefix});
    stores.push(store);
    const gateway = createGateway({
      ...options,
      auth: {secret, audience},
      idempotencyStore: store.idempotency,
      rateLimitStore: store.rateLimits,
    });
    running.push(await serveGateway(gateway, {port: 0}));
  }
  await Promise.all(running.map((r) => untilReady(r.url)));
  return {
    redis: server,
    urls: running.map((r) => r.url),
    stores,
    async close() {
      await Promise.all(running.map((r) => r.close()));
      await Promise.all(stores.map((s) => s.close()));
      if (!redis) await server.close();
    },
  };
}

/** Resolves once `GET /readyz` of the gateway at `url` answers 200; rejects after `timeoutMs`. */
export async function untilReady(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url}/readyz did not answer 200 within ${timeoutMs} ms`);
}

/** A complaint body whose description marks it as submission `n`. */
export const submission = (marker: string, n: number) => ({
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Parcel late',
  description: `${marker} ${n}`,
});

/**
 * POSTs a complaint to `url` with `key`; resolves with the status, `Retry-After` and the error's
 * `details.reason`, or status 0 when the connection failed.
 */
export async function post(
  url: string,
  token: string,
  key: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<{status: number; retryAfter: string | null; reason?: string}> {
  try {
    const response = await fetch(`${url}/v1/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      ...(signal && {signal}),
    });
    const text = await response.text();
    const reason = response.ok ? undefined : JSON.parse(text).error?.details?.reason;
    return {status: response.status, retryAfter: response.headers.get('retry-after'), reason};
  } catch {
    return {status: 0, retryAfter: null};
  }
}

/** Runs `work` over `0..count-1`, `concurrency` at a time. */
export async function pool(
  count: number,
  concurrency: number,
  work: (n: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({length: concurrency}, async () => {
      while (next < count) await work(next++);
    }),
  );
}
