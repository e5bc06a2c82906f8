// HubSpot keeps every value as a string or null; the adapter reads them into the model's types by
// the property definitions it fetched at start-up.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setupServer} from 'msw/node';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';

const fake = fakeHubSpot();
const server = setupServer(...fake.handlers);
before(() => server.listen({onUnhandledRequest: 'error'}));
after(() => server.close());

const read = async (id: string) => {
  const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
  const [entry] = await hubspot.resources.customers!.read([id]);
  return entry!.record!;
};

describe('values by property type', () => {
  it('parses numbers, "true", ISO and epoch-ms dates, "a;b" and enumerations', async () => {
    const mei = await read('101');
    assert.deepEqual(mei.customFields, {
      customer_number: 'CN-0101',
      loyalty_points: 2450,
      loyalty_tier: 'gold',
      member_since: '2024-03-02',
      newsletter: true,
      interests: ['tea', 'cakes'],
      last_order_at: '2026-10-28T11:05:00.000Z',
      preferred_store: 'shanghai',
    });
  });

  it('reads "false", an ISO date, an empty multi-checkbox and an epoch-ms datetime', async () => {
    const oliver = await read('102');
    assert.equal(oliver.customFields.newsletter, false);
    assert.equal(oliver.customFields.member_since, '2024-11-20');
    assert.deepEqual(oliver.customFields.interests, null, 'HubSpot\'s "" is no value');
    assert.equal(oliver.customFields.last_order_at, new Date(1761650700000).toISOString());
  });

  it('gives null for properties with no value', async () => {
    const ada = await read('103');
    assert.deepEqual(
      [ada.customFields.loyalty_points, ada.customFields.newsletter, ada.customFields.interests],
      [null, null, null],
    );
  });

  it('maps the standard properties onto the model', async () => {
    const mei = await read('101');
    assert.deepEqual(
      {
        displayName: mei.displayName,
        name: mei.name,
        email: mei.email,
        phone: mei.phone,
        company: mei.company,
        locale: mei.locale,
        lifecycleStage: mei.lifecycleStage,
        ownerId: mei.ownerId,
        createdAt: mei.createdAt,
      },
      {
        displayName: 'Mei Chen',
        name: {given: 'Mei', family: 'Chen'},
        email: 'mei.chen@example.com',
        phone: '+8613800138000',
        company: 'Jade Tea House',
        locale: 'zh-CN',
        lifecycleStage: 'transact',
        ownerId: '7001',
        createdAt: '2024-03-02T08:15:00.000Z',
      },
    );
    const oliver = await read('102');
    assert.deepEqual(
      [oliver.lifecycleStage, oliver.phone, oliver.company],
      ['loyal', undefined, undefined],
      'an evangelist is loyal; null and "" leave fields out',
    );
    assert.equal((await read('103')).lifecycleStage, 'attract', 'a lead is still being attracted');
  });

  it('reads loyalty from the contact properties named in options', async () => {
    const hubspot = await hubspotAdapter({
      accessToken: 'pat-test',
      loyalty: {points: 'loyalty_points', tier: 'loyalty_tier'},
    });
    const entries = await hubspot.resources.loyaltyAccounts!.read(['101', '103']);
    const mei = entries.find((e) => e.id === '101')!.record!;
    assert.deepEqual([mei.balance, mei.tierId, mei.tierName], [2450, 'gold', 'Gold']);
    assert.equal(entries.find((e) => e.id === '103')!.record, null, 'no points: no account');
  });

  it('describes custom properties as typed fields with their options', async () => {
    const hubspot = await hubspotAdapter({accessToken: 'pat-test'});
    const catalog = await hubspot.describeFields('customer');
    const field = (path: string) => catalog.fields.find((f) => f.path === path);
    assert.deepEqual(
      [
        field('customFields.loyalty_points')?.type,
        field('customFields.member_since')?.type,
        field('customFields.newsletter')?.type,
        field('customFields.interests')?.type,
        field('customFields.last_order_at')?.type,
      ],
      ['number', 'date', 'boolean', 'multiselect', 'datetime'],
    );
    assert.deepEqual(field('customFields.preferred_store'), {
      path: 'customFields.preferred_store',
      label: 'Preferred store',
      type: 'select',
      custom: true,
      options: [
        {value: 'shanghai', label: 'Shanghai Jing’an'},
        {value: 'london', label: 'London Soho'},
      ],
    });
    assert.equal(field('email')?.label, 'Email', "the portal's own label");
    const complaint = await hubspot.describeFields('complaint');
    assert.deepEqual(
      complaint.fields.filter((f) => f.custom).map((f) => f.path),
      ['customFields.order_number'],
      "the adapter's own ticket properties are not fields",
    );
  });
});
