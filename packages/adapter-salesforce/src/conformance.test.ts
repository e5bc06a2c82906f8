// The Salesforce adapter, on the stateful fake of Salesforce, passes the adapter contract, with
// customers named by 18- and by 15-character record ids.
import {after, before} from 'node:test';
import {setupServer} from 'msw/node';
import {runAdapterConformance} from '@rapport/adapter-testkit';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {fakeSalesforce, personAccountOf} from '@rapport/adapter-salesforce/fake';

const instanceUrl = 'https://fake.my.salesforce.com';
const fake = fakeSalesforce();
const personUrl = 'https://persons.my.salesforce.com';
const persons = fakeSalesforce({instanceUrl: personUrl, personAccounts: true});
const server = setupServer(...fake.handlers, ...persons.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

const loyalty = {points: 'Loyalty_Points__c', tier: 'Loyalty_Tier__c'};
const known = ['003FK0000000001AAA', '003FK0000000002AAA'];

runAdapterConformance({
  name: 'salesforce',
  knownCustomerIds: known,
  create: () => salesforceAdapter({instanceUrl, accessToken: 'session-test', loyalty}),
});

runAdapterConformance({
  name: 'salesforce, 15-character ids',
  knownCustomerIds: known.map((id) => id.slice(0, 15)),
  create: () => salesforceAdapter({instanceUrl, accessToken: 'session-test'}),
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
});
