// The Salesforce adapter, on the stateful fake of Salesforce, passes the adapter contract, on an org
// with a Case Status for every complaint status, with customers named by 18- and by 15-character
// record ids, on an org with person accounts, and composed
// with the LoyaltyLion adapter: Salesforce customers, Cases and interactions, loyalty balances from
// the loyalty platform, which finds its members by the Salesforce contacts' e-mails.
import {after, before} from 'node:test';
import {setupServer} from 'msw/node';
import {loyaltyLionAdapter} from '@rapport/adapter-loyaltylion';
import {demoTiers, fakeLoyaltyLion} from '@rapport/adapter-loyaltylion/fake';
import {runAdapterConformance} from '@rapport/adapter-testkit';
import {composeAdapters} from '@rapport/core';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {demoContacts, fakeSalesforce, personAccountOf} from '@rapport/adapter-salesforce/fake';

const instanceUrl = 'https://fake.my.salesforce.com';
const fake = fakeSalesforce();
const personUrl = 'https://persons.my.salesforce.com';
const persons = fakeSalesforce({baseUrl: personUrl, personAccounts: true});
// An org whose Case Status picklist has a value for every complaint status.
const lifecycleUrl = 'https://lifecycle.my.salesforce.com';
const lifecycle = fakeSalesforce({
  baseUrl: lifecycleUrl,
  caseStatuses: [
    {value: 'New'},
    {value: 'Acknowledged'},
    {value: 'Working'},
    {value: 'Resolved'},
    {value: 'Closed', closed: true},
    {value: 'Rejected', closed: true},
  ],
});
const server = setupServer(...fake.handlers, ...persons.handlers, ...lifecycle.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

const loyalty = {points: 'Loyalty_Points__c', tier: 'Loyalty_Tier__c'};
const known = ['003FK0000000001YAA', '003FK0000000002YAA'];

/**
 * The default Case Status picklist has no value for acknowledged: acknowledge sets Working, which
 * reads back as in_progress, so the kit's acknowledge step runs on the org that has one (below).
 */
const skip = {
  'complaintUpdates.create.transitions':
    'the default Case Statuses (New, Working, Escalated, Closed) have none for acknowledged; checked on the life-cycle org',
};

runAdapterConformance({
  name: 'salesforce, a Case Status for every complaint status',
  knownCustomerIds: known,
  create: () =>
    salesforceAdapter({
      instanceUrl: lifecycleUrl,
      accessToken: 'session-test',
      statuses: {
        New: 'new',
        Acknowledged: 'acknowledged',
        Working: 'in_progress',
        Resolved: 'resolved',
        Closed: 'closed',
        Rejected: 'rejected',
      },
    }),
});

runAdapterConformance({
  name: 'salesforce',
  knownCustomerIds: known,
  create: () => salesforceAdapter({instanceUrl, accessToken: 'session-test', loyalty}),
  skip,
});

runAdapterConformance({
  name: 'salesforce, 15-character ids',
  knownCustomerIds: known.map((id) => id.slice(0, 15)),
  create: () => salesforceAdapter({instanceUrl, accessToken: 'session-test'}),
  skip,
});

runAdapterConformance({
  name: 'salesforce, person accounts',
  knownCustomerIds: known.map(personAccountOf),
  create: () =>
    salesforceAdapter({
      instanceUrl: personUrl,
      accessToken: 'session-test',
      customerObject: 'PersonAccount',
      loyalty,
    }),
  skip,
});

// LoyaltyLion knows the Salesforce fake's contacts by their e-mails.
const loyaltyLion = fakeLoyaltyLion({
  customers: demoContacts.map((contact, n) => ({
    id: 4001 + n,
    email: contact.Email!,
    points_approved: [1820, 240][n] ?? 0,
    points_spent: 0,
  })),
});
const tiers = demoTiers.map((tier) => ({
  id: tier.id,
  name: tier.name,
  lowerBound: Number(tier.lower_bound),
}));

runAdapterConformance({
  name: 'composed: salesforce customers, complaints and interactions, loyaltylion loyalty',
  knownCustomerIds: known,
  create: async () => {
    // Through its own fetch: the Salesforce adapter here does not depend on msw's interception.
    const salesforce = await salesforceAdapter({
      instanceUrl: fake.baseUrl,
      accessToken: 'session-test',
      fetch: fake.fetch,
    });
    return composeAdapters({
      customers: salesforce,
      complaints: salesforce,
      interactions: salesforce,
      complaintUpdates: salesforce,
      loyaltyAccounts: await loyaltyLionAdapter({
        apiKey: 'pat_test',
        customers: salesforce,
        tiers,
        fetch: loyaltyLion.fetch,
      }),
    });
  },
  skip,
});
