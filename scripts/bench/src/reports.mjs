// Section 9, in Node: a report over the memory backend holding 100,000 customers and about 1,100,000
// purchases, computed by the gateway (scanning the backend page by page, through its HTTP route) beside
// the core functions alone on the same purchases, already in one array. Printed, never asserted.
import {memoryAdapter} from '@rapport/adapter-memory';
import {scoreRfm, segmentDistribution} from '@rapport/core';
import {createGateway, signAgentToken} from '@rapport/gateway';
import {median} from './browser.mjs';

const RUNS = 3;
const asOf = new Date('2026-11-01T00:00:00Z');
const from = '2025-11-01T00:00:00.000Z';
const to = asOf.toISOString();

const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

export async function reportSpeed(customers = 100_000) {
  const started = performance.now();
  const adapter = memoryAdapter({asOf, size: customers, now: () => asOf.getTime()});
  const purchases = adapter.data.purchases;
  const setupMs = performance.now() - started;
  // The heap between the backend's pages, at its highest: what a report holds while it adds up.
  let peak = 0;
  const scan = adapter.resources.purchases.scan;
  const watched = Object.create(adapter, {
    resources: {
      value: {
        ...adapter.resources,
        purchases: {
          scan: (page, options) => {
            peak = Math.max(peak, process.memoryUsage().heapUsed);
            return scan(page, options);
          },
        },
      },
    },
  });
  const secret = 'bench-secret-that-is-long-enough-to-sign-tokens';
  const audience = 'bench';
  const gateway = createGateway({
    adapter: watched,
    auth: {secret, audience},
    rateLimit: false,
    reports: {cacheSeconds: 0, now: () => asOf.getTime()},
  });
  const token = await signAgentToken({
    agentId: 'b',
    roles: ['supervisor'],
    key: {secret},
    audience,
  });
  const url = `http://bench/v1/reports/customer-segments?from=${from}&to=${to}`;

  const coreRuns = [];
  const gatewayRuns = [];
  let answer;
  const before = heap();
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const scored = scoreRfm(purchases, {asOf: asOf.getTime() - 1, from});
    segmentDistribution(scored);
    coreRuns.push(performance.now() - t);
    heap();
    peak = 0;
    t = performance.now();
    const response = await gateway(
      new Request(url, {headers: {authorization: `Bearer ${token}`}}),
      {clientAddress: '127.0.0.1'},
    );
    answer = await response.json();
    gatewayRuns.push(performance.now() - t);
  }
  const coreMs = median(coreRuns);
  const gatewayMs = median(gatewayRuns);
  return {
    runs: RUNS,
    customers: adapter.data.customers.length,
    purchases: purchases.length,
    scored: answer.figures[0].value,
    setupMs,
    coreMs,
    gatewayMs,
    ratio: gatewayMs / coreMs,
    target: 1.5,
    heap: {
      beforeBytes: before,
      peakBytes: peak,
      afterBytes: heap(),
      gcExposed: typeof globalThis.gc === 'function',
    },
  };
}
