// Three real gateways on 127.0.0.1 share one real redis-server, as instances behind a load balancer
// do. A retried submission may land on any of them: exactly once must hold across instances, and one
// rate limit across all three.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {createGateway, signAgentToken} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';
import {startRedisServer, type RedisServer} from '../../../scripts/redis-server.mjs';
import {
  audience,
  customerToken,
  forgetfulBackend,
  pool,
  post,
  secret,
  startCluster,
  submission,
} from '../test-support/cluster.js';

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.close());

/** A seeded generator, so a failing run can be repeated. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('three gateways sharing one Redis', () => {
  it('store exactly 1,000 complaints for 1,000 submissions under 30% faults, retried on other instances', async () => {
    const random = seeded(20);
    // 10% of backend calls fail before anything is written.
    const backend = forgetfulBackend({failBefore: 0.1, random});
    const cluster = await startCluster(3, {adapter: backend.adapter, rateLimit: false});
    try {
      const token = await customerToken();
      const marker = `cluster-${randomUUID()}`;
      const statuses = new Map<number, number>();
      let replayed = 0;
      await pool(1000, 16, async (n) => {
        const key = randomUUID();
        for (let attempt = 0; ; attempt++) {
          assert.ok(attempt < 40, `submission ${n} was not accepted after 40 attempts`);
          // Round robin, and each retry goes to the next instance.
          const url = cluster.urls[(n + attempt) % 3]!;
          const fault = random();
          // 10%: the connection drops a moment after the request went out; the gateway may or may
          // not have stored the complaint.
          const signal = fault < 0.1 ? AbortSignal.timeout(Math.floor(random() * 4)) : undefined;
          const answer = await post(url, token, key, submission(marker, n), signal);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          // 10%: the answer is lost after the write, so the client tries again elsewhere.
          if (answer.status === 201 && fault >= 0.1 && fault < 0.2) continue;
          if (answer.status === 201) {
            if (attempt > 0) replayed++;
            return;
          }
          // 503 (the backend failed), 409 in flight (the first try still runs), 0 (dropped).
          assert.ok(
            answer.status === 0 ||
              answer.status === 503 ||
              (answer.status === 409 && answer.reason === 'idempotency_key_in_flight'),
            `submission ${n}: unexpected status ${answer.status} ${answer.reason}`,
          );
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      });
      const stored = await backend.stored('c-001', marker);
      assert.equal(stored.size, 1000, 'every submission is stored');
      const twice = [...stored].filter(([, count]) => count > 1);
      assert.deepEqual(twice, [], 'no submission is stored twice');
      assert.ok(
        (statuses.get(503) ?? 0) > 50,
        `backend faults answered 503 (${statuses.get(503)})`,
      );
      assert.ok(replayed > 50, `retries after a lost answer were replayed (${replayed})`);
    } finally {
      await cluster.close();
    }
  });

  it('hold one rate limit across instances, where memory stores would allow it once per instance', async () => {
    const limit = {requests: 10, perSeconds: 60};
    const {adapter} = forgetfulBackend();
    const token = await signAgentToken({agentId: 'ana', roles: ['agent'], key: {secret}, audience});
    const read = (url: string) =>
      fetch(`${url}/v1/customers?id=c-001`, {headers: {authorization: `Bearer ${token}`}}).then(
        (r) => r.status,
      );
    const allowed = async (urls: readonly string[]) => {
      const statuses = [];
      for (let i = 0; i < 30; i++) statuses.push(await read(urls[i % 3]!));
      return statuses.filter((s) => s === 200).length;
    };

    const shared = await startCluster(3, {adapter, rateLimit: limit}, redis);
    try {
      assert.equal(await allowed(shared.urls), 10, 'three instances allow the rate once');
      const refused = await fetch(`${shared.urls[0]}/v1/customers?id=c-001`, {
        headers: {authorization: `Bearer ${token}`},
      });
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 50, 'the window has a minute to run');
    } finally {
      await shared.close();
    }

    const apart = await Promise.all(
      [0, 1, 2].map(() =>
        serveGateway(createGateway({adapter, auth: {secret, audience}, rateLimit: limit}), {
          port: 0,
        }),
      ),
    );
    try {
      assert.equal(await allowed(apart.map((s) => s.url)), 30, 'each memory store counts alone');
    } finally {
      await Promise.all(apart.map((s) => s.close()));
    }
  });

  it('limit requests without a token per address across instances too', async () => {
    const {adapter} = forgetfulBackend();
    const cluster = await startCluster(
      3,
      {
        adapter,
        rateLimit: {requests: 100, perSeconds: 60, perAddress: {requests: 4, perSeconds: 60}},
      },
      redis,
    );
    try {
      const statuses = [];
      for (let i = 0; i < 9; i++)
        statuses.push((await fetch(`${cluster.urls[i % 3]}/v1/customers?id=c-001`)).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429, 429, 429, 429]);
    } finally {
      await cluster.close();
    }
  });
});
