// Section 11, in Node: the gateway under load on loopback, measured with autocannon beside a bare Hono
// handler answering the same JSON, each server in a process of its own. Then idempotent submissions
// per second with the memory store and with the Redis store (a redis-server of its own on a free
// port). Printed, never asserted: this machine is shared and noisy.
import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {once} from 'node:events';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import autocannon from 'autocannon';
import {redisServerPath, startRedisServer} from '../../redis-server.mjs';
import {pageOrigin, readPath, readToken, submitToken} from './load-shared.mjs';

const serverScript = fileURLToPath(new URL('./load-server.mjs', import.meta.url));
const seconds = 4;

/** Starts load-server.mjs with `args`; resolves with its URL and a stop function. */
async function start(args) {
  const child = spawn(process.execPath, [serverScript, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('http://'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) =>
      reject(new Error(`load-server ${args.join(' ')} exited (${code})`)),
    );
  });
  return {
    url,
    async stop() {
      child.kill();
      await once(child, 'exit');
    },
  };
}

/** One autocannon run of `seconds`, after a second's warm-up (the JIT, the connection pool). */
async function run(options) {
  await autocannon({...options, duration: 1});
  const result = await autocannon({...options, duration: seconds});
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    other: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The median of `rounds` runs of each case, the cases taking turns so noise falls on all alike. */
async function alternate(cases, rounds) {
  const runs = cases.map(() => []);
  for (let round = 0; round < rounds; round++)
    for (const [i, options] of cases.entries()) runs[i].push(await run(options));
  return cases.map((options, i) => ({
    connections: options.connections,
    runs: rounds,
    requestsPerSecond: median(runs[i].map((r) => r.requestsPerSecond)),
    p50Ms: median(runs[i].map((r) => r.p50Ms)),
    p99Ms: median(runs[i].map((r) => r.p99Ms)),
    other: runs[i].reduce((sum, r) => sum + r.other, 0),
  }));
}

export async function gatewayLoad() {
  const headers = {authorization: `Bearer ${await readToken()}`};
  const gateway = await start(['gateway']);
  const bare = await start(['bare']);
  const reads = [];
  try {
    for (const connections of [16, 64]) {
      const read = (url, extra = {}) => ({
        url: url + readPath,
        headers: {...headers, ...extra},
        connections,
      });
      const cases = [
        ['gateway', read(gateway.url)],
        ['bare', read(bare.url)],
        // Widgets on a page of another site: every answer carries CORS headers.
        ...(connections === 64
          ? [['gateway, from another origin', read(gateway.url, {origin: pageOrigin})]]
          : []),
      ];
      const measured = await alternate(
        cases.map(([, options]) => options),
        3,
      );
      reads.push(...measured.map((m, i) => ({kind: cases[i][0], ...m})));
    }
  } finally {
    await gateway.stop();
    await bare.stop();
  }

  const submissions = [];
  const submit = {
    connections: 16,
    requests: [
      {
        method: 'POST',
        path: '/v1/complaints',
        headers: {
          authorization: `Bearer ${await submitToken()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          channel: 'web',
          category: 'delivery',
          severity: 'medium',
          subject: 'Parcel late',
          description: 'The parcel I ordered two weeks ago has not arrived.',
        }),
        // A key of its own for every request: each one is a new submission, claimed and completed.
        setupRequest: (request) => ({
          ...request,
          headers: {...request.headers, 'idempotency-key': randomUUID()},
        }),
      },
    ],
  };
  const redis = existsSync(redisServerPath) ? await startRedisServer() : undefined;
  try {
    for (const store of ['memory', ...(redis ? ['redis'] : [])]) {
      const server = await start(['gateway', ...(store === 'redis' ? [redis.url] : [])]);
      try {
        submissions.push({
          store,
          connections: submit.connections,
          ...(await run({url: server.url, ...submit})),
        });
      } finally {
        await server.stop();
      }
    }
  } finally {
    await redis?.close();
  }
  return {seconds, reads, submissions, redisMissing: !redis};
}
