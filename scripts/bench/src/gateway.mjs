// Section 7, in Node: a memory soak of the gateway's idempotency store. One customer token sends N
// complaints, each with its own Idempotency-Key, to a gateway over a backend that keeps nothing: what
// grows is the gateway. Printed, never asserted (heap figures are noisy).
import {memoryIdempotencyStore} from '@rapport/core';
import {createGateway, signCustomerToken} from '@rapport/gateway';

const secret = 'bench-secret-that-is-long-enough-for-hs256!';
const audience = 'rapport-bench';

/** A backend that answers every create and keeps nothing, so only the gateway's memory grows. */
export const forgetful = {
  name: 'forgetful',
  capabilities: {maxBatchSize: 100, entities: ['complaint'], customFieldsWritable: true},
  resources: {
    complaints: {
      list: async () => ({items: [], nextCursor: null}),
      create: async (input) => {
        const now = new Date().toISOString();
        return {
          ...input,
          id: crypto.randomUUID(),
          reference: 'C-2026-000001',
          status: 'new',
          createdAt: now,
          updatedAt: now,
          responseDueAt: now,
          resolutionDueAt: now,
          customFields: input.customFields ?? {},
          history: [],
        };
      },
    },
  },
  describeFields: async (entity) => ({entity, fields: []}),
};

const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

export async function idempotencySoak(submissions = 20_000) {
  const store = memoryIdempotencyStore();
  const gateway = createGateway({
    adapter: forgetful,
    auth: {secret, audience},
    idempotencyStore: store,
    rateLimit: false,
  });
  const token = await signCustomerToken({customerId: 'c-001', key: {secret}, audience});
  // About 5 KB per body: a description at the form's limit would be 5,000 characters.
  const body = JSON.stringify({
    channel: 'web',
    category: 'delivery',
    severity: 'medium',
    subject: 'Parcel late',
    description: 'The parcel I ordered has not arrived. '.repeat(130).slice(0, 4990),
  });
  const heapBefore = heap();
  const storeBefore = store.usage();
  const started = performance.now();
  for (let i = 0; i < submissions; i++) {
    const response = await gateway(
      new Request('http://gateway.bench/v1/complaints', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': `soak-${i}`,
        },
        body,
      }),
    );
    if (response.status !== 201)
      throw new Error(`submission ${i}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
  const elapsedMs = performance.now() - started;
  return {
    submissions,
    bodyBytes: body.length,
    elapsedMs,
    store: {before: storeBefore, after: store.usage()},
    heap: {
      beforeBytes: heapBefore,
      afterBytes: heap(),
      gcExposed: typeof globalThis.gc === 'function',
    },
  };
}
