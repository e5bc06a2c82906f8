#!/usr/bin/env node
// The playground server that `npm start` runs: one process on 127.0.0.1 with the gateway over the
// demo backend (its submissions kept in a JSON file), a token endpoint that signs tokens the way your
// own server would, a few demo-only endpoints, and the playground and examples as static files.
import {randomBytes} from 'node:crypto';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import {Hono} from 'hono';
import {serveStatic} from '@hono/node-server/serve-static';
import {bodyLimit} from 'hono/body-limit';
import {memoryAdapter} from '@rapport/adapter-memory';
import {jsonFileStore} from '@rapport/adapter-memory/node';
import {createGateway, signAgentToken, signCustomerToken} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';
import {defaultCustomization, validateCustomization} from '@rapport/schema';

const here = dirname(fileURLToPath(import.meta.url));
const bundles = dirname(createRequire(import.meta.url).resolve('@rapport/browser/rapport.iife.js'));
// Every page of the playground runs under the same strict policy a careful host site would set, and
// no other site may frame it.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; frame-ancestors 'none'";
// The names this machine answers to. A page elsewhere that points its own domain at 127.0.0.1 (DNS
// rebinding) sends that domain as Host, and is refused before it can read /token.
const localNames = ['127.0.0.1', 'localhost', '[::1]'];
/** Largest body a /demo/* request may send (the customization document is the biggest). */
const demoBodyLimit = 256 * 1024;
/** The URL's parts, or null for what is not a URL (an `Origin: null`, an empty Host). */
const parse = (url) => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** Starts the playground; resolves once it listens. */
export async function startPlayground(options = {}) {
  const port = options.port ?? Number(process.env.PORT ?? 8080);
  const dataFile =
    options.dataFile ?? process.env.RAPPORT_DATA ?? join(here, 'data', 'rapport-demo.json');
  const secret = randomBytes(32).toString('hex'); // a new key each start: pages simply ask for new tokens
  const audience = 'rapport-playground';
  // A fixed demo day (screenshots, tests) gets a clock that starts on it, so offers and reopen windows
  // fall where the data puts them.
  const started = Date.now();
  const adapter = memoryAdapter({
    store: jsonFileStore(dataFile),
    ...(options.asOf && {
      asOf: options.asOf,
      now: () => options.asOf.getTime() + (Date.now() - started),
    }),
  });
  let customization = defaultCustomization;
  const makeGateway = () =>
    createGateway({
      adapter,
      customization,
      auth: {secret, audience},
      basePath: '/api',
      rateLimit: {requests: 2000, perSeconds: 10},
    });
  let gateway = makeGateway();

  const hostname = options.hostname ?? '127.0.0.1';
  // Host names as URLs write them (lower case, IPv6 in brackets and shortened), as the check reads them.
  const asHost = (name) => parse(`http://${name.includes(':') ? `[${name}]` : name}`)?.hostname;
  const names = new Set([...localNames, asHost(hostname)].filter(Boolean));
  const app = new Hono();
  app.use('*', async (c, next) => {
    const host = parse(`http://${c.req.header('host') ?? ''}`)?.hostname ?? '';
    if (!names.has(host)) {
      return c.text(
        `This playground answers only at ${[...names].join(', ')}, not at "${host}".`,
        403,
      );
    }
    await next();
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
  });
  // serveGateway passes the connection's address as the app's env; the gateway limits by it.
  app.all('/api/*', (c) => gateway(c.req.raw, c.env));

  // Your server does this behind your own login; the playground lets you pick whom you are.
  app.get('/token', async (c) => {
    const role = c.req.query('role') ?? 'customer';
    const customerId = c.req.query('customerId') ?? 'c-050';
    const token =
      role === 'customer'
        ? await signCustomerToken({customerId, key: {secret}, audience})
        : await signAgentToken({
            agentId: 'playground-agent',
            roles: [role],
            key: {secret},
            audience,
          });
    return c.text(token, 200, {'cache-control': 'no-store'});
  });

  // Demo-only helpers: finding a customer by name, switching simulated failures, editing the document.
  // Writes come only from the playground's own pages, as JSON: another site's page can neither post a
  // form here (wrong content type) nor send JSON (its preflight gets no CORS answer), and a request a
  // browser marks as from another site or origin is refused outright.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/demo/*', async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = parse(`http://${c.req.header('host') ?? ''}`)?.host;
    if ((site && site !== 'same-origin') || (origin && parse(origin)?.host !== host))
      return c.json({error: 'Demo changes are taken only from the playground itself'}, 403);
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? ''))
      return c.json({error: 'Send JSON (content-type: application/json)'}, 415);
    return next();
  });
  app.use(
    '/demo/*',
    bodyLimit({
      maxSize: demoBodyLimit,
      onError: (c) => c.json({error: `The body is larger than ${demoBodyLimit} bytes`}, 413),
    }),
  );
  app.get('/demo/customers', (c) => {
    const q = (c.req.query('q') ?? '').trim().toLowerCase();
    // Without a query, the customer the page shows (`selected`) comes first, so it is in the list.
    const selected = q ? undefined : c.req.query('selected');
    const matches = adapter.data.customers
      .filter(
        (x) =>
          !q ||
          x.displayName.toLowerCase().includes(q) ||
          (x.email ?? '').includes(q) ||
          x.id === q,
      )
      .sort((a, b) => Number(b.id === selected) - Number(a.id === selected));
    return c.json(
      matches.slice(0, 25).map((x) => ({
        id: x.id,
        displayName: x.displayName,
        company: x.company ?? null,
        kind: x.kind,
      })),
    );
  });
  app.post('/demo/faults', async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (typeof body?.on !== 'boolean')
      return c.json({error: 'Send {"on": true} or {"on": false}'}, 400);
    const {on} = body;
    adapter.setFaults(
      on ? {rate: 0.3, kinds: ['unavailable', 'timeout', 'rate_limited'], retryAfterMs: 300} : null,
    );
    return c.json({on: Boolean(on)});
  });
  app.get('/demo/customization', (c) => c.json(customization));
  app.put('/demo/customization', async (c) => {
    const result = validateCustomization(await c.req.text());
    if (!result.valid) return c.json({problems: result.problems}, 400);
    customization = result.document;
    gateway = makeGateway();
    return c.json({saved: true});
  });
  app.post('/demo/reset', (c) => {
    adapter.reset();
    return c.json({reset: true});
  });

  for (const bundle of ['rapport.iife.js', 'rapport.dev.iife.js', 'rapport.zh-CN.iife.js'])
    app.get(`/${bundle}`, serveStatic({path: join(bundles, bundle)}));
  app.get('/app.js', serveStatic({path: join(here, 'dist', 'app.js')}));
  app.get(
    '/examples/plain-html/*',
    serveStatic({
      root: join(here, '..', 'plain-html'),
      rewriteRequestPath: (p) => p.replace('/examples/plain-html', ''),
    }),
  );
  app.get(
    '/examples/crm-sidebar/*',
    serveStatic({
      root: join(here, '..', 'crm-sidebar'),
      rewriteRequestPath: (p) => p.replace('/examples/crm-sidebar', ''),
    }),
  );
  app.get('/*', serveStatic({root: join(here, 'public')}));

  const server = await serveGateway(app.fetch, {port, hostname});
  return {...server, adapter, dataFile};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const {url, dataFile} = await startPlayground();
    console.log(`Rapport playground listening on ${url}`);
    console.log(`  complaints you submit are kept in ${dataFile}`);
    console.log('  press Ctrl+C to stop');
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `Port ${error.port ?? process.env.PORT ?? 8080} is already in use. Start on another one: PORT=8081 npm start`,
      );
    } else {
      console.error(`The playground could not start: ${error.message}`);
    }
    process.exit(1);
  }
}
