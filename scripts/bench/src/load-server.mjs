// One server of the gateway load benchmark (src/load.mjs), in a process of its own so the load
// generator does not share its event loop. Prints its URL on the first line of stdout.
//   node load-server.mjs gateway [redis://…]   the gateway over the memory backend (Redis stores when a URL is given)
//   node load-server.mjs bare                  a bare Hono handler answering the gateway's JSON for the read
import {serve} from '@hono/node-server';
import {memoryAdapter} from '@rapport/adapter-memory';
import {createGateway} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';
import {redisStores} from '@rapport/store-redis';
import {Hono} from 'hono';
import {forgetful} from './gateway.mjs';
import {audience, pageOrigin, readPath, readToken, secret} from './load-shared.mjs';

const [kind, redisUrl] = process.argv.slice(2);
const memory = memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 200});
// Complaints go to a backend that keeps nothing, so a long run of submissions measures the gateway
// and its store, not a growing memory backend.
const adapter = {
  ...memory,
  describeFields: memory.describeFields.bind(memory),
  resources: {...memory.resources, complaints: forgetful.resources.complaints},
};
const stores = redisUrl ? redisStores({url: redisUrl, prefix: `bench-${process.pid}:`}) : undefined;
const gateway = createGateway({
  adapter,
  auth: {secret, audience},
  // The limiter runs on every request, as in production, but never refuses the benchmark's one token.
  rateLimit: {requests: 1_000_000_000, perSeconds: 60},
  cors: {origins: [pageOrigin]},
  ...(stores && {idempotencyStore: stores.idempotency, rateLimitStore: stores.rateLimits}),
});

if (kind === 'gateway') {
  const server = await serveGateway(gateway, {port: 0});
  console.log(server.url);
} else if (kind === 'bare') {
  // The same bytes the gateway answers for the read, fetched once from it.
  const answer = await gateway(
    new Request(`http://bench${readPath}`, {
      headers: {authorization: `Bearer ${await readToken()}`},
    }),
    {clientAddress: '127.0.0.1'},
  );
  const body = await answer.text();
  if (answer.status !== 200) throw new Error(`the gateway answered ${answer.status}: ${body}`);
  const app = new Hono();
  app.get('/v1/customers', (c) =>
    c.body(body, 200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    }),
  );
  serve({fetch: app.fetch, port: 0, hostname: '127.0.0.1'}, (info) =>
    console.log(`http://127.0.0.1:${info.port}`),
  );
} else {
  throw new Error(`Unknown server "${kind}": use gateway or bare`);
}

// Exits through process.exit, so `node --cpu-prof` writes its profile when the driver stops the server.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
