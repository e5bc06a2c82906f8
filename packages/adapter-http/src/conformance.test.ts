// The HTTP adapter, over a real gateway, over the memory backend, passes the adapter contract.
import {memoryAdapter} from '@rapport/adapter-memory';
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
  knownCustomerIds: ['c-001', 'c-002'],
  create: () => {
    const gateway = createGateway({
      adapter: memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 30}),
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
