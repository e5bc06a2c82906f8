// A terminal tour of Rapport's core on the embedded demo backend: RFM segments, loyalty tiers,
// lifetime value and complaint SLAs, then the client batching reads and surviving failures.
// Deterministic: the same SEED prints the same figures.
import {memoryAdapter} from '@rapport/adapter-memory';
import {
  createClient,
  customerLifetimeValues,
  localize,
  segmentDistribution,
  scoreRfm,
  slaBreachRate,
} from '@rapport/core';

const seed = Number(process.env.SEED ?? 42);
const asOf = new Date('2026-11-01T00:00:00Z');
const adapter = memoryAdapter({seed, asOf});
const data = adapter.data;
console.log(
  `Rapport demo backend (SEED=${seed}): ${data.customers.length} customers, ${data.purchases.length} purchases over two years, ${data.complaints.length} complaints\n`,
);

const {segments, unscored} = segmentDistribution(
  scoreRfm(data.purchases, {asOf, customerIds: data.customers.map((c) => c.id)}),
);
console.log('RFM segments');
for (const {segment, count, share} of segments) {
  console.log(
    `  ${segment.padEnd(20)} ${String(count).padStart(4)}  ${'#'.repeat(Math.round((share ?? 0) * 60))}`,
  );
}
console.log(`  ${'(no purchases)'.padEnd(20)} ${String(unscored).padStart(4)}`);

console.log(
  `\nLoyalty tiers of ${localize(data.program.name, 'en')} (qualifying points in the last 365 days)`,
);
for (const tier of data.program.tiers) {
  const members = data.accounts.filter((a) => a.tierId === tier.id).length;
  console.log(`  ${localize(tier.name, 'en').padEnd(20)} ${String(members).padStart(4)}`);
}

const clv = customerLifetimeValues(data.purchases, {
  asOf,
  grossMargin: 0.35,
  retentionRate: 0.7,
  discountRate: 0.1,
});
const names = new Map(data.customers.map((c) => [c.id, c.displayName]));
console.log('\nHighest lifetime value (35% margin, 70% retention, 10% discount rate)');
for (const v of clv.slice(0, 5)) {
  console.log(
    `  ${names.get(v.customerId).padEnd(24)} ${String(v.orders).padStart(3)} orders, CNY ${v.revenue.toFixed(0).padStart(6)} last year -> CLV CNY ${v.lifetimeValue.toFixed(0)}`,
  );
}
const breach = slaBreachRate(
  data.complaints,
  {from: new Date(asOf.getTime() - 90 * 86_400_000), to: asOf},
  asOf,
);
console.log(
  `\nComplaints of the last 90 days: ${breach.numerator} of ${breach.denominator} breached their SLA (${Math.round((breach.rate ?? 0) * 100)}%)`,
);

// The client: 120 cards on one page ask for their customer and loyalty account at once.
const calls = [];
const client = createClient(adapter, {hooks: {onRequest: (e) => calls.push(e)}});
const ids = data.customers.slice(0, 120).map((c) => c.id);
await Promise.all(
  ids.flatMap((id) => [client.read('customers', id), client.read('loyaltyAccounts', id)]),
);
console.log(
  `\n120 cards asked for 240 records: ${calls.length} adapter calls (batches of at most ${adapter.capabilities.maxBatchSize})`,
);

// 100 complaints through 30% simulated failures: retried with one idempotency key each, stored once.
adapter.setFaults({rate: 0.3, seed, retryAfterMs: 5});
const failures = [];
const submitting = createClient(adapter, {
  retry: {attempts: 10, baseDelayMs: 2},
  hooks: {onError: (e) => failures.push(e)},
});
const before = adapter.data.complaints.length;
await Promise.all(
  ids.slice(0, 100).map((customerId, i) =>
    submitting.create('complaints', {
      customerId,
      channel: 'web',
      category: 'delivery',
      severity: 'medium',
      subject: `Demo ${i}`,
      description: 'Parcel late.',
    }),
  ),
);
console.log(
  `100 complaints through 30% simulated failures: ${failures.length} failed attempts retried, ${adapter.data.complaints.length - before} complaints stored`,
);
