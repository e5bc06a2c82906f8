import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  checkAdapter,
  formatReport,
  runAdapterConformance,
  type ConformanceOptions,
} from '@rapport/adapter-testkit';
import {createDemoData, memoryAdapter} from '@rapport/adapter-memory';
import {
  composeAdapters,
  type AdapterResources,
  type Complaint,
  type CrmAdapter,
} from '@rapport/core';

const asOf = new Date('2026-11-01T00:00:00Z');
// Members with points for a few redemptions and complaints to reply on (c-028 is Gold, 8,802 points).
const knownCustomerIds = ['c-028', 'c-009'];
const seeded = createDemoData({asOf});
const complaintOf = (customerId: string): string =>
  seeded.complaints.find((c) => c.customerId === customerId)!.id;
/** What the kit needs besides an adapter: the customers, and valid inputs of the new writes. */
const kit = {
  knownCustomerIds,
  inputs: {
    // Rewards any member may redeem any number of times, and three of them cost 2,500 points.
    redemptions: (customerId: string, n: number) => ({
      customerId,
      rewardId: ['tea-sampler', 'fifty-off', 'gaiwan'][(n - 1) % 3]!,
    }),
    complaintUpdates: (customerId: string, n: number) => ({
      customerId,
      complaintId: complaintOf(customerId),
      body: `Conformance check: reply #${n}`,
    }),
    // Standalone answers, so any number of them may be given.
    surveyAnswers: (customerId: string, n: number) => ({
      customerId,
      kind: 'nps' as const,
      score: n % 11,
      comment: `Conformance check #${n}`,
    }),
  },
} satisfies Omit<ConformanceOptions, 'name' | 'create'>;

runAdapterConformance({name: 'memory', create: () => memoryAdapter({asOf}), ...kit});
runAdapterConformance({
  name: 'memory, batches of 3',
  create: () => memoryAdapter({asOf, maxBatchSize: 3, latency: 1}),
  ...kit,
});

// One page fed by two backends: the kit runs unchanged against the composed adapter.
runAdapterConformance({
  name: 'composed: customers, complaints and interactions from one memory adapter, loyalty from another',
  create: () => {
    const crm = memoryAdapter({asOf});
    return composeAdapters({
      customers: crm,
      complaints: crm,
      interactions: crm,
      loyaltyAccounts: memoryAdapter({asOf, maxBatchSize: 7}),
    });
  },
  ...kit,
});

/** The memory adapter with some of its resources' handlers replaced. */
function altered(
  change: (resources: Required<AdapterResources>) => AdapterResources,
): () => CrmAdapter {
  return () => {
    const real = memoryAdapter({asOf});
    const resources = real.resources as Required<AdapterResources>;
    return {...real, resources: {...resources, ...change(resources)}};
  };
}

