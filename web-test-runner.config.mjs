// Browser tests run in Debian's Chromium (no browser download) through puppeteer-core.
// Which tests run here: every test of the DOM packages (packages/widgets, packages/browser) and every
// *.browser.test.ts. Modules resolve with the `development` condition (the dev server's default), so
// the widgets run their development build; the production build is tested through its bundle.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {memoryAdapter} from '@rapport/adapter-memory';
import {createGateway, signAgentToken, signCustomerToken} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';
import {chromiumArgs, chromiumPath} from './scripts/chromium.mjs';

/** Serves msw's service worker at the origin's root, so its scope covers the test pages. */
const mswWorker = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
function serveMswWorker(context, next) {
  if (context.path !== '/mockServiceWorker.js') return next();
  context.type = 'application/javascript';
  context.body = readFileSync(mswWorker);
}

/**
 * A real gateway over the memory backend, listening on 127.0.0.1 beside the test server, for the
 * end-to-end tests. Tests reach it through executeServerCommand('rapport-gateway', …).
 */
function rapportGateway() {
  const secret = 'end-to-end-secret-that-is-long-enough-to-sign';
  const audience = 'rapport-e2e';
  let server;
  let adapter;
  return {
    name: 'rapport-gateway',
    async serverStart({config}) {
      adapter = memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 50});
      const origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      server = await serveGateway(
        createGateway({adapter, auth: {secret, audience}, cors: {origins}, rateLimit: false}),
        {port: 0},
      );
    },
    async serverStop() {
      await server?.close();
    },
    async executeCommand({command, payload}) {
      switch (command) {
        case 'rapport-gateway':
          return {
            url: server.url,
            agentToken: await signAgentToken({
              agentId: 'e2e',
              roles: [payload?.role ?? 'agent'],
              key: {secret},
              audience,
            }),
            customerToken: await signCustomerToken({
              customerId: payload?.customerId ?? 'c-001',
              key: {secret},
              audience,
            }),
          };
        case 'rapport-gateway-faults':
          adapter.setFaults(payload ?? null);
          return true;
        case 'rapport-gateway-subjects':
          return adapter.data.complaints
            .filter((c) => c.subject.startsWith(payload.prefix))
            .map((c) => c.subject);
        default:
          return undefined;
      }
    },
  };
}

export default {
  files: [
    'packages/*/src/**/*.browser.test.ts',
    'packages/widgets/src/**/*.test.ts',
    'packages/browser/src/**/*.test.ts',
    'examples/*/src/**/*.browser.test.ts',
  ],
  nodeResolve: {browser: true},
  middleware: [serveMswWorker],
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.base.json'}), rapportGateway()],
  concurrency: 1,
  testFramework: {config: {timeout: 20_000}},
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
};
