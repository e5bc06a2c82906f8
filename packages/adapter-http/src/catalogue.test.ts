// A resource added to the catalogue in a fixture is served end to end (client → http adapter → a real
// gateway on 127.0.0.1 → an adapter) with no other change: the catalogue entry, its input check and
// the adapter's handlers are all it takes. It lives here rather than in the gateway's package because the gateway
// must not depend on adapter-http, which already depends on it for its tests.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {httpAdapter} from '@rapport/adapter-http';
import {
  catalogue as rapportCatalogue,
  createClient,
  inputChecks,
  invalidInput,
  isRapportError,
  resource,
  validateCustomerId,
  validateKeys,
  validatePage,
  type CrmAdapter,
} from '@rapport/core';
import {createGateway, signAgentToken, signCustomerToken} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';

interface Reward {
  readonly id: string;
  readonly customerId: string;
  readonly title: string;
  readonly points: number;
  readonly createdAt: string;
}

interface RewardInput {
  readonly customerId: string;
  readonly title: string;
}

function validateReward(input: unknown): RewardInput {
  const {customerId, title} = (input ?? {}) as Partial<RewardInput>;
  if (typeof title !== 'string' || title === '') throw invalidInput('title', 'is required');
  return {customerId: validateCustomerId(customerId), title};
}

const catalogue = {
  ...rapportCatalogue,
  rewards: resource<Reward, RewardInput>()({
    operations: ['read', 'list', 'create'],
    key: 'id',
    owner: 'customerId',
    orderedBy: 'createdAt',
    // No customization entity names a reward's fields, so the gateway sends what is essential.
    essentials: ['title', 'points', 'createdAt'],
    fields: ['id', 'customerId', 'title', 'points', 'createdAt'],
  }),
} as const;

const rewards: Reward[] = [
  {
    id: 'r-1',
    customerId: 'c-1',
    title: 'Free coffee',
    points: 50,
    createdAt: '2026-10-01T09:00:00Z',
  },
  {id: 'r-2', customerId: 'c-1', title: 'Tote bag', points: 200, createdAt: '2026-10-20T09:00:00Z'},
  {
    id: 'r-3',
    customerId: 'c-2',
    title: 'Gift card',
    points: 500,
    createdAt: '2026-10-05T09:00:00Z',
  },
];

/** Serves rewards only, calling the contract's guards as every adapter does. */
function rewardsAdapter(): CrmAdapter<typeof catalogue> & {readonly batches: string[][]} {
  const batches: string[][] = [];
  return {
    name: 'rewards-fixture',
    capabilities: {maxBatchSize: 10, entities: [], customFieldsWritable: false},
    batches,
    resources: {
      rewards: {
        async read(keys) {
          const distinct = validateKeys(keys, 10);
          batches.push(distinct);
          return distinct.map((id) => ({id, record: rewards.find((r) => r.id === id) ?? null}));
        },
        // No idempotency of its own: the gateway's layer makes each key one reward.
        async create(input) {
          const {customerId, title} = validateReward(input);
          const reward = {
            id: `r-${rewards.length + 1}`,
            customerId,
            title,
            points: 0,
            createdAt: new Date().toISOString(),
          };
          rewards.push(reward);
          return reward;
        },
        async list(customerId, page) {
          validateCustomerId(customerId);
          const {limit, cursor} = validatePage(page);
          const own = rewards
            .filter((r) => r.customerId === customerId)
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
          const start = cursor === undefined ? 0 : Number(cursor);
          const end = start + limit;
          return {
            items: own.slice(start, end),
            nextCursor: end < own.length ? String(end) : null,
            total: own.length,
          };
        },
      },
    },
    async describeFields(entity) {
      return {entity, fields: []};
    },
  };
}

const secret = 'catalogue-test-secret-that-is-long-enough';
const audience = 'https://gateway.test';

describe('a resource added to the catalogue', () => {
  const backend = rewardsAdapter();
  let server: RunningServer;
  before(async () => {
    server = await serveGateway(
      createGateway({
        catalogue,
        inputChecks: {...inputChecks, rewards: validateReward},
        adapter: backend,
        auth: {secret, audience},
        rateLimit: false,
      }),
      {port: 0},
    );
  });
  after(() => server.close());

  const clientFor = (token: string) =>
    createClient(httpAdapter({url: server.url, catalogue, getToken: () => token}), {catalogue});

  it('is read by key in one batch and listed by customer, newest first', async () => {
    const client = clientFor(
      await signAgentToken({agentId: 'a-1', roles: ['agent'], key: {secret}, audience}),
    );
    backend.batches.length = 0;
    const [coffee, card] = await Promise.all([
      client.read('rewards', 'r-1'),
      client.read('rewards', 'r-3'),
    ]);
    assert.deepEqual([coffee.title, card.points], ['Free coffee', 500]);
    assert.deepEqual(backend.batches, [['r-1', 'r-3']], 'both keys in one request');
    const page = await client.list('rewards', 'c-1', {limit: 1});
    assert.deepEqual([page.items.map((r) => r.id), page.nextCursor, page.total], [['r-2'], '1', 2]);
    const capabilities = await (await fetch(`${server.url}/v1/capabilities`)).json();
    assert.deepEqual(capabilities.resources, {rewards: ['read', 'list', 'create']});
  });

  it('is created once per key, for the customer whose token sends it', async () => {
    const client = clientFor(await signCustomerToken({customerId: 'c-2', key: {secret}, audience}));
    const before = rewards.length;
    const first = await client.create(
      'rewards',
      {customerId: 'c-2', title: 'Mug'},
      {idempotencyKey: 'mug'},
    );
    const again = await client.create(
      'rewards',
      {customerId: 'c-2', title: 'Mug'},
      {idempotencyKey: 'mug'},
    );
    assert.deepEqual([again.id, again.customerId, rewards.length], [first.id, 'c-2', before + 1]);
    await assert.rejects(
      client.create('rewards', {customerId: 'c-1', title: 'Mug'}),
      (e) => isRapportError(e, 'forbidden'),
      "another customer's reward",
    );
    await assert.rejects(
      client.create('rewards', {customerId: 'c-2', title: ''}),
      (e) => isRapportError(e, 'invalid_input') && 'title' in e.fields,
      'the entry checks the input',
    );
    assert.equal(rewards.length, before + 1, 'refused creates store nothing');
    const page = await client.list('rewards', 'c-2');
    assert.equal(page.items[0]?.id, first.id, 'the new reward comes first in its list');
  });

  it("refuses a customer token another customer's list and records", async () => {
    const client = clientFor(await signCustomerToken({customerId: 'c-1', key: {secret}, audience}));
    assert.equal((await client.list('rewards', 'c-1')).items.length, 2);
    await assert.rejects(client.list('rewards', 'c-2'), (e) => isRapportError(e, 'forbidden'));
    assert.equal((await client.read('rewards', 'r-1')).customerId, 'c-1');
    await assert.rejects(
      client.read('rewards', 'r-3'),
      (e) => isRapportError(e, 'forbidden'),
      'a reward read by its id is refused once the gateway sees whose it is',
    );
  });
});
