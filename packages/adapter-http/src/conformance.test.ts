// The HTTP adapter, over a real gateway, over the memory backend, passes the adapter contract.
import {createDemoData, memoryAdapter} from '@rapport/adapter-memory';
import {httpAdapter} from '@rapport/adapter-http';
import {runAdapterConformance} from '@rapport/adapter-testkit';
import {createGateway, signAgentToken, signCustomerToken} from '@rapport/gateway';
import {defaultCustomization} from '@rapport/schema';

const secret = 'conformance-secret-that-is-long-enough-to-sign';
const audience = 'https://gateway.test';
// The kit writes "conformance" into a custom text field; the default document wants an order number
// there (SO-123456), and the gateway enforces the document, so this one drops that pattern.
const customization = structuredClone(defaultCustomization);
delete customization.fields.orderNumber!.validation!.pattern;

// The backend's clock starts at the demo data's date and runs from there, so the points the data
// holds are the points a redemption can spend (a month later many would have expired).
const asOf = new Date('2026-11-01T00:00:00Z');
const started = Date.now();
// The two members with the most points, so the kit's redemptions (a few in a row, and presses at
// once) have points to spend; the kit builds every other input from what the backend holds.
const knownCustomerIds = [...createDemoData({asOf, size: 30}).accounts]
  .sort((a, b) => b.balance - a.balance)
  .slice(0, 2)
  .map((account) => account.customerId);

const token = await signAgentToken({
  agentId: 'kit',
  roles: ['supervisor'],
  key: {secret},
  audience,
});

/**
 * Survey answers come from customers only (the gateway refuses a staff token): the kit's answers go
 * with the token of the customer they are for, as the survey widget's would.
 */
async function asTheCustomer(request: Request): Promise<Request> {
  if (request.method !== 'POST' || !request.url.endsWith('/v1/survey-answers')) return request;
  const body = (await request.clone().json()) as {customerId?: unknown};
  if (typeof body.customerId !== 'string') return request;
  const headers = new Headers(request.headers);
  headers.set(
    'authorization',
    `Bearer ${await signCustomerToken({customerId: body.customerId, key: {secret}, audience})}`,
  );
  return new Request(request, {headers});
}

runAdapterConformance({
  name: 'http → gateway → memory',
  knownCustomerIds,
  create: () => {
    const gateway = createGateway({
      adapter: memoryAdapter({asOf, size: 30, now: () => asOf.getTime() + (Date.now() - started)}),
      auth: {secret, audience},
      customization,
      rateLimit: false,
    });
    return httpAdapter({
      url: 'http://gateway.test',
      getToken: () => token,
      fetch: async (input, init) => gateway(await asTheCustomer(new Request(input, init))),
    });
  },
});
