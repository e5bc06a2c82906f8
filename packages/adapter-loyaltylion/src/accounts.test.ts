// How LoyaltyLion members become Rapport loyalty accounts: found by exactly their customer's e-mail
// (LoyaltyLion's filter matches substrings), points and tier mapped, non-members null. The fake
// answers in the shapes of LoyaltyLion's documented examples, not a recording of its API.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  composeAdapters,
  RapportError,
  type CrmAdapter,
  type Customer,
  type LoyaltyAccount,
} from '@rapport/core';
import {loyaltyLionAdapter, type LoyaltyLionAdapterOptions} from '@rapport/adapter-loyaltylion';
import {
  demoTiers,
  fakeLoyaltyLion,
  type FakeMemberSeed,
  type FakeLoyaltyLion,
} from '@rapport/adapter-loyaltylion/fake';

const tiers = demoTiers.map((t) => ({id: t.id, name: t.name, lowerBound: Number(t.lower_bound)}));

/** A CRM that knows customers by id and e-mail only (what the adapter reads from it). */
function crm(emails: Record<string, string | undefined>, maxBatchSize = 50): CrmAdapter {
  return {
    name: 'stub-crm',
    capabilities: {maxBatchSize, entities: ['customer'], customFieldsWritable: false},
    resources: {
      customers: {
        read: async (keys) =>
          keys.map((id) => ({
            id,
            record: id in emails ? ({id, email: emails[id]} as unknown as Customer) : null,
          })),
      },
    },
    describeFields: async () => ({entity: 'customer', fields: []}),
  };
}

async function setup(
  members: readonly FakeMemberSeed[],
  emails: Record<string, string | undefined>,
  extra: Partial<LoyaltyLionAdapterOptions> = {},
): Promise<{
  fake: FakeLoyaltyLion;
  read: (ids: string[]) => Promise<Map<string, LoyaltyAccount | null>>;
}> {
  const fake = fakeLoyaltyLion({customers: members});
  const adapter = await loyaltyLionAdapter({
    apiKey: 'pat_test',
    customers: crm(emails),
    tiers,
    fetch: fake.fetch,
    ...extra,
  });
  fake.emailQueries.length = 0;
  return {
    fake,
    read: async (ids) =>
      new Map((await adapter.resources.loyaltyAccounts!.read(ids)).map((e) => [e.id, e.record])),
  };
}

