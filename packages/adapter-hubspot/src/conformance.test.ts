// The HubSpot adapter, on the stateful fake of HubSpot, passes the adapter contract; composed with
// the memory adapter for loyalty, so does the page that takes points from elsewhere.
import {after, before} from 'node:test';
import {setupServer} from 'msw/node';
import {memoryAdapter} from '@rapport/adapter-memory';
import {runAdapterConformance} from '@rapport/adapter-testkit';
import {composeAdapters} from '@rapport/core';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';

const fake = fakeHubSpot();
// A portal whose contacts carry the memory backend's customer ids in a unique property, so one id
// names the same customer on both sides.
const composedUrl = 'https://composed.hubspot.test';
const portal = fakeHubSpot({
  baseUrl: composedUrl,
  contacts: ['c-001', 'c-002'].map((id, n) => ({
    id: String(301 + n),
    properties: {
      firstname: `Member ${n + 1}`,
      email: `member${n + 1}@example.com`,
      customer_number: id,
    },
  })),
});
const server = setupServer(...fake.handlers, ...portal.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

const loyalty = {points: 'loyalty_points', tier: 'loyalty_tier'};

runAdapterConformance({
  name: 'hubspot',
  knownCustomerIds: ['101', '102'],
  create: () => hubspotAdapter({accessToken: 'pat-test', loyalty}),
});

runAdapterConformance({
  name: 'hubspot, customers by a unique property',
  knownCustomerIds: ['CN-0101', 'GB-0102'],
  create: () => hubspotAdapter({accessToken: 'pat-test', idProperty: 'customer_number'}),
});

runAdapterConformance({
  name: 'composed: hubspot customers and complaints, memory loyalty',
  knownCustomerIds: ['c-001', 'c-002'],
  create: async () => {
    const hubspot = await hubspotAdapter({
      accessToken: 'pat-test',
      baseUrl: composedUrl,
      idProperty: 'customer_number',
    });
    return composeAdapters({
      customers: hubspot,
      complaints: hubspot,
      interactions: hubspot,
      loyaltyAccounts: memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 10}),
    });
  },
});
