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
const seconds = 5;

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

/** Runs autocannon and keeps what the report needs. */
async function load(options) {
  // A second's warm-up first, so the JIT and the connection pool are settled.
  await autocannon({...options, duration: 1});
  const result = await autocannon({...options, duration: seconds});
  return {
    connections: options.connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

export async function gatewayLoad() {
  const reads = [];
  const headers = {authorization: `Bearer ${await readToken()}`};
  for (const kind of ['gateway', 'bare']) {
    const server = await start([kind]);
    try {
      for (const connections of [16, 64])
        reads.push({kind, ...(await load({url: server.url + readPath, headers, connections}))});
      // Widgets on a page of another site: every answer carries CORS headers.
      if (kind === 'gateway')
        reads.push({
          kind: 'gateway, from another origin',
          ...(await load({
            url: server.url + readPath,
            headers: {...headers, origin: pageOrigin},
            connections: 64,
          })),
        });
    } finally {
      await server.stop();
    }
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
        submissions.push({store, ...(await load({url: server.url, ...submit}))});
      } finally {
        await server.stop();
      }
    }
  } finally {
    await redis?.close();
  }
  return {seconds, reads, submissions, redisMissing: !redis};
}