describe('finding the member by e-mail', () => {
  it('matches the e-mail exactly: jo@x.com is not ajo@x.com, though LoyaltyLion returns both', async () => {
    const {fake, read} = await setup(
      [
        {id: 1, email: 'ajo@x.com', points_approved: 999},
        {id: 2, email: 'jo@x.com.au', points_approved: 888},
      ],
      {jo: 'jo@x.com'},
    );
    assert.equal((await read(['jo'])).get('jo'), null, 'only substring matches: not a member');
    assert.deepEqual(fake.emailQueries, ['jo@x.com'], 'one request, by the e-mail');

    fake.customers.set(3, {
      ...fake.customers.get(1)!,
      id: 3,
      email: 'jo@x.com',
      points_approved: 7,
    });
    assert.equal(
      (await read(['jo'])).get('jo')?.balance,
      7,
      'the exact match among the substrings',
    );
  });

  it('ignores the case of e-mails', async () => {
    const {read} = await setup([{email: 'Jo@X.com', points_approved: 5}], {jo: 'jo@x.COM'});
    assert.equal((await read(['jo'])).get('jo')?.balance, 5);
  });

  it('finds the exact match on a later page of substring matches', async () => {
    const decoys = Array.from({length: 120}, (_, n) => ({id: n + 1, email: `a${n}jo@x.com`}));
    const {fake, read} = await setup(
      [...decoys, {id: 500, email: 'jo@x.com', points_approved: 42}],
      {jo: 'jo@x.com'},
    );
    assert.equal((await read(['jo'])).get('jo')?.balance, 42);
    assert.equal(fake.emailQueries.length, 2, 'two pages of 100');
  });

  it('prefers the member whose merchant id is the CRM id, then an enrolled account over a guest', async () => {
    const {read} = await setup(
      [
        {id: 1, email: 'jo@x.com', merchant_id: 'other', points_approved: 1},
        {id: 2, email: 'jo@x.com', merchant_id: 'jo', points_approved: 2, guest: true},
        {id: 3, email: 'ann@x.com', merchant_id: 'g1', points_approved: 3, guest: true},
        {id: 4, email: 'ann@x.com', merchant_id: 'g2', points_approved: 4},
      ],
      {jo: 'jo@x.com', ann: 'ann@x.com'},
    );
    const accounts = await read(['jo', 'ann']);
    assert.equal(accounts.get('jo')?.balance, 2, 'merchant_id equal to the CRM id wins');
    assert.equal(accounts.get('ann')?.balance, 4, 'the account wins over the guest');
  });

  it('answers null, without asking LoyaltyLion, for a customer without an e-mail or unknown to the CRM', async () => {
    const {fake, read} = await setup([{email: 'jo@x.com'}], {noEmail: undefined});
    const accounts = await read(['noEmail', 'stranger']);
    assert.deepEqual([...accounts.values()], [null, null]);
    assert.deepEqual(fake.emailQueries, []);
  });

  it("passes on the CRM's refusal of one customer, without asking LoyaltyLion", async () => {
    const fake = fakeLoyaltyLion({customers: [{email: 'jo@x.com'}]});
    const refusal = new RapportError('forbidden', 'not yours');
    const stub = crm({});
    const adapter = await loyaltyLionAdapter({
      apiKey: 'pat_test',
      tiers,
      fetch: fake.fetch,
      customers: {
        ...stub,
        resources: {
          customers: {read: async (keys) => keys.map((id) => ({id, record: null, error: refusal}))},
        },
      },
    });
    fake.emailQueries.length = 0;
    const [entry] = await adapter.resources.loyaltyAccounts!.read(['jo']);
    assert.deepEqual(entry, {id: 'jo', record: null, error: refusal});
    assert.deepEqual(fake.emailQueries, []);
  });

  it('answers null for a customer who never enrolled', async () => {
    const {read} = await setup([{email: 'jo@x.com', enrolled: false, guest: true}], {
      jo: 'jo@x.com',
    });
    assert.equal((await read(['jo'])).get('jo'), null);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const members = Array.from({length: 12}, (_, n) => ({email: `m${n}@x.com`}));
    const emails = Object.fromEntries(members.map((m, n) => [`c${n}`, m.email]));
    const fake = fakeLoyaltyLion({customers: members});
    let inFlight = 0;
    let most = 0;
    const adapter = await loyaltyLionAdapter({
      apiKey: 'pat_test',
      customers: crm(emails),
      tiers,
      concurrency: 3,
      fetch: async (input, init) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        try {
          return await fake.fetch(input, init);
        } finally {
          inFlight--;
        }
      },
    });
    most = 0;
    const entries = await adapter.resources.loyaltyAccounts!.read(Object.keys(emails));
    assert.equal(entries.filter((e) => e.record).length, 12);
    assert.equal(most, 3);
  });
});

