// One gateway instance of the cluster: what you would run on each server. Every instance of a
// deployment gets the same secret, the same Redis and the same key prefix.
//   PORT                     where it listens on 127.0.0.1 (0 picks a free port; the URL is printed)
//   REDIS_URL                the shared Redis, redis://host:port
//   RAPPORT_GATEWAY_SECRET   the HS256 secret your token server signs with (32 characters or more)
//   RAPPORT_REDIS_PREFIX     the deployment's key prefix (default rapport:cluster-example:)
import {memoryAdapter} from '@rapport/adapter-memory';
import {createGateway} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';
import {redisStores} from '@rapport/store-redis';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`gateway.mjs: set ${name}`);
    process.exit(1);
  }
  return value;
};

const redis = redisStores({
  url: env('REDIS_URL'),
  prefix: process.env.RAPPORT_REDIS_PREFIX ?? 'rapport:cluster-example:',
});
const gateway = createGateway({
  // The demo backend. Each instance holds its own copy of the same demo data, so reads agree; in
  // production every instance talks to the same CRM through its adapter.
  adapter: memoryAdapter(),
  auth: {secret: env('RAPPORT_GATEWAY_SECRET'), audience: 'rapport-gateway'},
  idempotencyStore: redis.idempotency,
  rateLimitStore: redis.rateLimits,
  // nginx appends the address it saw to X-Forwarded-For; the gateway reads that last entry. Set this
  // only behind a proxy you run: anyone can send the header to a gateway reached directly.
  trustedProxyHeader: 'x-forwarded-for',
});
const server = await serveGateway(gateway, {port: Number(process.env.PORT ?? 8787)});
console.log(server.url);

// On SIGTERM (a deploy, a scale-down): finish what is in flight, hand Redis what it is owed, exit.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, async () => {
    await server.close();
    await redis.close();
    process.exit(0);
  });
}
