import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  catalogue,
  entities,
  resource,
  resourceOfEntity,
  resourcesWith,
  servedOperations,
  handlerOf,
  inputChecks,
  isRapportError,
  type Complaint,
  type CrmAdapter,
  type Customer,
} from '@rapport/core';
import {resourcePath, resourceRoutes, routeOf} from '@rapport/core/protocol';

describe('the resource catalogue', () => {
  it('gives every customization entity exactly one resource', () => {
    for (const entity of entities) {
      const owners = Object.entries(catalogue).filter(
        ([, d]) => 'entity' in d && d.entity === entity,
      );
      assert.equal(owners.length, 1, `entity ${entity}: resources ${owners.map(([n]) => n)}`);
      assert.equal(resourceOfEntity(entity), owners[0]![0]);
    }
  });

  it('declares what each operation needs: an order for lists, an input check for creates', () => {
    for (const [name, definition] of Object.entries(catalogue)) {
      const d = definition as {
        operations: readonly string[];
        orderedBy?: string;
      };
      // A member's rewards come in the order offerRewards gives them; every other list is by date.
      if (d.operations.includes('list') && name !== 'rewards')
        assert.ok(d.orderedBy, `${name}: list without orderedBy`);
      if (d.operations.includes('create'))
        assert.equal(
          typeof (inputChecks as Record<string, unknown>)[name],
          'function',
          `${name}: create without an input check`,
        );
    }
    assert.deepEqual(resourcesWith(catalogue, 'create'), [
      'complaints',
      'redemptions',
      'complaintUpdates',
      'surveyAnswers',
    ]);
    assert.deepEqual(resourcesWith(catalogue, 'read'), ['customers', 'loyaltyAccounts']);
  });

  it('names every revealed property as a standard field of its own resource', () => {
    for (const [name, definition] of Object.entries(catalogue)) {
      const d = definition as {
        fields: readonly string[];
        reveals?: Record<string, readonly string[]>;
      };
      for (const source of Object.keys(d.reveals ?? {}))
        assert.ok(d.fields.includes(source), `${name}.reveals.${source} is not in ${name}.fields`);
    }
  });

  it('derives the routes from the catalogue', () => {
    assert.equal(resourcePath('loyaltyAccounts'), 'loyalty-accounts');
    assert.deepEqual(routeOf('complaints', 'list'), {
      method: 'GET',
      pattern: '/customers/:customerId/complaints',
    });
    const routes = resourceRoutes().map((r) => `${r.method} ${r.pattern}`);
    assert.deepEqual(routes, [
      'GET /customers',
      'GET /loyalty-accounts',
      'GET /customers/:customerId/complaints',
      'POST /complaints',
      'GET /customers/:customerId/interactions',
      'GET /customers/:customerId/points-transactions',
      'GET /customers/:customerId/rewards',
      'GET /customers/:customerId/redemptions',
      'POST /redemptions',
      'GET /customers/:customerId/complaint-updates',
      'POST /complaint-updates',
      'GET /customers/:customerId/survey-answers',
      'POST /survey-answers',
    ]);
  });
});

describe('the adapter contract', () => {
  const customer = {id: 'c1'} as Customer;
  const partial: CrmAdapter = {
    name: 'partial',
    capabilities: {maxBatchSize: 5, entities: ['customer'], customFieldsWritable: false},
    resources: {customers: {read: async (ids) => ids.map((id) => ({id, record: customer}))}},
    describeFields: async (entity) => ({entity, fields: []}),
  };

  it('says which operations an adapter serves, and refuses the others as unsupported', async () => {
    assert.deepEqual(servedOperations(partial), {customers: ['read']});
    assert.deepEqual(await handlerOf(partial, 'customers', 'read')(['c1']), [
      {id: 'c1', record: customer},
    ]);
    assert.throws(
      () => handlerOf(partial, 'complaints', 'create'),
      (e) => isRapportError(e, 'unsupported') && /partial.*create.*complaints/.test(e.message),
    );
  });

  it('types the handlers from the catalogue', () => {
    const complaints: CrmAdapter['resources']['complaints'] = {
      list: async () => ({items: [] as Complaint[], nextCursor: null}),
      create: async () => ({}) as Complaint,
    };
    assert.ok(complaints);
    // @ts-expect-error: a resource the adapter serves must have every operation of its entry.
    const forgotten: CrmAdapter['resources']['complaints'] = {list: complaints.list};
    const wrongShape: CrmAdapter['resources']['customers'] = {
      // @ts-expect-error: a handler must answer the record type of its resource.
      read: async () => [{id: 'x', record: 1}],
    };
    assert.ok(forgotten && wrongShape);
  });

  it('lets a test declare a resource of its own with typed handlers', () => {
    interface Reward {
      readonly id: string;
      readonly customerId: string;
      readonly createdAt: string;
    }
    const rewards = resource<Reward>()({
      operations: ['read'],
      key: 'id',
      owner: 'customerId',
      fields: ['id'],
    });
    const extended = {...catalogue, rewards};
    const adapter: CrmAdapter<typeof extended> = {
      ...partial,
      resources: {rewards: {read: async (ids) => ids.map((id) => ({id, record: null}))}},
    };
    assert.deepEqual(servedOperations(adapter, extended), {rewards: ['read']});
  });
});