describe('batch size', () => {
  const start = (maxBatchSize: number, extra: Partial<LoyaltyLionAdapterOptions> = {}) =>
    loyaltyLionAdapter({
      apiKey: 'pat_test',
      customers: crm({}, maxBatchSize),
      tiers,
      fetch: fakeLoyaltyLion({customers: []}).fetch,
      ...extra,
    });

  it("defaults to the CRM adapter's batch size, so composing does not shrink the CRM's reads", async () => {
    for (const size of [1, 25, 50, 100]) {
      const adapter = await start(size);
      assert.equal(adapter.capabilities.maxBatchSize, size, `a CRM reading ${size} at a time`);
      const composed = composeAdapters({
        customers: crm({}, size),
        loyaltyAccounts: adapter,
      });
      assert.equal(composed.capabilities.maxBatchSize, size, 'the merged batch is the CRM one');
    }
  });

  it('caps the default at 100, and an explicit maxBatchSize still wins', async () => {
    assert.equal((await start(250)).capabilities.maxBatchSize, 100);
    assert.equal((await start(250, {maxBatchSize: 200})).capabilities.maxBatchSize, 200);
    assert.equal((await start(100, {maxBatchSize: 10})).capabilities.maxBatchSize, 10);
  });

  it('reads a default-sized batch of 100 with at most `concurrency` requests in flight', async () => {
    const members = Array.from({length: 100}, (_, n) => ({email: `m${n}@x.com`}));
    const emails = Object.fromEntries(members.map((m, n) => [`c${n}`, m.email]));
    const fake = fakeLoyaltyLion({customers: members});
    let inFlight = 0;
    let most = 0;
    const adapter = await loyaltyLionAdapter({
      apiKey: 'pat_test',
      customers: crm(emails, 100),
      tiers,
      fetch: async (input, init) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        try {
          return await fake.fetch(input, init);
        } finally {
          inFlight--;
        }
      },
    });
    most = 0;
    fake.emailQueries.length = 0;
    const entries = await adapter.resources.loyaltyAccounts!.read(Object.keys(emails));
    assert.equal(entries.filter((e) => e.record).length, 100);
    assert.equal(fake.emailQueries.length, 100, 'one request per e-mail');
    assert.equal(most, 5, 'pooled at the default concurrency');
  });
});

describe('mapping a member to a loyalty account', () => {
  it('maps points and the way to the next tier (the demo member of c-001)', async () => {
    const {read} = await setup(
      [{email: 'jo@x.com', points_approved: 640, points_pending: 40, points_spent: 260}],
      {jo: 'jo@x.com'},
    );
    assert.deepEqual((await read(['jo'])).get('jo'), {
      customerId: 'jo',
      programId: 'loyaltylion',
      balance: 640,
      pending: 40,
      lifetimePoints: 900,
      qualifyingAmount: 900,
      tierId: '7102',
      tierName: 'Silver',
      nextTierId: '7103',
      nextTierName: 'Gold',
      toNextTier: 600,
      tierProgress: 0.4,
      expiringSoon: [],
      coupons: [],
      asOf: '2025-03-01T10:00:00.000Z',
    });
  });

  it('at the top tier: no next tier, nothing to go, progress 1', async () => {
    const {read} = await setup([{email: 'jo@x.com', points_approved: 2000}], {jo: 'jo@x.com'});
    const account = (await read(['jo'])).get('jo')!;
    assert.deepEqual(
      [account.tierName, account.nextTierId, account.toNextTier, account.tierProgress],
      ['Gold', null, 0, 1],
    );
  });

  it("keeps LoyaltyLion's tier when the points already reach the next one (a manual tier)", async () => {
    const {read} = await setup([{email: 'jo@x.com', points_approved: 800, tier: 7101}], {
      jo: 'jo@x.com',
    });
    const account = (await read(['jo'])).get('jo')!;
    assert.deepEqual(
      [account.tierName, account.nextTierName, account.toNextTier, account.tierProgress],
      ['Bronze', 'Silver', 0, 1],
    );
  });

  it('a member without a tier membership holds the lowest tier', async () => {
    const {read} = await setup([{email: 'jo@x.com', points_approved: 100, tier: null}], {
      jo: 'jo@x.com',
    });
    const account = (await read(['jo'])).get('jo')!;
    assert.deepEqual([account.tierId, account.toNextTier], ['7101', 400]);
  });

  it('names the programme as told and colours the tier', async () => {
    const {read} = await setup(
      [{email: 'jo@x.com'}],
      {jo: 'jo@x.com'},
      {
        programId: 'lions',
        tiers: tiers.map((t) => (t.name === 'Bronze' ? {...t, color: '#cd7f32'} : t)),
      },
    );
    const account = (await read(['jo'])).get('jo')!;
    assert.deepEqual([account.programId, account.tierColor], ['lions', '#cd7f32']);
  });
});
