// Pages fed by several systems, for the end-to-end tests: each vendor adapter on its vendor's fake,
// composed with composeAdapters and served by a real gateway. LoyaltyLion always finds members by the
// e-mail of the CRM's customer.
// - HubSpot customers, Zendesk complaints, LoyaltyLion points: the three know the same people by
//   e-mail, so the e-mail is the customer id (HubSpot reads contacts by `idProperty: 'email'`, Zendesk
//   looks users up by e-mail).
// - Salesforce contacts and Cases, LoyaltyLion points: the Salesforce contact id is the customer id.
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';
import {loyaltyLionAdapter} from '@rapport/adapter-loyaltylion';
import {demoTiers, fakeLoyaltyLion} from '@rapport/adapter-loyaltylion/fake';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {fakeContactId, fakeSalesforce} from '@rapport/adapter-salesforce/fake';
import {zendeskAdapter} from '@rapport/adapter-zendesk';
import {fakeZendesk} from '@rapport/adapter-zendesk/fake';
import {composeAdapters} from '@rapport/core';

const stamp = '2025-06-01T09:00:00.000Z';
/** The people the three systems share. */
export const people = [
  {email: 'mei.chen@example.com', given: 'Mei', family: 'Chen', points: 820, zendeskId: 2001},
  {
    email: 'ada.lovelace@example.com',
    given: 'Ada',
    family: 'Lovelace',
    points: 120,
    zendeskId: 2002,
  },
];

const tiers = demoTiers.map((tier) => ({
  id: tier.id,
  name: tier.name,
  lowerBound: Number(tier.lower_bound),
}));

/** The customers' LoyaltyLion members, by e-mail. */
const members = () =>
  fakeLoyaltyLion({
    customers: people.map((person, n) => ({
      id: 3001 + n,
      email: person.email,
      points_approved: person.points,
      points_spent: 0,
    })),
  });

/** HubSpot customers, Zendesk complaints and interactions, LoyaltyLion points: all keyed by e-mail. */
export async function severalSystems() {
  const hubspot = fakeHubSpot({
    contacts: people.map((person, n) => ({
      id: String(9100 + n),
      properties: {
        email: person.email,
        firstname: person.given,
        lastname: person.family,
        lifecyclestage: 'customer',
        createdate: stamp,
        lastmodifieddate: stamp,
      },
    })),
  });
  const zendesk = fakeZendesk({
    users: people.map((person) => ({
      id: person.zendeskId,
      name: `${person.given} ${person.family}`,
      email: person.email,
    })),
  });
  const loyaltylion = members();

  const customers = await hubspotAdapter({
    accessToken: 'e2e',
    idProperty: 'email',
    fetch: hubspot.fetch,
  });
  const complaints = await zendeskAdapter({
    baseUrl: zendesk.baseUrl,
    credentials: {email: 'e2e@example.com', apiToken: 'e2e'},
    lookUpBy: 'email',
    fetch: zendesk.fetch,
  });
  const loyalty = await loyaltyLionAdapter({
    apiKey: 'e2e',
    customers,
    tiers,
    fetch: loyaltylion.fetch,
  });
  return {
    adapter: composeAdapters({
      customers,
      complaints,
      interactions: complaints,
      loyaltyAccounts: loyalty,
    }),
    fakes: {hubspot, zendesk, loyaltylion},
  };
}

/** Salesforce contacts and Cases, LoyaltyLion points: the customer id is the Salesforce contact id. */
export async function salesforceAndLoyalty() {
  const salesforce = fakeSalesforce({
    contacts: people.map((person, n) => ({
      Id: fakeContactId(101 + n),
      FirstName: person.given,
      LastName: person.family,
      Email: person.email,
      CreatedDate: '2025-06-01T09:00:00.000+0000',
      LastModifiedDate: '2025-06-01T09:00:00.000+0000',
    })),
  });
  const loyaltylion = members();
  const crm = await salesforceAdapter({
    instanceUrl: salesforce.baseUrl,
    accessToken: 'e2e',
    fetch: salesforce.fetch,
  });
  const loyalty = await loyaltyLionAdapter({
    apiKey: 'e2e',
    customers: crm,
    tiers,
    fetch: loyaltylion.fetch,
  });
  return {
    adapter: composeAdapters({
      customers: crm,
      complaints: crm,
      interactions: crm,
      loyaltyAccounts: loyalty,
    }),
    fakes: {salesforce, loyaltylion},
    customerIds: people.map((_, n) => fakeContactId(101 + n)),
  };
}
