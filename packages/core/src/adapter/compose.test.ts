import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  composeAdapters,
  createClient,
  isRapportError,
  servedOperations,
  type AdapterResources,
  type Complaint,
  type CrmAdapter,
  type Customer,
  type Entity,
  type LoyaltyAccount,
} from '@rapport/core';

const at = '2026-11-01T00:00:00.000Z';
const customer = (id: string): Customer => ({
  id,
  kind: 'person',
  displayName: `Customer ${id}`,
  lifecycleStage: 'retain',
  tags: [],
  createdAt: at,
  updatedAt: at,
  customFields: {},
});

/** A backend that serves the given resources and remembers the calls it got. */
function backend(
  name: string,
  resources: AdapterResources,
  capabilities: Partial<CrmAdapter['capabilities']> = {},
) {
  const described: Entity[] = [];
  const adapter: CrmAdapter = {
    name,
    capabilities: {maxBatchSize: 100, entities: [], customFieldsWritable: true, ...capabilities},
    resources,
    async describeFields(entity) {
      described.push(entity);
      return {entity, fields: [{path: 'email', label: name, type: 'email', custom: false}]};
    },
  };
  return {adapter, described};
}

const crm = backend(
  'crm',
  {
    customers: {read: async (keys) => keys.map((id) => ({id, record: customer(id)}))},
    complaints: {
      list: async () => ({items: [], nextCursor: null}),
      create: async (input) => ({...(input as object), id: 'k1'}) as unknown as Complaint,
    },
  },
  {maxBatchSize: 100, entities: ['customer', 'complaint']},
);
const loyalty = backend(
  'loyalty',
  {
    loyaltyAccounts: {
      read: async (keys) =>
        keys.map((customerId) => ({
          id: customerId,
          record: {customerId, balance: 40} as unknown as LoyaltyAccount,
        })),
    },
  },
  {maxBatchSize: 25, entities: ['loyalty'], customFieldsWritable: false},
);

describe('composeAdapters', () => {
  const composed = composeAdapters({
    customers: crm.adapter,
    complaints: crm.adapter,
    loyaltyAccounts: loyalty.adapter,
  });

  it('routes each resource to the adapter named for it, and leaves the rest unsupported', async () => {
    assert.deepEqual(servedOperations(composed), {
      customers: ['read'],
      loyaltyAccounts: ['read'],
      complaints: ['list', 'create'],
    });
    const client = createClient(composed);
    const [account, person] = await Promise.all([
      client.read('loyaltyAccounts', 'c1'),
      client.read('customers', 'c1'),
    ]);
    assert.equal(account?.balance, 40);
    assert.equal(person?.displayName, 'Customer c1');
    await assert.rejects(
      client.list('interactions', 'c1'),
      (e: unknown) => isRapportError(e, 'unsupported') && /interactions/.test(e.message),
    );
  });

  it('merges capabilities so that respecting them respects every adapter', () => {
    assert.equal(composed.capabilities.maxBatchSize, 25);
    assert.deepEqual(composed.capabilities.entities, ['customer', 'complaint', 'loyalty']);
    assert.equal(composed.capabilities.customFieldsWritable, true, 'the only creator stores them');
    assert.equal(composed.name, 'customers: crm, complaints: crm, loyaltyAccounts: loyalty');
  });

  it('refuses a batch over the merged size, even for an adapter that would take it', async () => {
    const keys = Array.from({length: 26}, (_, n) => `c${n}`);
    await assert.rejects(composed.resources.customers!.read(keys), (e: unknown) =>
      isRapportError(e, 'invalid_input'),
    );
    assert.equal((await composed.resources.customers!.read(keys.slice(0, 25))).length, 25);
  });

  it('does not offer entities whose resource is unrouted or whose adapter cannot describe them', async () => {
    const partial = composeAdapters({customers: crm.adapter, loyaltyAccounts: loyalty.adapter});
    assert.deepEqual(partial.capabilities.entities, ['customer', 'loyalty']);
    assert.equal(partial.capabilities.customFieldsWritable, false, 'nothing creates');
    await assert.rejects(partial.describeFields('complaint'), (e: unknown) =>
      isRapportError(e, 'invalid_input'),
    );
  });

  it('asks the adapter of the entity’s resource to describe its fields', async () => {
    await composed.describeFields('loyalty');
    await composed.describeFields('customer');
    assert.deepEqual(loyalty.described, ['loyalty']);
    assert.deepEqual(crm.described, ['customer']);
  });

  it('pings every adapter once, and fails when one of them does not answer', async () => {
    const pinged: string[] = [];
    const pinging = (adapter: CrmAdapter, answer: () => Promise<void>): CrmAdapter => ({
      ...adapter,
      describeFields: adapter.describeFields,
      ping: () => {
        pinged.push(adapter.name);
        return answer();
      },
    });
    const up = async () => {};
    const routes = (loyaltyPing: () => Promise<void>) => {
      const crmAdapter = pinging(crm.adapter, up);
      return composeAdapters({
        customers: crmAdapter,
        complaints: crmAdapter,
        loyaltyAccounts: pinging(loyalty.adapter, loyaltyPing),
      });
    };
    await routes(up).ping!();
    assert.deepEqual(pinged.sort(), ['crm', 'loyalty'], 'one ping per adapter, not per resource');
    const down = new Error('loyalty platform down');
    await assert.rejects(routes(() => Promise.reject(down)).ping!(), (e: unknown) => e === down);
  });

  it('refuses a route to an adapter that does not serve the resource, naming both', () => {
    assert.throws(
      () => composeAdapters({complaints: loyalty.adapter}),
      (e: unknown) =>
        isRapportError(e, 'invalid_input') &&
        e.message.includes(
          'complaints is routed to the loyalty adapter, which does not serve complaints',
        ),
    );
  });

  it('refuses a route that names no resource of the catalogue', () => {
    assert.throws(
      () => composeAdapters({complains: crm.adapter} as never),
      (e: unknown) =>
        isRapportError(e, 'invalid_input') && /"complains" is not a resource/.test(e.message),
    );
  });
});
