// The fake reads like the other vendor fakes: `baseUrl`, a `fetch` that leaves the global one alone,
// `faulted` per kind, `reset()`, and contacts seeded with e-mails for end-to-end tests.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {
  demoContacts,
  fakeContactId,
  fakeFaultKinds,
  fakeSalesforce,
  type SeedContact,
} from '@rapport/adapter-salesforce/fake';

const complaint = {
  channel: 'web',
  category: 'delivery',
  severity: 'medium',
  subject: 'Parcel late',
  description: 'It has not arrived.',
} as const;

describe('fakeSalesforce', () => {
  it('answers at its baseUrl through its own fetch, without patching the global fetch', async () => {
    const globalFetch = globalThis.fetch;
    const fake = fakeSalesforce({baseUrl: 'https://acme.my.salesforce.com/'});
    assert.equal(fake.baseUrl, 'https://acme.my.salesforce.com');
    assert.equal(globalThis.fetch, globalFetch);
    const salesforce = await salesforceAdapter({
      instanceUrl: fake.baseUrl,
      accessToken: 'test',
      fetch: fake.fetch,
    });
    const [mei] = await salesforce.resources.customers!.read(['003FK0000000001YAA']);
    assert.equal(mei!.record?.displayName, 'Mei Chen');
    assert.equal(fakeSalesforce().baseUrl, 'https://fake.my.salesforce.com', 'the default');
  });

  it('counts injected faults per kind, and reset() forgets them with the Cases and calls', async () => {
    const fake = fakeSalesforce();
    assert.deepEqual(Object.keys(fake.faulted), [...fakeFaultKinds]);
    assert.ok(
      fakeFaultKinds.includes('server_error') &&
        fakeFaultKinds.includes('server_error_after_write'),
    );
    const salesforce = await salesforceAdapter({
      instanceUrl: fake.baseUrl,
      accessToken: 'test',
      fetch: fake.fetch,
    });
    fake.setFaults({rate: 1, kinds: ['server_error_after_write']});
    await assert.rejects(
      salesforce.resources.complaints!.create(
        {...complaint, contact: {name: 'Ada', email: 'ada@example.com'}},
        {idempotencyKey: 'k-1'},
      ),
    );
    fake.setFaults(null);
    assert.ok(fake.faulted.server_error_after_write >= 1, 'the dangerous kind counted');
    assert.equal(fake.faulted.server_error, 0);
    assert.equal(fake.cases.size, 3, 'the Case was stored before the 500');
    fake.reset();
    assert.deepEqual(
      Object.values(fake.faulted),
      fakeFaultKinds.map(() => 0),
    );
    assert.equal(fake.cases.size, 2, 'back to the seeded Cases');
    assert.deepEqual(fake.calls, {});
  });

  it('seeds contacts with e-mails, for an end-to-end test', async () => {
    const emails: (string | null | undefined)[] = demoContacts.map((c) => c.Email);
    assert.deepEqual(emails, ['mei.chen@example.com', 'tunde@example.com']);
    const people: SeedContact[] = [
      {Id: fakeContactId(41), FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com'},
    ];
    assert.equal(people[0]!.Id, '003FK0000000041YAA');
    const fake = fakeSalesforce({contacts: people});
    const salesforce = await salesforceAdapter({
      instanceUrl: fake.baseUrl,
      accessToken: 'test',
      fetch: fake.fetch,
    });
    const [ada] = await salesforce.resources.customers!.read([fakeContactId(41)]);
    assert.equal(ada!.record?.email, 'ada@example.com');
    assert.equal(ada!.record?.displayName, 'Ada Lovelace');
    const page = await salesforce.resources.complaints!.list(fakeContactId(41), {});
    assert.deepEqual(page.items, [], 'no seeded Cases');
  });
});
