// The HTTP adapter, over a real gateway, over the memory backend, passes the adapter contract.
import {memoryAdapter} from '@rapport/adapter-memory';
import {httpAdapter} from '@rapport/adapter-http';
import {runAdapterConformance} from '@rapport/adapter-testkit';
import {createGateway, signAgentToken} from '@rapport/gateway';
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
      fetch: (input, init) => gateway(new Request(input, init)),
    });
  },
});
