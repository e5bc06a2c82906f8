// Redis goes away in the middle of a run and comes back: three real gateways on 127.0.0.1 must refuse
// writes with 503 and Retry-After while it is away (never a 500, never a duplicate), keep serving
// reads, say so on /readyz, and recover by themselves.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {signAgentToken} from '@rapport/gateway';
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
  untilReady,
  type Cluster,
} from '../test-support/cluster.js';

let redis: RedisServer;
let cluster: Cluster;
const backend = forgetfulBackend();
before(async () => {
  redis = await startRedisServer();
  cluster = await startCluster(
    3,
    {adapter: backend.adapter, rateLimit: {requests: 10_000, perSeconds: 60}},
    redis,
  );
});
after(async () => {
  await cluster.close();
  await redis.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('when Redis stops and starts again', () => {
  it('stores every submission once or refuses it with 503, and the run completes once Redis is back', async () => {
    const token = await customerToken();
    const marker = `outage-${randomUUID()}`;
    const total = 400;
    const statuses = new Map<number, number>();
    let done = 0;
    let withoutRetryAfter = 0;
    const outage = (async () => {
      while (done < 100) await pause(5);
      // A crash, not a clean shutdown: writes in flight lose their answers.
      await redis.stop('SIGKILL');
      await pause(1500);
      await redis.start();
    })();
    await pool(total, 8, async (n) => {
      const key = randomUUID();
      for (let attempt = 0; ; attempt++) {
        assert.ok(attempt < 400, `submission ${n} was not accepted after 400 attempts`);
        const answer = await post(
          cluster.urls[(n + attempt) % 3]!,
          token,
          key,
          submission(marker, n),
        );
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 201) break;
        assert.ok(
          answer.status === 503 ||
            (answer.status === 409 && answer.reason === 'idempotency_key_in_flight'),
          `submission ${n}: status ${answer.status} ${answer.reason ?? ''}`,
        );
        if (answer.retryAfter === null) withoutRetryAfter++;
        // Retry-After says a second; the test waits less to keep the run short.
        await pause(20);
      }
      done++;
    });
    await outage;
    const stored = await backend.stored('c-001', marker);
    assert.equal(stored.size, total, 'every submission is stored in the end');
    assert.deepEqual(
      [...stored].filter(([, count]) => count > 1),
      [],
      'none is stored twice',
    );
    assert.ok((statuses.get(503) ?? 0) > 0, 'writes were refused while Redis was away');
    assert.equal(withoutRetryAfter, 0, 'every refusal says when to retry');
    assert.equal(statuses.get(500), undefined, 'never a 500');
  });

  it('keeps serving reads, answers /readyz 503 while Redis is away, and 200 once it is back', async () => {
    const token = await signAgentToken({agentId: 'ana', roles: ['agent'], key: {secret}, audience});
    const read = (url: string) =>
      fetch(`${url}/v1/customers?id=c-001`, {headers: {authorization: `Bearer ${token}`}});
    await redis.stop();
    try {
      await pause(200);
      for (const url of cluster.urls) {
        assert.equal((await read(url)).status, 200, `${url} reads while Redis is away`);
        const ready = await fetch(`${url}/readyz`);
        assert.equal(ready.status, 503);
        assert.deepEqual(await ready.json(), {status: 'unavailable'}, 'says nothing more');
        assert.equal((await fetch(`${url}/healthz`)).status, 200, 'the process itself is fine');
      }
      const write = await post(
        cluster.urls[0]!,
        await customerToken(),
        randomUUID(),
        submission('while Redis is away', 0),
      );
      assert.deepEqual([write.status, write.retryAfter], [503, '1']);
    } finally {
      await redis.start();
    }
    for (const url of cluster.urls) await untilReady(url);
    const write = await post(
      cluster.urls[1]!,
      await customerToken(),
      randomUUID(),
      submission('once Redis is back', 0),
    );
    assert.equal(write.status, 201, 'writes resume by themselves');
  });
});
