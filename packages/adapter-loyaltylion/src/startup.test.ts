// A wrong option fails at start-up, with a message naming the option and the fix. The fake answers in
// the shapes of LoyaltyLion's documented examples, not a recording of its API.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {runPingConformance} from '@rapport/adapter-testkit';
import {memoryAdapter} from '@rapport/adapter-memory';
import {composeAdapters, isRapportError} from '@rapport/core';
import {loyaltyLionAdapter, type LoyaltyLionAdapterOptions} from '@rapport/adapter-loyaltylion';
import {demoTiers, fakeLoyaltyLion} from '@rapport/adapter-loyaltylion/fake';

const fake = fakeLoyaltyLion({apiKeys: ['pat_right'], tokenSecret: {token: 't0k', secret: 's3c'}});
const memory = memoryAdapter({asOf: new Date('2026-11-01T00:00:00Z'), size: 5});
const tiers = demoTiers.map((t) => ({id: t.id, name: t.name, lowerBound: Number(t.lower_bound)}));
const base: LoyaltyLionAdapterOptions = {
  apiKey: 'pat_right',
  customers: memory,
  tiers,
  fetch: fake.fetch,
};

async function refused(
  options: Partial<LoyaltyLionAdapterOptions>,
  option: string,
  message: RegExp,
) {
  let error: unknown;
  try {
    await loyaltyLionAdapter(options as LoyaltyLionAdapterOptions);
  } catch (e) {
    error = e;
  }
  assert.ok(isRapportError(error, 'invalid_input'), `invalid_input, got ${String(error)}`);
  assert.equal(error.details.option, option);
  assert.ok(option in error.fields, `fields name ${option}`);
  assert.match(error.message, new RegExp(`^loyaltyLionAdapter: option ${option}: `));
  assert.match(error.message, message);
}

describe('start-up checks', () => {
  it('refuses missing or half credentials before calling LoyaltyLion', async () => {
    const calls = {...fake.calls};
    const {apiKey: _, ...noKey} = base;
    await refused(noKey, 'apiKey', /give apiKey \(an API key, pat_…, from Manage → API keys/);
    await refused({...noKey, token: 't0k'}, 'secret', /needs both token and secret/);
    await refused({...noKey, secret: 's3c'}, 'token', /needs both token and secret/);
    await refused({...base, token: 't0k', secret: 's3c'}, 'apiKey', /not both/);
    assert.deepEqual(fake.calls, calls, 'no call reached LoyaltyLion');
  });

  it('needs an adapter that reads customers, to find members by e-mail', async () => {
    const {customers: _, ...noCrm} = base;
    await refused(noCrm, 'customers', /needs the adapter that serves customers/);
    const loyaltyOnly = composeAdapters({loyaltyAccounts: memory});
    await refused(
      {...base, customers: loyaltyOnly},
      'customers',
      /the loyaltyAccounts: memory adapter does not read customers/,
    );
  });

  it('checks the tiers: one from 0, no two from the same bound', async () => {
    await refused({...base, tiers: tiers.slice(1)}, 'tiers', /need one tier with lowerBound 0/);
    await refused(
      {...base, tiers: [...tiers, {id: 9, name: 'Again', lowerBound: 500}]},
      'tiers',
      /tiers\.9\.lowerBound: is the same as tier 7102's/,
    );
  });

  it('keeps a batch within what the customers adapter reads', async () => {
    await refused({...base, maxBatchSize: 0}, 'maxBatchSize', /from 1 to 50/);
    await refused({...base, maxBatchSize: 51}, 'maxBatchSize', /the memory adapter's batch size/);
    await refused({...base, concurrency: 50}, 'concurrency', /from 1 to 20/);
  });

  it('names a tier LoyaltyLion members hold that the option leaves out, and how to list it', async () => {
    await refused(
      {...base, tiers: tiers.filter((t) => t.name !== 'Gold')},
      'tiers',
      /LoyaltyLion has tier 7103 "Gold" from 1500\.0, which the option does not list; .*\{id: 7103, name: "Gold", lowerBound: 1500\}/,
    );
    await refused(
      {...base, tiers: tiers.map((t) => (t.name === 'Silver' ? {...t, lowerBound: 400} : t))},
      'tiers',
      /tier 7102 "Silver" from 500\.0, not from 400/,
    );
    const {tiers: _, ...noTiers} = base;
    await refused(noTiers, 'tiers', /which the option does not list/);
  });

  it('passes on LoyaltyLion refusing the key at start-up', async () => {
    await assert.rejects(loyaltyLionAdapter({...base, apiKey: 'pat_wrong'}), (e) =>
      isRapportError(e, 'unauthorized'),
    );
  });

  it('starts with an API key, or with the deprecated token and secret', async () => {
    const {apiKey: _, ...noKey} = base;
    for (const options of [base, {...noKey, token: 't0k', secret: 's3c'}]) {
      const loyalty = await loyaltyLionAdapter(options);
      assert.deepEqual(loyalty.capabilities, {
        maxBatchSize: 50, // the memory adapter's
        entities: ['loyalty'],
        customFieldsWritable: false,
      });
      assert.deepEqual(Object.keys(loyalty.resources), ['loyaltyAccounts']);
    }
  });

  runPingConformance({
    name: 'loyaltylion',
    fetch: fake.fetch,
    start: ({fetch, now}) => loyaltyLionAdapter({...base, fetch, now}),
  });
});
