// The server side of the Zendesk app's browser test, as a web-test-runner plugin: a real gateway on
// 127.0.0.1 over the memory backend, and the gateway's Zendesk helper mounted on the test server at
// the app's assets folder, so the sidebar page and its scripts share one origin with the test page
// (the test reads the sidebar's DOM). It plays Zendesk's signing key: tests ask it for ZAF JWTs.
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import {exportSPKI, generateKeyPair, SignJWT} from 'jose';
import {rollup} from 'rollup';
import {memoryAdapter} from '@rapport/adapter-memory';
import {createGateway} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';
import {zendeskApp} from '@rapport/gateway/zendesk';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** Where the app's page lives on the test server: the built assets folder. */
const mount = '/hosts/zendesk/dist/app/assets/';
const sdkPath = '/__zaf_sdk.js';
const secret = 'zendesk-e2e-secret-that-is-long-enough-to-sign';
const audience = 'rapport-zendesk-e2e';
const subdomain = 'acme';
const installationId = 42;
const zendeskCdn = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';

/**
 * Zendesk's SDK from npm (zendesk_app_framework_sdk, Apache-2.0), bundled for the page: the test has
 * no internet, so the page gets this copy instead of Zendesk's CDN.
 */
async function bundledSdk() {
  const bundle = await rollup({
    input: require.resolve('zendesk_app_framework_sdk'),
    plugins: [nodeResolve({browser: true}), commonjs()],
  });
  const {output} = await bundle.generate({format: 'iife', name: 'ZAFClient'});
  await bundle.close();
  return output[0].code;
}

/** Copies a Koa request into a web-standard Request for the fetch handler. */
async function toRequest(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers))
    for (const one of [value].flat()) if (one !== undefined) headers.append(name, one);
  return new Request(new URL(ctx.url, `http://${ctx.host}`), {
    method: ctx.method,
    headers,
    ...(ctx.method !== 'GET' && ctx.method !== 'HEAD' && {body: Buffer.concat(chunks)}),
  });
}

/**
 * The plugin, and the middleware it serves the app page with (give it to the config's `middleware`,
 * which runs before the dev server's own files).
 */
export function zendeskAppTest() {
  let gatewayServer;
  let createHandler;
  let handler;
  let sdk;
  let zendesk;
  let stranger;
  let adapter;
  async function middleware(ctx, next) {
    if (ctx.path === sdkPath) {
      sdk ??= await bundledSdk();
      ctx.type = 'application/javascript';
      ctx.body = sdk;
      return;
    }
    if (ctx.path !== mount || ctx.method !== 'POST') return next();
    handler ??= await createHandler();
    const response = await handler(await toRequest(ctx));
    ctx.status = response.status;
    response.headers.forEach((value, name) => ctx.set(name, value));
    ctx.body = Buffer.from(await response.arrayBuffer());
  }
  const plugin = {
    name: 'rapport-zendesk-app',
    async serverStart({config}) {
      const origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      zendesk = await generateKeyPair('RS256', {extractable: true});
      stranger = await generateKeyPair('RS256', {extractable: true});
      adapter = memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 20});
      gatewayServer = await serveGateway(
        createGateway({adapter, auth: {secret, audience}, cors: {origins}, rateLimit: false}),
        {port: 0},
      );
      // Made on first use, so the other browser tests run before hosts/zendesk is built.
      createHandler = async () => {
        const file = join(here, '../dist/app/assets/iframe.html');
        if (!existsSync(file))
          throw new Error(`${file} is missing: build @rapport/host-zendesk first`);
        const page = readFileSync(file, 'utf8');
        if (!page.includes(zendeskCdn))
          throw new Error(`iframe.html no longer loads ${zendeskCdn}`);
        return zendeskApp({
          subdomain,
          installationId,
          publicKey: await exportSPKI(zendesk.publicKey),
          page: page.replace(zendeskCdn, sdkPath),
          tokens: {key: {secret}, audience},
          // The test page plays Zendesk's frame.
          frameAncestors: origins,
        });
      };
    },
    async serverStop() {
      await gatewayServer?.close();
    },
    async executeCommand({command, payload}) {
      if (command !== 'rapport-zendesk-app') return undefined;
      const key = payload?.signedBy === 'stranger' ? stranger.privateKey : zendesk.privateKey;
      const jwt = await new SignJWT({context: {product: 'support', location: payload.location}})
        .setProtectedHeader({alg: 'RS256', typ: 'JWT'})
        .setIssuer(`${subdomain}.zendesk.com`)
        .setAudience(
          `https://${subdomain}.zendesk.com/api/v2/apps/installations/${installationId}.json`,
        )
        .setSubject('1900001')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
      return {
        mount,
        gatewayUrl: gatewayServer.url,
        jwt,
        customers: adapter.data.customers
          .slice(0, 3)
          .map((c) => ({id: c.id, name: c.displayName, email: c.email})),
      };
    },
  };
  return {plugin, middleware};
}
