// Section 8, in Node: the calls a page of N cards costs at the vendor, through the client and each
// vendor adapter on its fake (the fakes answer in the recorded shapes and count every request). After a
// 429, the adapter must send nothing until the delay the vendor asked for has passed.
import {createClient, isRapportError} from '@rapport/core';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {fakeContactId, fakeSalesforce} from '@rapport/adapter-salesforce/fake';
import {zendeskAdapter} from '@rapport/adapter-zendesk';
import {fakeZendesk} from '@rapport/adapter-zendesk/fake';

const sizes = [1, 10, 100, 250, 1000];
const largest = Math.max(...sizes);
const stamp = '2026-01-05T09:00:00.000Z';

/** Each vendor: a fake with `count` customers, the adapter on it, and the endpoint a batch read calls. */
const vendors = {
  'HubSpot contacts': {
    batchEndpoint: 'POST /crm/v3/objects/:objectType/batch/read',
    async start(count) {
      const fake = fakeHubSpot({
        contacts: Array.from({length: count}, (_, n) => ({
          id: String(5000 + n),
          properties: {
            firstname: `Guest ${n}`,
            lastname: 'Bench',
            email: `guest${n}@example.com`,
            createdate: stamp,
            lastmodifieddate: stamp,
          },
        })),
      });
      const adapter = await hubspotAdapter({accessToken: 'bench', fetch: fake.fetch});
      return {fake, adapter, ids: [...fake.contacts.keys()]};
    },
    limit: (fake) => fake.setFaults({rate: 1, kinds: ['rate_limit']}),
  },
  'Salesforce contacts': {
    batchEndpoint: 'GET /query',
    async start(count) {
      const fake = fakeSalesforce({
        contacts: Array.from({length: count}, (_, n) => ({
          Id: fakeContactId(5000 + n),
          FirstName: `Guest ${n}`,
          LastName: 'Bench',
          Email: `guest${n}@example.com`,
        })),
      });
      const adapter = await salesforceAdapter({
        instanceUrl: fake.baseUrl,
        accessToken: 'bench',
        fetch: fake.fetch,
      });
      return {fake, adapter, ids: [...fake.contacts.keys()]};
    },
    // ConcurrentPerOrgLongTxn: Salesforce's short limit (REQUEST_LIMIT_EXCEEDED waits an hour).
    limit: (fake) => fake.setFaults({rate: 1, kinds: ['concurrent_limit']}),
  },
  'Zendesk users': {
    batchEndpoint: 'GET /api/v2/users/show_many.json',
    async start(count) {
      const fake = fakeZendesk({
        users: Array.from({length: count}, (_, n) => ({
          id: 7000 + n,
          name: `Guest ${n}`,
          email: `guest${n}@example.com`,
        })),
      });
      const adapter = await zendeskAdapter({
        baseUrl: fake.baseUrl,
        credentials: {email: 'bench@example.com', apiToken: 'bench'},
        fetch: fake.fetch,
      });
      return {fake, adapter, ids: fake.users.map((user) => String(user.id))};
    },
    limit: (fake) => fake.setFaults({rate: 1, kinds: ['rate_limit'], retryAfterSeconds: 30}),
  },
};

const total = (calls) => Object.values(calls).reduce((sum, n) => sum + n, 0);
const clear = (calls) => {
  for (const key of Object.keys(calls)) delete calls[key];
};

/** Rows of calls per page size for each vendor, and what happens after a 429. */
export async function vendorCalls() {
  const rows = [];
  const afterLimit = [];
  for (const [vendor, setup] of Object.entries(vendors)) {
    const {fake, adapter, ids} = await setup.start(largest);
    for (const cards of sizes) {
      clear(fake.calls);
      // A fresh client per page: nothing cached, every card asks for its own customer in one task.
      const client = createClient(adapter);
      const answers = await Promise.all(
        ids.slice(0, cards).map((id) => client.read('customers', id)),
      );
      rows.push({
        vendor,
        cards,
        calls: total(fake.calls),
        batchCalls: fake.calls[setup.batchEndpoint] ?? 0,
        maxBatch: adapter.capabilities.maxBatchSize,
        expected: Math.ceil(cards / adapter.capabilities.maxBatchSize),
        found: answers.filter(Boolean).length,
      });
    }

    // One 429, then a page of cards asking again at once: nothing may reach the vendor.
    clear(fake.calls);
    setup.limit(fake);
    const read = adapter.resources.customers.read;
    const first = await read(ids.slice(0, 10)).catch((error) => error);
    fake.setFaults(null);
    const callsBefore = total(fake.calls);
    const again = await Promise.all(
      Array.from({length: 20}, () => read(ids.slice(0, 10)).catch((error) => error)),
    );
    afterLimit.push({
      vendor,
      retryAfterMs: isRapportError(first, 'rate_limited') ? first.retryAfterMs : undefined,
      retriesRefused: again.filter((e) => isRapportError(e, 'rate_limited')).length,
      callsDuringDelay: total(fake.calls) - callsBefore,
    });
  }
  return {rows, afterLimit};
}
