import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {checkAdapter, runAdapterConformance} from '@rapport/adapter-testkit';
import {memoryAdapter} from '@rapport/adapter-memory';
import type {CrmAdapter} from '@rapport/core';

const asOf = new Date('2026-11-01T00:00:00Z');
const knownCustomerIds = ['c-001', 'c-002'];

runAdapterConformance({name: 'memory', create: () => memoryAdapter({asOf}), knownCustomerIds});
runAdapterConformance({
  name: 'memory, batches of 3',
  create: () => memoryAdapter({asOf, maxBatchSize: 3, latency: 1}),
  knownCustomerIds,
});

describe('the conformance kit catches broken adapters', () => {
  const failed = async (adapter: () => CrmAdapter): Promise<string[]> =>
    (await checkAdapter({name: 'broken', create: adapter, knownCustomerIds}))
      .filter((r) => r.outcome === 'failed')
      .map((r) => r.id);

  it('passes the honest memory adapter', async () => {
    assert.deepEqual(await failed(() => memoryAdapter({asOf})), []);
  });

  it('fails an adapter that leaves unknown ids out of a batch answer', async () => {
    const ids = await failed(() => {
      const real = memoryAdapter({asOf});
      return {
        ...real,
        getCustomers: async (list, o) =>
          (await real.getCustomers(list, o)).filter((e) => e.record !== null),
      };
    });
    assert.ok(ids.includes('getCustomers.batch-answer'), ids.join());
  });

  it('fails an adapter that stores a retried submission twice', async () => {
    const ids = await failed(() => {
      const real = memoryAdapter({asOf});
      let n = 0;
      return {
        ...real,
        submitComplaint: (input, o) =>
          real.submitComplaint(input, {...o, idempotencyKey: `${o.idempotencyKey}-${++n}`}),
      };
    });
    assert.ok(ids.includes('submitComplaint.idempotent'), ids.join());
  });

  it('fails an adapter that answers silently for an operation it does not declare', async () => {
    const ids = await failed(() => {
      const real = memoryAdapter({asOf});
      return {
        ...real,
        capabilities: {
          ...real.capabilities,
          operations: real.capabilities.operations.filter((o) => o !== 'describeFields'),
        },
      };
    });
    assert.deepEqual(ids, ['describeFields.unsupported']);
  });

  it('fails an adapter that ignores abort signals', async () => {
    const ids = await failed(() => {
      const real = memoryAdapter({asOf});
      return {...real, listInteractions: (id, page) => real.listInteractions(id, page)};
    });
    assert.deepEqual(ids, ['listInteractions.abort']);
  });
});
