// One page fed by three systems, for the end-to-end test: customers from HubSpot, complaints and
// interactions from Zendesk, loyalty from LoyaltyLion, each adapter on its vendor's fake, composed and
// served by a real gateway. The three systems know the same people by e-mail, so the e-mail is the
// customer id: HubSpot reads contacts by `idProperty: 'email'`, Zendesk looks users up by e-mail, and
// LoyaltyLion finds members by the e-mail of the HubSpot customer.
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';
import {loyaltyLionAdapter} from '@rapport/adapter-loyaltylion';
import {demoTiers, fakeLoyaltyLion} from '@rapport/adapter-loyaltylion/fake';
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
  const loyaltylion = fakeLoyaltyLion({
    customers: people.map((person, n) => ({
      id: 3001 + n,
      email: person.email,
      points_approved: person.points,
      points_spent: 0,
    })),
  });

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
    tiers: demoTiers.map((tier) => ({
      id: tier.id,
      name: tier.name,
      lowerBound: Number(tier.lower_bound),
    })),
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
