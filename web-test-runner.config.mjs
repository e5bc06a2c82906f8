// Browser tests run in Debian's Chromium (no browser download) through puppeteer-core.
// Which tests run here: every test of the DOM packages (packages/widgets, packages/browser) and every
// *.browser.test.ts (also of hosts/). Modules resolve with the `development` condition (the dev server's default), so
// the widgets run their development build; the production build is tested through its bundle.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {memoryAdapter} from '@rapport/adapter-memory';
import {createGateway, signAgentToken, signCustomerToken} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';
import {zendeskAppTest} from './hosts/zendesk/test-support/zendesk-plugin.mjs';
import {chromiumArgs, chromiumPath} from './scripts/chromium.mjs';
import {reactAsEsm} from './scripts/react-esm.mjs';
import {
  salesforceAndLoyalty,
  severalSystems,
} from './packages/browser/test-fixtures/several-systems.mjs';

/**
 * The CSP fixture asked for with `?trusted-types` also gets the Trusted Types directives
 * docs/embedding.md tells a page to send, read from it, as a response header enforced on top of the
 * page's own meta policy: the test holds the documented policy, not a copy of it.
 */
const trustedTypesPolicy = readFileSync(
  new URL('./docs/embedding.md', import.meta.url),
  'utf8',
).match(/require-trusted-types-for [^;\n]+; trusted-types [^;\n]+/)?.[0];
if (!trustedTypesPolicy)
  throw new Error(
    'docs/embedding.md no longer shows the Trusted Types directives the CSP test uses',
  );
async function serveTrustedTypes(context, next) {
  await next();
  if (context.path.endsWith('/test-fixtures/csp/csp.html') && 'trusted-types' in context.query)
    context.set('content-security-policy', trustedTypesPolicy);
}

/** Serves msw's service worker at the origin's root, so its scope covers the test pages. */
const mswWorker = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
function serveMswWorker(context, next) {
  if (context.path !== '/mockServiceWorker.js') return next();
  context.type = 'application/javascript';
  context.body = readFileSync(mswWorker);
}

/**
 * A real gateway on 127.0.0.1 beside the test server, for the end-to-end tests. `start` makes its
 * backend; tests reach it through executeServerCommand(`${name}`, {role, customerId}), which answers
 * its URL and tokens, and through the backend's own `commands`.
 */
function gatewayPlugin(name, start, commands) {
  const secret = 'end-to-end-secret-that-is-long-enough-to-sign';
  const audience = 'rapport-e2e';
  let server;
  let backend;
  return {
    name,
    async serverStart({config}) {
      backend = await start();
      const origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      server = await serveGateway(
        createGateway({
          adapter: backend.adapter,
          auth: {secret, audience},
          cors: {origins},
          rateLimit: false,
        }),
        {port: 0},
      );
    },
    async serverStop() {
      await server?.close();
    },
    async executeCommand({command, payload}) {
      if (command === name)
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
      return commands[command]?.(backend, payload);
    },
  };
}

/** The gateway over the memory backend. */
const memoryGateway = gatewayPlugin(
  'rapport-gateway',
  () => ({adapter: memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 50})}),
  {
    'rapport-gateway-faults': ({adapter}, faults) => {
      adapter.setFaults(faults ?? null);
      return true;
    },
    'rapport-gateway-subjects': ({adapter}, {prefix}) =>
      adapter.data.complaints.filter((c) => c.subject.startsWith(prefix)).map((c) => c.subject),
  },
);

/** The gateway over HubSpot, Zendesk and LoyaltyLion (each on its fake), composed. */
const severalSystemsGateway = gatewayPlugin('rapport-several-systems', severalSystems, {
  'rapport-several-systems-tickets': ({fakes}) =>
    fakes.zendesk.tickets.map((ticket) => ({
      subject: ticket.subject,
      requesterId: ticket.requester_id,
    })),
});

/** The gateway over Salesforce and LoyaltyLion (each on its fake), composed. */
const salesforceGateway = gatewayPlugin('rapport-salesforce', salesforceAndLoyalty, {
  'rapport-salesforce-customers': ({customerIds}) => customerIds,
  'rapport-salesforce-cases': ({fakes}) =>
    [...fakes.salesforce.cases.values()].map((c) => ({subject: c.Subject, contactId: c.ContactId})),
});

/** Zendesk's side of the Zendesk app's test, and the gateway's Zendesk helper. */
const zendeskApp = zendeskAppTest();

export default {
  files: [
    'packages/*/src/**/*.browser.test.ts',
    'packages/*/src/**/*.browser.test.tsx',
    'packages/widgets/src/**/*.test.ts',
    'packages/browser/src/**/*.test.ts',
    'examples/*/src/**/*.browser.test.ts',
    'hosts/*/src/**/*.browser.test.ts',
  ],
  nodeResolve: {browser: true},
  middleware: [serveMswWorker, serveTrustedTypes, zendeskApp.middleware],
  plugins: [
    esbuildPlugin({ts: true, tsx: true, tsconfig: 'tsconfig.base.json'}),
    reactAsEsm(new URL('packages/react', import.meta.url).pathname),
    memoryGateway,
    severalSystemsGateway,
    salesforceGateway,
    zendeskApp.plugin,
  ],
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
