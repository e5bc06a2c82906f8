// The LoyaltyLion adapter, on the stateful fake of LoyaltyLion, passes the adapter contract: alone
// (it serves loyalty accounts only, so the kit checks those reads and describeFields), and composed
// with the memory adapter for customers, complaints and interactions, the page the adapter is for.
// The fake answers in the shapes of LoyaltyLion's documented examples, not a recording of its API.
import {memoryAdapter} from '@rapport/adapter-memory';
import {runAdapterConformance} from '@rapport/adapter-testkit';
import {composeAdapters} from '@rapport/core';
import {loyaltyLionAdapter} from '@rapport/adapter-loyaltylion';
import {demoTiers, fakeLoyaltyLion} from '@rapport/adapter-loyaltylion/fake';

const asOf = new Date('2026-11-01T00:00:00Z');
// The memory adapter's demo customers c-001 and c-002 are the fake's demo members, by e-mail.
const knownCustomerIds = ['c-001', 'c-002'];
const fake = fakeLoyaltyLion();
const tiers = demoTiers.map((t) => ({id: t.id, name: t.name, lowerBound: Number(t.lower_bound)}));
const crm = () => memoryAdapter({asOf, size: 10});

runAdapterConformance({
  name: 'loyaltylion',
  knownCustomerIds,
  create: () =>
    loyaltyLionAdapter({apiKey: 'pat_test', customers: crm(), tiers, fetch: fake.fetch}),
});

runAdapterConformance({
  name: 'composed: memory customers, complaints and interactions, loyaltylion loyalty',
  knownCustomerIds,
  create: async () => {
    const memory = crm();
    return composeAdapters({
      customers: memory,
      complaints: memory,
      interactions: memory,
      loyaltyAccounts: await loyaltyLionAdapter({
        apiKey: 'pat_test',
        customers: memory,
        tiers,
        fetch: fake.fetch,
      }),
    });
  },
});
