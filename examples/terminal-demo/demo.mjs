// A terminal tour of @rapport/core on a generated customer base: RFM segments, loyalty tiers,
// lifetime value and complaint SLAs. Deterministic: the same seed prints the same figures.
import {
  customerLifetimeValues,
  defaultSlaPolicy,
  pointsForPurchase,
  scoreRfm,
  segmentDistribution,
  slaBreachRate,
  slaDueDates,
  summarizeAccount,
  transitionComplaint,
} from '@rapport/core';

const seed = Number(process.env.SEED ?? 42);
const customers = Number(process.env.CUSTOMERS ?? 200);
const asOf = '2026-11-01T00:00:00Z';
const DAY = 86_400_000;

// mulberry32: a small seeded generator, so every run prints the same figures.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const program = {
  id: 'club',
  name: 'Club',
  currency: 'EUR',
  tiers: [
    {id: 'member', name: 'Member', threshold: 0},
    {id: 'silver', name: 'Silver', threshold: 500},
    {id: 'gold', name: 'Gold', threshold: 1500},
    {id: 'platinum', name: 'Platinum', threshold: 3000},
  ],
  qualification: {basis: 'points', windowDays: 365},
  earnRules: [{id: 'base', pointsPerUnit: 1}],
  expiry: {kind: 'after-days', days: 365},
};

// Two years of purchases: each customer buys at their own pace and basket size, some stop buying.
const purchases = [];
for (let c = 0; c < customers; c++) {
  const id = `c-${String(c + 1).padStart(3, '0')}`;
  const perYear = 1 + Math.floor(random() ** 2 * 24);
  const basket = 20 + random() * 180;
  const stoppedDaysAgo = random() < 0.3 ? Math.floor(random() * 600) : 0;
  for (
    let day = 730 - Math.floor((random() * 365) / perYear);
    day > stoppedDaysAgo;
    day -= 1 + Math.floor(random() * (730 / perYear))
  ) {
    const amount = Math.round(basket * (0.5 + random()) * 100) / 100;
    purchases.push({
      customerId: id,
      at: new Date(Date.parse(asOf) - day * DAY).toISOString(),
      amount,
      currency: 'EUR',
    });
  }
}
console.log(
  `Rapport core demo: ${customers} customers, ${purchases.length} purchases over two years (SEED=${seed})\n`,
);

const rfm = scoreRfm(purchases, {asOf});
const {segments} = segmentDistribution(rfm);
console.log('RFM segments');
for (const {segment, count, share} of segments) {
  console.log(
    `  ${segment.padEnd(20)} ${String(count).padStart(4)}  ${'#'.repeat(Math.round((share ?? 0) * 60))}`,
  );
}

const byCustomer = new Map();
for (const p of purchases)
  byCustomer.set(p.customerId, [...(byCustomer.get(p.customerId) ?? []), p]);
const tiers = new Map(program.tiers.map((t) => [t.id, 0]));
for (const [customerId, list] of byCustomer) {
  const transactions = list.map((p, i) => ({
    id: `${customerId}-${i}`,
    customerId,
    type: 'earn',
    points: Math.max(1, pointsForPurchase(program, p.amount, 'member')),
    at: p.at,
  }));
  const account = summarizeAccount(program, {customerId, transactions, asOf});
  tiers.set(account.tierId, tiers.get(account.tierId) + 1);
}
console.log('\nLoyalty tiers (qualifying points in the last 365 days)');
for (const tier of program.tiers)
  console.log(`  ${tier.name.padEnd(20)} ${String(tiers.get(tier.id)).padStart(4)}`);

const clv = customerLifetimeValues(purchases, {
  asOf,
  grossMargin: 0.35,
  retentionRate: 0.7,
  discountRate: 0.1,
});
console.log('\nHighest lifetime value (35% margin, 70% retention, 10% discount rate)');
for (const v of clv.slice(0, 5)) {
  console.log(
    `  ${v.customerId}  ${v.orders} orders, EUR ${v.revenue.toFixed(2)} last year -> CLV EUR ${v.lifetimeValue.toFixed(0)}`,
  );
}

const severities = ['low', 'medium', 'high', 'critical'];
const complaints = Array.from({length: 40}, (_, i) => {
  const createdAt = new Date(Date.parse(asOf) - random() * 30 * DAY).toISOString();
  const severity = severities[Math.floor(random() * 4)];
  let complaint = {
    id: `k${i}`,
    reference: `C-2026-${String(i + 1).padStart(6, '0')}`,
    customerId: rfm[i].customerId,
    channel: 'web',
    category: 'delivery',
    severity,
    subject: 'Late delivery',
    description: 'The parcel has not arrived.',
    status: 'new',
    createdAt,
    updatedAt: createdAt,
    ...slaDueDates(createdAt, severity, defaultSlaPolicy),
    customFields: {},
    history: [],
  };
  const respondAfterHours = random() ** 3 * 48;
  const respondedAt = Date.parse(createdAt) + respondAfterHours * 3_600_000;
  if (respondedAt < Date.parse(asOf))
    complaint = transitionComplaint(complaint, 'acknowledge', {at: respondedAt});
  return complaint;
});
const breach = slaBreachRate(complaints, {from: '2026-10-01', to: asOf}, asOf);
console.log(
  `\nComplaints: ${breach.numerator} of ${breach.denominator} in October breached their SLA (${Math.round((breach.rate ?? 0) * 100)}%)`,
);
console.log('\nThe playground with widgets arrives with the widgets; see README.md.');