describe('the conformance kit catches broken adapters', () => {
  const failed = async (create: () => CrmAdapter): Promise<string[]> =>
    (await checkAdapter({name: 'broken', create, ...kit}))
      .filter((r) => r.outcome === 'failed')
      .map((r) => r.id);

  it('passes the honest memory adapter', async () => {
    assert.deepEqual(await failed(() => memoryAdapter({asOf})), []);
  });

  it('fails an adapter whose complaints list is oldest first', async () => {
    const ids = await failed(
      altered(({complaints}) => ({
        complaints: {
          ...complaints,
          list: async (id, page, o) => {
            const newest = await complaints.list(id, {limit: 100}, o);
            return {...newest, items: [...newest.items].reverse().slice(0, page?.limit ?? 20)};
          },
        },
      })),
    );
    assert.ok(ids.includes('complaints.list.newest-first'), ids.join());
  });

  it('fails an oldest-first complaints list on a backend that starts empty, by creating complaints first', async () => {
    const ids = await failed(
      altered(({complaints}) => {
        const created: Complaint[] = [];
        return {
          complaints: {
            create: async (input, o) => {
              const complaint = await complaints.create(input, o);
              if (!created.some((c) => c.id === complaint.id)) created.push(complaint);
              return complaint;
            },
            list: async (id, page, o) => {
              await complaints.list(id, page, o);
              const items = created.filter((c) => c.customerId === id);
              return {items: items.slice(0, page?.limit ?? 20), nextCursor: null};
            },
          },
        };
      }),
    );
    assert.ok(ids.includes('complaints.list.newest-first'), ids.join());
  });

  it('fails an adapter that leaves unknown ids out of a batch answer', async () => {
    const ids = await failed(
      altered(({customers}) => ({
        customers: {
          read: async (keys, o) => (await customers.read(keys, o)).filter((e) => e.record !== null),
        },
      })),
    );
    assert.ok(ids.includes('customers.read.batch-answer'), ids.join());
  });

  it('fails an adapter that stores a retried submission twice', async () => {
    let n = 0;
    const ids = await failed(
      altered(({complaints}) => ({
        complaints: {
          ...complaints,
          create: (input, o) =>
            complaints.create(input, {...o, idempotencyKey: `${o.idempotencyKey}-${++n}`}),
        },
      })),
    );
    assert.ok(ids.includes('complaints.create.idempotent'), ids.join());
  });

  it('fails an adapter that does not copy contact back into the complaint', async () => {
    const ids = await failed(
      altered(({complaints}) => ({
        complaints: {
          ...complaints,
          create: async (input, o) => {
            const {contact: _dropped, ...complaint} = await complaints.create(input, o);
            return complaint;
          },
        },
      })),
    );
    assert.deepEqual(ids, ['complaints.create.anonymous']);
  });

  it("fails an adapter whose interactions list holds another customer's items", async () => {
    const ids = await failed(
      altered(({interactions}) => ({
        interactions: {
          list: async (id, page, o) => {
            const own = await interactions.list(id, page, o);
            const [first, second] = knownCustomerIds;
            const other = await interactions.list(id === first ? second! : first!, {limit: 1});
            return {...own, items: [...other.items, ...own.items].slice(0, page?.limit ?? 20)};
          },
        },
      })),
    );
    assert.ok(ids.includes('interactions.list.owner'), ids.join());
  });

  it('fails an adapter whose pages repeat items', async () => {
    const ids = await failed(
      altered(({interactions}) => ({
        interactions: {
          list: (id, page, o) => interactions.list(id, page && {limit: page.limit ?? 20}, o),
        },
      })),
    );
    assert.ok(ids.includes('interactions.list.pages'), ids.join());
  });

  it('fails an adapter that serves only part of a resource', async () => {
    const ids = await failed(
      altered(({complaints}) => ({complaints: {list: complaints.list} as never})),
    );
    assert.ok(ids.includes('capabilities.shape'), ids.join());
    assert.ok(!ids.some((id) => id.startsWith('complaints.create')), 'no create checks run');
  });

  it('fails an adapter that ignores abort signals', async () => {
    const ids = await failed(
      altered(({interactions}) => ({
        interactions: {list: (id, page) => interactions.list(id, page)},
      })),
    );
    assert.deepEqual(ids, ['interactions.list.abort']);
  });

  it('runs no checks for a resource the adapter does not serve, and reports it as not served', async () => {
    const partial = (): CrmAdapter => {
      const {loyaltyAccounts: _left, ...resources} = memoryAdapter({asOf}).resources;
      return {...memoryAdapter({asOf}), resources};
    };
    const results = await checkAdapter({name: 'partial', create: partial, ...kit});
    assert.deepEqual(
      results.filter((r) => r.outcome === 'failed').map((r) => r.id),
      [],
    );
    assert.ok(!results.some((r) => r.group.startsWith('loyaltyAccounts')));
    assert.match(formatReport('partial', results, partial()), /loyaltyAccounts\.read\s+not served/);
  });
});

describe('the conformance kit blames a wrong configuration, not the adapter', () => {
  const create = () => memoryAdapter({asOf});

  it('refuses an unknown skip id, at compile time and at run time', async () => {
    await assert.rejects(
      checkAdapter({
        name: 'memory',
        create,
        knownCustomerIds,
        // @ts-expect-error: operations that are not served have no check any more
        skip: {'complaints.create.unsupported': 'gone'},
      }),
      /Conformance configuration: skip names "complaints\.create\.unsupported", which is not a check id; the check ids are: capabilities\.shape, customers\.read\.batch-answer/,
    );
  });

  it('reports skipped checks as skipped', async () => {
    const results = await checkAdapter({
      name: 'memory',
      create,
      ...kit,
      skip: {'complaints.create.anonymous': 'the backend wants a customer for every ticket'},
    });
    assert.deepEqual(
      results.filter((r) => r.outcome === 'skipped').map((r) => [r.id, r.message]),
      [['complaints.create.anonymous', 'the backend wants a customer for every ticket']],
    );
  });

  it('needs two different known customers', async () => {
    await assert.rejects(
      checkAdapter({name: 'memory', create, knownCustomerIds: ['c-001', 'c-001']}),
      /Conformance configuration: knownCustomerIds must name at least two different customers/,
    );
  });

  it('says which known customer the backend does not have', async () => {
    await assert.rejects(
      checkAdapter({name: 'memory', create, knownCustomerIds: ['c-001', 'c-999']}),
      /Conformance configuration: knownCustomerIds\[1\] "c-999" is not a customer of the "memory" backend \(customers\.read answered no record for it\)/,
    );
  });

  it('checks known customers through a list when the adapter reads no customers', async () => {
    const noCustomers = (): CrmAdapter => {
      const {customers: _left, ...resources} = memoryAdapter({asOf}).resources;
      return {...memoryAdapter({asOf}), resources};
    };
    await assert.rejects(
      checkAdapter({name: 'memory', create: noCustomers, knownCustomerIds: ['c-999', 'c-001']}),
      /knownCustomerIds\[0\] "c-999" is not a customer of the "memory" backend \(complaints\.list answered not_found\)/,
    );
  });
});
