import {dealStages, type Customer, type Deal, type DealStage} from '@rapport/core';
import type {Random} from './random.js';

const DAY = 86_400_000;
const names = [
  'Annual supply',
  'Store fit-out',
  'Loyalty upgrade',
  'Corporate gifts',
  'Renewal',
  'Pilot',
];
// Most deals are still open; of the closed ones, about half are won.
const weights: Readonly<Record<DealStage, number>> = {
  qualification: 4,
  needs_analysis: 3,
  proposal: 3,
  negotiation: 2,
  won: 3,
  lost: 3,
};
const pool = dealStages.flatMap((stage) => Array.from({length: weights[stage]}, () => stage));

/**
 * Sales opportunities: most organizations and a few persons have one to three, of the last 400 days,
 * in CNY, at every stage; won and lost ones closed after they were opened.
 */
export function dealsOf(random: Random, customers: readonly Customer[], asOf: number): Deal[] {
  const deals: Deal[] = [];
  for (const customer of customers) {
    if (!random.chance(customer.kind === 'organization' ? 0.8 : 0.15)) continue;
    for (let n = random.int(1, 3); n > 0; n--) {
      const stage = random.pick(pool);
      const created = asOf - random.int(1, 400) * DAY;
      const closed = stage === 'won' || stage === 'lost';
      deals.push({
        id: `d-${customer.id}-${n}`,
        customerId: customer.id,
        name: random.pick(names),
        stage,
        amount: random.int(20, 800) * 100,
        currency: 'CNY',
        createdAt: new Date(created).toISOString(),
        ...(closed && {
          closedAt: new Date(Math.min(asOf, created + random.int(5, 90) * DAY)).toISOString(),
        }),
      });
    }
  }
  return deals;
}
